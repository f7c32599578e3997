/** The steps both importers share around their parsing: check the hub, write, report. */
import type { Audience } from '../core/model.ts';
import { UserError } from './errors.ts';
import { assertKnownProduct, readHubProducts } from './hub-products.ts';
import type { DraftRelease } from './release-draft.ts';
import { formatReport, type ReportList } from './report.ts';
import { writeReleases } from './write-release.ts';

export interface ImportTarget {
  contentRoot: string;
  product: string;
  dryRun: boolean;
  force: boolean;
}

export interface ImportOutcome {
  headline: string;
  releases: readonly DraftRelease[];
  warnings: readonly string[];
  lists: readonly ReportList[];
}

/** Why: fail on a bad `--product` or content root before any parsing or git work. */
export async function importTarget(flags: { content: string; product?: string; 'dry-run'?: boolean; force?: boolean }): Promise<ImportTarget> {
  if (!flags.product) throw new UserError('--product <id> is required.');
  const contentRoot = flags.content;
  assertKnownProduct(await readHubProducts(contentRoot), flags.product);
  return { contentRoot, product: flags.product, dryRun: Boolean(flags['dry-run']), force: Boolean(flags.force) };
}

/** Why: `--audience` accepts only the two SPEC audiences. */
export function audienceFrom(value: string | undefined): Audience | undefined {
  if (value === undefined || value === 'public' || value === 'internal') return value;
  throw new UserError(`--audience must be public or internal, not "${value}".`);
}

/** Why: writes (or, with --dry-run, shows) the releases and returns the text to print. */
export async function finishImport(outcome: ImportOutcome, target: ImportTarget): Promise<string> {
  const results = await writeReleases(outcome.releases, { contentRoot: target.contentRoot, extension: '.md', dryRun: target.dryRun, force: target.force });
  const previews = results.filter((result) => result.outcome === 'dry-run').map((result) => `=== ${result.file} (not written: --dry-run)\n${result.text}`);
  return [...previews, formatReport({ ...outcome, results })].join('\n');
}
