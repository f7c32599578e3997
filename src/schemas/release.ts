/** A release file `releases/<product>/<version>.{md,mdx}`: its frontmatter (SPEC §1). */
import { z } from 'astro/zod';
import {
  APPROVAL_DECISIONS,
  AUDIENCES,
  CHANGE_TYPES,
  CHECK_KINDS,
  CHECK_RESULTS,
  DEPLOYMENT_STATUSES,
  GTM_CHANNELS,
  RELEASE_STATUSES,
  RISKS,
} from './vocabulary.ts';
import { isSafeWrittenUrl, SAFE_URL_HINT } from './safe-url.ts';
import { id, listOf, text, timeZone, writtenDate, writtenTime } from './fields.ts';
import { isSemVer } from './grammar.ts';
import { advisorySchema } from './advisory.ts';
import { removalSchema } from './removal.ts';

/** One deliverable of a go-to-market plan: a blog post, an email, a sales deck… */
export const gtmAssetSchema = z.strictObject({
  /** What it is, e.g. "Launch blog post". */
  title: text,
  /** The channel it goes out on; must be one of the plan's `channels`. */
  channel: z.enum(GTM_CHANNELS).optional(),
  /** A people.yaml id: who delivers it. */
  owner: id,
  /** The day it is due, on or before the launch date. */
  due: writtenDate,
  /** Whether it is delivered. */
  done: z.boolean().default(false),
  /** Where it lives (a draft, a doc). */
  url: text.refine(isSafeWrittenUrl, { error: (issue) => `"${String(issue.input)}" is not a safe link — ${SAFE_URL_HINT}` }).optional(),
});

/** One checklist item of a go-to-market plan; a plain string is an open item. */
export const gtmChecklistItemSchema = z.preprocess(
  (value) => (typeof value === 'string' ? { item: value } : value),
  z.strictObject({
    /** What to do, e.g. "Pricing page updated". */
    item: text,
    /** Whether it is done. */
    done: z.boolean().default(false),
  }),
);

/**
 * A release's go-to-market plan. The form `{ required, launchDate, owner, notes }` of earlier
 * versions is a plan without channels, assets or checklist, and stays valid as written.
 */
export const gtmSchema = z.strictObject({
  /** Whether the release needs a launch. */
  required: z.boolean().default(true),
  /** Launch day. */
  launchDate: writtenDate.optional(),
  /** A people.yaml id: who owns the launch. */
  owner: id.optional(),
  /** Launch notes (Markdown). */
  notes: text.optional(),
  /** The channels the launch uses, e.g. `[blog, email, in-app, docs, sales-enablement]`. */
  channels: listOf(z.enum(GTM_CHANNELS)).default([]),
  /** The launch's deliverables, each with an owner and a due day. */
  assets: z.array(gtmAssetSchema).default([]),
  /** What must be true before launch. */
  checklist: z.array(gtmChecklistItemSchema).default([]),
});

/** A planned release window. */
export const windowSchema = z.strictObject({
  /** Start; without an offset it is wall-clock time in `timezone`. */
  start: writtenTime,
  /** End; must be after `start`. */
  end: writtenTime,
  /** Zone of this release's local times; default the hub zone. */
  timezone: timeZone.optional(),
});

/** One entry of the release's change list. */
export const changeSchema = z.strictObject({
  /** Keep a Changelog type. */
  type: z.enum(CHANGE_TYPES),
  /** Markdown, rendered safely. */
  summary: text,
  /** Whether users must act; breaking changes are called out first. */
  breaking: z.boolean().default(false),
  /** `internal` hides the change from the public changelog; default: the release's audience. */
  audience: z.enum(AUDIENCES).optional(),
  /** A security advisory (only on a `security` change): id, severity, affected range, fixed version, disclosure. */
  advisory: advisorySchema.optional(),
  /** When a deprecated feature goes (only on a `deprecated` change): the removing version, the sunset day, or both. */
  removal: removalSchema.optional(),
});

/** An incident caused by or during the release. */
export const incidentSchema = z.strictObject({
  /** Tracker id, e.g. `INC-42`. */
  id: text,
  /** When the incident started. */
  startedAt: writtenTime,
  /** When service was restored; open incidents leave it out. */
  resolvedAt: writtenTime.optional(),
  /** Severity label, e.g. `sev2`. */
  severity: text.optional(),
  /** One line about what happened (Markdown). */
  summary: text.optional(),
});

/** One deployment of the release to one hub.yaml environment (SPEC §5). */
export const deploymentRecordSchema = z.strictObject({
  /** A hub.yaml `environments` id. */
  environment: id,
  /** Deployment start. */
  startedAt: writtenTime.optional(),
  /** Deployment end; left out while it runs. In the release environment, the release time. */
  finishedAt: writtenTime.optional(),
  /** How it ended. */
  status: z.enum(DEPLOYMENT_STATUSES).default('succeeded'),
  /** A people.yaml id: who deployed. */
  by: id.optional(),
  /** One line about the deployment (Markdown). */
  notes: text.optional(),
});

/** One go/no-go approval (SPEC §5). */
export const approvalSchema = z.strictObject({
  /** A people.yaml id. */
  by: id,
  /** The RACI role the person approves as; default their people.yaml role. */
  role: text.optional(),
  /** `approved`, `rejected` or `pending`. */
  decision: z.enum(APPROVAL_DECISIONS),
  /** When the decision was made. */
  at: writtenTime.optional(),
  /** Why, or on what condition (Markdown). */
  note: text.optional(),
});

