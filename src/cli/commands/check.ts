/** `release-hub check`: validate the content root without building, with the build's own messages. */
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fieldPath, formatProblem, printProblems } from '../../content/problems.ts';
import { parseFrontmatterSource } from '../../content/source.ts';
import { hubAttention } from '../../process/attention.ts';
import { resolveBuildNow } from '../../integration/build-now.ts';
import { loadForBuild } from '../../integration/hub-state.ts';
import { countOf } from '../../presentation/count.ts';
import { loadProject } from '../project.ts';

const HELP = `Usage: release-hub check [options]

Validates the content root (every file, every cross-reference, every link in a body to a page of
the build) and prints each problem as
file:line field: what is wrong — how to fix it. Exits 1 when there is an error, 0 otherwise
(warnings do not fail the check). The build reports exactly the same problems.

Then it lists, as "attention:" lines, what needs attention at "now" (SOURCE_DATE_EPOCH, else the
clock): releases still in progress after their window, windows that passed while scheduled or
planned, releases that finished late or have no release time, runbooks overdue for review.

Options:
  --strict          also exit 1 on any warning or attention item (to gate CI)
  --content <dir>   content root (default: the releaseHub() content option, else
                    $HUB_CONTENT_DIR, else ./content)
  --root <dir>      the project folder with astro.config.mjs (default: .)
  -h, --help        show this help`;

/** The line of a field in a content file's frontmatter, so an attention line reads like a problem (`file:line field: …`). */
async function lineOf(contentRoot: string, file: string, fieldInFile: (string | number)[]): Promise<number | undefined> {
  const text = await readFile(path.join(contentRoot, file), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseFrontmatterSource(file, text).source?.lineOf(fieldInFile);
}

/** Why: CI and editors validate content in well under a second, without Astro. */
export async function runCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { content: { type: 'string' }, root: { type: 'string' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const started = performance.now();
  const { project, problems: optionProblems } = await loadProject(values);
  if (!project) {
    printProblems(optionProblems, '');
    return 1;
  }
  const { settings } = project;
  const shownRoot = settings.displayRoot || '.';
  const now = resolveBuildNow(process.env, Date.now());
  if (!now.value) {
    printProblems(now.problems, settings.displayRoot);
    return 1;
  }
  const { hub, problems } = await loadForBuild(settings, project.publicDir, now.value);
  printProblems(problems, settings.displayRoot);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const elapsed = `${Math.round(performance.now() - started)} ms`;
  if (!hub || errors > 0) {
    process.stderr.write(`\n✗ ${shownRoot}: ${countOf(errors, 'error')}, ${countOf(warnings, 'warning')} (${elapsed})\n`);
    return 1;
  }
  const attention = hubAttention(hub, now.value);
  for (const item of attention) {
    const line = await lineOf(settings.contentRoot, item.file, item.path);
    const problem = {
      severity: 'warning' as const,
      file: item.file,
      line,
      field: fieldPath(item.path),
      message: item.message.replace(/\.$/, ''),
      fix: item.fix,
    };
    process.stderr.write(`attention: ${formatProblem(problem, settings.displayRoot)}\n`);
  }
  const needsAttention = countOf(attention.length, 'attention item');
  if (values.strict && (warnings > 0 || attention.length > 0)) {
    process.stderr.write(`\n✗ ${shownRoot} (--strict): ${countOf(warnings, 'warning')}, ${needsAttention} (${elapsed})\n`);
    return 1;
  }
  process.stdout.write(
    `✓ ${shownRoot}: ${countOf(hub.releases.length, 'release')}, ${countOf(hub.runbooks.length, 'runbook')}, ` +
      `${countOf(hub.raci.length, 'RACI matrix', 'RACI matrices')}, ${countOf(hub.people.length, 'person', 'people')}, ` +
      `${countOf(hub.freezes.length, 'freeze')}, ${countOf(hub.metricSeries.length, 'metric series', 'metric series')}; ` +
      `${countOf(warnings, 'warning')}, ${needsAttention} (${elapsed})\n`,
  );
  return 0;
}
