/** The built `/roadmap/` of the example hub: Now / Next / Later per product, the same public roadmap in both builds, and its feed. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { builtSite } from './helpers/scenario.ts';

describe.each(['example-internal', 'example-public'] as const)('the roadmap of %s', (name) => {
  const $ = () => load(readFileSync(path.join(builtSite(name), 'roadmap/index.html'), 'utf8'));
  const lane = (product: string, key: string) =>
    $()(`#roadmap-${product}-${key}`)
      .parent()
      .find('a.release')
      .map((_, link) => $()(link).attr('href'))
      .get();

  it('has public releases in progress, scheduled and planned, soonest first; internal ones never', () => {
    expect(lane('web', 'now')).toEqual(['/releases/web/4.8.0/']);
    expect(lane('web', 'next')).toEqual(['/releases/web/4.9.0/']);
    expect(lane('web', 'later')).toEqual(['/releases/web/4.10.0/', '/releases/web/4.11.0/']);
    expect(lane('api', 'next')).toEqual(['/releases/api/2.7.0/']);
    expect(lane('api', 'later')).toEqual(['/releases/api/2.8.0/', '/releases/api/2.9.0/']);
    // Scheduled internal releases (web 4.9.1, api 2.6.1) are on no lane, in either build.
    expect($()('main').text()).not.toMatch(/4\.9\.1|2\.6\.1/);
  });

  it('shows the newest shipped releases (released only: the rolled-back 4.3.0 never) and a feed of the lanes', () => {
    expect(lane('web', 'shipped')).toEqual(['/releases/web/4.7.0/', '/releases/web/4.5.0/', '/releases/web/4.4.0/']);
    const feed = JSON.parse(readFileSync(path.join(builtSite(name), 'roadmap/feed.json'), 'utf8'));
    expect(feed.items.map((item: { id: string }) => item.id.replace('https://releases.northwind.example/releases/', ''))).toEqual([
      'web/4.8.0/#roadmap-now',
      'web/4.9.0/#roadmap-next',
      'web/4.10.0/#roadmap-later',
      'web/4.11.0/#roadmap-later',
      'api/2.7.0/#roadmap-next',
      'api/2.8.0/#roadmap-later',
      'api/2.9.0/#roadmap-later',
    ]);
  });
});
