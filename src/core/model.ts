/**
 * The hub model: every content file, validated, cross-checked and with its times resolved
 * to zoned instants. Everything after the loaders (pages, feeds, ICS, JSON, metrics, search)
 * reads this model and nothing else, so each concept has one definition.
 */
import type { Temporal } from 'temporal-polyfill';
import type { AnnounceTemplateInput } from '../schemas/announce-template.ts';
import type {
  AdvisorySeverity,
  AnnouncementKind,
  ApprovalDecision,
  Audience,
  BenchmarkBand,
  BenchmarkKey,
  ChangeType,
  CheckKind,
  CheckResult,
  DeploymentStatus,
  GtmChannel,
  RaciCode,
  ReleaseStatus,
  Risk,
  RunbookKind,
} from '../schemas/vocabulary.ts';

export {
  AUDIENCES,
  BENCHMARK_BANDS,
  BENCHMARK_KEYS,
  CHANGE_TYPES,
  GTM_CHANNELS,
  RACI_CODES,
  RELEASE_STATUSES,
  RISKS,
  RUNBOOK_KINDS,
} from '../schemas/vocabulary.ts';
export type {
  AdvisorySeverity,
  ApprovalDecision,
  Audience,
  BenchmarkBand,
  BenchmarkKey,
  ChangeType,
  CheckKind,
  CheckResult,
  DeploymentStatus,
  GtmChannel,
  RaciCode,
  ReleaseStatus,
  Risk,
  RunbookKind,
} from '../schemas/vocabulary.ts';

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
  /** hub.yaml `environments`, in promotion order (the loader's default: one `production`, the release environment). */
  environments?: Environment[];
  /** hub.yaml `policy`: the go/no-go gates (SPEC §5); none when left out. */
  policy?: Policy;
  /** hub.yaml `attention` (default grace 0 hours): when a release in progress is flagged as overdue. */
  attention?: { graceHours: number };
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

/** hub.yaml `policy` (SPEC §5). */
export interface Policy {
  /** RACI roles that must each approve. */
  requireApprovalFrom: string[];
  /** Check kinds that must each have a passed check. */
  requireChecks: CheckKind[];
  highRisk?: { requireRollbackRunbook: boolean; requireApprovals: number };
  /** RACI roles, one of which must approve a release shipping with `freezeException`. */
  freezeExceptionApprovers: string[];
  /** A violation is an error, not a warning. */
  enforce: boolean;
  /** Releases before this day (hub zone) are not checked. */
  since?: Temporal.PlainDate;
}

/** One go/no-go approval of a release. */
export interface Approval {
  /** A people.yaml id. */
  by: string;
  /** The RACI role approved as; default the person's role. */
  role?: string;
  decision: ApprovalDecision;
  at?: Temporal.ZonedDateTime;
  /** Markdown. */
  note?: string;
}

/** One check run before a release. */
export interface Check {
  name: string;
  kind: CheckKind;
  result: CheckResult;
  at?: Temporal.ZonedDateTime;
  /** A safe written URL (validated); render with `safeHref`. */
  url?: string;
  /** The test-plan runbook it followed. */
  runbook?: string;
}

/** A follow-up of a post-release review. */
export interface ReviewAction {
  title: string;
  /** A people.yaml id. */
  owner: string;
  due?: Temporal.PlainDate;
  done: boolean;
}

/** A post-release review. */
export interface Review {
  date: Temporal.PlainDate;
  /** Markdown. */
  summary?: string;
  /** Markdown each. */
  wentWell: string[];
  /** Markdown each. */
  wentBadly: string[];
  actions: ReviewAction[];
}

/** One deployment environment (hub.yaml `environments`). */
export interface Environment {
  id: string;
  name: string;
  /** Where a release reaches its users: its deployment's finish is the release time, and DORA counts it. */
  release: boolean;
}

/** One deployment of a release to one environment. */
export interface Deployment {
  environment: string;
  startedAt?: Temporal.ZonedDateTime;
  /** Left out while the deployment runs. */
  finishedAt?: Temporal.ZonedDateTime;
  status: DeploymentStatus;
  /** A people.yaml id. */
  by?: string;
  /** Markdown. */
  notes?: string;
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
  /** Security changes only; a public build drops it while it is embargoed (src/security/embargo.ts). */
  advisory?: Advisory;
  /** Deprecated changes only: when the feature goes (SPEC §1 `changes[].removal`). */
  removal?: Removal;
}

