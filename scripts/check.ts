/** `npm run check`: validate a content root without building the site. */
import { loadContentRoot } from '../src/lib/content/load';
import { contentRootFromEnv, displayRootOf } from '../src/lib/content/root';
import { formatProblem } from '../src/lib/content/problems';

const root = contentRootFromEnv(process.env, process.cwd());
const started = performance.now();
const { hub, problems } = await loadContentRoot(root);
const display = displayRootOf(root, process.cwd());
for (const problem of problems) {
  const line = `${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem, display)}`;
  (problem.severity === 'error' ? console.error : console.warn)(line);
}
const errors = problems.filter((problem) => problem.severity === 'error').length;
const warnings = problems.length - errors;
const elapsed = `${Math.round(performance.now() - started)} ms`;
if (!hub) {
  console.error(`\n✗ ${display}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (${elapsed})`);
  process.exit(1);
}
console.log(
  `✓ ${display}: ${hub.releases.length} releases, ${hub.runbooks.length} runbooks, ${hub.raci.length} RACI matrices, ` +
    `${hub.people.length} people, ${hub.freezes.length} freezes, ${hub.metricSeries.length} metric series; ` +
    `${warnings} ${warnings === 1 ? 'warning' : 'warnings'} (${elapsed})`,
);
