/**
 * Stakeholder digests (issue 21): a hand-worked week and month of a small hub at Thursday
 * 26 Nov 2026, 10:00 Berlin. Periods are ISO weeks and months of the hub zone, `[start, end)`;
 * the latest digest of each kind adds what is next, freezes ahead and what needs attention; the
 * public digest holds none of the internal facts. The email HTML passes html-validate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { announcementLinks, type Message } from '../../src/announce/announcement.ts';
import { announcementEmailHtml, announcementPlainText } from '../../src/announce/email.ts';
import { viewForAudience } from '../../src/core/audience.ts';
import { buildDigests, digestFeed, digestPeriods } from '../../src/digest/digest.ts';
import { toRss } from '../../src/releases/feeds.ts';
import { at, HUB_ZONE, makeFreeze, makeHub, makeRelease, makeShippedRelease, windowOf } from './helpers/hub-factory.ts';

const NOW = at('2026-11-26T10:00').toInstant();
const links = announcementLinks('https://releases.acme.example');
const shipped = (version: string, day: string, overrides = {}) => makeShippedRelease(version, day, [], overrides);
const hub = makeHub({
  releases: [
    shipped('0.6.0', '2026-09-15T12:00'),
    shipped('0.7.0', '2026-10-01T00:00'), // the first instant of October
    shipped('0.8.0', '2026-10-31T23:59', { window: windowOf('2026-10-31T22:00', '2026-10-31T23:00') }), // late
    shipped('0.9.0', '2026-11-10T12:00'), // week 46
    shipped('1.0.0', '2026-11-16T00:00', { window: windowOf('2026-11-15T23:00', '2026-11-16T01:00') }), // the first instant of week 47, on time
    makeRelease({ product: 'api', version: '2.0.0', status: 'rolled-back', audience: 'public', deployment: { finishedAt: at('2026-11-22T23:30') } }),
    shipped('1.0.1', '2026-11-18T09:00', { audience: 'internal', title: 'Hotfix' }),
    shipped('1.1.0', '2026-11-23T00:00'), // week 48: not a completed week yet
    makeRelease({ version: '1.3.0', status: 'scheduled', audience: 'public', window: windowOf('2026-11-30T02:00', '2026-11-30T04:00') }),
    makeRelease({ product: 'api', version: '2.1.0', status: 'planned', audience: 'public', window: windowOf('2026-12-10T02:00', '2026-12-10T04:00') }),
    makeRelease({ product: 'api', version: '2.0.1', status: 'in-progress', window: windowOf('2026-11-25T20:00', '2026-11-25T22:00') }),
  ],
  freezes: [
    makeFreeze({ name: 'Year end', start: at('2026-12-19'), end: at('2027-01-05'), reason: 'Holidays' }),
    makeFreeze({ name: 'Black Friday', start: at('2026-11-27'), end: at('2026-11-30'), audience: 'public' }),
  ],
  trains: [
    {
      id: 'november',
      title: 'November train',
      audience: 'public',
      timezone: HUB_ZONE,
      window: windowOf('2026-11-16T00:00', '2026-11-24T00:00'),
      members: ['web/1.0.0', 'api/2.0.0'],
      source: { file: 'trains/november.yaml' },
    },
  ],
});

/** A message as lines: "Heading", then "lead: text" per item. */
function outline(message: Message): string[] {
  return [
    ...message.facts.map((fact) => `${fact.label} = ${fact.value}`),
    ...message.sections.flatMap((section) => [`# ${section.heading}`, ...section.items.map((item) => `${item.lead ? `${item.lead}: ` : ''}${item.body.text}`)]),
  ];
}