/** When a deprecated feature goes: at least one of the two. */
export interface Removal {
  /** The version of the same product that removes it. */
  version?: string;
  /** The sunset: the start of that day in the release's zone. */
  date?: Temporal.ZonedDateTime;
}

/** A security advisory (SPEC §1 `changes[].advisory`). */
export interface Advisory {
  /** `CVE-…` or `GHSA-…`. */
  id: string;
  severity: AdvisorySeverity;
  /** CVSS vector. */
  cvss?: string;
  /** SemVer range of the affected versions. */
  affected: string;
  /** The first fixed version: a release of the same product. */
  fixed: string;
  /** Until then, embargoed; undefined: public. */
  disclosedAt?: Temporal.ZonedDateTime;
  credit?: string;
  /** Markdown. */
  details?: string;
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
  /** Responses per score 1 to 5 (index 0 is score 1); only when computed from `feedback/*.csv`. */
  distribution?: [number, number, number, number, number];
}

/** One survey response of `feedback/*.csv` (internal: the public view drops it). */
export interface FeedbackResponse {
  date: Temporal.PlainDate;
  /** 1 to 5. */
  score: number;
  comment?: string;
  segment?: string;
  /** The file and the 1-based line of the row. */
  file: string;
  line: number;
}

/** A release's go-to-market plan (internal). */
export interface Gtm {
  required: boolean;
  /** The launch day's start in the release's zone. */
  launchDate?: Temporal.ZonedDateTime;
  /** A person id. */
  owner?: string;
  notes?: string;
  /** The channels the launch uses, in the file's order. */
  channels: GtmChannel[];
  assets: GtmAsset[];
  checklist: { item: string; done: boolean }[];
}

/** One deliverable of a go-to-market plan. */
export interface GtmAsset {
  title: string;
  channel?: GtmChannel;
  /** A person id. */
  owner: string;
  /** The day it is due (in the hub zone's calendar). */
  due: Temporal.PlainDate;
  done: boolean;
  url?: string;
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
  /** The release environment's deployment: `finishedAt` is the release time. */
  deployment?: { startedAt?: Temporal.ZonedDateTime; finishedAt?: Temporal.ZonedDateTime };
  /** Every deployment, the `deployment` shorthand included (the loader always sets it; internal only). */
  deployments?: Deployment[];
  /** Why this release skips an environment of the promotion order. */
  skipEnvironments?: string;
  /** Go/no-go approvals (the loader always sets it; internal only). */
  approvals?: Approval[];
  /** Checks run before the release (the loader always sets it; internal only). */
  checks?: Check[];
  /** The post-release review (internal only). */
  review?: Review;
  owner?: string;
  raci?: string;
  runbooks: string[];
  rollback?: Rollback;
  /** Incidents this release caused. */
  incidents: Incident[];
  /** Ids of incidents of other releases this release fixes: unplanned work (rework). */
  fixes: string[];
  satisfaction?: Satisfaction;
  /** Survey responses of `feedback/*.csv` about this release, in file order; `satisfaction` is computed from them. */
  feedback?: FeedbackResponse[];
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
  /** `internal` (the default): the public build shows it as a neutral "Release freeze" without a reason. */
  audience: Audience;
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

/** One row of `usage/<product>.csv`: how much the product was used in the period starting at `at`. */
export interface UsageSample {
  at: Temporal.Instant;
  count: number;
}

/** A product's usage data (`usage/<product>.csv` and its sidecar `usage/<product>.yaml`); internal. */
export interface UsageSeries {
  /** The product id (the file name). */
  product: string;
  /** What `count` counts, e.g. `requests`. */
  unit?: string;
  description?: string;
  /** Hours above this percentile of the hourly means are busy (1 to 99, default 80). */
  busyPercentile: number;
  /** In time order. */
  samples: UsageSample[];
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
  /** Usage data per product (`usage/`); absent or empty when there is none, and always in a public build. */
  usage?: UsageSeries[];
  /** Release trains, in the order of their files. */
  trains: Train[];
  /** A team's own announcement texts per kind (`templates/announce/<kind>.yaml`); absent when it has none. */
  announceTemplates?: Partial<Record<AnnouncementKind, AnnounceTemplate>>;
}

/** The hub one build renders from: its content cut to the build's audience, and the build's "now". */
export interface BuildContext {
  /** The hub as this build's audience may see it. */
  hub: Hub;
  audience: Audience;
  /** The build's "now": `SOURCE_DATE_EPOCH` or the time the build started. */
  now: Temporal.Instant;
}

/** A team's own texts for one kind of announcement draft, placeholders not yet filled in. */
export type AnnounceTemplate = AnnounceTemplateInput;
