/**
 * Synthetic release narratives for the benchmark: 300–600 words of MDX with headings, lists,
 * a code block, links, an alert and issue references, drawn from word pools large enough that
 * the search index sees a realistic vocabulary. Safe MDX: no braces or angle brackets in prose.
 */
import type { Random } from './random.ts';

const FEATURES = [
  'export pipeline',
  'audit log',
  'billing dashboard',
  'webhook delivery',
  'search index',
  'session store',
  'rate limiter',
  'invoice renderer',
  'notification centre',
  'file uploader',
  'report scheduler',
  'permission model',
  'SSO login',
  'API gateway',
  'usage meter',
  'data retention job',
  'team switcher',
  'activity feed',
  'CSV importer',
  'PDF generator',
  'GraphQL endpoint',
  'mobile sync',
  'offline cache',
  'workspace settings',
  'onboarding checklist',
  'status page widget',
  'payment retry queue',
  'tax calculator',
  'locale picker',
  'dark theme',
  'keyboard shortcuts',
  'bulk editor',
  'comment threads',
  'attachment previews',
  'two-factor prompt',
  'password policy',
  'token rotation',
  'SCIM provisioning',
  'event stream',
  'metrics exporter',
  'backup scheduler',
  'quota enforcement',
  'email templates',
  'calendar sync',
  'saved filters',
  'table pagination',
  'chart renderer',
  'geo routing',
  'feature flag service',
  'image resizer',
];
const COMPONENTS = [
  'worker pool',
  'Postgres replica',
  'Redis cluster',
  'Kafka consumer',
  'CDN edge',
  'job runner',
  'auth service',
  'ingest API',
  'read model',
  'S3 bucket',
  'cron scheduler',
  'load balancer',
  'query planner',
  'connection pool',
  'message broker',
  'search shard',
  'edge cache',
  'deploy pipeline',
  'canary fleet',
  'blue environment',
  'green environment',
  'migration runner',
];
const VERBS = [
  'speeds up',
  'simplifies',
  'hardens',
  'replaces',
  'streamlines',
  'stabilises',
  'extends',
  'rewrites',
  'parallelises',
  'batches',
  'deduplicates',
  'caches',
  'validates',
  'retries',
  'throttles',
  'compresses',
  'indexes',
  'paginates',
  'encrypts',
  'audits',
  'migrates',
  'reorders',
  'trims',
  'measures',
  'documents',
  'localises',
  'instruments',
  'shards',
];
const ADJECTIVES = [
  'faster',
  'safer',
  'clearer',
  'smaller',
  'predictable',
  'consistent',
  'resilient',
  'accessible',
  'observable',
  'cheaper',
  'idempotent',
  'incremental',
  'backward-compatible',
  'configurable',
  'deterministic',
  'responsive',
  'auditable',
  'lean',
];
const OUTCOMES = [
  'p95 latency dropped by %p%',
  'memory use fell by %p%',
  'error rates halved during peak hours',
  'cold starts shrank to %n ms',
  'support tickets about this area fell by %p%',
  'the nightly job now finishes %n minutes earlier',
  'throughput rose to %n requests per second',
  'the bundle lost %n KB',
  'retries fell by %p%',
  'queue depth stays under %n messages',
];
const TEAMS = ['platform', 'payments', 'identity', 'growth', 'data', 'mobile', 'infrastructure', 'support tooling', 'reliability', 'design systems'];
const CUSTOMERS = ['enterprise customers', 'admins', 'developers', 'finance teams', 'support agents', 'new workspaces', 'mobile users', 'partners'];
const LANGUAGES = [
  {
    lang: 'sh',
    lines: [
      'curl -sS https://api.bench.example/v%n/status',
      'export HUB_TOKEN=$(vault read -field=token secret/hub)',
      'kubectl rollout status deploy/%w --timeout=%ns',
      'npm run migrate -- --step %n',
      'psql -c "ANALYZE %w_events;"',
      'helm upgrade %w ./chart --set replicas=%n',
    ],
  },
  {
    lang: 'js',
    lines: [
      'const client = createClient(process.env.API_URL);',
      'await client.%w.list(%n);',
      'if (response.status === 429) await sleep(%n);',
      'export const limit = %n;',
      'const ids = rows.map((row) => row.id);',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: this is a line of generated sample code, not a template.
      'console.log(`done in ${Date.now() - start} ms`);',
    ],
  },
  { lang: 'yaml', lines: ['retries: %n', 'timeoutSeconds: %n', 'feature: %w', 'enabled: true', 'replicas: %n', 'region: eu-central-%n'] },
  {
    lang: 'sql',
    lines: [
      'SELECT count(*) FROM %w_events;',
      'CREATE INDEX CONCURRENTLY idx_%w ON events (created_at);',
      "UPDATE jobs SET state = 'queued' WHERE attempts < %n;",
      'DELETE FROM sessions WHERE expires_at < now();',
    ],
  },
];
const ALERT_KINDS = ['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'];

