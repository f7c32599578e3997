/**
 * The benchmark's synthetic content root: a hub of N releases over P products, deterministic
 * (same N and P → same bytes), valid (it passes `npm run check` with no problem) and shaped like
 * a real one: weekly cadence slots going back in time, every release field of SPEC §1, statuses
 * mixed (planned and scheduled in the future, rolled-back with incidents, cancelled), public and
 * internal, 300–600-word MDX notes, runbooks, RACI, people, freezes and a metrics CSV.
 *
 * Wall-clock times are plain minute counts in the hub zone (UTC arithmetic on a naive calendar,
 * never the host zone). Every event falls between Monday evening (New York) and Friday, never on
 * a Sunday when both zones change their clocks, so no written time is in a DST gap or fold.
 */
import { Temporal } from 'temporal-polyfill';
import { releasePath, runbookPath } from '../../src/core/urls.ts';
import type { ChangeType, ReleaseStatus, RunbookKind } from '../../src/core/model.ts';
import { changeSummary, incidentLine, releaseBody, releaseSummary, releaseTitle, runbookBody } from './prose.ts';
import { createRandom, seedFor, type Random } from './random.ts';
import { toYaml, type YamlValue } from './yaml.ts';

/** 2026-11-26T09:00Z, the "now" of the tests: build the generated hub with this SOURCE_DATE_EPOCH. */
export const BENCH_NOW_EPOCH_SECONDS = 1795683600;
/** The hub zone of the generated hub: its cadence, freezes and most releases are written in it. */
export const BENCH_TIMEZONE = 'Europe/Berlin';
/** A second zone some releases are written in, to exercise `window.timezone`. */
const OTHER_TIMEZONE = 'America/New_York';

/** Cadence slots: Tuesdays and Thursdays, 02:00 for two hours (hub zone). */
const SLOT_WEEKDAYS = new Set([2, 4]);
const SLOT_START_MINUTES = 2 * 60;
const WINDOW_MINUTES = 120;
/** Up to this many back-to-back windows of one product share a slot, so 10,000 releases span about ten years. */
const MAX_WINDOWS_PER_SLOT = 10;
const SLOTS_PER_TEN_YEARS = 1040;

const PRODUCT_POOL = [
  { id: 'web', name: 'Bench Web' },
  { id: 'api', name: 'Bench API' },
  { id: 'mobile', name: 'Bench Mobile' },
  { id: 'desktop', name: 'Bench Desktop' },
  { id: 'cli', name: 'Bench CLI' },
  { id: 'sdk', name: 'Bench SDK' },
  { id: 'billing', name: 'Bench Billing' },
  { id: 'search', name: 'Bench Search' },
];
const ROLES = ['Release Manager', 'Engineering Lead', 'QA Lead', 'SRE', 'Product Manager', 'Support Lead'] as const;
const FIRST_NAMES = [
  'alice',
  'bob',
  'chen',
  'dana',
  'emre',
  'fatima',
  'gustav',
  'hana',
  'ivan',
  'jose',
  'kai',
  'lena',
  'malik',
  'nora',
  'oskar',
  'priya',
  'quinn',
  'rosa',
  'sven',
  'tomasz',
  'uma',
  'viktor',
  'wen',
  'ximena',
  'yusuf',
  'zoe',
];
const LAST_NAMES = [
  'adams',
  'berg',
  'costa',
  'diaz',
  'eriksen',
  'fischer',
  'garcia',
  'horvat',
  'ito',
  'jensen',
  'kowalski',
  'lindqvist',
  'moreau',
  'nakamura',
  'okafor',
  'park',
  'quispe',
  'raman',
  'silva',
  'tanaka',
  'usman',
  'vogel',
  'weber',
  'yilmaz',
];
const TAGS = [
  'exports',
  'performance',
  'security',
  'billing',
  'accessibility',
  'api',
  'mobile',
  'search',
  'reliability',
  'compliance',
  'onboarding',
  'integrations',
];
const CHANGE_WEIGHTS: [ChangeType, number][] = [
  ['added', 30],
  ['changed', 25],
  ['fixed', 30],
  ['deprecated', 5],
  ['removed', 4],
  ['security', 6],
];
const RUNBOOK_KINDS_CYCLE: RunbookKind[] = ['deploy', 'rollback', 'test-plan', 'validation', 'incident', 'other'];

