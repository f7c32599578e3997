/** The steps every importer shares around its parsing: check the hub, stop on anomalies, write, report. */
import type { Audience } from '../core/model.ts';
import type { Anomaly } from './changelog-blocks.ts';
import { bodyProblems } from '../content/body-check.ts';
import { UserError } from './errors.ts';
import { assertKnownProduct, readHubProducts } from './hub-products.ts';
import type { DraftRelease } from './release-draft.ts';
import { anomalyStop, formatReport, type ReportList } from './report.ts';
import { writeReleases } from './write-release.ts';

export interface ImportTarget {
  contentRoot: string;
  product: string;
  /** The hub's only product, when it has one (a release file may then leave `product` out). */
  singleProduct?: string;
  dryRun: boolean;
  force: boolean;
  acceptAnomalies: boolean;
  /** hub.yaml `externalHosts`: media from other hosts in an imported body stop the build unless listed. */
  externalHosts: readonly string[];
}

export interface ImportOutcome {
  headline: string;
  releases: readonly DraftRelease[];
  anomalies?: readonly Anomaly[];
  warnings: readonly string[];
  lists: readonly ReportList[];
}

interface TargetFlags {
  content: string;
  product?: string;
  'dry-run'?: boolean;
  force?: boolean;
  'accept-anomalies'?: boolean;
}

/** Why: fail on a bad `--product` or content root before any parsing or git work. */
export async function importTarget(flags: TargetFlags): Promise<ImportTarget> {
  if (!flags.product) throw new UserError('--product <id> is required.');
  const contentRoot = flags.content;
  const hub = await readHubProducts(contentRoot);
  assertKnownProduct(hub, flags.product);
  return {
    contentRoot,
    product: flags.product,
    ...(hub.productIds.length === 1 ? { singleProduct: hub.productIds[0] } : {}),
    dryRun: Boolean(flags['dry-run']),
    force: Boolean(flags.force),
    acceptAnomalies: Boolean(flags['accept-anomalies']),
    externalHosts: hub.externalHosts,
  };
}

/**
 * Why: a body the build would refuse (an image from a host hub.yaml does not list, a script tag
 * copied from a changelog) is named at import time, with the build's own words.
 */
function bodyWarnings(releases: readonly DraftRelease[], externalHosts: readonly string[]): string[] {
  return releases.flatMap((release) =>
    bodyProblems('', release.body, 1, { externalHosts }).map(
      (problem) => `${release.version}: the body ${problem.message} — ${problem.fix}; the build stops on it.`,
    ),
  );
}

/** Why: `--audience` accepts only the two SPEC audiences. */
export function audienceFrom(value: string | undefined): Audience | undefined {
  if (value === undefined || value === 'public' || value === 'internal') return value;
  throw new UserError(`--audience must be public or internal, not "${value}".`);
}

/**
 * Why: writes (or, with --dry-run, shows) the releases and returns the text to print and the exit
 * code. Anomalies that were not accepted stop the import before anything is written (exit 1).
 */
export async function finishImport(outcome: ImportOutcome, target: ImportTarget): Promise<{ text: string; code: number }> {
  const stop = (outcome.anomalies?.length ?? 0) > 0 && !target.acceptAnomalies;
  const results = stop
    ? []
    : await writeReleases(outcome.releases, {
        contentRoot: target.contentRoot,
        extension: '.md',
        dryRun: target.dryRun,
        force: target.force,
        singleProduct: target.singleProduct,
      });
  const previews = results.filter((result) => result.outcome === 'dry-run').map((result) => `=== ${result.file} (not written: --dry-run)\n${result.text}`);
  const report = formatReport({ ...outcome, warnings: [...outcome.warnings, ...bodyWarnings(outcome.releases, target.externalHosts)], results });
  const text = [...previews, report, ...(stop ? [anomalyStop(outcome.anomalies?.length ?? 0)] : [])].join('\n');
  return { text, code: stop ? 1 : 0 };
}