describe('digest periods', () => {
  it('are the 12 completed ISO weeks and months of the hub zone, newest first', () => {
    const weeks = digestPeriods('week', NOW, HUB_ZONE);
    expect(weeks).toHaveLength(12);
    expect([weeks[0]!.id, weeks[0]!.label, weeks[0]!.start.toString(), weeks[0]!.end.toString()]).toEqual([
      '2026-W47',
      'Week 47 of 2026 (Mon 16 Nov 2026 – Sun 22 Nov 2026)',
      '2026-11-16T00:00:00+01:00[Europe/Berlin]',
      '2026-11-23T00:00:00+01:00[Europe/Berlin]',
    ]);
    expect(weeks.at(-1)!.id).toBe('2026-W36');
    const months = digestPeriods('month', NOW, HUB_ZONE);
    expect(months.map((month) => month.id).slice(0, 3)).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(months.at(-1)!.id).toBe('2025-11');
    // ISO week-years: 1 Jan 2027 is a Friday, in week 53 of 2026.
    expect(digestPeriods('week', at('2027-01-06T12:00').toInstant(), HUB_ZONE)[0]!.id).toBe('2026-W53');
  });
});

describe('the internal digest', () => {
  const digests = buildDigests(hub, 'internal', NOW, links);
  const week = digests.find((digest) => digest.period.id === '2026-W47')!;
  const month = digests.find((digest) => digest.period.id === '2026-10')!;

  it('of the latest week: what shipped in it, its train, what is next, freezes ahead, attention and metrics against week 46', () => {
    expect(week.latest).toBe(true);
    expect(week.message.title).toBe('Acme Release Hub digest: Week 47 of 2026 (Mon 16 Nov 2026 – Sun 22 Nov 2026)');
    expect(outline(week.message)).toEqual([
      'Shipped = 3 releases',
      'Next = 1 release',
      'Needs attention = 2 items',
      '# Shipped',
      'Sun 22 Nov 2026: Acme API 2.0.0 (rolled back)',
      'Wed 18 Nov 2026: Acme Web 1.0.1: Hotfix',
      'Mon 16 Nov 2026: Acme Web 1.0.0',
      '# Release trains',
      'November train: Mon 16 Nov 2026, 00:00 – Tue 24 Nov 2026, 00:00: 2 releases, 2 shipped',
      '# Next',
      'Scheduled: Acme Web 1.3.0, Mon 30 Nov 2026, 02:00–04:00',
      '# Freezes ahead',
      'Black Friday: Fri 27 Nov 2026, 00:00 – Mon 30 Nov 2026, 00:00',
      '# Needs attention',
      'Acme API 2.0.1: Still in progress 12 h after its window ended (Wed 25 Nov 2026, 22:00; grace 0 h).',
      'Acme Web 0.8.0: Finished 59 min after its window ended (Sat 31 Oct 2026, 23:00; tolerance 0 min).',
      '# Metric changes',
      // Week 47: 1.0.0 (on time), 1.0.1 and 2.0.0 (no window; rolled back). Week 46: 0.9.0 alone.
      'Releases: 3 releases (Up 200% vs the week before)',
      'On schedule: 100% (No comparison: no data in the week before)',
      'Lead time: no data yet (No comparison: no data in this week)',
      'Change failure rate: 33.3% (Up 33.3 points vs the week before)',
      'Failed deployment recovery time: no data yet (No comparison: no data in this week)',
      'Deployment rework rate: 0% (No change vs the week before)',
    ]);
    expect(week.message.links).toEqual([{ label: 'Open the digest', url: 'https://releases.acme.example/digest/week/2026-W47/' }]);
  });

  it('of the latest month: October, both of its edges, against September, and a month ahead', () => {
    expect(outline(month.message)).toEqual([
      'Shipped = 2 releases',
      'Next = 2 releases',
      'Needs attention = 2 items',
      '# Shipped',
      'Sat 31 Oct 2026: Acme Web 0.8.0',
      'Thu 1 Oct 2026: Acme Web 0.7.0',
      '# Next',
      'Scheduled: Acme Web 1.3.0, Mon 30 Nov 2026, 02:00–04:00',
      'Planned: Acme API 2.1.0, Thu 10 Dec 2026, 02:00–04:00',
      '# Freezes ahead',
      'Black Friday: Fri 27 Nov 2026, 00:00 – Mon 30 Nov 2026, 00:00',
      'Year end: Sat 19 Dec 2026, 00:00 – Tue 5 Jan 2027, 00:00',
      '# Needs attention',
      expect.stringMatching(/^Acme API 2\.0\.1: Still in progress/),
      // The one attention list: a late release is history, listed last.
      'Acme Web 0.8.0: Finished 59 min after its window ended (Sat 31 Oct 2026, 23:00; tolerance 0 min).',
      '# Metric changes',
      // October: 0.7.0 (no window) and 0.8.0 (59 min late); September: 0.6.0.
      'Releases: 2 releases (Up 100% vs the month before)',
      'On schedule: 0% (No comparison: no data in the month before)',
      'Lead time: no data yet (No comparison: no data in this month)',
      'Change failure rate: 0% (No change vs the month before)',
      'Failed deployment recovery time: no data yet (No comparison: no data in this month)',
      'Deployment rework rate: 0% (No change vs the month before)',
    ]);
  });

  it('of an older period: what shipped and the metrics only (what lies ahead is now, not then)', () => {
    const older = digests.find((digest) => digest.period.id === '2026-W46')!;
    expect(older.latest).toBe(false);
    expect(outline(older.message).filter((line) => line.startsWith('#') || line.includes(' = '))).toEqual([
      'Shipped = 1 release',
      '# Shipped',
      '# Metric changes',
    ]);
  });
});