/** Size of the hub to generate. */
export interface GenerateOptions {
  releases: number;
  products: number;
  /** Share of release bodies written as `.mdx` (the rest `.md`), 0 to 1; default {@link DEFAULT_MDX_SHARE}. */
  mdxShare?: number;
}

/**
 * A hub that imported its history (`release-hub import` writes `.md`) and writes its new releases
 * with `release-hub new` (`.mdx`): a quarter of the bodies are MDX.
 */
export const DEFAULT_MDX_SHARE = 0.25;

/** One generated release, as the measurement needs to find its page. */
export interface GeneratedRelease {
  product: string;
  version: string;
  /** Path relative to the content root. */
  file: string;
}

/** A generated content root, not yet on disk. */
export interface GeneratedRoot {
  /** Path relative to the content root → file content, in a stable order. */
  files: { path: string; content: string }[];
  releases: GeneratedRelease[];
  runbooks: number;
  people: number;
}

type Minutes = number;
type YamlMap = { [key: string]: YamlValue | undefined };

interface PlannedWindow {
  start: Minutes;
  end: Minutes;
  future: boolean;
  freezeException?: string;
}

interface FreezePlan {
  name: string;
  start: Minutes;
  /** Exclusive: the day after the written date-only end. */
  end: Minutes;
  products?: string[];
  reason: string;
  /** A public freeze shows with its name and reason on the public calendar. */
  audience?: 'public';
}

type Person = {
  id: string;
  name: string;
  role: (typeof ROLES)[number];
  email?: string;
  chat?: string;
};

/** Why: the one entry point: N releases over P products → every file of a valid content root. */
export function generateContentRoot(options: GenerateOptions): GeneratedRoot {
  const { releases: total, products: productCount, mdxShare = DEFAULT_MDX_SHARE } = options;
  if (!Number.isInteger(total) || total < 1) throw new Error(`--releases must be a positive integer, not ${total}`);
  if (!Number.isInteger(productCount) || productCount < 1 || productCount > total)
    throw new Error(`--products must be between 1 and the number of releases, not ${productCount}`);
  if (!(mdxShare >= 0 && mdxShare <= 1)) throw new Error(`--mdx-share must be a number from 0 to 1, not ${mdxShare}`);
  const random = createRandom(seedFor(total, productCount));
  const now = nowInHubZone();
  const products = Array.from(
    { length: productCount },
    (_, index) => PRODUCT_POOL[index] ?? { id: `product-${index + 1}`, name: `Bench Product ${index + 1}` },
  );
  const people = generatePeople(Math.max(8, Math.round(total / 100)), random);
  const byRole = (role: Person['role']) => people.filter((person) => person.role === role).map((person) => person.id);
  const runbooks = planRunbooks(
    products.map((product) => product.id),
    Math.max(6, Math.round(total / 200)),
    random,
  );
  const freezes = planFreezes(now, products[0]!.id);
  const perProduct = products.map((_, index) => Math.floor(total / productCount) + (index < total % productCount ? 1 : 0));
  const windowsPerSlot = Math.min(MAX_WINDOWS_PER_SLOT, Math.max(1, Math.ceil(Math.max(...perProduct) / SLOTS_PER_TEN_YEARS)));

  const files: GeneratedRoot['files'] = [];
  const generated: GeneratedRelease[] = [];
  let earliest = now;
  const written = { advisories: 0, removals: 0 };
  products.forEach((product, productIndex) => {
    const count = perProduct[productIndex]!;
    const futureCount = Math.min(Math.max(2, Math.round(count * 0.02)), Math.floor(count / 3));
    const windows = planWindows(product.id, productIndex === 0, count - futureCount, futureCount, windowsPerSlot, now, freezes);
    earliest = Math.min(earliest, windows[0]?.start ?? now);
    const statuses = planStatuses(windows, productIndex === 0, random);
    const versions = planVersions(windows.length, random);
    const context: ReleaseContext = {
      product: product.id,
      productName: product.name,
      single: productCount === 1,
      owners: [...byRole('Release Manager'), ...byRole('Engineering Lead')],
      marketers: byRole('Product Manager'),
      runbooks,
      previousIncidents: [],
      now,
      written,
    };
    windows.forEach((window, index) => {
      const version = versions[index]!;
      const previous = index > 0 ? versions[index - 1]!.version : undefined;
      const extension = random.chance(mdxShare) ? 'mdx' : 'md';
      const file = `releases/${product.id}/${version.version}.${extension}`;
      files.push({ path: file, content: releaseFile(context, window, statuses[index]!, version, previous, random) });
      generated.push({ product: product.id, version: version.version, file });
    });
  });
  files.unshift({ path: 'hub.yaml', content: hubYaml(products, total) });
  files.push({ path: 'people.yaml', content: toYaml(people) });
  files.push(...raciFiles());
  for (const runbook of runbooks.all) {
    files.push({ path: `runbooks/${runbook.id}.mdx`, content: runbookFile(runbook, people, now, random) });
  }
  files.push({ path: 'freezes.yaml', content: freezesYaml(freezes) });
  files.push(...metricsFiles(earliest, now, random));
  return { files, releases: generated, runbooks: runbooks.all.length, people: people.length };
}

