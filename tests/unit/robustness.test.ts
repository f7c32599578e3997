/**
 * Hostile and odd input, class by class (issue 17), against the loader that `release-hub check`
 * and the build share: each case lays files over the minimal hub and expects exactly these
 * problems (or none, and then what the model holds). tests/build/robustness-build.test.ts runs the
 * same loader inside real builds and checks that they agree.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentRoot } from '../../src/content/load.ts';
import { formatProblem } from '../../src/content/problems.ts';
import type { Hub } from '../../src/core/model.ts';
import { hubWithOverlay } from './helpers/fixture-hub.ts';

type FileSpec = string | Buffer | { link: string };

/** A copy of the minimal hub with these files written over it (a `null` content removes nothing; a link is a symlink). */
function hubWith(files: Record<string, FileSpec>): string {
  const root = hubWithOverlay();
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    if (typeof content === 'object' && !Buffer.isBuffer(content)) symlinkSync(content.link, target);
    else writeFileSync(target, content);
  }
  return root;
}

async function problemsOf(root: string, publicDir?: string): Promise<{ lines: string[]; hub?: Hub }> {
  const { hub, problems } = await loadContentRoot(root, { publicDir });
  return { lines: problems.map((problem) => `${problem.severity === 'warning' ? 'warning: ' : ''}${formatProblem(problem, '')}`), hub };
}

const release = (fields: string, body = 'Notes.\n') => `---\nversion: 1.1.0\nproduct: web\nstatus: planned\n${fields}---\n${body}`;

interface Case {
  name: string;
  files: Record<string, FileSpec>;
  /** Every problem, as printed. */
  expected: string[];
  /** What the model holds when there is no error. */
  check?: (hub: Hub) => void;
}

