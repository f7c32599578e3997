/** Table-driven schema tests: valid input, input the schemas coerce, and invalid input with its message. */
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { releaseSchema } from '../../src/schemas/release.ts';
import { hubSchema } from '../../src/schemas/hub.ts';
import { runbookSchema } from '../../src/schemas/runbook.ts';
import { raciSchema } from '../../src/schemas/raci.ts';
import { peopleSchema } from '../../src/schemas/person.ts';
import { freezesSchema } from '../../src/schemas/freeze.ts';
import { metricSeriesSidecarSchema } from '../../src/schemas/metric-series.ts';
import { parseYamlSource } from '../../src/content/source.ts';
import { validateSource } from '../../src/content/zod-problems.ts';
import { formatProblem } from '../../src/content/problems.ts';

/** Validates YAML text as `file` and returns the value or the formatted problems. */
function run(schema: z.ZodType, yaml: string, file = 'x.yaml') {
  const parsed = parseYamlSource(file, yaml);
  if (!parsed.source) return { errors: parsed.problems.map((problem) => formatProblem(problem, '')) };
  const { value, problems } = validateSource(schema, parsed.source);
  return { value, errors: problems.map((problem) => formatProblem(problem, '')) };
}

const release = 'version: 2.4.0\nstatus: released\n';

interface SchemaCase {
  name: string;
  schema: z.ZodType;
  valid: string[];
  coerced: { yaml: string; expect: Record<string, unknown> | unknown[] }[];
  invalid: { yaml: string; errors: string[] }[];
}