/** Why: the build's "now" as a wall-clock minute count in the hub zone, the origin of every window. */
function nowInHubZone(): Minutes {
  const local = Temporal.Instant.fromEpochMilliseconds(BENCH_NOW_EPOCH_SECONDS * 1000)
    .toZonedDateTimeISO(BENCH_TIMEZONE)
    .toPlainDateTime();
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) / 60_000;
}

/**
 * Why: windows sit in cadence slots, back to back when several share a slot, never overlapping
 * within a product and never inside a freeze of the product — except one release per freeze of
 * the first product, which ships with a `freezeException` as a real hub would.
 */
function planWindows(
  product: string,
  first: boolean,
  pastCount: number,
  futureCount: number,
  perSlot: number,
  now: Minutes,
  freezes: FreezePlan[],
): PlannedWindow[] {
  const excepted = new Set<string>();
  const accept = (start: Minutes, future: boolean): PlannedWindow | undefined => {
    const window: PlannedWindow = { start, end: start + WINDOW_MINUTES, future };
    const freeze = freezes.find((plan) => (!plan.products || plan.products.includes(product)) && start < plan.end && plan.start < window.end);
    if (!freeze) return window;
    if (!first || excepted.has(freeze.name)) return undefined;
    excepted.add(freeze.name);
    return { ...window, freezeException: `Security fix that cannot wait for the end of the ${freeze.name.toLowerCase()}` };
  };
  const past: PlannedWindow[] = [];
  for (let day = Math.floor(now / 1440); past.length < pastCount; day -= 1) {
    if (!SLOT_WEEKDAYS.has(weekday(day))) continue;
    for (let slot = perSlot - 1; slot >= 0 && past.length < pastCount; slot -= 1) {
      const start = day * 1440 + SLOT_START_MINUTES + slot * WINDOW_MINUTES;
      const window = start + WINDOW_MINUTES <= now ? accept(start, false) : undefined;
      if (window) past.push(window);
    }
  }
  const future: PlannedWindow[] = [];
  for (let day = Math.floor(now / 1440); future.length < futureCount; day += 1) {
    if (!SLOT_WEEKDAYS.has(weekday(day))) continue;
    for (let slot = 0; slot < perSlot && future.length < futureCount; slot += 1) {
      const start = day * 1440 + SLOT_START_MINUTES + slot * WINDOW_MINUTES;
      const window = start >= now ? accept(start, true) : undefined;
      if (window) future.push(window);
    }
  }
  return [...past.reverse(), ...future];
}

/** Why: a realistic mix of statuses, with each status present whenever the product has enough releases. */
function planStatuses(windows: PlannedWindow[], first: boolean, random: Random): ReleaseStatus[] {
  const pastCount = windows.filter((window) => !window.future).length;
  const futureCount = windows.length - pastCount;
  return windows.map((window, index) => {
    if (window.future) {
      const ahead = index - pastCount;
      if (ahead > 0 && random.chance(0.06)) return 'cancelled';
      return ahead < Math.ceil(futureCount / 2) ? 'scheduled' : 'planned';
    }
    const fromLatest = pastCount - 1 - index;
    if (first && fromLatest === 0) return 'in-progress';
    if (fromLatest === 2 && pastCount >= 4) return 'rolled-back';
    if (fromLatest === 4 && pastCount >= 6) return 'cancelled';
    if (window.freezeException) return 'released';
    const draw = random.next();
    return draw < 0.04 ? 'rolled-back' : draw < 0.06 ? 'cancelled' : 'released';
  });
}

interface PlannedVersion {
  version: string;
  kind: 'major' | 'minor' | 'patch' | 'prerelease';
}

