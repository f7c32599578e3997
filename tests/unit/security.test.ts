/**
 * Security advisories (src/security/): the embargo rule, the list per product, OSV ranges and a
 * whole OSV record worked out by hand and checked against the OSV schema (tests/schemas/).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Advisory, Change } from '../../src/core/model.ts';
import { advisoriesByProduct, securityAdvisories, securityFeed } from '../../src/security/advisories.ts';
import { isEmbargoed, withoutEmbargoedAdvisories } from '../../src/security/embargo.ts';
import { osvRanges, osvRecord } from '../../src/security/osv.ts';
import { releasesDocument } from '../../src/releases/releases.ts';
import { osvValidator } from '../schemas/osv-validator.ts';
import { at, makeHub, makeRelease } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-11-26T09:00:00Z');
const advisory = (overrides: Partial<Advisory> = {}): Advisory => ({
  id: 'CVE-2026-1234',
  severity: 'high',
  affected: '>=2.0.0 <2.2.1',
  fixed: '2.2.1',
  ...overrides,
});
const security = (summary: string, extra: Partial<Advisory> | undefined): Change => ({
  type: 'security',
  summary,
  breaking: false,
  audience: 'public',
  ...(extra ? { advisory: advisory(extra) } : {}),
});

const hub = makeHub({
  releases: [
    makeRelease({ product: 'api', version: '2.0.0', status: 'released', audience: 'public', deployment: { finishedAt: at('2026-02-10T04:55') } }),
    makeRelease({
      product: 'api',
      version: '2.2.1',
      status: 'released',
      audience: 'public',
      deployment: { finishedAt: at('2026-06-16T02:28') },
      changes: [
        security('Comments are read with the token’s spaces', {
          cvss: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N',
          disclosedAt: at('2026-06-23T10:00'),
          credit: 'Ines Duarte',
          details: 'Rotate shared `tasks:read` tokens.',
        }),
        security('A faster JSON parser', { id: 'GHSA-4x7q-9cvr-2m6p', severity: 'medium', affected: '<2.2.1' }),
      ],
    }),
    makeRelease({
      version: '4.2.0',
      status: 'released',
      audience: 'public',
      deployment: { finishedAt: at('2026-05-26T02:39') },
      changes: [
        security('Guests cannot see member lists', {
          id: 'CVE-2026-41177',
          severity: 'medium',
          affected: '>=4.0.0 <4.2.0',
          fixed: '4.2.0',
          disclosedAt: at('2026-12-15T10:00'),
        }),
      ],
    }),
  ],
});

describe('the embargo', () => {
  it.each([
    ['no disclosure time', undefined, false],
    ['disclosed a second ago', '2026-11-26T08:59:59Z', false],
    ['disclosed right now', '2026-11-26T09:00:00Z', false],
    ['disclosed in a second', '2026-11-26T09:00:01Z', true],
    ['disclosed next month', '2026-12-15T10:00', true],
  ])('%s: embargoed %s', (_, disclosedAt, expected) => {
    expect(isEmbargoed(advisory({ disclosedAt: disclosedAt === undefined ? undefined : at(disclosedAt) }), NOW)).toBe(expected);
  });

  it('drops an embargoed advisory from the public view and keeps its change; after disclosure it stays', () => {
    const summariesWithIds = (view: typeof hub) =>
      view.releases.flatMap((release) => release.changes.map((change) => `${change.summary}: ${change.advisory?.id ?? '-'}`));
    expect(summariesWithIds(withoutEmbargoedAdvisories(hub, NOW))).toEqual([
      'Comments are read with the token’s spaces: CVE-2026-1234',
      'A faster JSON parser: GHSA-4x7q-9cvr-2m6p',
      'Guests cannot see member lists: -',
    ]);
    expect(summariesWithIds(withoutEmbargoedAdvisories(hub, Temporal.Instant.from('2026-12-15T09:00:00Z')))).toContain(
      'Guests cannot see member lists: CVE-2026-41177',
    );
  });
});

describe('/api/releases.json', () => {
  it('holds each advisory with its disclosure time, and none embargoed in the public view', () => {
    const advisories = (view: typeof hub) =>
      releasesDocument(view, 'internal', String)
        .releases.flatMap((release) => release.changes)
        .flatMap((item) => (item.advisory ? [`${item.advisory.id} ${item.advisory.disclosedAt}`] : []));
    expect(advisories(hub)).toEqual(['CVE-2026-1234 2026-06-23T10:00:00+02:00', 'GHSA-4x7q-9cvr-2m6p null', 'CVE-2026-41177 2026-12-15T10:00:00+01:00']);
    expect(advisories(withoutEmbargoedAdvisories(hub, NOW))).toEqual(['CVE-2026-1234 2026-06-23T10:00:00+02:00', 'GHSA-4x7q-9cvr-2m6p null']);
  });
});

describe('the advisories of a hub', () => {
  it('lists every advisory newest first, per product in hub.yaml order, embargoed ones marked', () => {
    expect(securityAdvisories(hub, NOW).map((entry) => [entry.advisory.id, entry.published?.toString().slice(0, 16), entry.embargoed])).toEqual([
      ['CVE-2026-41177', '2026-12-15T10:00', true],
      ['CVE-2026-1234', '2026-06-23T10:00', false],
      // No disclosure time: published with its release.
      ['GHSA-4x7q-9cvr-2m6p', '2026-06-16T02:28', false],
    ]);
    expect(advisoriesByProduct(hub, NOW).map(({ product, entries }) => [product, entries.map((entry) => entry.advisory.id)])).toEqual([
      ['web', ['CVE-2026-41177']],
      ['api', ['CVE-2026-1234', 'GHSA-4x7q-9cvr-2m6p']],
    ]);
  });

  it('feeds them with their severity in the title, embargoed ones saying until when', () => {
    const feed = securityFeed(hub, NOW);
    expect(feed.items.map((item) => item.title)).toEqual([
      'CVE-2026-41177 (Medium): Acme Web 4.2.0, embargoed until 2026-12-15T10:00:00+01:00',
      'CVE-2026-1234 (High): Acme API 2.2.1',
      'GHSA-4x7q-9cvr-2m6p (Medium): Acme API 2.2.1',
    ]);
    expect(feed.items[1]!.id).toBe('https://releases.acme.example/security/#CVE-2026-1234');
    expect(feed.items[1]!.contentHtml).toContain('Fixed in <a href="https://releases.acme.example/releases/api/2.2.1/">Acme API 2.2.1</a>');
    expect(feed.feedUrls.atom).toBe('https://releases.acme.example/security/atom.xml');
  });
});

describe('OSV', () => {
  it.each([
    ['>=2.0.0 <2.2.1', '2.2.1', [[{ introduced: '2.0.0' }, { fixed: '2.2.1' }]]],
    ['<2.2.1', '2.2.1', [[{ introduced: '0' }, { fixed: '2.2.1' }]]],
    ['<=2.2.0', '2.2.1', [[{ introduced: '0' }, { last_affected: '2.2.0' }]]],
    ['>=1.4.0', '2.0.0', [[{ introduced: '1.4.0' }, { fixed: '2.0.0' }]]],
    ['>1.4.0 <2.0.0', '2.0.0', [[{ introduced: '1.4.1' }, { fixed: '2.0.0' }]]],
    ['1.2.3', '1.2.4', [[{ introduced: '1.2.3' }, { last_affected: '1.2.3' }]]],
    ['^1.2.0', '2.0.0', [[{ introduced: '1.2.0' }, { fixed: '2.0.0' }]]],
    [
      '>=1.0.0 <1.4.2 || >=2.0.0 <2.1.1',
      '2.1.1',
      [
        [{ introduced: '1.0.0' }, { fixed: '1.4.2' }],
        [{ introduced: '2.0.0' }, { fixed: '2.1.1' }],
      ],
    ],
  ])('%s (fixed %s) is %j', (affected, fixed, events) => {
    expect(osvRanges(affected, fixed)).toEqual(events.map((list) => ({ type: 'SEMVER', events: list })));
  });

  it('writes a whole record by hand, valid against the OSV schema', () => {
    const entry = securityAdvisories(hub, NOW).find((candidate) => candidate.advisory.id === 'CVE-2026-1234')!;
    const record = osvRecord(hub, entry, NOW);
    expect(record).toEqual({
      schema_version: '1.6.0',
      id: 'CVE-2026-1234',
      modified: '2026-06-23T08:00:00Z',
      published: '2026-06-23T08:00:00Z',
      summary: 'Comments are read with the token’s spaces',
      details: 'Rotate shared `tasks:read` tokens.',
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N' }],
      affected: [
        {
          package: { ecosystem: 'Release Hub', name: 'releases.acme.example/api' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.2.1' }] }],
          database_specific: { product: 'Acme API', affected: '>=2.0.0 <2.2.1' },
        },
      ],
      references: [
        { type: 'ADVISORY', url: 'https://releases.acme.example/security/#CVE-2026-1234' },
        { type: 'FIX', url: 'https://releases.acme.example/releases/api/2.2.1/' },
      ],
      credits: [{ name: 'Ines Duarte' }],
      database_specific: { severity: 'HIGH', url: 'https://releases.acme.example/security/#CVE-2026-1234' },
    });
    const validate = osvValidator();
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the schema is not blind: it refuses a record without modified, a bad CVSS type and mixed fixed/last_affected', () => {
    const validate = osvValidator();
    expect(validate({ id: 'CVE-2026-1' })).toBe(false);
    expect(validate({ id: 'CVE-2026-1', modified: '2026-06-23T08:00:00Z', severity: [{ type: 'CVSS_V9', score: 'x' }] })).toBe(false);
    const mixed = { type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.0' }, { last_affected: '1.9.0' }] };
    expect(validate({ id: 'CVE-2026-1', modified: '2026-06-23T08:00:00Z', affected: [{ package: { ecosystem: 'npm', name: 'x' }, ranges: [mixed] }] })).toBe(
      false,
    );
    expect(validate({ id: 'CVE-2026-1', modified: 'yesterday' })).toBe(false);
  });
});

describe('the OSV schema file', () => {
  it('is the 2020-12 JSON Schema of OSV 1.6 records', () => {
    const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../schemas/osv-1.6.schema.json'), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['id', 'modified']);
  });
});
