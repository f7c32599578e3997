/**
 * `npm run bench -- --releases N [--products P] [--runs R] [--mdx-share S] [--json] [--keep] [--skip-baseline]`:
 * builds a synthetic hub of N releases and a bare Astro baseline of the same notes (R times each,
 * alternating), and reports time, memory, page weight and search index size of both, the hub's
 * rebuild after one edit, with the median ratios and their spread.
 * See docs/performance.md for the method and the figures.
 */
import { parseArgs } from 'node:util';
import { runBenchmark } from './bench/run.ts';
import { formatReport } from './bench/report.ts';
import { DEFAULT_MDX_SHARE } from './bench/generate.ts';

const usage = 'usage: npm run bench -- --releases N [--products P] [--runs R] [--mdx-share S] [--json] [--keep] [--skip-baseline]';
const { values } = parseArgs({
  options: {
    releases: { type: 'string' },
    products: { type: 'string', default: '2' },
    runs: { type: 'string', default: '1' },
    'mdx-share': { type: 'string', default: String(DEFAULT_MDX_SHARE) },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'skip-baseline': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const releases = Number(values.releases);
const products = Number(values.products);
const runs = Number(values.runs);
const mdxShare = Number(values['mdx-share']);
if (!(mdxShare >= 0 && mdxShare <= 1)) {
  console.error(`${usage}\n--mdx-share must be a number from 0 to 1 (the share of release bodies written as .mdx), not ${values['mdx-share']}`);
  process.exit(2);
}
if (!Number.isInteger(releases) || releases < 1 || !Number.isInteger(products) || products < 1 || products > releases || !Number.isInteger(runs) || runs < 1) {
  console.error(`${usage}\n--releases and --runs must be positive integers and --products between 1 and --releases`);
  process.exit(2);
}

try {
  const { report, workDir } = await runBenchmark({
    releases,
    products,
    keep: values.keep,
    skipBaseline: values['skip-baseline'],
    runs,
    mdxShare,
    log: (line) => console.error(`bench: ${line}`),
  });
  console.log(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (values.keep) console.error(`bench: kept ${workDir} (content/, run-<n>/ with hub-project/, hub-dist/, baseline/, *.log)`);
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
}