/** Why: SemVer increasing with time, unique per product: minors, patches, and a release candidate before each major. */
function planVersions(count: number, random: Random): PlannedVersion[] {
  let major = 1;
  let minor = 0;
  let patch = 0;
  let candidate = false;
  const versions: PlannedVersion[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index === 0) versions.push({ version: '1.0.0', kind: 'major' });
    else if (candidate) {
      major += 1;
      minor = 0;
      patch = 0;
      candidate = false;
      versions.push({ version: `${major}.0.0`, kind: 'major' });
    } else if (index % 60 === 0) {
      candidate = true;
      versions.push({ version: `${major + 1}.0.0-rc.1`, kind: 'prerelease' });
    } else if (random.chance(0.3)) {
      patch += 1;
      versions.push({ version: `${major}.${minor}.${patch}`, kind: 'patch' });
    } else {
      minor += 1;
      patch = 0;
      versions.push({ version: `${major}.${minor}.0`, kind: 'minor' });
    }
  }
  return versions;
}

interface RunbookPlan {
  id: string;
  title: string;
  kind: RunbookKind;
  products: string[];
}

interface RunbookSet {
  all: RunbookPlan[];
  deploy: Map<string, string>;
  rollback: Map<string, string>;
  testPlan: string;
  validation: string;
  extra: string[];
}

function planRunbooks(products: string[], wanted: number, random: Random): RunbookSet {
  const all: RunbookPlan[] = [];
  const deploy = new Map<string, string>();
  const rollback = new Map<string, string>();
  for (const product of products) {
    deploy.set(product, `deploy-${product}`);
    rollback.set(product, `rollback-${product}`);
    all.push({ id: `deploy-${product}`, title: `Deploy ${product}`, kind: 'deploy', products: [product] });
    all.push({ id: `rollback-${product}`, title: `Roll back ${product}`, kind: 'rollback', products: [product] });
  }
  all.push({ id: 'release-test-plan', title: 'Release test plan', kind: 'test-plan', products });
  all.push({ id: 'post-release-validation', title: 'Validate a release in production', kind: 'validation', products });
  all.push({ id: 'incident-response', title: 'Respond to a release incident', kind: 'incident', products });
  all.push({ id: 'release-communications', title: 'Announce a release', kind: 'other', products });
  const extra: string[] = [];
  for (let index = 0; all.length < wanted; index += 1) {
    const kind = RUNBOOK_KINDS_CYCLE[index % RUNBOOK_KINDS_CYCLE.length]!;
    const product = random.pick(products);
    const id = `${kind}-${product}-${index + 1}`;
    extra.push(id);
    all.push({ id, title: `${capitalise(kind.replace('-', ' '))} ${product} step ${index + 1}`, kind, products: [product] });
  }
  return { all, deploy, rollback, testPlan: 'release-test-plan', validation: 'post-release-validation', extra };
}

function generatePeople(count: number, random: Random): Person[] {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length]!;
    const last = random.pick(LAST_NAMES);
    let id = `${first}.${last}`;
    for (let suffix = 2; used.has(id); suffix += 1) id = `${first}.${last}${suffix}`;
    used.add(id);
    const person: Person = { id, name: `${capitalise(first)} ${capitalise(last)}`, role: ROLES[index % ROLES.length]! };
    if (random.chance(0.9)) person.email = `${id}@bench.example`;
    if (random.chance(0.6)) person.chat = `@${id}`;
    return person;
  });
}

/** Two freezes: the year-end freeze ahead of "now" (every product) and a past event week of the first product. */
function planFreezes(now: Minutes, firstProduct: string): FreezePlan[] {
  const year = new Date(now * 60_000).getUTCFullYear();
  const yearEndStart = Date.UTC(year, 11, 19) / 60_000;
  const yearEndEnd = Date.UTC(year + 1, 0, 5) / 60_000;
  const today = Math.floor(now / 1440);
  const monday = today - 56 - ((weekday(today) + 6) % 7);
  return [
    { name: 'Year-end freeze', start: yearEndStart, end: yearEndEnd, reason: 'Reduced on-call staffing over the holidays.', audience: 'public' },
    {
      name: 'Partner summit freeze',
      start: monday * 1440,
      end: (monday + 5) * 1440,
      products: [firstProduct],
      reason: 'Partners demo live integrations against production.',
    },
  ];
}

interface ReleaseContext {
  product: string;
  productName: string;
  /** The hub has one product, so `product` may be left out. */
  single: boolean;
  owners: string[];
  marketers: string[];
  runbooks: RunbookSet;
  /** Incident ids of the product's previous release: a deployed patch after it fixes them (rework). */
  previousIncidents: string[];
  /** The corpus's "now", and how many advisories and removals were written so far (shared by the products): ids and dates come from these, not from draws. */
  now: Minutes;
  written: { advisories: number; removals: number };
}