describe('the public digest', () => {
  const publicHub = viewForAudience(hub, 'public');
  const digests = buildDigests(publicHub, 'public', NOW, links);

  it('holds public releases, trains and public freezes only: no attention, no metrics', () => {
    const week = digests.find((digest) => digest.period.id === '2026-W47')!;
    expect(outline(week.message)).toEqual([
      'Shipped = 2 releases',
      'Next = 1 release',
      '# Shipped',
      'Sun 22 Nov 2026: Acme API 2.0.0 (rolled back)',
      'Mon 16 Nov 2026: Acme Web 1.0.0',
      '# Release trains',
      'November train: Mon 16 Nov 2026, 00:00 – Tue 24 Nov 2026, 00:00: 2 releases, 2 shipped',
      '# Next',
      'Scheduled: Acme Web 1.3.0, Mon 30 Nov 2026, 02:00–04:00',
      '# Freezes ahead',
      'Black Friday: Fri 27 Nov 2026, 00:00 – Mon 30 Nov 2026, 00:00',
    ]);
    const all = digests.map((digest) => announcementPlainText(digest.message)).join('\n');
    for (const internal of ['Hotfix', 'Year end', 'Holidays', '2.0.1', 'attention', 'Metric', 'Release freeze']) expect(all).not.toContain(internal);
  });
});

describe('digest formats', () => {
  const digests = buildDigests(hub, 'internal', NOW, links);

  it('as email: HTML that passes html-validate, with a text part', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const config = JSON.parse(readFileSync(path.join(root, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const htmlValidate = new HtmlValidate(new StaticConfigLoader(config));
    for (const digest of digests) {
      const report = await htmlValidate.validateString(announcementEmailHtml(digest.message));
      expect(report.results.flatMap((result) => result.messages.map((message) => `${digest.period.id}:${message.line} ${message.message}`))).toEqual([]);
      expect(announcementPlainText(digest.message)).toContain(digest.message.title);
    }
  });

  it('as a feed the project’s feed parser reads: one item per digest, newest period first', () => {
    const feed = parseFeed(toRss(digestFeed(hub, digests), hub.config.title));
    expect(feed.items).toHaveLength(24);
    expect(feed.items[0]!.url).toBe('https://releases.acme.example/digest/week/2026-W47/');
    expect(feed.items[0]!.content).toContain('Acme Web 1.0.0');
    expect(feed.items[1]!.url).toBe('https://releases.acme.example/digest/week/2026-W46/');
  });
});
