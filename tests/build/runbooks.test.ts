/**
 * The built runbook pages: the list, one page per runbook with its review state, procedure, table
 * of contents and backlinks, the MDX rendering (heading anchors and GitHub alerts, in runbooks and
 * in release notes), and a fixture hub whose runbooks sit on both sides of the review boundary.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from './helpers/scenario.ts';

function page(dist: string, urlPath: string): CheerioAPI {
  return load(readFileSync(path.join(dist, urlPath, 'index.html'), 'utf8'));
}

const EXAMPLE_RUNBOOKS = ['db-migration-validation', 'deploy-api', 'deploy-web', 'incident-response', 'release-test-plan', 'rollback-api', 'rollback-web'];

describe('runbooks of the example hub (internal build)', () => {
  const dist = () => builtSite('example-internal');

  it('lists every runbook with its owner and review state', () => {
    const $ = page(dist(), 'runbooks');
    expect($('h1').text()).toBe('Runbooks');
    const links = $('tbody th a')
      .map((_, link) => $(link).attr('href'))
      .get()
      .sort();
    expect(links).toEqual(EXAMPLE_RUNBOOKS.map((id) => `/runbooks/${id}/`));
    const overdueRows = $('tbody tr').filter((_, row) => $(row).find('.badge:contains("Review overdue")').length > 0);
    expect(overdueRows.map((_, row) => $(row).find('th a').attr('href')).get()).toEqual(['/runbooks/release-test-plan/']);
    expect($('tbody tr:has(a[href="/runbooks/release-test-plan/"]) a[href="/people/dana/"]').text()).toBe('Dana Kowalski');
  });

  it('shows "Review overdue" on release-test-plan only, relative to the build\'s now', () => {
    for (const id of EXAMPLE_RUNBOOKS) {
      const $ = page(dist(), `runbooks/${id}`);
      const overdue = id === 'release-test-plan';
      expect($('.badge:contains("Review overdue")').length > 0, id).toBe(overdue);
      expect($('.overdue-notice').length, id).toBe(overdue ? 1 : 0);
    }
    const $ = page(dist(), 'runbooks/release-test-plan');
    // Reviewed 2025-09-02, every 90 days: due 2025-12-01.
    expect($('.overdue-notice').text()).toContain('due for review by Mon 1 Dec 2025');
    expect($('.overdue-notice time').attr('datetime')).toBe('2025-12-01');
  });

  it('shows kind, owner (linked), products and last review', () => {
    const $ = page(dist(), 'runbooks/rollback-api');
    expect($('h1').text()).toBe('Roll back Northwind API');
    expect($('.runbook-kind').text()).toBe('Rollback runbook');
    const facts = Object.fromEntries(
      $('.facts > div')
        .map((_, fact) => [[$(fact).find('dt').text(), $(fact).find('dd').text().replace(/\s+/g, ' ').trim()]])
        .get(),
    );
    expect(facts).toMatchObject({ Owner: 'Kai Nakamura (SRE)', Products: 'Northwind API', 'Last review': 'Tue 22 Sep 2026 (every 180 days)' });
    expect($('.facts a[href="/people/kai/"]').length).toBe(1);
    expect(facts.Review).toBe('next review by Sun 21 Mar 2027');
  });

  it("shows the owner's email and chat on the runbook page itself, for whoever is on call", () => {
    const $ = page(dist(), 'runbooks/rollback-api');
    const contact = $('.facts > div').filter((_, fact) => $(fact).find('dt').text() === 'Contact');
    expect(contact.find('a').attr('href')).toBe('mailto:kai.nakamura@northwind.example');
    expect(contact.text().replace(/\s+/g, ' ')).toContain('Chat: @kai');
  });

  it('renders the procedure with numbered steps and a table of contents of its sections', () => {
    const $ = page(dist(), 'runbooks/rollback-api');
    const sections = $('.procedure h2, .procedure h3');
    expect(sections.length).toBeGreaterThanOrEqual(3);
    const tocTargets = $('nav.toc a')
      .map((_, link) => $(link).attr('href'))
      .get();
    expect(tocTargets).toEqual(sections.map((_, heading) => `#${$(heading).attr('id')}`).get());
    expect($('nav.toc a').first().text()).toBe(sections.first().text());
    expect($('.procedure ol > li').length).toBeGreaterThanOrEqual(3);
  });

  /** Release link → "Used as" cell of each row of a release table. */
  const usedByRows = ($: CheerioAPI, scope: string) =>
    $(`${scope} tbody tr`)
      .map((_, row) => [[$(row).find('th a').attr('href')!, $(row).find('td').last().text()]])
      .get() as [string, string][];
  /** Every row of a runbook's sub-list, following the pager from page 1. */
  const subListRows = (id: string) => {
    const rows: [string, string][] = [];
    for (let href: string | undefined = `/runbooks/${id}/releases/`; href; ) {
      const $ = page(dist(), href);
      expect($('[data-pagefind-body]').length, href).toBe(0);
      rows.push(...usedByRows($, 'main'));
      href = $('nav.pagination a[rel="next"]').attr('href');
    }
    return rows;
  };

  it('lists the releases that use the runbook, as a listed runbook and as the rollback runbook', () => {
    const rows = new Map(subListRows('rollback-web'));
    expect(rows.get('/releases/web/4.3.0/')).toBe('Release procedure, Rollback procedure');
    expect(rows.get('/releases/web/3.11.0/')).toContain('Rollback procedure');
    expect([...rows.keys()].every((href) => href.startsWith('/releases/web/'))).toBe(true);
    for (const href of rows.keys()) expect(existsSync(path.join(dist(), href, 'index.html')), href).toBe(true);
  });

  it("shows the newest 20 of a busy runbook's releases and links to the paginated list of all of them", () => {
    const all = subListRows('deploy-web');
    expect(all.length).toBeGreaterThan(20);
    const $ = page(dist(), 'runbooks/deploy-web');
    expect(usedByRows($, '.used-by')).toEqual(all.slice(0, 20));
    expect($('.used-by a[href="/runbooks/deploy-web/releases/"]').text()).toBe(`All ${all.length} releases using this runbook →`);
    const times = $('.used-by tbody time')
      .map((_, time) => Date.parse($(time).attr('datetime')!))
      .get();
    expect(times).toEqual([...times].sort((a, b) => b - a)); // newest first
    const sub = page(dist(), 'runbooks/deploy-web/releases');
    expect(sub('h1').text()).toBe('Releases using Deploy Northwind Web');
    expect(
      sub('nav[aria-label="Breadcrumb"] a')
        .map((_, link) => sub(link).attr('href'))
        .get(),
    ).toEqual(['/runbooks/', '/runbooks/deploy-web/']);
  });

  it('lists every release of a runbook used by 20 or fewer on its page, with no sub-list', () => {
    const $ = page(dist(), 'runbooks/db-migration-validation');
    const rows = usedByRows($, '.used-by');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(20);
    expect($('.used-by a[href$="/releases/"]').length).toBe(0);
    expect(existsSync(path.join(dist(), 'runbooks/db-migration-validation/releases'))).toBe(false);
  });

  it('marks the page for search: only the runbook is indexed, with its filters', () => {
    const $ = page(dist(), 'runbooks/db-migration-validation');
    expect($('[data-pagefind-body]').length).toBe(1);
    expect($('[data-pagefind-body] h1').text()).toBe('Database migration validation');
    expect($('[data-pagefind-filter="type"]').text()).toBe('runbook');
    expect(
      $('[data-pagefind-filter="product"]')
        .map((_, filter) => $(filter).text())
        .get(),
    ).toEqual(['web', 'api']);
    expect($('[data-pagefind-sort="date"]').text()).toBe('2026-08-18');
    expect($('nav.toc').is('[data-pagefind-ignore]')).toBe(true);
  });
});

