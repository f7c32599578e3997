/** `npm test`'s last line counts every failure: tests, and files that failed to load or in setup. */
import { describe, expect, it } from 'vitest';
import { countResults } from '../../scripts/test-report.ts';

const file = (status: string, tests: string[]) => ({ status, assertionResults: tests.map((one) => ({ status: one })) });

describe('countResults', () => {
  it.each([
    {
      name: 'all passing',
      report: { numPassedTests: 3, numFailedTests: 0, testResults: [file('passed', ['passed', 'passed']), file('passed', ['passed'])] },
      expected: { passed: 3, failed: 0, filesFailedToRun: 0 },
    },
    {
      name: 'a failed test',
      report: { numPassedTests: 2, numFailedTests: 1, testResults: [file('failed', ['passed', 'failed']), file('passed', ['passed'])] },
      expected: { passed: 2, failed: 1, filesFailedToRun: 0 },
    },
    {
      name: 'a file that failed to load',
      report: { numPassedTests: 1, numFailedTests: 0, testResults: [file('failed', []), file('passed', ['passed'])] },
      expected: { passed: 1, failed: 1, filesFailedToRun: 1 },
    },
    {
      name: 'a beforeAll that threw, skipping its tests',
      report: { numPassedTests: 1, numFailedTests: 0, testResults: [file('failed', ['skipped', 'skipped']), file('passed', ['passed'])] },
      expected: { passed: 1, failed: 1, filesFailedToRun: 1 },
    },
    {
      name: 'a failed test and a file that did not load',
      report: { numPassedTests: 0, numFailedTests: 1, testResults: [file('failed', ['failed']), file('failed', [])] },
      expected: { passed: 0, failed: 2, filesFailedToRun: 1 },
    },
  ])('$name', ({ report, expected }) => {
    expect(countResults(report)).toEqual(expected);
  });
});
