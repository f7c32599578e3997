/**
 * The release process in real builds of the example hub (SPEC §5), at the tests' "now" (Thu 26 Nov
 * 2026, 10:00 in Berlin): /api/environments.json, the promotion path and go/no-go panel of a release,
 * the checks on a test-plan runbook's page, open review actions on a person's page — and none of
 * it in the public build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { EnvironmentsDocument } from '../../src/process/environments.ts';
import { builtSite } from './helpers/scenario.ts';

const text = (value: string) => value.replace(/\s+/g, ' ').trim();
/** A table row's cells, or a list's items, as text joined by " | ". */
const cellsOf = ($: cheerio.CheerioAPI, rows: ReturnType<cheerio.CheerioAPI>, cell: string) =>
  rows
    .map((_, row) =>
      $(row)
        .find(cell)
        .map((__, element) => text($(element).text()))
        .get()
        .join(' | '),
    )
    .get();
const page = (scenario: 'example-internal' | 'example-public', file: string) => cheerio.load(readFileSync(path.join(builtSite(scenario), file), 'utf8'));

describe('/api/environments.json', () => {
  it('says what runs where now, per product and environment', () => {
    const document = JSON.parse(readFileSync(path.join(builtSite('example-internal'), 'api/environments.json'), 'utf8')) as EnvironmentsDocument;
    expect(document.generatedAt).toBe('2026-11-26T09:00:00Z');
    expect(document.environments).toEqual([
      { id: 'staging', name: 'Staging', release: false },
      { id: 'production', name: 'Production', release: true },
    ]);
    // Web 4.8.0 reached staging on 23 Nov; its production deployment has not finished, so 4.7.0 still runs there.
    expect(document.products.map(({ id, environments }) => [id, environments.map((cell) => `${cell.environment}: ${cell.version ?? '—'}`)])).toEqual([
      ['web', ['staging: 4.8.0', 'production: 4.7.0']],
      ['api', ['staging: 2.6.0', 'production: 2.6.0']],
    ]);
    expect(document.products[0]!.environments[1]).toEqual({
      environment: 'production',
      release: 'web/4.7.0',
      version: '4.7.0',
      url: 'https://releases.northwind.example/releases/web/4.7.0/',
      finishedAt: '2026-11-03T02:39:00+01:00',
    });
  });

  it('is not in the public build', () => {
    expect(existsSync(path.join(builtSite('example-public'), 'api/environments.json'))).toBe(false);
  });
});

describe('a release page of the internal build', () => {
  const $ = () => page('example-internal', 'releases/api/2.6.0/index.html');

  it('shows the promotion path with times, in hub.yaml order', () => {
    expect(cellsOf($(), $()('.promotion > li'), 'strong, li')).toEqual([
      'Staging | Succeeded started Mon 9 Nov 2026, 15:00, finished Mon 9 Nov 2026, 15:22 · by Kai Nakamura',
      'Production | Succeeded started Tue 10 Nov 2026, 02:03, finished Tue 10 Nov 2026, 02:37 · by Kai NakamuraBatching switched on per tenant after the deployment',
    ]);
  });

  it('shows the go/no-go panel: the verdict, who approved and each check', () => {
    const panel = $()('[aria-labelledby="go-no-go"]');
    expect(text(panel.find('p').first().text())).toBe('Go Every gate of the policy is met.');
    expect(cellsOf($(), panel.find('table').first().find('tbody tr'), 'th, td')).toEqual([
      'Alice Okafor | Release Manager | Approved | Mon 9 Nov 2026, 16:30 | —',
    ]);
    expect(cellsOf($(), panel.find('table').last().find('tbody tr'), 'th, td')).toEqual([
      'Unit suite | Unit | Passed | Mon 9 Nov 2026, 14:20 | —',
      'Webhook delivery end to end | End to end | Passed | Mon 9 Nov 2026, 15:40 | Release test plan',
      'Batching under 5× peak load | Load | Passed | Mon 9 Nov 2026, 16:10 | —',
    ]);
  });

  it('shows the post-release review with its actions', () => {
    const $page = page('example-internal', 'releases/web/4.0.0/index.html');
    expect(
      $page('[aria-labelledby="review"] .actions li')
        .map((_, item) => text($page(item).text()))
        .get(),
    ).toEqual([
      'Done Rehearse major migrations on a production-size copy · Kai Nakamura · due Thu 30 Apr 2026',
      'Overdue Book four-hour windows for major releases · Alice Okafor · due Fri 20 Nov 2026',
    ]);
  });
});

describe('runbook and person pages', () => {
  it('list, on a test-plan runbook, the checks that followed it, newest release first', () => {
    const $ = page('example-internal', 'runbooks/release-test-plan/index.html');
    expect(
      $('.checks li')
        .map((_, item) => text($(item).text()))
        .get(),
    ).toEqual([
      'Northwind Web 4.8.0: Notification center end to end Passed',
      'Northwind API 2.6.0: Webhook delivery end to end Passed',
      'Northwind Web 4.7.0: Report templates end to end Passed',
    ]);
  });

  it("list a person's open review actions", () => {
    const $ = page('example-internal', 'people/alice/index.html');
    expect(text($('[aria-labelledby="actions-heading"] li').text())).toBe(
      'Book four-hour windows for major releases · Northwind Web 4.0.0 · due Fri 20 Nov 2026 Overdue',
    );
  });
});

describe('the public build', () => {
  it('has no promotion path, go/no-go panel or review on a public release page', () => {
    const html = readFileSync(path.join(builtSite('example-public'), 'releases/api/2.6.0/index.html'), 'utf8');
    for (const internal of ['Promotion path', 'Go / no-go', 'Post-release review', 'Kai Nakamura']) expect(html).not.toContain(internal);
    expect(html).toContain('Released');
  });
});