describe('MDX bodies', () => {
  const dist = () => builtSite('example-internal');

  it('give every heading of a runbook a named anchor right after it', () => {
    const $ = page(dist(), 'runbooks/deploy-web');
    const headings = $('.procedure :is(h2, h3, h4)');
    expect(headings.length).toBeGreaterThanOrEqual(3);
    headings.each((_, element) => {
      const heading = $(element);
      const anchor = heading.next('a.heading-anchor');
      expect(anchor.attr('href')).toBe(`#${heading.attr('id')}`);
      expect(anchor.find('.visually-hidden').text()).toBe(`Link to section: ${heading.text()}`);
      expect(heading.find('a').length).toBe(0);
    });
  });

  it('render GitHub alerts as titled callouts in runbooks', () => {
    const $ = page(dist(), 'runbooks/rollback-web');
    const callout = $('.procedure .callout[data-callout="warning"]');
    expect(callout.attr('role')).toBe('note');
    expect(callout.find('.callout-title').text()).toBe('Warning');
    expect(callout.text()).toContain('The Release Manager decides on a rollback');
    expect($('.procedure').text()).not.toContain('[!WARNING]');
  });

  it('render alerts and heading anchors in release notes too', () => {
    const $ = page(dist(), 'releases/web/4.0.0');
    expect($('.callout[data-callout="warning"] .callout-title').text()).toBe('Warning');
    expect($('body').text()).not.toContain('[!WARNING]');
    const bodyHeading = $('.heading-wrapper > h2').first();
    expect(bodyHeading.next('a.heading-anchor').attr('href')).toBe(`#${bodyHeading.attr('id')}`);
  });
});

describe('runbooks in the public build', () => {
  it('are not generated at all', () => {
    expect(existsSync(path.join(builtSite('example-public'), 'runbooks'))).toBe(false);
  });
});

describe('review state at the boundary (fixture hub)', () => {
  let dist: string;
  beforeAll(() => {
    dist = builtSite('overlays');
  });

  // The build's now is 2026-11-26T09:00Z, 10:00 in Europe/Berlin (the fixture hub's zone).
  it.each([
    ['deploy-web', false, 'reviewed 2026-11-01, every 90 days'],
    ['due-today', false, 'due 2026-11-26, the build day'],
    ['due-yesterday', true, 'due 2026-11-25'],
    ['never-reviewed', true, 'a cycle but no review'],
    ['no-cycle', false, 'no review cycle'],
  ])('%s: overdue %s (%s)', (id, overdue) => {
    const $ = page(dist, `runbooks/${id}`);
    expect($('.badge:contains("Review overdue")').length > 0).toBe(overdue);
    expect($('.runbook-review').attr('data-review')).toBe(overdue ? 'overdue' : 'ok');
  });
});
