/**
 * SPEC §3: nothing internal may appear anywhere in a public build. This scans EVERY file of the
 * public build of the example hub (HTML, XML feeds, JSON, ICS, sitemap, scripts, and the Pagefind
 * index, gunzipped) for every internal string the content holds: internal release versions in
 * context, their titles, internal change summaries, rollback reasons, incident ids and summaries
 * (also those a release fixes), GTM notes, internal freezes' names and reasons, runbook titles, RACI titles, people's names and emails,
 * anything of the metrics (their pages, drill-downs, CSV files, JSON and wording), and the id,
 * details and vector of an advisory still embargoed at the build's "now", or of the announcement drafts,
 * and the digests' metric changes and attention (the public digest is scanned like every file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { createMarkdownRenderer } from '../../src/markdown/fields.ts';
import type { Hub } from '../../src/core/model.ts';
import { changelogAnchor } from '../../src/core/urls.ts';
import { Temporal } from 'temporal-polyfill';
import { hubAttention } from '../../src/process/attention.ts';
import { builtSite, TEST_NOW_EPOCH } from './helpers/scenario.ts';

const contentRoot = path.resolve(import.meta.dirname, '../../content');
const plain = createMarkdownRenderer({ releaseHref: () => undefined });

/** One internal string and how to find it. */
interface Needle {
  what: string;
  /** Matched against the file's text with every space removed (robust to markup and line breaks). */
  compact?: string;
  /** Matched against the raw file and its text with spaces collapsed. */
  pattern?: RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const squeeze = (text: string) => normaliseQuotes(text).replace(/\s+/g, '');
const normaliseQuotes = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

/** Why: every internal string of the content root, from the hub model itself. */
function internalNeedles(hub: Hub): Needle[] {
  const needles: Needle[] = [];
  const markdown = (what: string, source: string, product: string) => {
    needles.push({ what, compact: squeeze(plain.text(source, product)) }, { what: `${what} (Markdown source)`, compact: squeeze(source) });
  };
  for (const release of hub.releases) {
    const internal = release.audience === 'internal';
    if (internal) {
      const product = hub.config.products.find((candidate) => candidate.id === release.product)!;
      const version = `(?<![\\d.])${escapeRegExp(release.version)}(?![\\d.]*\\d)`;
      needles.push(
        {
          what: `internal release ${release.id} (path)`,
          pattern: new RegExp(`${escapeRegExp(release.product)}/${escapeRegExp(release.version)}(?![\\d.]*\\d)`),
        },
        { what: `internal release ${release.id} (anchor)`, pattern: new RegExp(`${escapeRegExp(changelogAnchor(release))}(?![\\d-]*\\d)`) },
        {
          what: `internal release ${release.id} (near its product)`,
          pattern: new RegExp(`(?:${escapeRegExp(product.name)}|\\b${escapeRegExp(product.id)}\\b)[^.\\n]{0,40}?${version}`),
        },
      );
      if (release.title) needles.push({ what: `title of internal release ${release.id}`, compact: squeeze(release.title) });
      if (release.summary) markdown(`summary of internal release ${release.id}`, release.summary, release.product);
    }
    release.changes.forEach((change, index) => {
      if (internal || change.audience === 'internal') markdown(`internal change ${release.id} changes[${index}]`, change.summary, release.product);
      // An advisory embargoed at the build's "now" is internal until then: its id, details and vector.
      const { advisory } = change;
      if (advisory?.disclosedAt && advisory.disclosedAt.epochMilliseconds > Number(TEST_NOW_EPOCH) * 1000) {
        needles.push({ what: `embargoed advisory ${advisory.id}`, pattern: new RegExp(`\\b${escapeRegExp(advisory.id)}\\b`) });
        if (advisory.details) markdown(`details of embargoed advisory ${advisory.id}`, advisory.details, release.product);
        if (advisory.cvss) needles.push({ what: `CVSS vector of embargoed advisory ${advisory.id}`, compact: squeeze(advisory.cvss) });
      }
    });
    if (release.rollback) markdown(`rollback reason of ${release.id}`, release.rollback.reason, release.product);
    if (release.gtm?.notes) markdown(`GTM notes of ${release.id}`, release.gtm.notes, release.product);
    for (const incident of release.incidents) {
      needles.push({ what: `incident ${incident.id}`, pattern: new RegExp(`\\b${escapeRegExp(incident.id)}\\b`) });
      if (incident.summary) markdown(`summary of incident ${incident.id}`, incident.summary, release.product);
    }
  }
  // An internal freeze reads as a neutral "Release freeze" in the public build: its name and reason stay internal.
  for (const freeze of hub.freezes.filter((candidate) => candidate.audience === 'internal')) {
    needles.push({ what: `internal freeze "${freeze.name}"`, compact: squeeze(freeze.name) });
    if (freeze.reason) needles.push({ what: `reason of internal freeze "${freeze.name}"`, compact: squeeze(freeze.reason) });
  }
  for (const train of hub.trains) if (train.audience === 'internal') needles.push({ what: `internal train "${train.title}"`, compact: squeeze(train.title) });
  for (const runbook of hub.runbooks) needles.push({ what: `runbook title "${runbook.title}"`, compact: squeeze(runbook.title) });
  for (const matrix of hub.raci) needles.push({ what: `RACI title "${matrix.title}"`, pattern: new RegExp(`\\b${escapeRegExp(matrix.title)}\\b`) });
  for (const person of hub.people) {
    needles.push({ what: `person "${person.name}"`, compact: squeeze(person.name) });
    if (person.email) needles.push({ what: `email of ${person.id}`, compact: squeeze(person.email) });
  }
  // Metrics are internal: their pages, drill-downs, CSV files and JSON, and the words only they use.
  for (const word of ['Deployment rework rate', 'Failed deployment recovery time', 'made to fix an incident', 'Unplanned: rework', 'deploymentReworkRate']) {
    needles.push({ what: `metrics wording "${word}"`, pattern: new RegExp(escapeRegExp(word), 'i') });
  }
  needles.push({ what: 'a metrics page or file', pattern: /\/metrics\/|metrics\.json/ });
  // Attention (SPEC §5) is internal: its card, its section, its JSON field and every message at the build's "now".
  needles.push({ what: 'attention wording "Needs attention"', pattern: /Needs attention/i }, { what: 'the attention field', pattern: /"attention"\s*:/ });
  // Environments and promotion (SPEC §5) are internal: the deployments, their notes, what runs where.
  needles.push(
    { what: 'wording "Promotion path"', pattern: /Promotion path/i },
    { what: 'wording "What runs where"', pattern: /What runs where/i },
    { what: 'the environments file', pattern: /environments\.json/ },
    { what: 'the deployments field', pattern: /"deployments"\s*:/ },
    // Go/no-go gates (SPEC §5) are internal too.
    { what: 'wording "Go / no-go"', pattern: /Go \/ no-go/i },
    { what: 'the approvals field', pattern: /"approvals"\s*:/ },
    { what: 'the checks field', pattern: /"checks"\s*:/ },
    // Post-release reviews (SPEC §5) are internal.
    { what: 'wording "Post-release review"', pattern: /Post-release review/i },
    { what: 'wording "Open review actions"', pattern: /Open review actions/i },
  );
  for (const release of hub.releases) {
    for (const [index, deployment] of (release.deployments ?? []).entries()) {
      if (deployment.notes) markdown(`notes of ${release.id} deployments[${index}]`, deployment.notes, release.product);
    }
    for (const [index, approval] of (release.approvals ?? []).entries()) {
      if (approval.note) markdown(`note of ${release.id} approvals[${index}]`, approval.note, release.product);
    }
    for (const check of release.checks ?? []) needles.push({ what: `check "${check.name}" of ${release.id}`, compact: squeeze(check.name) });
    const review = release.review;
    if (review?.summary) markdown(`review summary of ${release.id}`, review.summary, release.product);
    for (const [index, text] of [...(review?.wentWell ?? []), ...(review?.wentBadly ?? [])].entries())
      markdown(`review point ${index} of ${release.id}`, text, release.product);
    for (const action of review?.actions ?? []) needles.push({ what: `review action "${action.title}"`, compact: squeeze(action.title) });
    for (const asset of release.gtm?.assets ?? []) needles.push({ what: `GTM asset "${asset.title}"`, compact: squeeze(asset.title) });
    for (const entry of release.gtm?.checklist ?? []) needles.push({ what: `GTM checklist item "${entry.item}"`, compact: squeeze(entry.item) });
    if (release.skipEnvironments) needles.push({ what: `skipEnvironments of ${release.id}`, compact: squeeze(release.skipEnvironments) });
  }
  for (const item of hubAttention(hub, Temporal.Instant.fromEpochMilliseconds(Number(TEST_NOW_EPOCH) * 1000))) {
    needles.push({ what: `attention ${item.kind} of ${item.subject.id}`, compact: squeeze(item.message) });
  }
  // Usage data and survey responses are internal: their pages, JSON, words, and every comment.
  // (`/changelog/tags/usage/` is the feed of the public tag "usage", not a usage page.)
  needles.push({ what: 'a usage page or file', pattern: /(?<!\/changelog\/tags)\/usage\/|usage\.json/ });
  for (const word of ['by hour of the week', 'Busy hours', 'Quietest', 'Responses by score']) {
    needles.push({ what: `usage or survey wording "${word}"`, pattern: new RegExp(escapeRegExp(word), 'i') });
  }
  for (const series of hub.usage ?? [])
    if (series.description) needles.push({ what: `usage description of ${series.product}`, compact: squeeze(series.description) });
  const comments = new Set(hub.releases.flatMap((release) => (release.feedback ?? []).flatMap((response) => response.comment ?? [])));
  for (const comment of comments) needles.push({ what: `survey comment "${comment}"`, compact: squeeze(comment) });
  // Announcement drafts are internal: their page and files (issue 21), and their wording.
  needles.push({ what: 'an announcement draft', pattern: /\/announce\/|Announcement drafts|Rollback plan/ });
  // Go-to-market plans are internal: the board, its wording and the launch days on the calendar.
  needles.push({ what: 'the GTM board', pattern: /\/gtm\/|Go-to-market|Overdue assets|Launch checklist/ });
  // The public digest holds what shipped and what is next only: no metric changes (attention is above).
  needles.push({ what: 'digest wording "Metric changes"', pattern: /Metric changes/ });
  // A tag that no public release carries has no feed and no line on the tag index.
  const publicTags = new Set(hub.releases.filter((release) => release.audience === 'public').flatMap((release) => release.tags));
  for (const tag of new Set(hub.releases.flatMap((release) => release.tags))) {
    if (publicTags.has(tag)) continue;
    needles.push({ what: `tag "${tag}" of internal releases only`, pattern: new RegExp(`changelog/tags/${escapeRegExp(tag)}/|"tag-${escapeRegExp(tag)}"`) });
  }
  return needles;
}

/**
 * Why: a string an author also wrote in public content (a public release's narrative, title,
 * summary or public changes) is public, whatever else it names. E.g. the public api/2.7.0 notes
 * say it moved to avoid "the PostgreSQL 17 upgrade", which is also the title of internal api/2.6.1.
 */
function publicProse(hub: Hub): string {
  return hub.releases
    .filter((release) => release.audience === 'public')
    .map((release) => {
      const body = readFileSync(path.join(contentRoot, release.source.file), 'utf8').replace(/^---[\s\S]*?\n---\s*\n/, '');
      const fields = [release.title, release.summary, ...release.changes.filter((change) => change.audience === 'public').map((change) => change.summary)];
      return [body, ...fields].map((text) => squeeze(text ?? '')).join('\n');
    })
    .join('\n');
}

/** A built file as searchable text: gunzipped when compressed; markup stripped and entities decoded (twice, for HTML escaped inside XML). */
interface ScannedFile {
  file: string;
  raw: string;
  text: string;
  compact: string;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

function stripMarkup(text: string): string {
  let result = text;
  for (let pass = 0; pass < 2; pass++) result = decodeEntities(result.replace(/<!\[CDATA\[|\]\]>/g, '').replace(/<[^>]*>/g, ''));
  return result;
}

/** JSON files and Pagefind's gunzipped records (`pagefind_dcd` + JSON): every string value, decoded. */
function jsonStrings(raw: string): string[] {
  const start = raw.search(/[[{]/);
  if (start < 0) return [];
  try {
    const strings: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          strings.push(key);
          walk(inner);
        }
      }
    };
    walk(JSON.parse(raw.slice(start)));
    return strings;
  } catch {
    return [];
  }
}

function scan(file: string): ScannedFile {
  let bytes = readFileSync(file);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const raw = bytes.toString('utf8');
  const text = normaliseQuotes([raw, ...jsonStrings(raw)].map(stripMarkup).join('\n')).replace(/\s+/g, ' ');
  return { file, raw, text, compact: text.replace(/\s+/g, '') };
}

function findLeaks(files: ScannedFile[], needles: Needle[], root: string): string[] {
  const leaks: string[] = [];
  for (const needle of needles) {
    for (const file of files) {
      const hit = needle.compact !== undefined ? file.compact.includes(needle.compact) : needle.pattern!.test(file.raw) || needle.pattern!.test(file.text);
      if (hit) leaks.push(`${path.relative(root, file.file)}: ${needle.what}`);
    }
  }
  return leaks;
}

describe('the public build', () => {
  let hub: Hub;
  let needles: Needle[];
  let files: ScannedFile[];
  let writtenInPublic: string[];
  beforeAll(async () => {
    hub = (await loadContentRoot(contentRoot)).hub!;
    const prose = publicProse(hub);
    const all = internalNeedles(hub);
    needles = all.filter((needle) => needle.compact === undefined || !prose.includes(needle.compact));
    writtenInPublic = all.filter((needle) => !needles.includes(needle)).map((needle) => needle.what);
    files = listFiles(builtSite('example-public')).map(scan);
  });

  it('knows what to look for and where', () => {
    // The only internal string the example hub's authors also wrote in public prose.
    expect(writtenInPublic).toEqual(['title of internal release api/2.6.1']);
    expect(needles.filter((needle) => needle.what.startsWith('survey comment ')).length).toBe(20);
    expect(hub.usage?.map((series) => series.product)).toEqual(['api', 'web']);
    expect(needles.filter((needle) => needle.what.startsWith('internal release ')).length).toBe(
      3 * hub.releases.filter((release) => release.audience === 'internal').length,
    );
    expect(needles.some((needle) => needle.what.startsWith('internal change '))).toBe(true);
    const kinds = new Set(files.map((file) => path.extname(file.file)));
    for (const kind of ['.html', '.xml', '.json', '.md', '.js']) expect(kinds).toContain(kind);
    expect(files.some((file) => file.file.includes(`${path.sep}pagefind${path.sep}`) && /\.pf_/.test(file.file))).toBe(true);
  });

  it('has tag feeds of public changelog releases only', () => {
    const dist = builtSite('example-public');
    const publicIds = new Set(hub.releases.filter((release) => release.audience === 'public').map((release) => release.id));
    const feeds = files.filter((file) => /changelog[\\/]tags[\\/][^\\/]+[\\/]feed\.json$/.test(file.file));
    expect(feeds.length).toBeGreaterThan(20);
    for (const feed of feeds) {
      const items: { url: string }[] = JSON.parse(feed.raw).items;
      expect(items.length, feed.file).toBeGreaterThan(0);
      for (const { url } of items)
        expect(publicIds.has(new URL(url).pathname.replace(/^\/releases\/|\/$/g, '')), `${path.relative(dist, feed.file)}: ${url}`).toBe(true);
    }
    expect(needles.filter((needle) => needle.what.startsWith('tag "')).map((needle) => needle.what)).toContain('tag "kubernetes" of internal releases only');
  });

  it('contains no internal release, change, runbook, RACI matrix, person or incident anywhere', () => {
    expect(findLeaks(files, needles, builtSite('example-public'))).toEqual([]);
  });

  it('would notice each kind of string in the internal build (the scan is not blind)', () => {
    const internalFiles = listFiles(builtSite('example-internal')).map(scan);
    const found = new Set(findLeaks(internalFiles, needles, builtSite('example-internal')).map((leak) => leak.slice(leak.indexOf(': ') + 2)));
    for (const what of [
      'internal release web/3.10.1 (path)',
      'internal release web/3.10.1 (near its product)',
      'title of internal release web/3.10.1',
      'person "Bob Lindqvist"',
      'runbook title "Roll back Northwind Web"',
      'RACI title "Standard release"',
      'incident INC-152',
      'embargoed advisory CVE-2026-41177',
      'details of embargoed advisory CVE-2026-41177',
      'metrics wording "Deployment rework rate"',
      'metrics wording "Unplanned: rework"',
      'a metrics page or file',
      'attention wording "Needs attention"',
      'the attention field',
      'attention released-late of web/4.0.0',
      'wording "Promotion path"',
      'wording "What runs where"',
      'the environments file',
      'the deployments field',
      'notes of api/2.6.0 deployments[1]',
      'skipEnvironments of api/2.4.1',
      'wording "Go / no-go"',
      'the approvals field',
      'the checks field',
      'note of web/4.7.0 approvals[0]',
      'check "Webhook delivery end to end" of api/2.6.0',
      'wording "Post-release review"',
      'wording "Open review actions"',
      'review summary of web/4.0.0',
      'review action "Book four-hour windows for major releases"',
      'a usage page or file',
      'usage or survey wording "by hour of the week"',
      'usage or survey wording "Busy hours"',
      'usage or survey wording "Responses by score"',
      'usage description of web',
      'survey comment "Webhook retries fixed our missed events."',
      'an announcement draft',
      'digest wording "Metric changes"',
      'the GTM board',
      'GTM asset "First-run tour on phones"',
      'GTM checklist item "Support team trained on touch drag and drop"',
      'internal train "Platform maintenance week"',
    ]) {
      expect(found, what).toContain(what);
    }
    expect([...found].some((what) => what.startsWith('internal change web/4.3.0'))).toBe(true);
    // The release pages' Markdown twins are scanned too: the internal build's hold internal changes and the embargoed advisory.
    const inTwins = findLeaks(
      internalFiles.filter((file) => path.basename(file.file) === 'index.md'),
      needles,
      builtSite('example-internal'),
    ).map((leak) => leak.slice(leak.indexOf(': ') + 2));
    expect(inTwins).toContain('embargoed advisory CVE-2026-41177');
    expect(inTwins.some((what) => what.startsWith('internal change '))).toBe(true);
  });
});
