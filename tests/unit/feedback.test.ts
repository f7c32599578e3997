/**
 * Survey responses (src/content/feedback.ts, src/metrics/satisfaction.ts): a release's
 * satisfaction from its responses, and every bad response reported with its file and line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { parseFeedbackCsv } from '../../src/content/feedback.ts';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem, type Problem } from '../../src/content/problems.ts';
import { computeMetrics } from '../../src/metrics/metrics.ts';
import { satisfactionFromScores } from '../../src/metrics/satisfaction.ts';
import { hubWithOverlay } from './helpers/fixture-hub.ts';

describe('satisfactionFromScores', () => {
  it.each([
    // (5 + 4 + 4 + 2) / 4 = 3.75; one 2, two 4s, one 5.
    { scores: [5, 4, 4, 2], score: 3.75, distribution: [0, 1, 0, 2, 1] },
    { scores: [1], score: 1, distribution: [1, 0, 0, 0, 0] },
    // 3 × 5 + 1 = 16, / 4 = 4.
    { scores: [5, 5, 5, 1], score: 4, distribution: [1, 0, 0, 0, 3] },
  ])('$scores → $score', ({ scores, score, distribution }) => {
    expect(satisfactionFromScores(scores)).toEqual({ score, responses: scores.length, distribution });
  });
});

describe('parseFeedbackCsv', () => {
  const config = { products: [{ id: 'web', name: 'Web' }] };
  const parse = (text: string) => {
    const problems: Problem[] = [];
    const rows = parseFeedbackCsv('feedback/survey.csv', text, config, problems);
    return { rows, printed: problems.map((problem) => formatProblem(problem, 'content')) };
  };

  it('reads a response per row, comment and segment optional, a quoted comma kept', () => {
    const { rows, printed } = parse('product,version,date,score,comment,segment\nweb,1.0.0,2026-03-12,4,"Fast, finally",team\nweb,1.0.0,2026-03-13,2,,\n');
    expect(printed).toEqual([]);
    expect(rows.map(({ date, ...row }) => ({ ...row, date: date.toString() }))).toEqual([
      { product: 'web', version: '1.0.0', date: '2026-03-12', score: 4, comment: 'Fast, finally', segment: 'team', file: 'feedback/survey.csv', line: 2 },
      { product: 'web', version: '1.0.0', date: '2026-03-13', score: 2, file: 'feedback/survey.csv', line: 3 },
    ]);
  });

  it('reports every bad cell with its line', () => {
    const { rows, printed } = parse(
      ['product,version,date,score', 'wbe,1.0.0,2026-03-12,4', 'web,1.0.0,2026-02-30,6', 'web,,12/03/2026,4.5', 'web,1.0.0,2026-03-12,0', 'web,1.0.0'].join(
        '\n',
      ),
    );
    expect(rows).toEqual([]);
    expect(printed).toEqual([
      'content/feedback/survey.csv:2 product: "wbe" is not a product of hub.yaml — did you mean "web"?',
      'content/feedback/survey.csv:3 date: "2026-02-30" is not a date — write the day of the response, e.g. 2026-03-12',
      'content/feedback/survey.csv:3 score: "6" is not a score from 1 to 5 — write a whole number from 1 to 5',
      'content/feedback/survey.csv:4 version: is empty — write the version the response is about, e.g. 2.4.0',
      'content/feedback/survey.csv:4 date: "12/03/2026" is not a date — write the day of the response, e.g. 2026-03-12',
      'content/feedback/survey.csv:4 score: "4.5" is not a score from 1 to 5 — write a whole number from 1 to 5',
      'content/feedback/survey.csv:5 score: "0" is not a score from 1 to 5 — write a whole number from 1 to 5',
      'content/feedback/survey.csv:6 has 2 values but the header has 4 columns — quote a comment that holds a comma',
    ]);
  });

  it('names a missing and an unknown column', () => {
    expect(parse('product,version,day,score,coment\n').printed).toEqual([
      'content/feedback/survey.csv:1 date: column is missing (the header is product,version,day,score,coment) — the header needs product, version, date, score',
      'content/feedback/survey.csv:1 day: is not a known column — remove it (known columns: product, version, date, score, comment, segment)',
      'content/feedback/survey.csv:1 coment: is not a known column — did you mean "comment"?',
    ]);
  });
});

describe('feedback/ in a content root', () => {
  const rootWith = (files: Record<string, string>) => {
    const root = hubWithOverlay();
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  };
  const errors = (problems: Problem[]) => problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem, 'content'));

  it("gives a release its responses' satisfaction, which the metrics weigh by response", async () => {
    // web 1.0.0 shipped 2026-03-10: two files, scores 5, 3 and 4: mean 4 from 3 responses.
    const root = rootWith({
      'feedback/march.csv': 'product,version,date,score,comment\nweb,1.0.0,2026-03-10,5,Love it\nweb,1.0.0,2026-03-11,3,\n',
      'feedback/april.csv': 'product,version,date,score\nweb,1.0.0,2026-04-02,4\n',
    });
    const { hub, problems } = await loadContentRoot(root);
    expect(errors(problems)).toEqual([]);
    const release = hub!.releases.find((candidate) => candidate.id === 'web/1.0.0')!;
    expect(release.satisfaction).toEqual({ score: 4, responses: 3, distribution: [0, 0, 1, 1, 1] });
    // Files are read in path order: april.csv, then march.csv.
    expect(release.feedback?.map((response) => [response.file, response.line, response.score, response.comment ?? null])).toEqual([
      ['feedback/april.csv', 2, 4, null],
      ['feedback/march.csv', 2, 5, 'Love it'],
      ['feedback/march.csv', 3, 3, null],
    ]);
    expect(computeMetrics(hub!, Temporal.Instant.from('2026-11-26T09:00Z')).overall.satisfactionScore).toBe(4);
  });

  it('reports a hand-written satisfaction, an unknown release, a release not shipped and a date before the release together', async () => {
    const root = rootWith({
      'releases/web/1.0.0.mdx': [
        '---',
        'version: 1.0.0',
        'product: web',
        'status: released',
        'deployment: { finishedAt: 2026-03-10T02:41 }',
        'satisfaction: { score: 4.2, responses: 30 }',
        '---',
        '',
      ].join('\n'),
      'feedback/survey.csv': [
        'product,version,date,score',
        'web,1.0.0,2026-03-10,5',
        'web,1.0.1,2026-03-12,4',
        'api,0.1.0,2026-03-12,4',
        'web,1.0.0,2026-03-09,2',
      ].join('\n'),
    });
    const { hub, problems } = await loadContentRoot(root);
    expect(hub).toBeUndefined();
    expect(errors(problems)).toEqual([
      'content/feedback/survey.csv:3 version: web 1.0.1 is not a release (there is no releases/web/1.0.1.md) — did you mean "1.0.0"?',
      'content/feedback/survey.csv:4 version: api 0.1.0 has no deployment.finishedAt and no window, so no response can be about it yet — check the version, or add the release time to the release',
      'content/feedback/survey.csv:5 date: 2026-03-09 is before web 1.0.0 was released (2026-03-10) — check the date, or the version the response is about',
      'content/releases/web/1.0.0.mdx:6 satisfaction: is written by hand, but feedback/survey.csv has 1 response about web 1.0.0 — remove satisfaction from the release: it is computed from the responses (or remove the responses)',
    ]);
  });
});