/** One check run before the release (SPEC §5). */
export const checkSchema = z.strictObject({
  /** What was checked, e.g. `Checkout end to end`. */
  name: text,
  /** `unit`, `integration`, `e2e`, `manual`, `load`, `security` or `other`. */
  kind: z.enum(CHECK_KINDS),
  /** `passed`, `failed`, `skipped` or `pending`. */
  result: z.enum(CHECK_RESULTS),
  /** When it finished. */
  at: writtenTime.optional(),
  /** The run's report: a site path or an http(s) URL. */
  url: text.refine(isSafeWrittenUrl, { error: (issue) => `"${String(issue.input)}" is not a safe link — ${SAFE_URL_HINT}` }).optional(),
  /** The test-plan runbook the check followed (its page lists the checks). */
  runbook: id.optional(),
});

/** One follow-up of a post-release review. */
export const reviewActionSchema = z.strictObject({
  /** What to do, e.g. `Alert on webhook retries`. */
  title: text,
  /** A people.yaml id: who does it. */
  owner: id,
  /** The day it is due. */
  due: writtenDate.optional(),
  /** `true` once it is done. */
  done: z.boolean().default(false),
});

/** The post-release review (SPEC §5): what went well and badly, and what the team will do about it. */
export const reviewSchema = z.strictObject({
  /** The day of the review. */
  date: writtenDate,
  /** What happened, in a few sentences (Markdown). */
  summary: text.optional(),
  /** What went well (Markdown each). */
  wentWell: listOf(text).default([]),
  /** What went badly (Markdown each). */
  wentBadly: listOf(text).default([]),
  /** Follow-ups, each with an owner. */
  actions: z.array(reviewActionSchema).default([]),
});

/** The release frontmatter. */
export const releaseSchema = z.strictObject({
  /** SemVer 2.0.0 without a leading `v`; unique per product. */
  version: z.string({ error: (issue) => (issue.input === undefined ? undefined : 'must be text: quote it, e.g. "2.4.0"') }).refine(isSemVer, {
    error: (issue) =>
      /^v\d/.test(String(issue.input))
        ? `"${String(issue.input)}" has a leading "v" — write it without, e.g. ${String(issue.input).slice(1)}`
        : `"${String(issue.input)}" is not a SemVer 2.0.0 version — write MAJOR.MINOR.PATCH, e.g. 2.4.0`,
  }),
  /** A hub.yaml product id; may be omitted when the hub has one product. */
  product: id.optional(),
  /** Optional headline. */
  title: text.optional(),
  /** One-sentence summary for lists and feeds (Markdown). */
  summary: text.optional(),
  /** Where the release stands. */
  status: z.enum(RELEASE_STATUSES),
  /** `public` releases appear in the changelog and the public build. */
  audience: z.enum(AUDIENCES).default('internal'),
  /** Risk of the change. */
  risk: z.enum(RISKS).optional(),
  /** Planned release window. */
  window: windowSchema.optional(),
  /** How many times the window moved (the ICS SEQUENCE). */
  rescheduled: z.number().int().min(0).default(0),
  /** Work accepted: start of the release lead time. */
  acceptedAt: writtenTime.optional(),
  /** The actual deployment. */
  deployment: z
    .strictObject({
      /** Deployment start. */
      startedAt: writtenTime.optional(),
      /** Deployment end: the release time. */
      finishedAt: writtenTime.optional(),
    })
    .optional(),
  /**
   * Deployments to the hub.yaml environments, in any order (SPEC §5). `deployment` stays the
   * shorthand for the release environment's; a file may use both for different environments.
   */
  deployments: z.array(deploymentRecordSchema).default([]),
  /** Why this release may skip an environment, or reach one before an earlier one finished. */
  skipEnvironments: text.optional(),
  /** Go/no-go approvals (SPEC §5); hub.yaml `policy` says which are required. */
  approvals: z.array(approvalSchema).default([]),
  /** Checks run before the release (SPEC §5); hub.yaml `policy.requireChecks` says which kinds must pass. */
  checks: z.array(checkSchema).default([]),
  /** The post-release review (SPEC §5); internal. */
  review: reviewSchema.optional(),
  /** A people.yaml id. */
  owner: id.optional(),
  /** A raci/ file id. */
  raci: id.optional(),
  /** Runbook ids. */
  runbooks: listOf(id).default([]),
  /** Required when status is rolled-back. */
  rollback: z
    .strictObject({
      /** The runbook followed. */
      runbook: id.optional(),
      /** When the rollback happened. */
      at: writtenTime.optional(),
      /** Why (Markdown). */
      reason: text,
    })
    .optional(),
  /** Incidents this release caused (a failure of its change): they count for change fail rate and recovery time. */
  incidents: z.array(incidentSchema).default([]),
  /**
   * Ids of incidents of other releases that this release was made to fix: an unplanned release,
   * counted as rework (SPEC §4 `deploymentReworkRate`). E.g. `fixes: [INC-131]`.
   */
  fixes: listOf(text).default([]),
  /** Release satisfaction survey. */
  satisfaction: z
    .strictObject({
      /** Mean score, 1 to 5. */
      score: z.number().min(1).max(5),
      /** Number of responses. */
      responses: z.number().int().min(0),
    })
    .optional(),
  /** Go-to-market: whether the release needs a launch and, for one that does, its plan. */
  gtm: gtmSchema.optional(),
  /** The changes, in any order; pages group them by type. */
  changes: z.array(changeSchema).default([]),
  /** Free tags. */
  tags: listOf(text).default([]),
  /** Why this release may ship inside a freeze of its product. */
  freezeException: text.optional(),
  /**
   * What `release-hub import` wrote this file from (`CHANGELOG.md`, `git tag v1.2.3`, `GitHub release v1.2.3`).
   * Only such files may be replaced by a re-import with `--force`; delete it once you edit the file by hand.
   */
  importedFrom: text.optional(),
});

export type ReleaseInput = z.output<typeof releaseSchema>;
