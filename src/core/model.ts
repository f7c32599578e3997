/**
 * The hub model: every content file, validated, cross-checked and with its times resolved
 * to zoned instants. Everything after the loaders (pages, feeds, ICS, JSON, metrics, search)
 * reads this model and nothing else, so each concept has one definition.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Audience, BenchmarkBand, BenchmarkKey, ChangeType, RaciCode, ReleaseStatus, Risk, RunbookKind } from '../schemas/vocabulary.ts';

export { AUDIENCES, BENCHMARK_BANDS, BENCHMARK_KEYS, CHANGE_TYPES, RACI_CODES, RELEASE_STATUSES, RISKS, RUNBOOK_KINDS } from '../schemas/vocabulary.ts';
export type { Audience, BenchmarkBand, BenchmarkKey, ChangeType, RaciCode, ReleaseStatus, Risk, RunbookKind } from '../schemas/vocabulary.ts';

/** A link found in a content body. */
export interface ContentLink {
  /** Site path, e.g. `/runbooks/rollback-web/` (a relative link resolved against its page). */
  path: string;
  /** The link as written, when it was relative (`../rollback-web/`, `./docs/order.md`). */
  written?: string;
  /** Fragment without `#`, if any. */
  fragment?: string;
  /** 1-based line in the file. */
  line: number;
}

/** A relative link in a Markdown field (a change summary): it cannot resolve on every page that shows the field. */
export interface FieldLink {
  /** Field path, e.g. `changes[2].summary`. */
  field: string;
  url: string;
  /** 1-based line of the field in the file. */
  line: number;
}

/** Where an item came from: for error messages and for rendering its body. */
export interface SourceRef {
  /** Path relative to the content root, with forward slashes, e.g. `releases/web/2.4.0.mdx`. */
  file: string;
  /** Id of the entry in the Astro content collection that renders the body (releases, runbooks). */
  entryId?: string;
  /** Links to the site's own pages written in the body (releases, runbooks), checked against the build's pages. */
  internalLinks?: readonly ContentLink[];
  /** Relative links in Markdown fields (releases), reported by the same check. */
  fieldLinks?: readonly FieldLink[];
}

export interface Product {
  id: string;
  name: string;
}

export interface Cadence {
  /** RFC 5545 RRULE without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=TU`. */
  rrule: string;
  /** Local wall-clock start of each slot in the hub zone. */
  start: Temporal.PlainTime;
  durationMinutes: number;
}

export interface FooterLink {
  label: string;
  href: string;
  /** The link leaves the hub on purpose (hub.yaml `external: true`). */
  external?: boolean;
}

/** One band of one key of a benchmark set: the published wording and the bound a value must meet (none: the catch-all band). */
export interface BenchmarkRule {
  band: BenchmarkBand;
  published: string;
  below?: number;
  atMost?: number;
  above?: number;
  atLeast?: number;
}

/** A named, dated, cited set of performance bands (hub.yaml `metrics.benchmarks`). Values are in each key's unit. */
export interface BenchmarkSet {
  name: string;
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  published: string;
  source: { title: string; url: string; note?: string };
  /** Best band first; a key left out has no band. */
  keys: Partial<Record<BenchmarkKey, BenchmarkRule[]>>;
}

export interface HubConfig {
  title: string;
  /** Absolute site URL without trailing slash, e.g. `https://releases.acme.example`. */
  url: string;
  /** IANA zone: default zone of every local time, and the zone of months, weeks and days. */
  timezone: string;
  products: Product[];
  cadence?: Cadence;
  metrics: {
    onTimeToleranceMinutes: number;
    /** Left out: the bundled default set (DORA 2024); `false`: no bands at all. */
    benchmarks?: BenchmarkSet | false;
  };
  /** Issue tracker URL template; `#123` in Markdown links to it with `{id}` replaced. */
  issueUrl?: string;
  /** CSS colour for the hub's accent. */
  accentColor?: string;
  /** Path of a logo under `public/`. */
  logo?: string;
  footerLinks: FooterLink[];
  /** Hosts pages may load images and media from. */
  externalHosts: string[];
  description?: string;
}