/** Why: one release file with every field SPEC §1 allows, filled as the status implies. */
function releaseFile(
  context: ReleaseContext,
  window: PlannedWindow,
  status: ReleaseStatus,
  version: PlannedVersion,
  previous: string | undefined,
  random: Random,
): string {
  const zoneDraw = random.next();
  const zone = zoneDraw < 0.1 ? OTHER_TIMEZONE : BENCH_TIMEZONE;
  const at = (minutes: Minutes) => writeLocal(minutes, zone);
  const audience = random.chance(0.7) ? 'public' : 'internal';
  const breaking = version.kind === 'major' || (version.kind === 'minor' && random.chance(0.08));
  const deployed = status === 'released' || status === 'rolled-back' || status === 'in-progress';
  const frontmatter: YamlMap = { version: version.version };
  if (!context.single || random.chance(0.5)) frontmatter.product = context.product;
  if (random.chance(0.95)) frontmatter.title = releaseTitle(random);
  if (random.chance(0.8)) frontmatter.summary = releaseSummary(random);
  frontmatter.status = status;
  frontmatter.audience = audience;
  frontmatter.risk = breaking ? 'high' : random.pick(['low', 'low', 'low', 'medium', 'medium', 'high']);
  frontmatter.window = { start: at(window.start), end: at(window.end), ...(zoneDraw < 0.2 ? { timezone: zone } : {}) };
  if (random.chance(0.1)) frontmatter.rescheduled = random.int(1, 3);
  if (!window.future || status === 'scheduled' || random.chance(0.5)) frontmatter.acceptedAt = writeDate(window.start - random.int(5, 40) * 1440);
  let finishedAt: Minutes | undefined;
  if (deployed) {
    const startedAt = window.start + random.int(0, 12);
    if (status === 'in-progress') frontmatter.deployment = { startedAt: at(startedAt) };
    else {
      finishedAt = random.chance(0.08) ? window.end + random.int(5, 60) : startedAt + random.int(12, WINDOW_MINUTES - 15);
      frontmatter.deployment = { startedAt: at(startedAt), finishedAt: random.chance(0.05) ? writeWithOffset(finishedAt) : at(finishedAt) };
    }
  }
  frontmatter.owner = random.pick(context.owners);
  frontmatter.raci = version.kind === 'patch' && random.chance(0.7) ? 'hotfix' : 'standard-release';
  // Environments and gates (issue 19), without a random draw, so the rest of the corpus stays the one it was.
  if (deployed) {
    const startedAt = window.start;
    if (frontmatter.raci === 'hotfix') frontmatter.skipEnvironments = 'Hotfix: verified against a copy of production';
    else {
      frontmatter.deployments = [
        {
          environment: 'staging',
          startedAt: at(startedAt - 1440),
          finishedAt: at(startedAt - 1410),
          status: 'succeeded',
          by: frontmatter.owner,
          notes: 'Smoke tests green',
        },
      ];
    }
    frontmatter.approvals = [{ by: frontmatter.owner, role: 'Release Manager', decision: 'approved', at: at(startedAt - 600), note: 'Go' }];
    frontmatter.checks = [
      {
        name: 'Unit suite',
        kind: 'unit',
        result: 'passed',
        at: at(startedAt - 700),
        url: 'https://ci.bench.example/runs/1',
        runbook: context.runbooks.testPlan,
      },
    ];
  }
  if (finishedAt !== undefined && version.kind === 'major') {
    frontmatter.review = {
      date: writeDate(window.start + 3 * 1440),
      summary: 'A major release: what to keep and what to change next time.',
      wentWell: ['The staging soak caught the last regressions'],
      wentBadly: ['The window was tight for the migration'],
      actions: [{ title: 'Book a longer window for major releases', owner: String(frontmatter.owner), due: writeDate(window.start + 14 * 1440), done: true }],
    };
  }
  frontmatter.runbooks = releaseRunbooks(context, random);
  if (status === 'rolled-back' && finishedAt !== undefined) {
    frontmatter.rollback = { runbook: context.runbooks.rollback.get(context.product), at: at(finishedAt + random.int(20, 180)), reason: incidentLine(random) };
  }
  if (finishedAt !== undefined && (status === 'rolled-back' || random.chance(0.05)))
    frontmatter.incidents = incidents(finishedAt, status === 'rolled-back' ? random.int(1, 2) : 1, at, random);
  // No random draw here, so the rest of the corpus is the one it was before `fixes` existed.
  if (finishedAt !== undefined && version.kind === 'patch' && context.previousIncidents.length > 0) frontmatter.fixes = context.previousIncidents;
  context.previousIncidents = ((frontmatter.incidents as YamlMap[] | undefined) ?? []).map((incident) => String(incident.id));
  if (finishedAt !== undefined && random.chance(0.6)) {
    frontmatter.satisfaction = {
      score: Math.round((status === 'rolled-back' ? 1 + random.next() * 2.5 : 3 + random.next() * 2) * 10) / 10,
      responses: random.int(3, 120),
    };
  }
  if (audience === 'public' && version.kind !== 'patch' && random.chance(0.5)) {
    const required = random.chance(0.8);
    const launchDate = writeDate(window.start + random.int(1, 7) * 1440);
    const owner = random.pick(context.marketers);
    frontmatter.gtm = {
      required,
      launchDate,
      owner,
      ...(random.chance(0.3) ? { notes: 'Blog post, in-app banner and a webinar for admins.' } : {}),
      // A plan without further draws, so every other field keeps its value: a post due on the window's day.
      channels: ['blog', 'in-app'],
      assets: [
        { title: 'Launch post', channel: 'blog', owner, due: writeDate(window.start), done: finishedAt !== undefined, url: 'https://blog.example/launch' },
      ],
      checklist: ['Release notes reviewed', { item: 'Support briefed', done: true }],
    };
  }
  if (window.freezeException) frontmatter.freezeException = window.freezeException;
  // The first release of each product came in with the team's old changelog (no draw: the other fields keep their values).
  if (version.version === '1.0.0') frontmatter.importedFrom = 'CHANGELOG.md';
  frontmatter.changes = changes(random.int(3, 10), audience, breaking, random);
  // No random draw here either: advisories and removals (issue 20) leave the rest of the corpus as it was.
  for (const change of frontmatter.changes as YamlMap[]) {
    if (change.type === 'security') change.advisory = advisoryOf(context, version.version);
    if (change.type === 'deprecated') change.removal = removalOf(context, version);
  }
  const tags = random.sample(TAGS, random.int(0, 3));
  if (tags.length > 0) frontmatter.tags = tags;
  const body = releaseBody(
    {
      productName: context.productName,
      version: version.version,
      previousPath: previous && releasePath({ product: context.product, version: previous }),
      previousVersion: previous,
      runbookPaths: (frontmatter.runbooks as string[]).map(runbookPath),
      breaking,
    },
    random,
  );
  return `---\n${toYaml(frontmatter)}---\n\n${body}`;
}

