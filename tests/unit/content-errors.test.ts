/**
 * One fixture per kind of bad input (tests/fixtures/errors/<kind>/, laid over the minimal hub):
 * each must fail with the exact message, file, field and line a user will see.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import { fixturesDir, hubWithOverlay } from './helpers/fixture-hub.ts';

const expected: Record<string, string[]> = {
  'unknown-product': ['content/releases/web/1.1.0.md:3 product: "wbe" is not a product of hub.yaml — did you mean "web"?'],
  'unknown-person': ['content/releases/web/1.1.0.md:5 owner: "alcie" is not a known person — did you mean "alice"?'],
  'unknown-runbook': [
    'content/releases/web/1.1.0.md:7 runbooks[1]: "rollback-web" is not a known runbook — use the file name of a runbook under runbooks/, or write the runbook',
  ],
  'unknown-raci': ['content/releases/web/1.1.0.md:5 raci: "hotfix" is not a known RACI matrix — use the file name of a matrix under raci/, or add the matrix'],
  'unknown-role': ['content/people.yaml:3 [2].role: "Designer" is not a role of any RACI matrix — use one of Release Manager, Engineer'],
  'duplicate-version': [
    'content/releases/web/first-light-again.md:2 version: 1.0.0 of web is already released by releases/web/1.0.0.mdx — give each release its own version, or remove one of the two files',
  ],
  'invalid-semver': ['content/releases/web/1.1.md:2 version: "1.1" is not a SemVer 2.0.0 version — write MAJOR.MINOR.PATCH, e.g. 2.4.0'],
  'window-end-before-start': [
    'content/releases/web/1.1.0.md:7 window.end: must be after window.start (2026-03-10T04:00 ≤ 2026-03-10T05:00) — fix the window or drop it',
  ],
  'unknown-zone': ['content/releases/web/1.1.0.md:8 window.timezone: "Europe/Berlinn" is not an IANA time zone — did you mean "Europe/Berlin"?'],
  'dst-gap': [
    'content/releases/web/1.1.0.md:6 window.start: 2026-03-29T02:30 does not exist in Europe/Berlin: the clocks jump from 02:00 to 03:00 that night — write a time before or after the jump, or give it an offset such as +01:00',
  ],
  'raci-two-accountable': [
    'content/raci/hotfix.yaml:5 activities[0].assignments: "Ship the fix" has 2 Accountable roles; it needs exactly one — mark one role A (or A/R) and no other',
    'content/raci/hotfix.yaml:5 activities[0].assignments: "Ship the fix" has no Responsible role — mark at least one role R (or A/R)',
  ],
  'raci-no-responsible': ['content/raci/hotfix.yaml:5 activities[0].assignments: "Ship the fix" has no Responsible role — mark at least one role R (or A/R)'],
  'rolled-back-without-rollback': [
    'content/releases/web/1.1.0.md:5 status: is rolled-back but the release has no rollback — add rollback: { runbook, at, reason } or change the status',
  ],
  'freeze-overlap': [
    'content/releases/web/1.1.0.md:5 window: overlaps the freeze "Year-end freeze" (2026-12-19 to 2027-01-04) — move the window, or set freezeException: <why it must ship> to ship anyway',
  ],
  'csv-ragged': [
    'content/metrics/tickets.csv:3 has 3 values but the header has 2 columns — give every row one value per column (leave a cell empty for no data)',
  ],
  'csv-non-numeric': [
    'content/metrics/tickets.csv:3 tickets: "twelve" is not a number — write a plain number such as 42 or 3.5 (no units or thousands separators), or leave the cell empty',
  ],
  'csv-no-date': ['content/metrics/tickets.csv:1 date: column is missing (the header is month,tickets) — name the column of dates "date"'],
  'malformed-yaml': [
    'content/people.yaml:3 is not valid YAML: Nested mappings are not allowed in compact mappings — check the indentation, the colons and the quoting on that line',
  ],
  'malformed-frontmatter': [
    'content/releases/web/1.1.0.md:7 is not valid YAML: Missing closing "quote — check the indentation, the colons and the quoting on that line',
  ],
  'empty-required-field': ['content/runbooks/rollback-web.md:2 title: must not be empty — write a value or remove the line'],
  // Eight kinds at once (issue 17): every one is listed in the same round.
  many: [
    'content/releases/web/1.1.0.md:4 status: must be one of planned, scheduled, in-progress, released, rolled-back, cancelled; got "shipped" — use one of those values',
    'content/releases/web/1.1.0.md:5 runbooks[0]: "deploy-wbe" is not a known runbook — did you mean "deploy-web"?',
    'content/releases/web/1.1.0.md:6 owner: "alcie" is not a known person — did you mean "alice"?',
    'content/releases/web/1.2.0.mdx:8 is not valid MDX at column 1: Expected a closing tag for `<Callout>` — fix the MDX there (close each tag, balance each { }), or rename the file to .md for plain Markdown',
    'content/releases/web/1.3.0.md:7 contains <script>, which a hub page never takes from content — remove the <script>; link to the page instead, or put the content in the body as text',
    'content/releases/web/1.3.0.md:9 loads https://tracker.example/pixel.gif from another host (tracker.example), which readers\' browsers would fetch on every visit — put the file in public/ and link it as /images/…, or list "tracker.example" in hub.yaml externalHosts',
    'content/releases/web/1.4.0.md:5 is not UTF-8 text (byte 0xE9 at column 11) — save the file as UTF-8',
    'content/runbooks/rollback.Mdx has the extension .Mdx, which is not read (only .md and .mdx) — rename it to rollback.mdx',
  ],
};

describe('each kind of bad input fails with file, line, field, message and fix', () => {
  it('has an expectation for every error fixture', () => {
    expect(readdirSync(path.join(fixturesDir, 'errors')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', async (kind, messages) => {
    const { hub, problems } = await loadContentRoot(hubWithOverlay(`errors/${kind}`));
    expect(hub).toBeUndefined();
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => formatProblem(problem, 'content'))).toEqual(messages);
  });

  it('the minimal hub itself is valid', async () => {
    const { hub, problems } = await loadContentRoot(hubWithOverlay());
    expect(problems).toEqual([]);
    expect(hub?.releases.map((release) => release.id)).toEqual(['api/0.1.0', 'web/1.0.0']);
  });

  it('lists every problem of a hub together, not only the first', async () => {
    const dir = hubWithOverlay('errors/unknown-person');
    const { cpSync } = await import('node:fs');
    cpSync(path.join(fixturesDir, 'errors/csv-ragged'), dir, { recursive: true });
    cpSync(path.join(fixturesDir, 'errors/raci-no-responsible'), dir, { recursive: true });
    const { problems } = await loadContentRoot(dir);
    expect(problems.map((problem) => problem.file)).toEqual(['metrics/tickets.csv', 'raci/hotfix.yaml', 'releases/web/1.1.0.md']);
  });
});