/** What a body is about: the release it narrates and the pages it may link to. */
export interface BodyContext {
  productName: string;
  version: string;
  /** Path of the previous release of the same product, if any. */
  previousPath?: string;
  previousVersion?: string;
  /** Paths of runbooks the body may point to. */
  runbookPaths: string[];
  breaking: boolean;
}

/** Why: the benchmark needs release notes shaped like real ones, of a known length. */
export function releaseBody(context: BodyContext, random: Random): string {
  const target = random.int(330, 560);
  const words = new WordCounter();
  const intro = [sentence(random, context), sentence(random, context), outcomeSentence(random)];
  const highlights = Array.from({ length: random.int(3, 6) }, () => highlight(random));
  const details = [
    [sentence(random, context), sentence(random, context)],
    [sentence(random, context), outcomeSentence(random)],
  ];
  const subheading = `${capitalise(random.pick(FEATURES))} and the ${random.pick(COMPONENTS)}`;
  const steps = Array.from({ length: random.int(2, 5) }, () => step(random));
  const closing = closingParagraph(random, context);
  const alert = context.breaking
    ? `> [!WARNING]\n> This release has breaking changes: read the upgrade notes before ${context.version} reaches your workspace.`
    : `> [!${random.pick(ALERT_KINDS)}]\n> ${sentence(random, context)}`;
  for (const part of [...intro, ...highlights, ...details.flat(), subheading, ...steps, closing, alert, 'Highlights Details Upgrade notes']) words.add(part);
  // Grow the details until the body reaches its target length; each sentence is counted once.
  while (words.total < target) {
    const extra = random.chance(0.3) ? outcomeSentence(random) : sentence(random, context);
    random.pick(details).push(extra);
    words.add(extra);
  }
  return `${[
    intro.join(' '),
    '## Highlights',
    highlights.map((item) => `- ${item}`).join('\n'),
    '## Details',
    details[0]!.join(' '),
    `### ${subheading}`,
    details[1]!.join(' '),
    codeBlock(random),
    '## Upgrade notes',
    alert,
    steps.map((item, index) => `${index + 1}. ${item}`).join('\n'),
    closing,
  ].join('\n\n')}\n`;
}

/** Why: the length rule (300–600 words) counts prose only: code blocks and markup are not words. */
export function countProseWords(markdown: string): number {
  return new WordCounter().add(markdown.replace(/```[\s\S]*?```/g, ' ')).total;
}

/** Why: a runbook body: numbered steps under headings, shorter than a release narrative. */
export function runbookBody(title: string, random: Random): string {
  const steps = (count: number) => Array.from({ length: count }, (_, index) => `${index + 1}. ${step(random)}`).join('\n');
  return `${[
    `${sentence(random)} ${sentence(random)}`,
    '## Before you start',
    Array.from({ length: random.int(2, 4) }, () => `- ${highlight(random)}`).join('\n'),
    `## Steps to ${title.toLowerCase()}`,
    steps(random.int(5, 9)),
    codeBlock(random),
    '## Verify',
    steps(random.int(2, 4)),
    `${sentence(random)} ${outcomeSentence(random)}`,
  ].join('\n\n')}\n`;
}

/** Why: a change summary: one Markdown line with code or emphasis, and sometimes an issue reference. */
export function changeSummary(random: Random, verb: string): string {
  const feature = random.pick(FEATURES);
  const detail = random.pick([
    `the \`${identifier(random)}\` option`,
    `**${random.pick(ADJECTIVES)}** defaults`,
    `${random.pick(CUSTOMERS)} on the ${random.pick(COMPONENTS)}`,
    `the \`${identifier(random)}\` field in exports`,
    `${random.pick(ADJECTIVES)} handling of ${random.pick(COMPONENTS)} timeouts`,
  ]);
  const issue = random.chance(0.4) ? ` (#${random.int(100, 9999)})` : '';
  return `${capitalise(verb)} ${feature}: ${detail}${issue}`;
}

/** Why: the optional headline of a release. */
export function releaseTitle(random: Random): string {
  return `${capitalise(random.pick(ADJECTIVES))} ${random.pick(FEATURES)}`;
}

/** Why: the optional one-sentence `summary` of a release, for lists and feeds. */
export function releaseSummary(random: Random): string {
  return `${capitalise(random.pick(FEATURES))} ${random.pick(VERBS)} the ${random.pick(COMPONENTS)} for ${random.pick(CUSTOMERS)}.`;
}