function releaseRunbooks(context: ReleaseContext, random: Random): string[] {
  const ids = [context.runbooks.deploy.get(context.product)!, context.runbooks.rollback.get(context.product)!];
  if (random.chance(0.5)) ids.push(context.runbooks.testPlan);
  if (random.chance(0.3)) ids.push(context.runbooks.validation);
  if (context.runbooks.extra.length > 0 && random.chance(0.2)) ids.push(random.pick(context.runbooks.extra));
  return ids;
}

function incidents(finishedAt: Minutes, count: number, at: (minutes: Minutes) => string, random: Random): YamlMap[] {
  return Array.from({ length: count }, () => {
    const startedAt = finishedAt + random.int(5, 120);
    const incident: YamlMap = { id: `INC-${random.int(1000, 99999)}`, startedAt: at(startedAt) };
    if (random.chance(0.97)) incident.resolvedAt = at(startedAt + random.int(15, 600));
    incident.severity = random.pick(['sev1', 'sev2', 'sev2', 'sev3', 'sev3']);
    if (random.chance(0.5)) incident.summary = incidentLine(random);
    return incident;
  });
}

function changes(count: number, audience: 'public' | 'internal', breaking: boolean, random: Random): YamlMap[] {
  return Array.from({ length: count }, (_, index) => {
    const type: ChangeType = breaking && index === 0 ? random.pick(['changed', 'removed'] as const) : weighted(CHANGE_WEIGHTS, random);
    const change: YamlMap = { type, summary: changeSummary(random, VERB_OF[type]) };
    if (breaking && index === 0) change.breaking = true;
    else if (random.chance(0.2)) change.breaking = false;
    if (audience === 'public' && random.chance(0.15)) change.audience = 'internal';
    else if (random.chance(0.1)) change.audience = audience;
    return change;
  });
}

