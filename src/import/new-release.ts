/**
 * `npm run new -- release`: a release file with every SPEC §1 field, set or commented out
 * with what it means, so nobody has to remember the schema.
 */
import path from 'node:path';
import semver from 'semver';
import { Temporal } from 'temporal-polyfill';
import { RELEASE_STATUSES, type ReleaseStatus } from '../core/model.ts';
import { UserError } from './errors.ts';
import { assertKnownProduct, readHubProducts } from './hub-products.ts';
import { findExistingRelease, formatFrontmatter, formatReleaseFile, releaseFile, writeNewFile, type FrontmatterEntry } from './write-release.ts';

export interface NewReleaseOptions {
  version: string;
  product: string;
  status?: string;
  /** Window start as written: `2026-05-12T02:00`, optionally with an offset. */
  window?: string;
  contentRoot: string;
}

export interface ReleaseWindow {
  start: string;
  end: string;
}

const WINDOW_START = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?$/;

/** Why: a file name and `version:` must be strict SemVer; a leading `v` is the usual slip. */
function assertVersion(version: string): void {
  if (/^v\d/i.test(version)) throw new UserError(`Version "${version}" has a leading "v": write ${version.slice(1)}.`);
  if (semver.valid(version) !== version) {
    throw new UserError(`Version "${version}" is not SemVer 2.0.0: write MAJOR.MINOR.PATCH, e.g. 2.4.0 or 3.0.0-rc.1.`);
  }
}

/** Why: rejects a status the schema would reject later. */
function statusFrom(status: string | undefined): ReleaseStatus {
  const value = status ?? 'planned';
  if (!(RELEASE_STATUSES as readonly string[]).includes(value)) {
    throw new UserError(`Status "${value}" is not one of ${RELEASE_STATUSES.join(', ')}.`);
  }
  return value as ReleaseStatus;
}

/** Why: window end = start + the hub's cadence duration, in the same written form (local or offset). */
export function windowFrom(start: string, minutes: number): ReleaseWindow {
  const match = WINDOW_START.exec(start);
  let end: Temporal.PlainDateTime | undefined;
  try {
    end = match?.[1] ? Temporal.PlainDateTime.from(match[1], { overflow: 'reject' }).add({ minutes }) : undefined;
  } catch {
    end = undefined;
  }
  if (!match?.[1] || !end) {
    throw new UserError(`Window start "${start}" is not a date and time like 2026-05-12T02:00 (optionally +02:00 or Z).`);
  }
  const smallestUnit = match[1].length > 16 ? 'second' : 'minute';
  return { start, end: end.toString({ smallestUnit }) + (match[2] ?? '') };
}