export interface TimeWindow {
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
}

export interface Change {
  type: ChangeType;
  /** Markdown source; render with the safe Markdown renderer only. */
  summary: string;
  breaking: boolean;
  audience: Audience;
}

export interface Incident {
  id: string;
  startedAt: Temporal.ZonedDateTime;
  resolvedAt?: Temporal.ZonedDateTime;
  severity?: string;
  summary?: string;
}

export interface Rollback {
  runbook?: string;
  at?: Temporal.ZonedDateTime;
  /** Markdown. */
  reason: string;
}

export interface Satisfaction {
  score: number;
  responses: number;
}

export interface Gtm {
  required: boolean;
  launchDate?: Temporal.ZonedDateTime;
  owner?: string;
  notes?: string;
}

export interface Release {
  /** `<product>/<version>`: unique in the hub, stable, used in URLs and ICS UIDs. */
  id: string;
  product: string;
  version: string;
  title?: string;
  status: ReleaseStatus;
  audience: Audience;
  risk?: Risk;
  /** The zone of this release's local times (`window.timezone`, else the hub zone). */
  timezone: string;
  window?: TimeWindow;
  acceptedAt?: Temporal.ZonedDateTime;
  deployment?: { startedAt?: Temporal.ZonedDateTime; finishedAt?: Temporal.ZonedDateTime };
  owner?: string;
  raci?: string;
  runbooks: string[];
  rollback?: Rollback;
  /** Incidents this release caused. */
  incidents: Incident[];
  /** Ids of incidents of other releases this release fixes: unplanned work (rework). */
  fixes: string[];
  satisfaction?: Satisfaction;
  gtm?: Gtm;
  changes: Change[];
  tags: string[];
  /** Why this release may ship inside a freeze of its product. */
  freezeException?: string;
  /** How many times the window moved; the ICS SEQUENCE. */
  rescheduled: number;
  summary?: string;
  source: SourceRef;
}

export interface Runbook {
  id: string;
  title: string;
  kind: RunbookKind;
  owner?: string;
  products: string[];
  lastReviewed?: Temporal.PlainDate;
  reviewEveryDays?: number;
  summary?: string;
  source: SourceRef;
}

export interface RaciActivity {
  name: string;
  assignments: Record<string, RaciCode>;
}

export interface RaciMatrix {
  id: string;
  title: string;
  roles: string[];
  activities: RaciActivity[];
  source: SourceRef;
}

export interface Person {
  id: string;
  name: string;
  /** A RACI role name. */
  role: string;
  email?: string;
  chat?: string;
}

export interface Freeze {
  name: string;
  start: Temporal.ZonedDateTime;
  /** Exclusive end instant (a date-only end means the whole of that day is frozen). */
  end: Temporal.ZonedDateTime;
  /** Product ids; empty means every product. */
  products: string[];
  reason?: string;
}

export interface MetricSeries {
  /** File name without `.csv`. */
  id: string;
  title: string;
  unit?: string;
  description?: string;
  target?: number;
  /** Numeric columns, in file order (without `date`). */
  columns: string[];
  rows: { date: Temporal.PlainDate; values: Record<string, number> }[];
  source: SourceRef;
}

/** A release train (`trains/<id>.yaml`): releases of several products shipped together under one name and window. */
export interface Train {
  /** The file name without `.yaml`. */
  id: string;
  title: string;
  /** Markdown. */
  summary?: string;
  audience: Audience;
  /** The zone of the window's local times (`window.timezone`, else the hub zone). */
  timezone: string;
  window: TimeWindow;
  /** Release ids (`<product>/<version>`), in the file's order; each is a release of the hub. */
  members: string[];
  source: SourceRef;
}

export interface Hub {
  config: HubConfig;
  /** In the order of their files (sorted paths); pages and feeds sort them by their own rules. */
  releases: Release[];
  runbooks: Runbook[];
  raci: RaciMatrix[];
  people: Person[];
  freezes: Freeze[];
  metricSeries: MetricSeries[];
  /** Release trains, in the order of their files. */
  trains: Train[];
}