/** A security change's advisory: fixed by its own release; every tenth embargoed for a while after the corpus's "now". */
function advisoryOf(context: ReleaseContext, version: string): YamlMap {
  const n = ++context.written.advisories;
  return {
    id: `CVE-2026-${10000 + n}`,
    severity: (['low', 'medium', 'high', 'critical'] as const)[n % 4]!,
    ...(n % 3 === 0 ? { cvss: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N' } : {}),
    affected: `<${version}`,
    fixed: version,
    ...(n % 10 === 0 ? { disclosedAt: writeDate(context.now + 14 * 1440) } : {}),
    ...(n % 5 === 0 ? { credit: 'The bug bounty programme' } : {}),
    ...(n % 2 === 0 ? { details: 'Rotate any token that was shared before this release.' } : {}),
  };
}

/** A deprecation's removal: in the next major version, and every other one with a sunset day after the corpus's "now" (never overdue). */
function removalOf(context: ReleaseContext, version: PlannedVersion): YamlMap {
  const n = ++context.written.removals;
  const major = Number(version.version.split('.')[0]) + 1;
  return { version: `${major}.0.0`, ...(n % 2 === 0 ? { date: writeDate(context.now + ((n % 6) + 1) * 30 * 1440) } : {}) };
}

const VERB_OF: Record<ChangeType, string> = { added: 'add', changed: 'change', deprecated: 'deprecate', removed: 'remove', fixed: 'fix', security: 'patch' };

function runbookFile(runbook: RunbookPlan, people: Person[], now: Minutes, random: Random): string {
  const owners = people.filter((person) => person.role === 'SRE' || person.role === 'Release Manager');
  const frontmatter = {
    title: runbook.title,
    kind: runbook.kind,
    owner: random.pick(owners).id,
    products: runbook.products,
    lastReviewed: writeDate(now - random.int(10, 400) * 1440),
    reviewEveryDays: random.pick([90, 180, 365]),
    summary: `How to ${runbook.title.toLowerCase()} safely, step by step.`,
  };
  return `---\n${toYaml(frontmatter)}---\n\n${runbookBody(runbook.title, random)}`;
}

function raciFiles(): GeneratedRoot['files'] {
  const standard = {
    title: 'Standard release',
    roles: [...ROLES],
    activities: [
      { name: 'Go/no-go decision', assignments: { 'Release Manager': 'A/R', 'Engineering Lead': 'C', 'QA Lead': 'C', 'Product Manager': 'C', SRE: 'I' } },
      { name: 'Deploy', assignments: { 'Release Manager': 'A', 'Engineering Lead': 'R', SRE: 'R', 'QA Lead': 'I' } },
      { name: 'Verify in production', assignments: { 'QA Lead': 'A/R', SRE: 'R', 'Engineering Lead': 'C' } },
      { name: 'Customer communication', assignments: { 'Product Manager': 'A', 'Support Lead': 'R', 'Release Manager': 'C' } },
      { name: 'Roll back', assignments: { 'Release Manager': 'A', SRE: 'R', 'Engineering Lead': 'R', 'Support Lead': 'I' } },
      { name: 'Post-release review', assignments: { 'Release Manager': 'A/R', 'Engineering Lead': 'C', 'QA Lead': 'C', 'Support Lead': 'C' } },
    ],
  };
  const hotfix = {
    title: 'Hotfix',
    roles: ['Release Manager', 'Engineering Lead', 'SRE', 'Support Lead'],
    activities: [
      { name: 'Approve the hotfix', assignments: { 'Release Manager': 'A', 'Engineering Lead': 'R', SRE: 'C' } },
      { name: 'Ship the fix', assignments: { 'Engineering Lead': 'A/R', SRE: 'R', 'Release Manager': 'I' } },
      { name: 'Tell affected customers', assignments: { 'Release Manager': 'A', 'Support Lead': 'R' } },
    ],
  };
  return [
    { path: 'raci/hotfix.yaml', content: toYaml(hotfix) },
    { path: 'raci/standard-release.yaml', content: toYaml(standard) },
  ];
}

function hubYaml(products: { id: string; name: string }[], total: number): string {
  return [
    'title: Bench Release Hub',
    'url: https://releases.bench.example',
    `timezone: ${BENCH_TIMEZONE}`,
    `description: A synthetic hub of ${total} releases for the performance benchmark.`,
    'products:',
    ...products.map((product) => `  - { id: ${product.id}, name: ${product.name} }`),
    'cadence:',
    '  rrule: FREQ=WEEKLY;BYDAY=TU,TH',
    `  start: "${String(SLOT_START_MINUTES / 60).padStart(2, '0')}:00"`,
    `  durationMinutes: ${WINDOW_MINUTES}`,
    'environments:',
    '  - { id: staging, name: Staging }',
    '  - { id: production, name: Production, release: true }',
    'policy:',
    '  since: 2020-01-01',
    '  requireApprovalFrom: [Release Manager]',
    '  requireChecks: [unit]',
    '  highRisk: { requireRollbackRunbook: true, requireApprovals: 1 }',
    '  freezeExceptionApprovers: [Release Manager]',
    '  enforce: false',
    'attention:',
    '  graceHours: 2',
    'metrics:',
    '  onTimeToleranceMinutes: 15',
    '  benchmarks:',
    '    name: Bench delivery targets',
    '    published: "2026-01"',
    '    source: { title: Bench engineering handbook, url: "https://handbook.bench.example/targets", note: Our own targets. }',
    '    keys:',
    '      changeLeadTime:',
    '        - { band: elite, published: Within a week, atMost: 7 }',
    '        - { band: high, published: Within a month, atMost: 30 }',
    '        - { band: low, published: Longer }',
    '      deploymentReworkRate:',
    '        - { band: high, published: At most 10 %, atMost: 10 }',
    'issueUrl: https://tracker.bench.example/issues/{id}',
    'accentColor: "#1f6feb"',
    'footerLinks:',
    '  - { label: Status page, href: "https://status.bench.example", external: true }',
    '  - { label: API reference, href: "https://docs.bench.example/api", external: true }',
    'externalHosts: [cdn.bench.example]',
    '',
  ].join('\n');
}

function freezesYaml(freezes: FreezePlan[]): string {
  return toYaml(
    freezes.map((freeze) => ({
      name: freeze.name,
      start: writeDate(freeze.start),
      // The written end is a date: the whole of that day is frozen, so it is the day before the exclusive end.
      end: writeDate(freeze.end - 1440),
      ...(freeze.products ? { products: freeze.products } : {}),
      reason: freeze.reason,
      ...(freeze.audience ? { audience: freeze.audience } : {}),
    })),
  );
}

/** A monthly series over the hub's span, with one empty cell (no data that month). */
function metricsFiles(earliest: Minutes, now: Minutes, random: Random): GeneratedRoot['files'] {
  const monthIndex = (minutes: Minutes) => {
    const date = new Date(minutes * 60_000);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const rows = ['date,tickets,escalations'];
  for (let month = monthIndex(earliest); month <= monthIndex(now); month += 1) {
    const date = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    rows.push(`${date},${random.int(80, 200)},${rows.length === 2 ? '' : random.int(0, 15)}`);
  }
  const sidecar = {
    title: 'Support tickets after release',
    unit: 'tickets',
    description: 'Tickets tagged release-related, per month, and how many were escalated.',
    target: 120,
  };
  return [
    { path: 'metrics/support-tickets.csv', content: `${rows.join('\n')}\n` },
    { path: 'metrics/support-tickets.yaml', content: toYaml(sidecar) },
  ];
}

function weighted<T>(choices: [T, number][], random: Random): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random.next() * total;
  for (const [value, weight] of choices) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

function weekday(day: number): number {
  // 1970-01-01 was a Thursday; 0 = Sunday.
  return (day + 4) % 7;
}

/** A hub-zone wall-clock time, written in `zone` (converted through the instant when it is another zone). */
function writeLocal(minutes: Minutes, zone: string): string {
  const local = new Date(minutes * 60_000).toISOString().slice(0, 16);
  if (zone === BENCH_TIMEZONE) return local;
  return Temporal.PlainDateTime.from(local).toZonedDateTime(BENCH_TIMEZONE).withTimeZone(zone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** The same instant written with its UTC offset, the other form SPEC §2 allows. */
function writeWithOffset(minutes: Minutes): string {
  const local = new Date(minutes * 60_000).toISOString().slice(0, 16);
  return Temporal.PlainDateTime.from(local).toZonedDateTime(BENCH_TIMEZONE).toString({ smallestUnit: 'minute', timeZoneName: 'never' });
}

function writeDate(minutes: Minutes): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 10);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
