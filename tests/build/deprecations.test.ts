/** The built deprecation timelines of the example hub: what goes and when, the removal's link back, in both builds. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { builtSite } from './helpers/scenario.ts';

describe.each(['example-internal', 'example-public'] as const)('deprecations of %s', (name) => {
  const page = (pathname: string) => load(readFileSync(path.join(builtSite(name), pathname, 'index.html'), 'utf8'));

  it('lists what goes, soonest first, with the release that removed it', () => {
    const $ = page('changelog/api/sunsets');
    const items = $('ul.timeline > li')
      .map((_, item) => $(item).attr('id'))
      .get();
    // HMAC-SHA1 goes on 2027-01-31 (dated first); the two v1 features were removed in 2.0.0.
    expect(items).toEqual(['deprecated-2-2-0-2', 'deprecated-1-15-0-1', 'deprecated-1-18-0-2']);
    expect($('#deprecated-2-2-0-2').text()).toContain('Goes on Sun 31 Jan 2027.');
    expect($('#deprecated-1-18-0-2 a[href="/releases/api/2.0.0/"]').text()).toBe('2.0.0');
    expect($('#deprecated-1-18-0-2 .badge').text()).toBe('Removed');
  });

  it('links the removing release back to each deprecation it ends', () => {
    const $ = page('releases/web/4.7.0');
    expect($('.removes a[href="/changelog/web/sunsets/#deprecated-4-4-0-3"]').length).toBe(1);
    expect($('.removes a[href="/releases/web/4.4.0/"]').text()).toBe('4.4.0');
  });
});
