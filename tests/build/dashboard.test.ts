/**
 * The built dashboard of the example hub at the tests' "now" (Thu 26 Nov 2026, 10:00 in
 * Europe/Berlin), the 404 page, and the page frame every page shares (theme script, branding).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { HEAD_SCRIPT } from '../../src/presentation/csp.ts';
import { builtSite } from './helpers/scenario.ts';

const load = (dist: string, page: string) => cheerio.load(readFileSync(path.join(dist, page), 'utf8'));
const text = (value: string) => value.replace(/\s+/g, ' ').trim();

/** The built file a site path is served from (`/releases/` → `releases/index.html`). */
function servedFile(dist: string, href: string): string {
  const pathname = href.split('#')[0]!;
  return path.join(dist, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
}

describe('the internal dashboard', () => {
  const $ = () => load(builtSite('example-internal'), 'index.html');
  const rows = (panel: string) =>
    $()(`#${panel} li`)
      .map((_, element) => text($()(element).text()))
      .get();

  it('opens with the next release window: date and time in the hub zone, and what ships in it', () => {
    const hero = $()('[aria-labelledby="next-window-title"]');
    expect(text(hero.find('h2').text())).toBe('Next release window');
    expect(hero.find('time.date').attr('datetime')).toBe('2026-12-01T02:00:00+01:00');
    expect(text(hero.find('.when').text())).toBe('Tue 1 Dec 2026 02:00–04:00 Europe/Berlin');
    expect(text(hero.find('.booked').text())).toBe('Northwind API 2.6.1 Scheduled PostgreSQL 17 upgrade');
    // The viewer's own time is an enhancement: empty and hidden in the HTML.
    expect(hero.find('[data-viewer-time]').attr('hidden')).toBeDefined();
  });

  it('lists releases in flight, the next 30 days and the last five shipped', () => {
    expect(rows('in-flight')).toEqual(['Northwind Web 4.8.0 In progress Notification center Tue 24 Nov 2026, 02:00 – Thu 26 Nov 2026, 20:00']);
    expect(rows('upcoming').map((row) => row.split(' Scheduled')[0])).toEqual([
      'Northwind API 2.6.1',
      'Northwind Web 4.9.0',
      'Northwind API 2.7.0',
      'Northwind Web 4.9.1',
    ]);
    expect(rows('shipped')).toHaveLength(5);
    expect(rows('shipped')[0]).toBe('Northwind API 2.6.0 Released Webhook event filters and batching Tue 10 Nov 2026');
  });

  it('shows the freeze state, overdue runbooks and the coming launches', () => {
    expect(text($()('#freezes').text())).toContain('Year-end freeze 2026 Upcoming Fri 18 Dec 2026 – Tue 5 Jan 2027 · All products');
    expect(rows('stale-runbooks')).toEqual(['Release test plan Review overdue was due Mon 1 Dec 2025 · Dana Kowalski']);
    expect(rows('launches').map((row) => row.split(' Launch ')[1])).toEqual([
      'Fri 27 Nov 2026 · Zoë Müller',
      'Wed 9 Dec 2026 · Zoë Müller',
      'Wed 16 Dec 2026 · José Álvarez',
    ]);
  });

  it('shows six headline metrics with what each is computed over, a trend in words and a sparkline with a text alternative', () => {
    const tiles = $()('#health li.tile');
    expect(tiles.map((_, tile) => text($()(tile).find('.label').text())).get()).toEqual([
      'Releases',
      'On schedule',
      'Lead time',
      'Change failure rate',
      'Failed deployment recovery time',
      'Deployment rework rate',
    ]);
    // The last 90 days (28 Aug to 26 Nov 2026): api 2.4.0 (rolled back, INC-158), api 2.4.1 (fixes INC-158), web 4.5.0
    // (INC-161), api 2.5.0 (INC-163), web 4.7.0, api 2.6.0. Recovery: INC-158 2 h 25 min, INC-161 1 h 15 min, INC-163 52 min.
    const tile = (index: number) => [
      text($()(tiles[index]).find('.value').text()),
      text($()(tiles[index]).find('.provenance').text()),
      $()(tiles[index]).find('.provenance a').attr('href'),
    ];
    expect(tile(3)).toEqual(['50%', '3 of 6 releases rolled back or with an incident', '/metrics/change-failures/last-90-days/']);
    expect(tile(4)).toEqual(['1.25 hours', 'median of 3 resolved incidents', '/metrics/recovery-time/last-90-days/']);
    expect(tile(5)).toEqual(['16.7%', '1 of 6 releases made to fix an incident', '/metrics/rework/last-90-days/']);
    tiles.each((_, tile) => {
      expect(text($()(tile).find('.trend').text())).toMatch(/vs previous 90 days|No comparison/);
      const sparkline = $()(tile).find('svg.sparkline');
      expect(sparkline.attr('role')).toBe('img');
      expect(sparkline.attr('aria-label')).toMatch(/^[\w ]+\. Monthly, December 2025 to November 2026: lowest .+, highest .+, latest .+\.$/);
      expect(sparkline.find('path').length).toBeGreaterThan(0);
    });
  });

  it('links every panel to its full page, and every link there exists', () => {
    const panelLinks = $()('.panel-link, .hero-link')
      .map((_, link) => $()(link).attr('href'))
      .get();
    expect(panelLinks).toEqual([
      '/calendar/',
      '/releases/status/in-progress/',
      '/calendar/',
      '/releases/', // Needs attention
      '/api/environments.json', // What runs where
      '/calendar/',
      '/releases/',
      '/metrics/',
      '/gtm/', // Launches coming up
      '/runbooks/',
      '/releases/', // Open review actions
    ]);
    for (const href of new Set(panelLinks)) expect(existsSync(servedFile(builtSite('example-internal'), href)), href).toBe(true);
  });
});

describe('the public dashboard', () => {
  const $ = () => load(builtSite('example-public'), 'index.html');

  it('has only the public panels: no freezes, metrics, runbooks or launches, not even empty', () => {
    const panels = $()('main section')
      .map((_, section) => $()(section).attr('aria-labelledby'))
      .get();
    expect(panels).toEqual(['next-window-title', 'in-flight-title', 'upcoming-title', 'shipped-title']);
    const html = $()('main').html()!;
    for (const internal of ['/metrics/', '/runbooks/', '/people/', 'Freeze', 'Launch', 'Review overdue', 'sparkline']) expect(html).not.toContain(internal);
  });

  it('lists public releases only, and sends readers of "recently shipped" to the changelog', () => {
    const upcoming = $()('#upcoming li')
      .map((_, element) => text($()(element).find('a').first().text()))
      .get();
    expect(upcoming).toEqual(['Northwind Web 4.9.0', 'Northwind API 2.7.0']); // 2.6.1 and 4.9.1 are internal
    expect(text($()('[aria-labelledby="next-window-title"] .booked').text())).toBe('Northwind Web 4.9.0 Scheduled Boards on phones and tablets');
    expect($()('#shipped .panel-link').attr('href')).toBe('/changelog/');
  });
});

describe.each(['internal', 'public'] as const)('the %s build', (audience) => {
  const dist = () => builtSite(audience === 'internal' ? 'example-internal' : 'example-public');

  it('has a 404 page with a search form, the header search and the sections of this build', () => {
    const $ = load(dist(), '404.html');
    expect(text($('h1').text())).toBe('Page not found');
    expect($('h1')).toHaveLength(1);
    const forms = $('form[role="search"]');
    expect(forms).toHaveLength(2);
    forms.each((_, form) => {
      expect($(form).attr('action')).toBe('/search/');
      expect($(form).attr('method')).toBe('get');
      expect($(form).find('input[name="q"]')).toHaveLength(1);
    });
    const sections = $('[aria-labelledby="not-found-sections"] a')
      .map((_, link) => $(link).attr('href'))
      .get();
    expect(sections).toContain('/changelog/');
    expect(sections.includes('/metrics/')).toBe(audience === 'internal');
  });

  it('applies the saved theme before first paint with the same constant script on every page', () => {
    const pages = readdirSync(dist(), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    const themeScripts = new Set(
      pages.map((page) => {
        const $ = load(dist(), page);
        const first = $('head script').first();
        // A classic script in <head> (not a module): it runs before the body is parsed and painted.
        expect(first.attr('type'), page).toBeUndefined();
        expect(first.attr('src'), page).toBeUndefined();
        return first.text();
      }),
    );
    expect([...themeScripts]).toEqual([HEAD_SCRIPT]);
  });

  it('brands every page from hub.yaml: title, logo, accent and footer links', () => {
    const $ = load(dist(), 'index.html');
    expect(text($('.brand').text())).toBe('Northwind Release Hub');
    expect($('.brand img').attr('src')).toBe('/logo.svg');
    expect(existsSync(path.join(dist(), 'logo.svg'))).toBe(true);
    expect($('link[rel="icon"]').attr('href')).toBe('/logo.svg');
    expect($('head style').text()).toContain(':root{--accent:#1f6feb;--on-accent:#ffffff}');
    const footer = $('footer a')
      .map((_, link) => text($(link).text()))
      .get();
    expect(footer).toEqual([
      'Changelog (RSS)',
      'Changelog (Atom)',
      'Changelog (JSON Feed)',
      'Release calendar (iCal)',
      'Weekly and monthly digests',
      "What's new widget for your app",
      'Status page',
      'API reference',
      'Support',
      'Security',
    ]);
    for (const href of $('footer a')
      .map((_, link) => $(link).attr('href'))
      .get()
      .filter((href) => href.startsWith('/'))) {
      expect(existsSync(path.join(dist(), href)), href).toBe(true);
    }
  });
});
