/**
 * Release trains (issue 21): a train's page data (members in file order, how many shipped, one
 * combined change list grouped by type with breaking changes first) and its public view (public
 * trains, public members only). Loading errors are in content-errors.test.ts (`train-bad`).
 */
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs } from '../../src/calendar/ics.ts';
import { loadContentRoot } from '../../src/content/load.ts';
import { viewForAudience } from '../../src/core/audience.ts';
import type { Change, Train } from '../../src/core/model.ts';
import { toRss } from '../../src/releases/feeds.ts';
import { sortTrains, trainDetail, trainsFeed, trainsOf } from '../../src/trains/trains.ts';
import { at, makeHub, makeRelease, windowOf } from './helpers/hub-factory.ts';

const change = (type: Change['type'], summary: string, audience: Change['audience'] = 'public', breaking = false): Change => ({
  type,
  summary,
  audience,
  breaking,
});
const train = (overrides: Partial<Train> = {}): Train => ({
  id: 'december',
  title: 'December launch',
  audience: 'public',
  timezone: 'Europe/Berlin',
  window: windowOf('2026-12-07T00:00', '2026-12-16T00:00'),
  members: ['web/2.0.0', 'api/3.0.0', 'api/3.0.1'],
  source: { file: 'trains/december.yaml' },
  ...overrides,
});
const hub = makeHub({
  releases: [
    makeRelease({
      version: '2.0.0',
      audience: 'public',
      status: 'released',
      deployment: { finishedAt: at('2026-12-08T02:40') },
      changes: [change('fixed', 'Boards scroll'), change('added', 'Boards on phones'), change('added', 'New board API', 'public', true)],
    }),
    makeRelease({ product: 'api', version: '3.0.0', audience: 'public', changes: [change('added', 'Quotas'), change('changed', 'Queue moves', 'internal')] }),
    makeRelease({ product: 'api', version: '3.0.1', changes: [change('fixed', 'Quota off by one', 'internal')] }),
  ],
  trains: [
    train(),
    train({ id: 'ops', title: 'Ops week', audience: 'internal', window: windowOf('2026-12-01T00:00', '2026-12-05T00:00'), members: ['api/3.0.1'] }),
  ],
});

describe('release trains', () => {
  it('lists the members in file order, counts those shipped, and combines their changes by type', () => {
    const detail = trainDetail(hub, hub.trains[0]!);
    expect(detail.members.map(({ release, productName }) => `${productName} ${release.version}`)).toEqual([
      'Acme Web 2.0.0',
      'Acme API 3.0.0',
      'Acme API 3.0.1',
    ]);
    expect(detail.shipped).toBe(1);
    expect(
      detail.groups.map((group) => [
        group.label,
        ...group.changes.map(({ release, change }) => `${change.breaking ? '! ' : ''}${change.summary} (${release.id})`),
      ]),
    ).toEqual([
      ['Added', '! New board API (web/2.0.0)', 'Boards on phones (web/2.0.0)', 'Quotas (api/3.0.0)'],
      ['Changed', 'Queue moves (api/3.0.0)'],
      ['Fixed', 'Boards scroll (web/2.0.0)', 'Quota off by one (api/3.0.1)'],
    ]);
  });

  it('in the public view: public trains only, with their public members and public changes', () => {
    const publicHub = viewForAudience(hub, 'public');
    expect(publicHub.trains.map((candidate) => [candidate.id, candidate.members])).toEqual([['december', ['web/2.0.0', 'api/3.0.0']]]);
    const detail = trainDetail(publicHub, publicHub.trains[0]!);
    expect(detail.groups.map((group) => [group.label, group.changes.length])).toEqual([
      ['Added', 3],
      ['Fixed', 1],
    ]);
    // A public train whose members are all internal is not shown at all.
    expect(viewForAudience({ ...hub, trains: [train({ members: ['api/3.0.1'] })] }, 'public').trains).toEqual([]);
  });

  it('sorts trains by window, and finds the trains of a release', () => {
    expect(sortTrains(hub.trains).map((candidate) => candidate.id)).toEqual(['ops', 'december']);
    expect(trainsOf(hub, { id: 'api/3.0.1' }).map((candidate) => candidate.id)).toEqual(['december', 'ops']);
    expect(trainsOf(hub, { id: 'web/9.9.9' })).toEqual([]);
  });

  it('the example hub has two trains, loaded with their windows in the hub zone', async () => {
    const { hub: example } = await loadContentRoot(path.resolve(import.meta.dirname, '../../content'));
    expect(example!.trains.map((candidate) => ({ id: candidate.id, members: candidate.members, start: candidate.window.start.toString() }))).toEqual([
      { id: 'december-launch', members: ['web/4.9.0', 'api/2.7.0'], start: '2026-12-07T00:00:00+01:00[Europe/Berlin]' },
      { id: 'platform-maintenance', members: ['api/2.6.1'], start: '2026-11-30T00:00:00+01:00[Europe/Berlin]' },
    ]);
  });

  it('each train is a feed item with its combined entry, newest window first, that the project’s feed parser reads', () => {
    const feed = parseFeed(toRss(trainsFeed(hub), hub.config.title));
    expect(feed.items.map((item) => [item.title, item.url])).toEqual([
      ['Release train: December launch', 'https://releases.acme.example/trains/december/'],
      ['Release train: Ops week', 'https://releases.acme.example/trains/ops/'],
    ]);
    const content = feed.items[0]!.content ?? '';
    for (const text of ['Acme Web 2.0.0', 'Released', 'Quotas', 'Breaking:', '1 of 3 shipped']) expect(content).toContain(text);
    // The public feed: public trains, public members and changes only.
    const publicFeed = trainsFeed(viewForAudience(hub, 'public'));
    expect(publicFeed.items.map((item) => item.title)).toEqual(['Release train: December launch']);
    expect(publicFeed.items[0]!.contentHtml).not.toContain('Queue moves');
  });

  it('each train is one calendar event over its window, in every product calendar it has a member of', () => {
    const options = { now: at('2026-11-26T10:00').toInstant(), siteUrl: hub.config.url, calendarName: 'Releases' };
    const events = (product?: string) =>
      new ICAL.Component(ICAL.parse(buildIcs(hub, { ...options, product })))
        .getAllSubcomponents('vevent')
        .map((event) => new ICAL.Event(event))
        .filter((event) => event.uid.startsWith('train-'));
    const [, december] = events();
    expect([december!.uid, december!.summary, december!.startDate.toString(), december!.endDate.toString()]).toEqual([
      'train-december@releases.acme.example',
      'Release train: December launch',
      '2026-12-07T00:00:00',
      '2026-12-16T00:00:00',
    ]);
    expect(december!.description).toContain('- Acme API 3.0.0: Scheduled');
    expect(december!.description).toContain('- Added: New board API (breaking) (Acme Web 2.0.0)');
    expect(events().map((event) => event.uid)).toEqual(['train-ops@releases.acme.example', 'train-december@releases.acme.example']);
    expect(events('web').map((event) => event.uid)).toEqual(['train-december@releases.acme.example']);
  });
});
