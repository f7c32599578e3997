/** Counting a Vitest JSON report for `npm test`'s last line, so that nothing that failed is left out. */

/** The parts of Vitest's JSON report that are counted. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

/** Why: a file that failed to load has no failed test in the report, and must count as a failure all the same. */
export function countResults(report: VitestReport): { passed: number; failed: number; filesFailedToRun: number } {
  // A file that failed to load, or whose beforeAll threw, has no failed test of its own to count.
  const filesFailedToRun = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return { passed: report.numPassedTests, failed: report.numFailedTests + filesFailedToRun, filesFailedToRun };
}
