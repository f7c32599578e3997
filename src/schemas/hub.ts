/** `hub.yaml`: the site settings of a content root (SPEC §1). */
import { z } from 'astro/zod';
import { id, listOf, text, timeZone, writtenDate } from './fields.ts';
import { CHECK_KINDS } from './vocabulary.ts';
import { isSafeWrittenUrl, SAFE_URL_HINT } from './safe-url.ts';
import { benchmarkSetSchema } from './benchmarks.ts';

/** One product of the hub. */
export const productSchema = z.strictObject({
  /** Short id used in release files and URLs, e.g. `web`; not `tags`, the changelog's tag index (`/changelog/tags/`). */
  id: id.refine((value) => value !== 'tags', { error: 'must not be "tags": /changelog/tags/ is the list of changelog tags — choose another id' }),
  /** Display name, e.g. `Acme Web`. */
  name: text,
});

/** One deployment environment; hub.yaml lists them in promotion order. */
export const environmentSchema = z.strictObject({
  /** Short id used in release `deployments`, e.g. `staging`. */
  id,
  /** Display name, e.g. `Staging`. */
  name: text,
  /** `true` for the one environment where a release reaches its users: its finished deployment is the release time. */
  release: z.boolean().default(false),
});

/** The go/no-go policy, checked for releases in progress or released (SPEC §5). */
export const policySchema = z.strictObject({
  /** RACI roles that must each approve, e.g. `[Release Manager]`. */
  requireApprovalFrom: listOf(text).default([]),
  /** Check kinds that must each have a passed check, e.g. `[unit, e2e]`. */
  requireChecks: listOf(z.enum(CHECK_KINDS)).default([]),
  /** What a release with `risk: high` needs on top. */
  highRisk: z
    .strictObject({
      /** A runbook of kind `rollback` among its runbooks (or `rollback.runbook`). */
      requireRollbackRunbook: z.boolean().default(false),
      /** At least this many approvals. */
      requireApprovals: z.number().int().min(0).default(0),
    })
    .optional(),
  /** RACI roles, one of which must approve a release that ships with `freezeException`. */
  freezeExceptionApprovers: listOf(text).default([]),
  /** `true`: a violation is an error, not a warning. */
  enforce: z.boolean().default(false),
  /** Only releases whose window starts (or that were released) on or after this day are checked, e.g. `2026-11-01`. */
  since: writtenDate.optional(),
});

/** The regular release window, expanded into calendar slots. */
export const cadenceSchema = z.strictObject({
  /** RFC 5545 RRULE without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=TU`. */
  rrule: z.string().regex(/^(?:RRULE:)?FREQ=[A-Z]+(?:;[A-Z-]+=[A-Z0-9,+-]+)*$/i, {
    error: 'must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=TU',
  }),
  /** Local wall-clock start of each window in the hub zone, `HH:MM`. */
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time like "02:00" (quote it)' }),
  /** Length of each window in minutes. */
  durationMinutes: z.number().int().positive(),
});

/** A link in the footer. */
export const footerLinkSchema = z.strictObject({
  /** Link text. */
  label: text,
  /** A site path of the hub (`/status/`) or an absolute http(s) or mailto URL. */
  href: text.refine(isSafeWrittenUrl, { error: (issue) => `"${String(issue.input)}" is not a safe link — ${SAFE_URL_HINT}` }),
  /** `true` when the link leaves the hub on purpose: an http(s) link to another host needs it. */
  external: z.boolean().optional(),
});

/** `hub.yaml`. */
export const hubSchema = z.strictObject({
  /** Site title, e.g. `Acme Release Hub`. */
  title: text,
  /** Absolute site URL; feeds, sitemap and ICS need it. */
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL such as https://releases.acme.example' }),
  /** IANA zone: the default zone of every local time, and of months and days. */
  timezone: timeZone,
  /** The products; at least one. */
  products: z.array(productSchema).min(1, { error: 'must list at least one product' }),
  /** The regular release window (optional). */
  cadence: cadenceSchema.optional(),
  /** Metric settings. */
  metrics: z
    .strictObject({
      /** Minutes a release may finish after its window end and still count as on schedule. */
      onTimeToleranceMinutes: z.number().int().min(0).default(0),
      /** Performance bands of DORA's keys: left out, DORA's 2024 bands; `false`, none; or a set of your own (SPEC §4). */
      benchmarks: z.union([z.literal(false), benchmarkSetSchema]).optional(),
    })
    .default({ onTimeToleranceMinutes: 0 }),
  /** Deployment environments in promotion order (SPEC §5); default one, `production`, the release environment. */
  environments: z
    .array(environmentSchema)
    .min(1, { error: 'must list at least one environment' })
    .default([{ id: 'production', name: 'Production', release: true }]),
  /** The go/no-go policy (SPEC §5); left out, no gate is required. */
  policy: policySchema.optional(),
  /** How the hub flags stale facts (SPEC §5). */
  attention: z
    .strictObject({
      /** Hours a release may stay `in-progress` after its window end before it needs attention. */
      graceHours: z.number().min(0).default(0),
    })
    .default({ graceHours: 0 }),
  /** Issue tracker URL with `{id}`, e.g. `https://github.com/acme/web/issues/{id}`: `#123` links to it. */
  issueUrl: z
    .string()
    .refine((value) => value.includes('{id}') && /^https?:\/\//.test(value), {
      error: 'must be an http(s) URL containing {id}, e.g. https://tracker.example/issues/{id}',
    })
    .optional(),
  /** Accent colour of the site, a CSS hex colour. */
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a hex colour like "#1f6feb" (quote it)' })
    .optional(),
  /** Logo path under `public/`, e.g. `/logo.svg`. */
  logo: z.string().startsWith('/', { error: 'must be a path under public/ starting with "/", e.g. /logo.svg' }).optional(),
  /** Links shown in the footer. */
  footerLinks: z.array(footerLinkSchema).default([]),
  /**
   * Hosts that pages may load images and media from (`cdn.acme.example`). Anything a page loads
   * comes from the hub itself unless its host is listed here; links to other sites need no listing.
   */
  externalHosts: z
    .array(
      z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/, {
        error: 'must be a host name such as cdn.acme.example (no scheme, no path)',
      }),
    )
    .default([]),
  /** One sentence about the hub, for the home page and feeds. */
  description: text.optional(),
});

export type HubInput = z.output<typeof hubSchema>;
