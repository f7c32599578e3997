/**
 * Formatting and writing of release files, shared by `new`, `import:changelog` and
 * `import:git`: one YAML style, one path rule, one no-overwrite rule.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import { indexReleases, releaseKey, type ReleaseIndex } from './existing-releases.ts';
import type { DraftRelease } from './release-draft.ts';

/** One top-level frontmatter key: written when `value` is set, else shown as a commented `example`. */
export interface FrontmatterEntry {
  key: string;
  value?: unknown;
  /** Comment line(s) written above the key. */
  help?: string;
  /** Example value for a key left unset (written commented out). */
  example?: unknown;
}

/** How a release file fared. */
export interface WriteResult {
  version: string;
  /** Path relative to the content root, forward slashes. */
  file: string;
  outcome: 'written' | 'overwritten' | 'exists' | 'dry-run';
  /** The file text (what was or would be written). */
  text: string;
  /** For `exists`: the file already there; for `overwritten`, the file replaced. */
  existing?: string;
  /** For `exists`: why it was left alone. */
  reason?: string;
}

export interface WriteOptions {
  contentRoot: string;
  extension: '.md' | '.mdx';
  dryRun?: boolean;
  /** Overwrite a `.md` file that an earlier import wrote (it has `importedFrom`); never a hand-written one. */
  force?: boolean;
}

const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}.*)?$/;

/** Why: YAML 1.1 readers (js-yaml in Astro's frontmatter) turn dates into Date objects and `yes` into true. */
function needsQuotes(text: string): boolean {
  if (text.includes('\n')) return false;
  if (DATE_OR_TIME.test(text)) return true;
  try {
    return YAML.parse(text, { version: '1.1', logLevel: 'silent' }) !== text;
  } catch {
    return true;
  }
}

/** Why: every command stringifies through the `yaml` package with the same quoting rules. */
export function toYaml(value: Record<string, unknown>): string {
  const doc = new YAML.Document(value);
  YAML.visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && needsQuotes(node.value)) node.type = 'QUOTE_DOUBLE';
    },
    Seq(_key, node) {
      node.flow = node.items.every(YAML.isScalar);
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Why: `new` writes every field, set or commented out with its help, in the SPEC order. */
export function formatFrontmatter(entries: readonly FrontmatterEntry[]): string {
  return entries.map(formatEntry).join('');
}

/** Why: one entry's lines: help comment, then the key set or commented out. */
function formatEntry(entry: FrontmatterEntry): string {
  const help = entry.help ? commentLines(entry.help) : '';
  if (entry.value !== undefined) return help + toYaml({ [entry.key]: entry.value });
  return help + commentLines(toYaml({ [entry.key]: entry.example ?? null }).trimEnd());
}

/** Why: prefixes each line with `# ` so an unset field is visible but inert. */
function commentLines(text: string): string {
  return text
    .split('\n')
    .map((line) => `${`# ${line}`.trimEnd()}\n`)
    .join('');
}

/** Why: the SPEC §1 key order for imported releases; unset optional keys are left out. */
export function releaseEntries(draft: DraftRelease): FrontmatterEntry[] {
  const entries: FrontmatterEntry[] = [
    { key: 'version', value: draft.version },
    { key: 'product', value: draft.product },
    { key: 'title', value: draft.title },
    { key: 'status', value: draft.status },
    { key: 'audience', value: draft.audience },
    { key: 'deployment', value: draft.deployment },
    { key: 'changes', value: draft.changes.map(({ type, summary, breaking }) => ({ type, summary, breaking })) },
    { key: 'tags', value: draft.tags },
    {
      key: 'importedFrom',
      value: draft.importedFrom,
      help: 'Written by release-hub import: a re-import with --force may replace this file. Delete this line once you edit it by hand.',
    },
  ];
  return entries.filter((entry) => entry.value !== undefined);
}

/** Why: frontmatter fence plus body, the file layout every release file uses. */
export function formatReleaseFile(frontmatter: string, body: string): string {
  const trimmed = body.trim();
  return `---\n${frontmatter}---\n${trimmed ? `\n${trimmed}\n` : ''}`;
}

/** Why: one path rule: `releases/<product>/<version><ext>` under the content root. */
export function releaseFile(product: string, version: string, extension: '.md' | '.mdx'): string {
  return `releases/${product}/${version}${extension}`;
}

/** Why: a release may already exist anywhere under `releases/`, as `.md` or `.mdx`; any such file blocks a new one. */
export async function findExistingRelease(contentRoot: string, product: string, version: string, single?: string): Promise<string | undefined> {
  const index = await indexReleases(contentRoot, single);
  return index.get(releaseKey(product, version))?.[0]?.file;
}

/** Why: writes a file only when it does not exist yet (`wx`), unless overwriting was asked for. */
export async function writeNewFile(file: string, text: string, overwrite = false): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, { encoding: 'utf8', flag: overwrite ? 'w' : 'wx' });
}

/** Why: the importers' shared write loop: skip existing releases, honour `--dry-run` and `--force`. */
export async function writeReleases(drafts: readonly DraftRelease[], options: WriteOptions & { singleProduct?: string }): Promise<WriteResult[]> {
  const index = await indexReleases(options.contentRoot, options.singleProduct);
  const results: WriteResult[] = [];
  for (const draft of drafts) results.push(await writeRelease(draft, options, index));
  return results;
}

/** Why: one draft through the no-overwrite rule: `--force` replaces only a `.md` an import wrote. */
async function writeRelease(draft: DraftRelease, options: WriteOptions, index: ReleaseIndex): Promise<WriteResult> {
  const text = formatReleaseFile(formatFrontmatter(releaseEntries(draft)), draft.body);
  const existing = index.get(releaseKey(draft.product, draft.version)) ?? [];
  const [first] = existing;
  const base = { version: draft.version, file: first?.file ?? releaseFile(draft.product, draft.version, options.extension), text };
  if (first) {
    const reason = keepReason(existing, options.force);
    if (reason) return { ...base, outcome: 'exists', existing: first.file, reason };
  }
  if (options.dryRun) return { ...base, outcome: 'dry-run', ...(first ? { existing: first.file } : {}) };
  await writeNewFile(path.join(options.contentRoot, base.file), text, Boolean(first));
  return { ...base, outcome: first ? 'overwritten' : 'written', ...(first ? { existing: first.file } : {}) };
}

/** Why: why an existing release is left alone, or undefined when `--force` may replace it. */
function keepReason(existing: readonly { file: string; importedFrom?: string }[], force: boolean | undefined): string | undefined {
  const [first] = existing;
  if (!force || !first) return 'already exists';
  if (existing.length > 1) return `${existing.length} files have this version (${existing.map((entry) => entry.file).join(', ')})`;
  if (!first.file.endsWith('.md')) return 'an .mdx release is never overwritten';
  if (!first.importedFrom) return 'written by hand (no importedFrom), never overwritten';
  return undefined;
}
