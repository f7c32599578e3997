/**
 * Security advisories (src/security/): the embargo rule, the list per product, OSV ranges and a
 * whole OSV record worked out by hand and checked against the OSV schema (tests/schemas/).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Advisory, Change } from '../../src/core/model.ts';
import { ADVISORIES_PER_PAGE, advisoriesByProduct, advisoryHref, advisoryPages, securityAdvisories, securityFeed } from '../../src/security/advisories.ts';
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
    // The id stays the one it had before advisories moved to product pages; the link is the product page.
    expect(feed.items[1]!.id).toBe('https://releases.acme.example/security/#CVE-2026-1234');
    expect(feed.items[1]!.url).toBe('https://releases.acme.example/security/api/#CVE-2026-1234');
    expect(feed.items[1]!.contentHtml).toContain('Fixed in <a href="https://releases.acme.example/releases/api/2.2.1/">Acme API 2.2.1</a>');
    expect(feed.feedUrls.atom).toBe('https://releases.acme.example/security/atom.xml');
  });
});

describe('the pages of advisories', () => {
  /** `count` advisories of api, one a day from 2026-01-01 (the newest has the highest number). */
  const many = (count: number) =>
    makeHub({
      releases: Array.from({ length: count }, (_, index) =>
        makeRelease({
          product: 'api',
          version: `2.${index}.0`,
          status: 'released',
          audience: 'public',
          deployment: { finishedAt: at('2026-01-01T02:00').add({ days: index }) },
          changes: [security(`Fix ${index + 1}`, { id: `CVE-2026-${String(index + 1).padStart(4, '0')}`, affected: `<2.${index}.0`, fixed: `2.${index}.0` })],
        }),
      ),
    });

  it(`puts ${ADVISORIES_PER_PAGE} on a page: 120 advisories are pages of 50, 50 and 20, newest first; a product without any has one empty page`, () => {
    expect(ADVISORIES_PER_PAGE).toBe(50);
    const pages = advisoryPages(many(120), NOW);
    expect(pages.map((page) => [page.product, page.page, page.pageCount, page.total, page.items.length, page.path, page.param])).toEqual([
      ['web', 1, 1, 0, 0, '/security/web/', undefined],
      ['api', 1, 3, 120, 50, '/security/api/', undefined],
      ['api', 2, 3, 120, 50, '/security/api/page/2/', 'page/2'],
      ['api', 3, 3, 120, 20, '/security/api/page/3/', 'page/3'],
    ]);
    // Newest first: page 1 holds 120 … 71, page 2 70 … 21, page 3 20 … 1.
    expect(pages.slice(1).map((page) => [page.items[0]!.advisory.id, page.items.at(-1)!.advisory.id])).toEqual([
      ['CVE-2026-0120', 'CVE-2026-0071'],
      ['CVE-2026-0070', 'CVE-2026-0021'],
      ['CVE-2026-0020', 'CVE-2026-0001'],
    ]);
  });

  it('links each advisory to the page that lists it; the index shows the newest three of each product', () => {
    const hub120 = many(120);
    expect(advisoryHref(hub120, NOW, 'api', 'CVE-2026-0120')).toBe('/security/api/#CVE-2026-0120');
    expect(advisoryHref(hub120, NOW, 'api', 'CVE-2026-0071')).toBe('/security/api/#CVE-2026-0071');
    expect(advisoryHref(hub120, NOW, 'api', 'CVE-2026-0070')).toBe('/security/api/page/2/#CVE-2026-0070');
    expect(advisoryHref(hub120, NOW, 'api', 'CVE-2026-0001')).toBe('/security/api/page/3/#CVE-2026-0001');
    const [web, api] = advisoriesByProduct(hub120, NOW);
    expect([web!.newest.total, web!.newest.items, web!.newest.truncated]).toEqual([0, [], false]);
    expect([api!.newest.total, api!.newest.items.map((entry) => entry.advisory.id), api!.newest.truncated]).toEqual([
      120,
      ['CVE-2026-0120', 'CVE-2026-0119', 'CVE-2026-0118'],
      true,
    ]);
    // 50 fit on one page.
    expect(advisoryPages(many(50), NOW).map((page) => [page.product, page.pageCount, page.items.length])).toEqual([
      ['web', 1, 0],
      ['api', 1, 50],
    ]);
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
        { type: 'ADVISORY', url: 'https://releases.acme.example/security/api/#CVE-2026-1234' },
        { type: 'FIX', url: 'https://releases.acme.example/releases/api/2.2.1/' },
      ],
      credits: [{ name: 'Ines Duarte' }],
      database_specific: { severity: 'HIGH', url: 'https://releases.acme.example/security/api/#CVE-2026-1234' },
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
