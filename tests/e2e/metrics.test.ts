/**
 * `/metrics/` in Chromium: every chart draws, the tables under the charts hold the numbers of
 * `/api/metrics.json` (written by the page's own formatter), charts follow dark mode, the page is
 * complete without JavaScript, metrics without data say so without a canvas, and pages other than
 * `/metrics/` never fetch the chart bundle.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMonth } from '../../src/presentation/format.ts';
import { CHARTED_METRICS, type ChartedMetric } from '../../src/metrics/charts.ts';
import type { MetricsDocument } from '../../src/metrics/metrics.ts';
import { formatMetricCell, formatMetricValue } from '../../src/presentation/number-format.ts';
import { launchChromium, serveDist } from './helpers/browser.ts';
import { builtSite } from '../build/helpers/scenario.ts';

interface Site {
  url: string;
  close: () => Promise<void>;
}

let browser: Browser;
let example: Site;

beforeAll(async () => {
  browser = await launchChromium();
  example = await serveDist(builtSite('example-internal'));
});

afterAll(async () => {
  await browser?.close();
  await example?.close();
});

/** Opens a page and waits until every chart figure the script shows is visible. */
async function openMetrics(site: Site, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}/metrics/`);
  if (options.javaScriptEnabled !== false) {
    await page.waitForFunction(() => [...document.querySelectorAll('canvas[data-chart]')].every((canvas) => !canvas.closest('figure')?.hidden));
  }
  return { page, errors };
}

/** How many pixels of each canvas are not transparent, by canvas id. */
function paintedPixels(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')].map((canvas) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let index = 3; index < data.length; index += 4) if (data[index]! > 0) painted += 1;
        return [canvas.id, painted];
      }),
    ),
  );
}

/** The darkest fully opaque pixel of a canvas: the smallest max(r, g, b) over its pixels. */
function darkestOpaque(page: Page, canvasId: string): Promise<number> {
  return page.evaluate((id) => {
    const canvas = document.getElementById(id) as HTMLCanvasElement;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let min = 255;
    for (let index = 0; index < data.length; index += 4) {
      if (data[index + 3] === 255) min = Math.min(min, Math.max(data[index]!, data[index + 1]!, data[index + 2]!));
    }
    return min;
  }, canvasId);
}

/** The largest channel of the page's --fg colour (as a canvas reads it back), on the scale of `darkestOpaque`. */
function foregroundLevel(page: Page): Promise<number> {
  return page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d')!;
    context.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--fg').trim();
    const hex = String(context.fillStyle).replace('#', '');
    return Math.max(...[0, 2, 4].map((start) => parseInt(hex.slice(start, start + 2), 16)));
  });
}

/** The text of a table: caption, header row and body rows. */
function readTable(page: Page, id: string): Promise<{ caption: string; head: string[]; rows: string[][] }> {
  return page.evaluate((tableId) => {
    const table = document.getElementById(tableId) as HTMLTableElement;
    const text = (cells: Iterable<Element>) => [...cells].map((cell) => cell.textContent?.trim() ?? '');
    return {
      caption: table.caption?.textContent?.trim() ?? '',
      head: text(table.tHead!.rows[0]!.cells),
      rows: [...table.tBodies[0]!.rows].map((row) => text(row.cells)),
    };
  }, id);
}

describe('the example hub in Chromium', () => {
  const json = () => JSON.parse(readFileSync(path.join(builtSite('example-internal'), 'api/metrics.json'), 'utf8')) as MetricsDocument;

  it('draws every chart: each canvas has painted pixels, a role and a summary', async () => {
    const { page, errors } = await openMetrics(example);
    const painted = await paintedPixels(page);
    // Eight metrics over time and the support-tickets series.
    expect(Object.keys(painted)).toEqual([...CHARTED_METRICS.map((field) => `metric-${field}-chart`), 'custom-support-tickets-chart']);
    for (const [id, pixels] of Object.entries(painted)) expect(pixels, id).toBeGreaterThan(5_000);
    const labels = await page.$$eval('canvas[data-chart]', (canvases) =>
      canvases.map((canvas) => [canvas.getAttribute('role'), canvas.getAttribute('aria-label') ?? '']),
    );
    for (const [role, label] of labels) {
      expect(role).toBe('img');
      expect(label).toMatch(/chart: .+ The table below lists every value\.$/);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('holds the JSON numbers in the tables, formatted as the page formats them', async () => {
    const document = json();
    const { page } = await openMetrics(example);
    const products = [
      { name: 'Northwind Web', months: document.byProduct.web!.byMonth },
      { name: 'Northwind API', months: document.byProduct.api!.byMonth },
      { name: 'All products', months: document.byMonth },
    ];
    const checked: ChartedMetric[] = ['releaseCount', 'onScheduleRate', 'leadTimeDaysMedian', 'satisfactionScore', 'timeToRestoreHoursMedian'];
    for (const field of checked) {
      const table = await readTable(page, `metric-${field}-table`);
      expect(table.head, field).toEqual(['Month', ...products.map((product) => product.name)]);
      const expected = document.byMonth.map((month, row) => [
        formatMonth(month.month),
        ...products.map((product) => formatMetricCell(product.months[row]![field], document.definitions[field].format)),
      ]);
      expect(table.rows, field).toEqual(expected);
    }
    // Spot checks in plain numbers, so a formatter bug cannot hide on both sides.
    const onSchedule = await readTable(page, 'metric-onScheduleRate-table');
    const may2025 = document.byMonth.findIndex((month) => month.month === '2025-05');
    expect(document.byMonth[may2025]!.onScheduleRate).toBeCloseTo(1 / 3, 12);
    expect(onSchedule.rows[may2025]![3]).toBe('33.3');

    const [tickets] = document.custom;
    const custom = await readTable(page, 'custom-support-tickets-table');
    expect(custom.head).toEqual(['Month', 'tickets', 'escalations', 'Target']);
    expect(custom.rows).toEqual(
      tickets!.rows.map((row) => [
        formatMonth(row.date.slice(0, 7)),
        formatMetricCell(row.values.tickets ?? null, 'decimal'),
        formatMetricCell(row.values.escalations ?? null, 'decimal'),
        '120',
      ]),
    );

    const allTime = await page.$$eval('.headlines .all-time', (items) => items.map((item) => item.textContent?.trim()));
    expect(allTime).toContain(`All time: ${formatMetricValue(document.overall.onScheduleRate, document.definitions.onScheduleRate)}`);
    await page.context().close();
  });

  it('gives every data table a caption and scoped headers', async () => {
    const { page } = await openMetrics(example);
    const tables = await page.$$eval('main table', (elements) =>
      (elements as HTMLTableElement[]).map((table) => ({
        caption: table.caption?.textContent?.trim() ?? '',
        unscoped: table.querySelectorAll('th:not([scope])').length,
        rowHeaders: table.querySelectorAll('tbody th[scope="row"]').length,
        rows: table.querySelectorAll('tbody tr').length,
      })),
    );
    expect(tables.length).toBe(CHARTED_METRICS.length + 1 + 2); // charts, custom series, DORA bands and thresholds
    for (const table of tables) {
      expect(table.caption).not.toBe('');
      expect(table.unscoped).toBe(0);
      expect(table.rowHeaders).toBe(table.rows);
    }
    await page.context().close();
  });

  it('draws with the page colours: dark text in light mode, none in dark mode', async () => {
    const light = await openMetrics(example, { colorScheme: 'light' });
    const lightForeground = await foregroundLevel(light.page);
    // Light mode: titles, ticks and the all-products line use --fg, the darkest colour of the chart.
    expect(await darkestOpaque(light.page, 'metric-onScheduleRate-chart')).toBeLessThanOrEqual(lightForeground);
    await light.page.context().close();
    // Dark mode: --fg is light and nothing is drawn as dark as the light theme's text.
    const dark = await openMetrics(example, { colorScheme: 'dark' });
    expect(await darkestOpaque(dark.page, 'metric-onScheduleRate-chart')).toBeGreaterThan(lightForeground);
    await dark.page.context().close();
  });

  it('redraws in the dark theme when the page switches theme (data-theme)', async () => {
    const { page } = await openMetrics(example, { colorScheme: 'light' });
    const lightForeground = await foregroundLevel(page);
    expect(await darkestOpaque(page, 'metric-releaseCount-chart')).toBeLessThanOrEqual(lightForeground);
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'dark';
    });
    await page.waitForTimeout(100);
    expect(await darkestOpaque(page, 'metric-releaseCount-chart')).toBeGreaterThan(lightForeground);
    await page.context().close();
  });

  it('is complete without JavaScript: tables and definitions, no empty chart boxes', async () => {
    const { page } = await openMetrics(example, { javaScriptEnabled: false });
    const visibleFigures = await page.locator('figure.chart:visible').count();
    expect(visibleFigures).toBe(0);
    expect(await page.locator('table.data-table').count()).toBe(CHARTED_METRICS.length + 1);
    expect(await page.getByRole('heading', { name: 'How we compute this' }).count()).toBe(CHARTED_METRICS.length);
    await page.context().close();
  });

  it('loads the chart bundle only on /metrics/: not on the home, release or changelog pages', async () => {
    const dist = builtSite('example-internal');
    const firstPage = (folder: string) =>
      existsSync(path.join(dist, folder))
        ? readdirSync(path.join(dist, folder), { recursive: true, encoding: 'utf8' })
            .filter((file) => file.endsWith('index.html'))
            .map(
              (file) =>
                `/${folder}/${file
                  .split(path.sep)
                  .join('/')
                  .replace(/index\.html$/, '')}`,
            )
            .sort()
            .slice(0, 2)
        : [];
    const pages = ['/', ...firstPage('releases'), ...firstPage('changelog')];
    const context = await browser.newContext();
    const page = await context.newPage();
    /** Every script the browser fetched, and whether it holds Chart.js (it registers the `category` scale). */
    const scripts: Promise<{ pathname: string; isChartJs: boolean }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      const pathname = new URL(response.url()).pathname;
      scripts.push(response.text().then((code) => ({ pathname, isChartJs: /\bid\s*=\s*[`'"]category[`'"]/.test(code) })));
    });
    const chartScriptsOf = async (pathname: string) => {
      scripts.length = 0;
      await page.goto(`${example.url}${pathname}`, { waitUntil: 'networkidle' });
      return (await Promise.all(scripts)).filter((script) => script.isChartJs).map((script) => script.pathname);
    };
    expect(await chartScriptsOf('/metrics/')).toHaveLength(1);
    for (const pathname of pages) expect(await chartScriptsOf(pathname), pathname).toEqual([]);
    await context.close();
  });
});

