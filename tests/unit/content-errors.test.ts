/**
 * One fixture per kind of bad input (tests/fixtures/errors/<kind>/, laid over the minimal hub):
 * each must fail with the exact message, file, field and line a user will see.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
    'content/templates/announce/internal.yaml:1 closing: has an unknown placeholder {owner} — use {product}, {version}, {title}, {hub}, {status}, {date}',
  ],
  'fixes-bad': [
    'content/releases/web/1.1.0.md:9 fixes[0]: "INC-7" is an incident of this release; fixes: names incidents of other releases — remove it from fixes (a release that fixes its own incident is not rework)',
    'content/releases/web/1.1.0.md:10 fixes[1]: "INC-24" is not an incident of any release — did you mean "INC-42"?',
    'content/releases/web/1.1.0.md:12 fixes[3]: "INC-42" is listed twice — list each incident once',
  ],
  'benchmarks-bad': [
    'content/hub.yaml:10 metrics.benchmarks.published: must be a month or a date, e.g. "2024-10" or "2024-10-22" (quote it)',
    'content/hub.yaml:11 metrics.benchmarks.source.url: "javascript:alert(1)" is not a safe link — write a site path such as /status/, or an http(s):// or mailto: URL',
    'content/hub.yaml:13 metrics.benchmarks.keys.changeLeadtime: is not a known field — did you mean "changeLeadTime"?',
  ],
  'benchmarks-bands-bad': [
    'content/hub.yaml:14 metrics.benchmarks.keys.deploymentFrequency[0].atMost: cannot bound deploymentFrequency, where more is better — use above or atLeast',
    'content/hub.yaml:16 metrics.benchmarks.keys.changeFailRate[0].atMost: gives a second bound (below, atMost) — give one of below, atMost, above or atLeast',
    'content/hub.yaml:17 metrics.benchmarks.keys.changeFailRate[1]: has no bound but is not the last band of changeFailRate — give it a bound, or move it last (it takes every value no other band takes)',
    'content/hub.yaml:18 metrics.benchmarks.keys.changeFailRate[2].band: "low" is listed twice for changeFailRate — list each band once',
    'content/hub.yaml:20 metrics.benchmarks.keys.failedDeploymentRecoveryTime[0]: has no bound but is not the last band of failedDeploymentRecoveryTime — give it a bound, or move it last (it takes every value no other band takes)',
  ],
  'benchmarks-not-a-set': ['content/hub.yaml:8 metrics.benchmarks: must be false or a map of fields, got true'],
  // Environments and promotion (issue 19).
  'environments-bad': [
    'content/hub.yaml:7 environments: has 2 release environments (staging, production) — set release: true on exactly one environment: the one where a release reaches its users',
    'content/hub.yaml:10 environments[2].id: "staging" is listed twice — give each environment its own id',
  ],
  'promotion-bad': [
    'content/releases/web/1.1.0.md:7 deployments[0].environment: "stagin" is not an environment of hub.yaml — did you mean "staging"?',
    'content/releases/web/1.1.0.md:8 deployments[1].environment: is production, the release environment, which deployment: already records — keep one: move deployment: into this entry, or drop this entry',
    'content/releases/web/1.1.0.md:9 deployments[2].finishedAt: is before startedAt (2026-03-16T11:00 < 2026-03-16T12:00) — fix the deployment times',
    'content/releases/web/1.2.0.md:6 deployments[0].environment: reaches Production without a succeeded deployment to Staging, which comes first — record the staging deployment, or set skipEnvironments: <why>',
    'content/releases/web/1.3.0.md:7 deployments[1].environment: reaches Production (Tue 31 Mar 2026, 02:00) before Staging finished (Tue 31 Mar 2026, 03:00) — fix the times, or set skipEnvironments: <why>',
  ],
  'removal-bad': [
    'content/releases/web/1.1.0.md:10 changes[0].removal: needs a version, a date or both — e.g. removal: { version: 5.0.0, date: 2027-01-31 }',
    'content/releases/web/1.1.0.md:13 changes[1].removal.date: "2027-02-30" is not a real calendar date or time',
    'content/releases/web/1.1.0.md:13 changes[1].removal.version: "2" is not a SemVer 2.0.0 version — write MAJOR.MINOR.PATCH, e.g. 5.0.0 (quote it)',
    'content/releases/web/1.2.0.md:10 changes[0].removal: is only for deprecated changes, and this change is "added" — set type: deprecated, or move the removal to the deprecation',
    'content/releases/web/1.2.0.md:13 changes[1].removal.version: 1.0.0 is not after this release (1.2.0) — write the later version that removes it, or leave the version out and give a date',
  ],
  'advisory-bad': [
    'content/releases/web/1.1.0.md:11 changes[0].advisory.id: "CVE-26-1" is not a CVE or GHSA id — write CVE-2026-12345 or GHSA-xxxx-xxxx-xxxx (GitHub\'s lowercase form)',
    'content/releases/web/1.1.0.md:12 changes[0].advisory.severity: must be one of low, medium, high, critical; got "severe" — use one of those values',
    'content/releases/web/1.1.0.md:13 changes[0].advisory.cvss: "9.8" is not a CVSS vector — write it as CVSS:3.1/AV:N/AC:L/… (v3.0, v3.1 or v4.0)',
    'content/releases/web/1.1.0.md:14 changes[0].advisory.affected: "between 1 and 2" is not a SemVer range — write e.g. ">=2.0.0 <2.4.1" or "<2.4.1"',
    'content/releases/web/1.1.0.md:15 changes[0].advisory.fixed: "1.1" is not a SemVer 2.0.0 version — write MAJOR.MINOR.PATCH, e.g. 2.4.1',
    'content/releases/web/1.2.0.md:10 changes[0].advisory: is only for security changes, and this change is "fixed" — set type: security, or move the advisory to the security change',
    'content/releases/web/1.2.0.md:13 changes[1].advisory.fixed: 1.2.0 is inside the affected range "<=1.2.0" — end the range before the fix, e.g. affected: "<1.2.0"',
    'content/releases/web/1.3.0.md:10 changes[0].advisory.fixed: 1.0.5 is not a version of web — did you mean "1.0.0"?',
    'content/releases/web/1.3.0.md:13 changes[1].advisory.id: CVE-2026-1111 is already the advisory of a change in releases/web/1.3.0.md — give each advisory its own id, or keep one of the two',
    'content/releases/web/1.3.0.md:16 changes[2].advisory.fixed: 1.4.0 is an internal release, but this advisory is public — make web 1.4.0 public, or the change internal',
  ],
  // Go-to-market plans (issue 21): known channels and people, assets due by the launch, on the plan's channels.
  'gtm-bad': [
    'content/releases/web/1.1.0.md:9 gtm.channels[1]: must be one of blog, email, in-app, docs, sales-enablement, social, press, webinar, support; got "podcast" — use one of those values',
    'content/releases/web/1.1.0.md:11 gtm.assets[0].due: "2026-04-31" is not a real calendar date or time',
    'content/releases/web/1.1.0.md:11 gtm.assets[0].url: "javascript:alert(1)" is not a safe link — write a site path such as /status/, or an http(s):// or mailto: URL',
    'content/releases/web/1.1.0.md:12 gtm.assets[1].owner: is required — add "owner:" with a value',
    'content/releases/web/1.1.0.md:15 gtm.checklist[1].done: must be true or false, got "maybe"',
    'content/releases/web/1.2.0.md:9 gtm.owner: "zoe" is not a known person — use an id from people.yaml, or add the person there',
    'content/releases/web/1.2.0.md:12 gtm.assets[0].owner: "alcie" is not a known person — did you mean "alice"?',
    'content/releases/web/1.2.0.md:13 gtm.assets[1].due: 2026-05-20 is after the launch date 2026-05-13 — make "Customer email" due on or before 2026-05-13, or move the launch',
    'content/releases/web/1.2.0.md:14 gtm.assets[2].channel: "sales-enablement" is not a channel of this plan — add sales-enablement to gtm.channels (now blog, email), or pick one of them',
  ],
  // Release trains (issue 21): every member a release of the hub, once, inside the train's window.
  'train-bad': [
    'content/trains/backwards.yaml:4 window.end: must be after window.start (2026-04-01 ≤ 2026-04-10) — fix the window of the train',
    "content/trains/spring.yaml:6 members[0]: web/1.0.0's window (2026-03-10T02:00 – 2026-03-10T04:00) is not within the train's (2026-03-11T00:00 – 2026-03-20T00:00, Europe/Berlin) — move the release's window into the train's, widen the train's window, or take the release out of the train",
    'content/trains/spring.yaml:8 members[2]: "web/1.0.1" is not a release of this hub — did you mean "web/1.0.0"?',
    'content/trains/spring.yaml:9 members[3]: api/0.1.0 is listed twice — list each release once',
    'content/trains/typo.yaml:3 members[0]: must be a release id <product>/<version>, e.g. web/4.9.0',
  ],
  // Announcement templates (issue 21): a known kind per file, known fields, known placeholders.
  'announce-template-bad': [
    'content/templates/announce/customer.yaml:2 greeting: has unknown placeholders {name}, {verison} — use {product}, {version}, {title}, {hub}, {status}, {date}',
    'content/templates/announce/customer.yaml:3 subject: is not a known field — remove it, or check the spelling (known fields: title, greeting, closing, footer)',
    'content/templates/announce/executive.yaml is not a kind of announcement — name it customer.yaml, internal.yaml or exec.yaml',
    'content/templates/announce/internal.yaml:1 closing: must not be empty — write a value or remove the line',
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

describe('fixes and benchmarks written right', () => {
  const write = (dir: string, file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const broken = [
    '---',
    'version: 1.1.0',
    'product: web',
    'status: rolled-back',
    'rollback: { reason: Sign-in loop }',
    'deployment: { finishedAt: 2026-03-17T02:40 }',
    'incidents:',
    '  - { id: INC-42, startedAt: 2026-03-17T03:00, resolvedAt: 2026-03-17T04:00 }',
    '---',
    '',
  ];
  const fix = ['---', 'version: 1.1.1', 'product: web', 'status: released', 'deployment: { finishedAt: 2026-03-18T02:40 }', 'fixes: INC-42', '---', ''];

  it('loads a release that fixes another release’s incident (one id may be written without a list)', async () => {
    const dir = hubWithOverlay();
    write(dir, 'releases/web/1.1.0.md', broken.join('\n'));
    write(dir, 'releases/web/1.1.1.md', fix.join('\n'));
    const { hub, problems } = await loadContentRoot(dir);
    expect(problems).toEqual([]);
    expect(hub?.releases.find((release) => release.id === 'web/1.1.1')?.fixes).toEqual(['INC-42']);
    expect(hub?.releases.find((release) => release.id === 'web/1.0.0')?.fixes).toEqual([]); // old files stay valid
  });

  it('does not call an incident unknown when the release that has it fails to load', async () => {
    const dir = hubWithOverlay();
    write(dir, 'releases/web/1.1.0.md', broken.join('\n').replace('status: rolled-back', 'status: rolled-bak'));
    write(dir, 'releases/web/1.1.1.md', fix.join('\n'));
    const { problems } = await loadContentRoot(dir);
    expect(problems.map((problem) => `${problem.file} ${problem.field}`)).toEqual(['releases/web/1.1.0.md status']);
  });

  it('reads metrics.benchmarks: false (no bands) and a set of the team’s own', async () => {
    const hubYaml = (benchmarks: string[]) =>
      [
        'title: Minimal Hub',
        'url: https://hub.example',
        'timezone: Europe/Berlin',
        'products:',
        '  - { id: web, name: Web App }',
        'metrics:',
        ...benchmarks,
        '',
      ].join('\n');
    const off = hubWithOverlay();
    write(off, 'hub.yaml', hubYaml(['  benchmarks: false']));
    rmSync(path.join(off, 'releases/api'), { recursive: true });
    const offHub = await loadContentRoot(off);
    expect(offHub.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(offHub.hub?.config.metrics).toEqual({ onTimeToleranceMinutes: 0, benchmarks: false });

    const own = hubWithOverlay();
    write(
      own,
      'hub.yaml',
      hubYaml([
        '  benchmarks:',
        '    name: Acme targets',
        '    published: 2026-01-15',
        '    source: { title: Acme handbook, url: "https://handbook.acme.example" }',
        '    keys:',
        '      changeLeadTime:',
        '        - { band: elite, published: Within two days, atMost: 2 }',
        '        - { band: low, published: Longer }',
      ]),
    );
    rmSync(path.join(own, 'releases/api'), { recursive: true });
    const ownHub = await loadContentRoot(own);
    expect(ownHub.hub?.config.metrics.benchmarks).toEqual({
      name: 'Acme targets',
      published: '2026-01-15',
      source: { title: 'Acme handbook', url: 'https://handbook.acme.example' },
      keys: {
        changeLeadTime: [
          { band: 'elite', published: 'Within two days', atMost: 2 },
          { band: 'low', published: 'Longer' },
        ],
      },
    });
  });
});