/** Why: rollback reasons and incident summaries read like real post-mortem lines. */
export function incidentLine(random: Random): string {
  return `${capitalise(random.pick(FEATURES))} saturated the ${random.pick(COMPONENTS)}; ${outcome(random)} after the fix`;
}

function sentence(random: Random, context?: Pick<BodyContext, 'productName'>): string {
  const subject = context && random.chance(0.25) ? context.productName : `The ${random.pick(FEATURES)}`;
  const forms = [
    () => `${subject} ${random.pick(VERBS)} the ${random.pick(COMPONENTS)} so that ${random.pick(CUSTOMERS)} get ${random.pick(ADJECTIVES)} results.`,
    () => `The ${random.pick(TEAMS)} team ${random.pick(VERBS)} how the ${random.pick(FEATURES)} talks to the ${random.pick(COMPONENTS)}.`,
    () =>
      `For ${random.pick(CUSTOMERS)}, the ${random.pick(FEATURES)} is now ${random.pick(ADJECTIVES)} and ${random.pick(ADJECTIVES)}, especially under load.`,
    () => `We measured the ${random.pick(FEATURES)} against the ${random.pick(COMPONENTS)} for ${random.int(2, 30)} days before turning it on for everyone.`,
    () => `${subject} no longer handles each request on its own; it ${random.pick(VERBS)} them in batches of ${random.int(10, 500)} instead.`,
    () => `Settings for the ${random.pick(FEATURES)} moved next to the ${random.pick(FEATURES)}, where ${random.pick(CUSTOMERS)} expected them.`,
  ];
  return random.pick(forms)();
}

function outcome(random: Random): string {
  return random
    .pick(OUTCOMES)
    .replace('%p', String(random.int(2, 90)))
    .replace('%n', String(random.int(2, 900)));
}

function outcomeSentence(random: Random): string {
  return `In our tests ${outcome(random)}.`;
}

function highlight(random: Random): string {
  const forms = [
    () => `**${capitalise(random.pick(FEATURES))}** ${random.pick(VERBS)} the ${random.pick(COMPONENTS)}.`,
    () => `A ${random.pick(ADJECTIVES)} \`${identifier(random)}\` setting for the ${random.pick(FEATURES)}.`,
    () => `[${capitalise(random.pick(FEATURES))} guide](https://docs.bench.example/${slug(random.pick(FEATURES))}) updated for ${random.pick(CUSTOMERS)}.`,
    () => `${capitalise(random.pick(ADJECTIVES))} ${random.pick(FEATURES)} for ${random.pick(CUSTOMERS)} (#${random.int(100, 9999)}).`,
  ];
  return random.pick(forms)();
}

function step(random: Random): string {
  const forms = [
    () => `Check that the ${random.pick(COMPONENTS)} reports healthy before you go on.`,
    () => `Set \`${identifier(random)}\` to \`${random.int(1, 64)}\` in the ${random.pick(FEATURES)} settings.`,
    () => `Run the smoke tests of the ${random.pick(FEATURES)} and compare them with the last run.`,
    () => `Tell ${random.pick(CUSTOMERS)} in the release channel and link the [status page](https://status.bench.example).`,
    () => `Watch the ${random.pick(COMPONENTS)} dashboard for ${random.int(5, 60)} minutes.`,
  ];
  return random.pick(forms)();
}

function closingParagraph(random: Random, context: BodyContext): string {
  const links = [`Questions go to the ${random.pick(TEAMS)} team (#${random.int(100, 9999)}).`];
  if (context.previousPath) links.push(`This release builds on [${context.previousVersion}](${context.previousPath}).`);
  if (context.runbookPaths.length > 0) links.push(`Operators follow the [runbook](${random.pick(context.runbookPaths)}) for the rollout.`);
  links.push(`The [API reference](https://docs.bench.example/api/${slug(random.pick(FEATURES))}) lists every field.`);
  return links.join(' ');
}

function codeBlock(random: Random): string {
  const language = random.pick(LANGUAGES);
  const lines = Array.from({ length: random.int(3, 8) }, () =>
    random
      .pick(language.lines)
      .replace(/%n/g, String(random.int(1, 300)))
      .replace(/%w/g, identifier(random)),
  );
  return `\`\`\`${language.lang}\n${lines.join('\n')}\n\`\`\``;
}

function identifier(random: Random): string {
  return `${slug(random.pick(FEATURES)).replace(/-/g, '_')}_${random.int(1, 99)}`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Counts words as a reader would: runs of letters or digits. */
class WordCounter {
  total = 0;

  add(text: string): this {
    this.total += text.match(/[A-Za-z0-9][\w'._-]*/g)?.length ?? 0;
    return this;
  }
}