describe('a hub with metrics that have no data (tests/fixtures/minimal)', () => {
  let minimal: Site;

  beforeAll(async () => {
    minimal = await serveDist(builtSite('minimal'));
  });

  afterAll(async () => {
    await minimal?.close();
  });

  it('says "no data yet" and draws no canvas for them; never 0 or NaN', async () => {
    const { page, errors } = await openMetrics(minimal);
    // One released web release with a window and deployment times, but no acceptedAt, incidents or survey.
    for (const field of ['leadTimeDaysMedian', 'timeToRestoreHoursMedian', 'satisfactionScore']) {
      const section = page.locator(`#metric-${field}`);
      expect(await section.locator('canvas').count(), field).toBe(0);
      expect(await section.locator('.no-data').textContent(), field).toBe('no data yet');
    }
    const painted = await paintedPixels(page);
    expect(Object.keys(painted)).toEqual([
      'metric-releaseCount-chart',
      'metric-onScheduleRate-chart',
      'metric-deploymentMinutesMedian-chart',
      'metric-rollbackRate-chart',
      'metric-changeFailureRate-chart',
      'custom-tickets-chart',
    ]);
    for (const [id, pixels] of Object.entries(painted)) expect(pixels, id).toBeGreaterThan(2_000);
    // The only release shipped in March; "now" is November: the last 90 days have no data.
    const headlines = await page.$$eval('.headlines .value', (values) => values.map((value) => value.textContent?.trim()));
    expect(headlines).toEqual(['0 releases', ...Array(CHARTED_METRICS.length - 1).fill('no data yet')]);
    // The API never released: its DORA row says so.
    const dora = await readTable(page, 'dora-bands');
    expect(dora.rows.find((row) => row[0] === 'Public API')).toEqual(['Public API', ...Array(5).fill('no data yet')]);
    // The API has no line, and the table says why.
    expect(await page.locator('#metric-releaseCount').textContent()).toContain('No data yet for Public API.');
    expect(await page.locator('main').textContent()).not.toMatch(/NaN|undefined|Infinity/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