/** Why: the frontmatter of a new release: the SPEC §1 fields in order, unset ones commented. */
function scaffoldEntries(
  release: { version: string; product: string; status: ReleaseStatus; window?: ReleaseWindow },
  hub: { timezone: string; windowMinutes: number },
): FrontmatterEntry[] {
  const zone = hub.timezone;
  const day = release.window?.start.slice(0, 10) ?? '2026-03-10';
  return [
    { key: 'version', value: release.version, help: 'SemVer 2.0.0 without a leading "v"; unique per product.' },
    { key: 'product', value: release.product, help: 'A hub.yaml product id.' },
    { key: 'title', example: 'Smarter exports', help: 'Optional headline.' },
    { key: 'summary', example: 'Exports keep their column order.', help: 'Optional one-sentence summary for lists and feeds (Markdown).' },
    { key: 'status', value: release.status, help: `${RELEASE_STATUSES.join(' | ')}` },
    { key: 'audience', value: 'internal', help: 'public | internal: public releases appear in the changelog and the public build.' },
    { key: 'risk', example: 'medium', help: 'low | medium | high' },
    {
      key: 'window',
      value: release.window,
      example: { start: `${day}T02:00`, end: `${day}T04:00`, timezone: hub.timezone },
      help: `Planned release window. A time without an offset is wall-clock time in ${zone}; timezone is optional.\nThe hub cadence window lasts ${hub.windowMinutes} minutes.`,
    },
    { key: 'rescheduled', example: 1, help: 'How many times the window moved (the ICS SEQUENCE); default 0.' },
    { key: 'acceptedAt', example: day, help: 'Work accepted: the start of the release lead time.' },
    {
      key: 'deployment',
      example: { startedAt: `${day}T02:05`, finishedAt: `${day}T02:41` },
      help: 'The actual deployment; finishedAt is the release time. Fill in once it is done.',
    },
    {
      key: 'deployments',
      example: [
        { environment: 'staging', startedAt: `${day}T01:00`, finishedAt: `${day}T01:20`, status: 'succeeded', by: 'alice', notes: 'Smoke tests green' },
      ],
      help: 'Deployments to the hub.yaml environments before the release environment (whose deployment is deployment:).\nstatus: succeeded | failed | rolled-back.',
    },
    { key: 'skipEnvironments', example: 'Hotfix tested on a copy of production', help: 'Why this release skips the promotion order of hub.yaml environments.' },
    { key: 'owner', example: 'alice', help: 'A people.yaml id: who is accountable.' },
    { key: 'raci', example: 'standard-release', help: 'A raci/ file id.' },
    { key: 'runbooks', example: [`deploy-${release.product}`, `rollback-${release.product}`], help: 'Runbook ids.' },
    {
      key: 'rollback',
      example: { runbook: `rollback-${release.product}`, at: `${day}T03:10`, reason: 'Export job saturated the queue' },
      help: 'Required when status is rolled-back; reason is Markdown.',
    },
    {
      key: 'incidents',
      example: [{ id: 'INC-42', startedAt: `${day}T03:00`, resolvedAt: `${day}T03:40`, severity: 'sev2' }],
      help: 'Incidents caused by or during the release.',
    },
    { key: 'satisfaction', example: { score: 4.3, responses: 37 }, help: 'Release satisfaction survey: mean score 1-5 and number of responses.' },
    { key: 'gtm', example: { required: true, launchDate: day, owner: 'bob' }, help: 'Go-to-market.' },
    { key: 'freezeException', example: 'Security fix that cannot wait', help: 'Why this release may ship inside a freeze of its product.' },
    {
      key: 'approvals',
      example: [{ by: 'alice', role: 'Release Manager', decision: 'approved', at: `${day}T01:30`, note: 'Go' }],
      help: 'Go/no-go approvals; decision: approved | rejected | pending. hub.yaml policy says which are required.',
    },
    {
      key: 'checks',
      example: [
        { name: 'Checkout end to end', kind: 'e2e', result: 'passed', at: `${day}T01:10`, url: 'https://ci.example/runs/1', runbook: 'release-test-plan' },
      ],
      help: 'Checks run before the release; kind: unit | integration | e2e | manual | load | security | other;\nresult: passed | failed | skipped | pending; runbook: the test-plan runbook followed.',
    },
    {
      key: 'review',
      example: {
        date: day,
        summary: 'What happened',
        wentWell: ['Staging caught a bug'],
        wentBadly: ['The alert fired late'],
        actions: [{ title: 'Alert on queue depth', owner: 'bob', due: day, done: false }],
      },
      help: "The post-release review (internal): open actions show on the dashboard and the owner's page.",
    },
    {
      key: 'changes',
      value: [],
      help: [
        'The changes. type: added | changed | deprecated | removed | fixed | security;',
        'summary: Markdown; breaking: true calls it out; audience: internal hides it from a public release. E.g.',
        '  - { type: added, summary: CSV export keeps **column order**, breaking: false }',
      ].join('\n'),
    },
    { key: 'tags', value: [], help: 'Free tags.' },
  ];
}

const BODY = '{/* The release narrative (MDX): highlights, migration guides. */}';

/** Why: the whole `new` command minus argument parsing: validate, refuse to overwrite, write. */
export async function createRelease(options: NewReleaseOptions): Promise<{ file: string; text: string }> {
  assertVersion(options.version);
  const status = statusFrom(options.status);
  const hub = await readHubProducts(options.contentRoot);
  assertKnownProduct(hub, options.product);
  const window = options.window === undefined ? undefined : windowFrom(options.window, hub.windowMinutes);
  const existing = await findExistingRelease(
    options.contentRoot,
    options.product,
    options.version,
    hub.productIds.length === 1 ? hub.productIds[0] : undefined,
  );
  if (existing) throw new UserError(`${existing} already exists in ${options.contentRoot}: edit it, or pick another version.`);
  const file = releaseFile(options.product, options.version, '.mdx');
  const release = { version: options.version, product: options.product, status, window };
  const text = formatReleaseFile(formatFrontmatter(scaffoldEntries(release, hub)), BODY);
  await writeNewFile(path.join(options.contentRoot, file), text);
  return { file, text };
}