const cases: SchemaCase[] = [
  {
    name: 'release',
    schema: releaseSchema,
    valid: [
      release,
      'version: 1.1.0-beta.1+build.7\nstatus: planned\n',
      `${release}product: web\naudience: public\nrisk: high\nwindow: { start: 2026-03-10T02:00, end: "2026-03-10T04:00", timezone: Europe/Berlin }\n` +
        'acceptedAt: 2026-02-20\ndeployment: { startedAt: 2026-03-10T02:05+01:00, finishedAt: 2026-03-10T01:41Z }\n' +
        'rollback: { runbook: rollback-web, at: 2026-03-10T03:10, reason: Queue saturated }\n' +
        'incidents: [{ id: INC-42, startedAt: 2026-03-10T03:00, resolvedAt: 2026-03-10T03:40, severity: sev2 }]\n' +
        'satisfaction: { score: 4.3, responses: 37 }\ngtm: { required: true, launchDate: 2026-03-12, owner: bob }\n' +
        'changes: [{ type: added, summary: CSV export, breaking: false, audience: public }]\ntags: [exports]\nfreezeException: CVE fix\nrescheduled: 2\n',
    ],
    coerced: [
      {
        yaml: `${release}changes: [{ type: fixed, summary: Crash }]\nruntbooks_absent: null\n`.replace('runtbooks_absent: null\n', ''),
        expect: {
          audience: 'internal',
          runbooks: [],
          incidents: [],
          tags: [],
          rescheduled: 0,
          changes: [{ type: 'fixed', summary: 'Crash', breaking: false }],
        },
      },
      { yaml: `${release}runbooks: deploy-web\ntags: exports\n`, expect: { runbooks: ['deploy-web'], tags: ['exports'] } },
      {
        yaml: `${release}window: { start: "2026-03-10 02:00:00", end: 2026-03-10T04:00:00 }\n`,
        expect: { window: { start: '2026-03-10 02:00:00', end: '2026-03-10T04:00:00' } },
      },
    ],
    invalid: [
      { yaml: 'status: released\n', errors: ['x.yaml:1 version: is required — add "version:" with a value'] },
      { yaml: 'version: 1.0\nstatus: released\n', errors: ['x.yaml:1 version: must be text: quote it, e.g. "2.4.0"'] },
      {
        yaml: 'version: 01.2.0\nstatus: released\n',
        errors: ['x.yaml:1 version: "01.2.0" is not a SemVer 2.0.0 version — write MAJOR.MINOR.PATCH, e.g. 2.4.0'],
      },
      { yaml: 'version: v2.4.0\nstatus: released\n', errors: ['x.yaml:1 version: "v2.4.0" has a leading "v" — write it without, e.g. 2.4.0'] },
      { yaml: `${release}stauts: released\n`, errors: ['x.yaml:3 stauts: is not a known field — did you mean "status"?'] },
      {
        yaml: 'version: 2.4.0\nstatus: shipped\n',
        errors: ['x.yaml:2 status: must be one of planned, scheduled, in-progress, released, rolled-back, cancelled; got "shipped" — use one of those values'],
      },
      {
        yaml: `${release}window:\n  start: 2026-13-10T02:00\n  end: 2026-03-10T04:00\n`,
        errors: ['x.yaml:4 window.start: "2026-13-10T02:00" is not a real calendar date or time'],
      },
      {
        yaml: `${release}acceptedAt: next tuesday\n`,
        errors: ['x.yaml:3 acceptedAt: "next tuesday" is not a date or time — write 2026-03-10, 2026-03-10T02:00 or 2026-03-10T02:00+01:00'],
      },
      { yaml: `${release}window: { start: 2026-03-10T02:00 }\n`, errors: ['x.yaml:3 window.end: is required — add "end:" with a value'] },
      { yaml: `${release}title:\n`, errors: ['x.yaml:3 title: is empty — give it a value, or remove the line if it is optional'] },
      { yaml: `${release}satisfaction: { score: 7, responses: 3 }\n`, errors: ['x.yaml:3 satisfaction.score: must be at most 5, got 7'] },
      {
        yaml: `${release}changes:\n  - type: addded\n    summary: X\n`,
        errors: ['x.yaml:4 changes[0].type: must be one of added, changed, deprecated, removed, fixed, security; got "addded" — did you mean "added"?'],
      },
      {
        yaml: `${release}changes:\n  - type: added\n    summary: X\n    breaking: yes\n`,
        errors: ['x.yaml:6 changes[0].breaking: must be true or false, got "yes"'],
      },
    ],
  },
  {
    name: 'hub.yaml',
    schema: hubSchema,
    valid: [
      'title: T\nurl: https://x.example\ntimezone: Europe/Berlin\nproducts: [{ id: web, name: Web }]\ncadence: { rrule: FREQ=WEEKLY;BYDAY=TU, start: "02:00", durationMinutes: 120 }\n',
    ],
    coerced: [
      {
        yaml: 'title: T\nurl: https://x.example\ntimezone: UTC\nproducts: [{ id: web, name: Web }]\n',
        expect: { metrics: { onTimeToleranceMinutes: 0 }, footerLinks: [] },
      },
    ],
    invalid: [
      {
        yaml: 'title: T\nurl: x.example\ntimezone: UTC\nproducts: [{ id: web, name: Web }]\n',
        errors: ['x.yaml:2 url: must be an absolute http(s) URL such as https://releases.acme.example'],
      },
      {
        yaml: 'title: T\nurl: https://x.example\ntimezone: Berlin\nproducts: [{ id: web, name: Web }]\n',
        errors: ['x.yaml:3 timezone: "Berlin" is not an IANA time zone — did you mean "Europe/Berlin"?'],
      },
      { yaml: 'title: T\nurl: https://x.example\ntimezone: UTC\nproducts: []\n', errors: ['x.yaml:4 products: must list at least one product'] },
      {
        yaml: 'title: T\nurl: https://x.example\ntimezone: UTC\nproducts: [{ id: Web App, name: Web }]\n',
        errors: ['x.yaml:4 products[0].id: must be a lowercase id (letters, digits, ".", "_" or "-"), e.g. deploy-web'],
      },
      {
        yaml: 'title: T\nurl: https://x.example\ntimezone: UTC\nproducts: [{ id: tags, name: Tags }]\n',
        errors: ['x.yaml:4 products[0].id: must not be "tags": /changelog/tags/ is the list of changelog tags — choose another id'],
      },
      {
        yaml: 'title: T\nurl: https://x.example\ntimezone: UTC\nproducts: [{ id: web, name: Web }]\ncadence: { rrule: every tuesday, start: 2:00, durationMinutes: 120 }\n',
        errors: [
          'x.yaml:5 cadence.rrule: must be an RFC 5545 RRULE such as FREQ=WEEKLY;BYDAY=TU',
          'x.yaml:5 cadence.start: must be a time like "02:00" (quote it)',
        ],
      },
    ],
  },
  {
    name: 'runbook',
    schema: runbookSchema,
    valid: ['title: Deploy\nkind: deploy\nowner: bob\nproducts: [web]\nlastReviewed: 2026-01-15\nreviewEveryDays: 90\n'],
    coerced: [{ yaml: 'title: Deploy\nkind: deploy\nproducts: web\n', expect: { products: ['web'] } }],
    invalid: [
      {
        yaml: 'title: Deploy\nkind: deployment\n',
        errors: ['x.yaml:2 kind: must be one of deploy, rollback, test-plan, validation, incident, other; got "deployment" — did you mean "deploy"?'],
      },
      { yaml: 'title: Deploy\nkind: deploy\nlastReviewed: 2026-01-15T10:00\n', errors: ['x.yaml:3 lastReviewed: must be a date like 2026-02-20'] },
      { yaml: 'title: Deploy\nkind: deploy\nreviewEveryDays: 0\n', errors: ['x.yaml:3 reviewEveryDays: must be more than 0, got 0'] },
    ],
  },
  {
    name: 'RACI matrix',
    schema: raciSchema,
    valid: ['title: Std\nroles: [RM, Eng]\nactivities:\n  - name: Deploy\n    assignments: { RM: A, Eng: R }\n'],
    coerced: [],
    invalid: [
      {
        yaml: 'title: Std\nroles: [RM]\nactivities:\n  - name: Deploy\n    assignments: { RM: X }\n',
        errors: ['x.yaml:5 activities[0].assignments.RM: must be one of R, A, C, I, A/R; got "X" — use one of those values'],
      },
      { yaml: 'title: Std\nroles: [RM]\nactivities: []\n', errors: ['x.yaml:3 activities: must list at least one activity'] },
    ],
  },
  {
    name: 'people.yaml',
    schema: peopleSchema,
    valid: ['- { id: alice, name: Alice, role: RM, email: alice@x.example, chat: "@alice" }\n'],
    coerced: [],
    invalid: [
      { yaml: '- { id: alice, name: Alice, role: RM, email: alice }\n', errors: ['x.yaml:1 [0].email: must be an email address'] },
      { yaml: '- { id: alice, role: RM }\n', errors: ['x.yaml:1 [0].name: is required — add "name:" with a value'] },
    ],
  },
  {
    name: 'freezes.yaml',
    schema: freezesSchema,
    valid: ['- { name: Year end, start: 2026-12-19, end: 2027-01-04, products: [web], reason: Holidays }\n'],
    coerced: [
      { yaml: '- { name: Launch, start: 2026-06-15, end: 2026-06-19, products: api }\n', expect: [{ products: ['api'], audience: 'internal' }] },
      { yaml: '- { name: Year end, start: 2026-12-19, end: 2027-01-04, audience: public }\n', expect: [{ audience: 'public' }] },
    ],
    invalid: [
      { yaml: '- { name: Year end, start: 2026-12-19 }\n', errors: ['x.yaml:1 [0].end: is required — add "end:" with a value'] },
      {
        yaml: '- { name: Year end, start: 2026-12-19, end: 2027-01-04, audience: customers }\n',
        errors: ['x.yaml:1 [0].audience: must be one of public, internal; got "customers" — use one of those values'],
      },
    ],
  },
  {
    name: 'metric series sidecar',
    schema: metricSeriesSidecarSchema,
    valid: ['title: Tickets\nunit: tickets\ndescription: After release\ntarget: 120\n'],
    coerced: [],
    invalid: [{ yaml: 'title: Tickets\ntarget: lots\n', errors: ['x.yaml:2 target: must be a number, got "lots"'] }],
  },
];

describe.each(cases)('$name schema', ({ schema, valid, coerced, invalid }) => {
  it.each(valid)('accepts %#', (yaml) => {
    expect(run(schema, yaml).errors).toEqual([]);
  });
  if (coerced.length > 0) {
    it.each(coerced)('coerces %#', ({ yaml, expect: expected }) => {
      const result = run(schema, yaml);
      expect(result.errors).toEqual([]);
      expect(result.value).toMatchObject(expected);
    });
  }
  it.each(invalid)('rejects $yaml', ({ yaml, errors }) => {
    expect(run(schema, yaml).errors).toEqual(errors);
  });
});
