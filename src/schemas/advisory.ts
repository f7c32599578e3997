/**
 * A security advisory on a `security` change (issue 20): the id scanners know it by, how bad it
 * is, which versions it affects and which fixes it, and when it may be made public (the embargo,
 * src/security/embargo.ts). The `fixed` version must be a release of the same product
 * (src/content/advisory-check.ts).
 */
import { z } from 'astro/zod';
import semver from 'semver';
import { ADVISORY_SEVERITIES } from './vocabulary.ts';
import { text, writtenTime } from './fields.ts';
import { isSemVer } from './grammar.ts';

/** `CVE-2026-1234` (four or more digits after the year) or a GitHub id `GHSA-xxxx-xxxx-xxxx` (its 32-letter alphabet). */
const ADVISORY_ID = /^(?:CVE-\d{4}-\d{4,}|GHSA-[23456789cfghjmpqrvwx]{4}-[23456789cfghjmpqrvwx]{4}-[23456789cfghjmpqrvwx]{4})$/;

/** A CVSS v3.0, v3.1 or v4.0 vector: `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`. */
const CVSS_VECTOR = /^CVSS:(?:3\.[01]|4\.0)(?:\/[A-Za-z]{1,3}:[A-Za-z])+$/;

/** Why: an advisory id is what scanners match on, so only the two forms they know are accepted. */
export function isAdvisoryId(value: string): boolean {
  return ADVISORY_ID.test(value);
}

/** The `advisory` of a security change. */
export const advisorySchema = z.strictObject({
  /** `CVE-YYYY-NNNN…` or `GHSA-xxxx-xxxx-xxxx` (lowercase letters, as GitHub writes them). */
  id: z.string().refine(isAdvisoryId, {
    error: (issue) => `"${String(issue.input)}" is not a CVE or GHSA id — write CVE-2026-12345 or GHSA-xxxx-xxxx-xxxx (GitHub's lowercase form)`,
  }),
  /** CVSS qualitative rating: low, medium, high or critical. */
  severity: z.enum(ADVISORY_SEVERITIES),
  /** The CVSS vector (v3.0, v3.1 or v4.0), e.g. `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`. */
  cvss: z
    .string()
    .refine((value) => CVSS_VECTOR.test(value), {
      error: (issue) => `"${String(issue.input)}" is not a CVSS vector — write it as CVSS:3.1/AV:N/AC:L/… (v3.0, v3.1 or v4.0)`,
    })
    .optional(),
  /** The affected versions as a SemVer range (npm's syntax), e.g. `>=2.0.0 <2.4.1`. */
  affected: z.string().refine((value) => semver.validRange(value) !== null, {
    error: (issue) => `"${String(issue.input)}" is not a SemVer range — write e.g. ">=2.0.0 <2.4.1" or "<2.4.1"`,
  }),
  /** The first version without the vulnerability: a release of the same product, outside `affected`. */
  fixed: z.string().refine(isSemVer, {
    error: (issue) => `"${String(issue.input)}" is not a SemVer 2.0.0 version — write MAJOR.MINOR.PATCH, e.g. 2.4.1`,
  }),
  /** When the advisory becomes public; until then a public build shows only the change's summary. Left out: public now. */
  disclosedAt: writtenTime.optional(),
  /** Who found or reported it. */
  credit: text.optional(),
  /** What the vulnerability is and what to do (Markdown); embargoed with the rest. */
  details: text.optional(),
});

export type AdvisoryInput = z.output<typeof advisorySchema>;