const cases: Record<string, Case[]> = {
  'frontmatter that ends only at a line "---"': [
    {
      name: 'a value that ends in --- stays in the value',
      files: { 'releases/web/1.1.0.md': release('summary: Big news---\n') },
      expected: [],
      check: (hub) => expect(hub.releases.find((one) => one.id === 'web/1.1.0')?.summary).toBe('Big news---'),
    },
    {
      name: 'a line that starts with --- inside the frontmatter',
      files: { 'releases/web/1.1.0.md': release('---title: x\n') },
      expected: [
        'releases/web/1.1.0.md:5 starts with "---" inside the frontmatter — only the two lines that open and close the frontmatter may start with ---: quote the value or indent the line',
      ],
    },
    {
      name: 'no closing line',
      files: { 'releases/web/1.1.0.md': '---\nversion: 1.1.0\nproduct: web\nstatus: planned\n' },
      expected: ['releases/web/1.1.0.md:5 has no line "---" that closes the frontmatter — end the frontmatter with a line that is exactly ---'],
    },
  ],
  'bytes and names of files': [
    {
      name: 'a byte order mark in YAML, Markdown and CSV files',
      files: {
        'people.yaml': '\uFEFF- { id: alice, name: Alice Adams, role: Release Manager }\n- { id: bob, name: Bob Brown, role: Engineer }\n',
        'releases/web/1.1.0.md': `\uFEFF${release('')}`,
        'metrics/tickets.csv': '\uFEFFdate,tickets\n2026-01-01,10\n',
      },
      expected: [],
      check: (hub) => {
        expect(hub.people.map((person) => person.id)).toEqual(['alice', 'bob']);
        expect(hub.metricSeries[0]?.columns).toEqual(['tickets']);
      },
    },
    {
      name: 'bytes that are not UTF-8',
      // "Café" written in Latin-1 on line 5.
      files: {
        'releases/web/1.1.0.md': Buffer.concat([
          Buffer.from('---\nversion: 1.1.0\nproduct: web\nstatus: planned\ntitle: Caf'),
          Buffer.from([0xe9]),
          Buffer.from('\n---\n'),
        ]),
      },
      expected: ['releases/web/1.1.0.md:5 is not UTF-8 text (byte 0xE9 at column 11) — save the file as UTF-8'],
    },
    {
      name: 'an extension in capitals',
      files: { 'releases/web/1.1.0.MD': release(''), 'runbooks/rollback.Mdx': '---\ntitle: R\nkind: rollback\n---\n' },
      expected: [
        'releases/web/1.1.0.MD has the extension .MD, which is not read (only .md and .mdx) — rename it to 1.1.0.md',
        'runbooks/rollback.Mdx has the extension .Mdx, which is not read (only .md and .mdx) — rename it to rollback.mdx',
      ],
    },
    {
      name: 'a link to nothing, a link loop and a link to a folder, each once',
      files: { 'releases/web/1.1.0.md': { link: 'nowhere.md' }, 'releases/web/loop.md': { link: 'loop.md' }, 'releases/web/up': { link: '..' } },
      expected: [
        'releases/web/1.1.0.md is a link to a file that does not exist — remove the link, or point it at an existing file',
        'releases/web/loop.md is a link that points back to itself (a link loop) — remove the link, or point it at a real file',
        expect.stringMatching(/^releases\/web\/up is a link to the folder .*\/releases, and links to folders are not followed — copy the files/),
      ] as unknown as string[],
    },
    {
      name: 'two files for one release, or one runbook',
      files: { 'releases/web/1.0.0.md': release('').replace('1.1.0', '1.0.1'), 'runbooks/ops/deploy-web.mdx': '---\ntitle: D\nkind: deploy\n---\n' },
      expected: [
        'releases/web/1.0.0.md and releases/web/1.0.0.mdx are both the release "web/1.0.0" — keep one of the files, or rename the other',
        'releases/web/1.0.0.mdx and releases/web/1.0.0.md are both the release "web/1.0.0" — keep one of the files, or rename the other',
        'runbooks/deploy-web.md and runbooks/ops/deploy-web.mdx are both the runbook "deploy-web" — keep one of the files, or rename the other',
        'runbooks/ops/deploy-web.mdx and runbooks/deploy-web.md are both the runbook "deploy-web" — keep one of the files, or rename the other',
      ],
    },
    {
      name: 'a runbook in a subfolder: its file name is its id',
      files: { 'runbooks/ops/rollback-web.md': '---\ntitle: Roll back\nkind: rollback\n---\n## Steps\n' },
      expected: [],
      check: (hub) => expect(hub.runbooks.map((runbook) => `${runbook.id} ${runbook.source.file}`)).toContain('rollback-web runbooks/ops/rollback-web.md'),
    },
  ],
  'YAML alias bombs': [
    {
      name: 'in frontmatter',
      files: {
        'releases/web/1.1.0.md': release(
          `x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nw: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
        ),
      },
      expected: [
        expect.stringMatching(
          /^releases\/web\/1\.1\.0\.md:2 expands YAML aliases \(\*name\) more than 100 times \(.*\) — write the values out instead of repeating aliases$/,
        ),
      ] as unknown as string[],
    },
    {
      name: 'in hub.yaml',
      files: {
        'hub.yaml': `title: Minimal Hub\nurl: https://hub.example\ntimezone: Europe/Berlin\nproducts:\n  - { id: web, name: Web App }\n  - { id: api, name: Public API }\na: &a [x, x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`,
      },
      expected: [expect.stringMatching(/^hub\.yaml:1 expands YAML aliases/)] as unknown as string[],
    },
  ],
  'time zones written as the tz database writes them': [
    {
      name: 'a UTC offset',
      files: { 'releases/web/1.1.0.md': release('window: { start: 2026-05-05T02:00, end: 2026-05-05T04:00, timezone: "+01:00" }\n') },
      expected: [
        'releases/web/1.1.0.md:5 window.timezone: "+01:00" is a UTC offset, not a time zone (an offset never follows summer time) — use a name like Europe/Berlin or America/New_York',
      ],
    },
    {
      name: 'the wrong case',
      files: { 'releases/web/1.1.0.md': release('window: { start: 2026-05-05T02:00, end: 2026-05-05T04:00, timezone: europe/berlin }\n') },
      expected: ['releases/web/1.1.0.md:5 window.timezone: "europe/berlin" is not an IANA time zone — did you mean "Europe/Berlin"?'],
    },
    {
      name: 'a city alone',
      files: { 'releases/web/1.1.0.md': release('window: { start: 2026-05-05T02:00, end: 2026-05-05T04:00, timezone: Toronto }\n') },
      expected: ['releases/web/1.1.0.md:5 window.timezone: "Toronto" is not an IANA time zone — did you mean "America/Toronto"?'],
    },
  ],
  'times around summer time': [
    {
      name: 'a time in the fall-back hour is the earlier one',
      files: { 'releases/web/1.1.0.md': release('window: { start: 2026-10-25T02:30, end: 2026-10-25T04:00 }\n') },
      expected: [],
      check: (hub) => expect(hub.releases.find((one) => one.id === 'web/1.1.0')?.window?.start.toString()).toBe('2026-10-25T02:30:00+02:00[Europe/Berlin]'),
    },
    {
      name: 'with an offset, the later one',
      files: { 'releases/web/1.1.0.md': release('window: { start: "2026-10-25T02:30+01:00", end: 2026-10-25T04:00 }\n') },
      expected: [],
      check: (hub) => expect(hub.releases.find((one) => one.id === 'web/1.1.0')?.window?.start.toString()).toBe('2026-10-25T02:30:00+01:00[Europe/Berlin]'),
    },
    {
      name: 'a time in a 30-minute spring-forward gap',
      files: { 'releases/web/1.1.0.md': release('window: { start: 2026-10-04T02:10, end: 2026-10-04T04:00, timezone: Australia/Lord_Howe }\n') },
      expected: [
        'releases/web/1.1.0.md:5 window.start: 2026-10-04T02:10 does not exist in Australia/Lord_Howe: the clocks jump from 02:00 to 02:30 that night — write a time before or after the jump, or give it an offset such as +01:00',
      ],
    },
  ],
  'keys that are names of built-in properties': [
    {
      name: 'RACI roles named constructor, toString and __proto__',
      files: {
        'raci/odd.yaml':
          'title: Odd roles\nroles: [constructor, toString, __proto__]\nactivities:\n  - name: Ship\n    assignments: { constructor: A, __proto__: R }\n  - name: Tell\n    assignments: { toString: A/R }\n',
      },
      expected: [],
      check: (hub) => {
        const matrix = hub.raci.find((one) => one.id === 'odd')!;
        expect(matrix.activities[0]?.assignments).toEqual(
          Object.fromEntries([
            ['constructor', 'A'],
            ['__proto__', 'R'],
          ]),
        );
        expect(Object.hasOwn(matrix.activities[1]!.assignments, 'constructor')).toBe(false);
      },
    },
    {
      name: 'an activity whose only Responsible is __proto__ still counts it',
      files: { 'raci/odd.yaml': 'title: Odd\nroles: [__proto__, toString]\nactivities:\n  - name: Ship\n    assignments: { toString: A }\n' },
      expected: ['raci/odd.yaml:5 activities[0].assignments: "Ship" has no Responsible role — mark at least one role R (or A/R)'],
    },
    {
      name: 'a CSV column named __proto__',
      files: { 'metrics/tickets.csv': 'date,__proto__,constructor\n2026-01-01,3,4\n' },
      expected: [],
      check: (hub) => {
        const row = hub.metricSeries[0]!.rows[0]!;
        expect(Object.keys(row.values)).toEqual(['__proto__', 'constructor']);
        expect(Object.getOwnPropertyDescriptor(row.values, '__proto__')?.value).toBe(3);
      },
    },
  ],
  'bodies: MDX, active content and other hosts': [
    {
      name: 'an MDX syntax error names its line',
      files: { 'releases/web/1.1.0.mdx': release('', 'Intro.\n\n<Callout>\n\nNever closed.\n') },
      expected: [
        'releases/web/1.1.0.mdx:8 is not valid MDX at column 1: Expected a closing tag for `<Callout>` — fix the MDX there (close each tag, balance each { }), or rename the file to .md for plain Markdown',
      ],
    },
    {
      name: 'a script, an event handler and a javascript: link',
      files: {
        'releases/web/1.1.0.md': release('', 'Text.\n\n<script>alert(1)</script>\n\n<img src="/x.png" onerror="alert(1)">\n\n[click](javascript:alert(1))\n'),
      },
      expected: [
        'releases/web/1.1.0.md:8 contains <script>, which a hub page never takes from content — remove the <script>; link to the page instead, or put the content in the body as text',
        'releases/web/1.1.0.md:10 has an event handler attribute (onerror=…) — remove the attribute: a hub page runs no script from content',
        'releases/web/1.1.0.md:12 links to a "javascript:" URL — link to a page (/runbooks/…), or to an http(s):// or mailto: address',
      ],
    },
    {
      name: 'examples in code are not content',
      files: { 'releases/web/1.1.0.md': release('', '```html\n<script src="https://cdn.example/x.js"></script>\n```\n\nUse `<iframe>` with care.\n') },
      expected: [],
    },
    {
      name: 'an image from another host',
      files: { 'releases/web/1.1.0.md': release('', '![chart](https://tracker.example/pixel.gif)\n') },
      expected: [
        'releases/web/1.1.0.md:6 loads https://tracker.example/pixel.gif from another host (tracker.example), which readers\' browsers would fetch on every visit — put the file in public/ and link it as /images/…, or list "tracker.example" in hub.yaml externalHosts',
      ],
    },
  ],
  'hub.yaml links and logo': [
    {
      name: 'a footer link to javascript: and one to another host by //',
      files: {
        'hub.yaml':
          'title: Minimal Hub\nurl: https://hub.example\ntimezone: Europe/Berlin\nproducts:\n  - { id: web, name: Web App }\n  - { id: api, name: Public API }\nfooterLinks:\n  - { label: Run, href: "javascript:alert(1)" }\n  - { label: CDN, href: "//cdn.example/" }\n  - { label: Status, href: /status/ }\n',
      },
      expected: [
        'hub.yaml:8 footerLinks[0].href: "javascript:alert(1)" is not a safe link — write a site path such as /status/, or an http(s):// or mailto: URL',
        'hub.yaml:9 footerLinks[1].href: "//cdn.example/" is not a safe link — write a site path such as /status/, or an http(s):// or mailto: URL',
      ],
    },
    {
      name: 'a footer link to another host is marked external, and every hub.yaml problem comes in one round',
      files: {
        'hub.yaml':
          'title: Minimal Hub\nurl: https://hub.example\ntimezone: Europe/Berlin\nproducts:\n  - { id: web, name: Web App }\n  - { id: web, name: Public API }\ncadence: { rrule: "FREQ=WEEKLY;BYDAY=XX", start: "02:00", durationMinutes: 60 }\nfooterLinks:\n  - { label: Status, href: "https://status.example" }\n  - { label: Docs, href: "https://docs.example", external: true }\n  - { label: Home, href: "https://hub.example/about/" }\n',
      },
      expected: [
        'hub.yaml:6 products[1].id: "web" is listed twice — give each product its own id',
        'hub.yaml:7 cadence.rrule: "FREQ=WEEKLY;BYDAY=XX" has an unknown BYDAY value — use MO, TU, WE, TH, FR, SA or SU',
        'hub.yaml:9 footerLinks[0].href: "https://status.example" points to another host (status.example) — add external: true to the link if that is on purpose, or link to a page of the hub',
      ],
    },
  ],
  'every problem in one round': [
    {
      name: 'a bad status and a misspelt runbook in the same release',
      files: { 'releases/web/1.1.0.md': '---\nversion: 1.1.0\nproduct: web\nstatus: shipped\nrunbooks: [deploy-wbe]\nowner: alcie\n---\n' },
      expected: [
        'releases/web/1.1.0.md:4 status: must be one of planned, scheduled, in-progress, released, rolled-back, cancelled; got "shipped" — use one of those values',
        'releases/web/1.1.0.md:5 runbooks[0]: "deploy-wbe" is not a known runbook — did you mean "deploy-web"?',
        'releases/web/1.1.0.md:6 owner: "alcie" is not a known person — did you mean "alice"?',
      ],
    },
    {
      name: 'an invalid hub.yaml does not hide a misspelt owner elsewhere',
      files: {
        'hub.yaml': 'title: Minimal Hub\nurl: not-a-url\ntimezone: Europe/Berlin\nproducts:\n  - { id: web, name: Web App }\n',
        'runbooks/deploy-web.md': '---\ntitle: Deploy\nkind: deploy\nowner: bbo\n---\n',
      },
      expected: [
        'hub.yaml:2 url: must be an absolute http(s) URL such as https://releases.acme.example',
        'runbooks/deploy-web.md:4 owner: "bbo" is not a known person — did you mean "bob"?',
      ],
    },
  ],
};

describe.each(Object.keys(cases))('%s', (group) => {
  it.each(cases[group]!)('$name', async ({ files, expected, check }) => {
    const { lines, hub } = await problemsOf(hubWith(files));
    expect(lines).toEqual(expected);
    if (check) {
      expect(hub).toBeDefined();
      check(hub!);
    }
  });
});

describe('a content root that cannot be one', () => {
  it('is a file: one problem, nothing else read', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-file-')), 'content');
    writeFileSync(file, 'not a folder');
    expect((await problemsOf(file)).lines).toEqual([
      `${file} is a file, but the content root must be a folder — point the content option or HUB_CONTENT_DIR at the folder that holds hub.yaml`,
    ]);
  });

  it('names a logo that is not in public/', async () => {
    const root = hubWith({
      'hub.yaml':
        'title: Minimal Hub\nurl: https://hub.example\ntimezone: Europe/Berlin\nlogo: /brand.svg\nproducts:\n  - { id: web, name: Web App }\n  - { id: api, name: Public API }\n',
    });
    const publicDir = mkdtempSync(path.join(os.tmpdir(), 'hub-public-'));
    expect((await problemsOf(root, publicDir)).lines).toEqual([
      `hub.yaml:4 logo: "/brand.svg" is not a file in ${path.basename(publicDir)}/ — put the logo in the project's ${path.basename(publicDir)}/ folder, or fix the path`,
    ]);
    writeFileSync(path.join(publicDir, 'brand.svg'), '<svg/>');
    expect((await problemsOf(root, publicDir)).lines).toEqual([]);
  });

  it('names local images that are not there: a site path not in public/, a relative path not next to the file', async () => {
    const root = hubWith({
      'releases/web/1.1.0.md': release('', '![flow](/images/flow.png)\n\n![shot](img/shot.png)\n\n<img src="./here.png" alt="">\n'),
      'releases/web/here.png': Buffer.from('png'),
    });
    const publicDir = mkdtempSync(path.join(os.tmpdir(), 'hub-public-'));
    expect((await problemsOf(root, publicDir)).lines).toEqual([
      'releases/web/1.1.0.md:6 loads /images/flow.png, which is not a file in public/ — put the file in public/ at that path, or fix the path',
      'releases/web/1.1.0.md:8 loads img/shot.png, which is not a file next to releases/web/1.1.0.md — put the file there, or put it in public/ and write a site path such as /images/flow.png',
    ]);
    mkdirSync(path.join(publicDir, 'images'));
    writeFileSync(path.join(publicDir, 'images/flow.png'), 'png');
    expect((await problemsOf(root, publicDir)).lines).toHaveLength(1);
  });

  it('lists an image host in externalHosts: then its images are fine', async () => {
    const root = hubWith({
      'hub.yaml':
        'title: Minimal Hub\nurl: https://hub.example\ntimezone: Europe/Berlin\nexternalHosts: [cdn.acme.example]\nproducts:\n  - { id: web, name: Web App }\n  - { id: api, name: Public API }\n',
      'releases/web/1.1.0.md': release('', '![chart](https://cdn.acme.example/chart.png)\n'),
    });
    expect((await problemsOf(root)).lines).toEqual([]);
  });
});
