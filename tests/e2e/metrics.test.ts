/**
 * `/metrics/` in Chromium: every chart draws, the tables under the charts hold the numbers of
 * `/api/metrics.json` (written by the page's own formatter) with what each is computed over, a month
 * without data is a gap in its line, rollbacks, incidents and freezes are marked at their time, a
 * table downloads as CSV, charts follow dark mode, the page is complete without JavaScript, metrics
 * without data say so without a canvas, and pages other than the metrics views never fetch the chart
 * bundle.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMonth } from '../../src/presentation/format.ts';
import { CHARTED_METRICS, type ChartedMetric } from '../../src/metrics/charts.ts';
import type { MetricsDocument } from '../../src/metrics/metrics.ts';
import { formatMetricCell, formatMetricValue } from '../../src/presentation/number-format.ts';
import { provenanceShort } from '../../src/presentation/provenance.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveDist } from '../build/helpers/static-server.ts';
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

/**
 * Records what the charts draw: the subpaths (moveTo) and segments (lineTo) of each stroked Path2D (Chart.js
 * draws a line as one), and the strokes, fills and rectangles drawn on the canvas itself (the markers),
 * each with its canvas id, colour and x positions.
 */
function recordDrawing(): void {
  type Op = [kind: 'M' | 'L', x: number];
  const ops = new WeakMap<Path2D, Op[]>();
  const path = Path2D.prototype;
  const add = (target: Path2D, op: Op) => {
    const list = ops.get(target) ?? [];
    list.push(op);
    ops.set(target, list);
  };
  const { moveTo, lineTo } = path;
  path.moveTo = function (this: Path2D, x: number, y: number) {
    add(this, ['M', x]);
    return moveTo.call(this, x, y);
  };
  path.lineTo = function (this: Path2D, x: number, y: number) {
    add(this, ['L', x]);
    return lineTo.call(this, x, y);
  };
  const context = CanvasRenderingContext2D.prototype;
  const { stroke, fill, fillRect, moveTo: contextMoveTo } = context;
  const lastX = new WeakMap<CanvasRenderingContext2D, number>();
  const drawn: { canvas: string; kind: string; style: string; ops?: Op[]; x?: number; width?: number }[] = [];
  (window as unknown as { drawn: typeof drawn }).drawn = drawn;
  context.moveTo = function (this: CanvasRenderingContext2D, x: number, y: number) {
    lastX.set(this, x);
    return contextMoveTo.call(this, x, y);
  };
  context.stroke = function (this: CanvasRenderingContext2D, ...args: [Path2D?]) {
    const [target] = args;
    drawn.push({
      canvas: this.canvas.id,
      kind: target ? 'path' : 'stroke',
      style: String(this.strokeStyle),
      ops: target && ops.get(target),
      x: target ? undefined : lastX.get(this),
    });
    return target ? stroke.call(this, target) : (stroke as (this: CanvasRenderingContext2D) => void).call(this);
  };
  context.fill = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
    drawn.push({ canvas: this.canvas.id, kind: 'fill', style: String(this.fillStyle), x: lastX.get(this) });
    return (fill as (...rest: unknown[]) => void).apply(this, args);
  };
  context.fillRect = function (this: CanvasRenderingContext2D, x: number, y: number, width: number, height: number) {
    drawn.push({ canvas: this.canvas.id, kind: 'rect', style: String(this.fillStyle), x, width });
    return fillRect.call(this, x, y, width, height);
  };
}

/** What `recordDrawing` saw on one canvas, and the page's colour of a CSS custom property as the canvas writes it. */
async function drawingOf(page: Page, canvasId: string) {
  return page.evaluate((id) => {
    const canvas = document.getElementById(id)!;
    const normalise = (name: string, as: 'fill' | 'stroke') => {
      const context = document.createElement('canvas').getContext('2d')!;
      const value = getComputedStyle(canvas).getPropertyValue(name).trim();
      if (as === 'fill') context.fillStyle = value;
      else context.strokeStyle = value;
      return String(as === 'fill' ? context.fillStyle : context.strokeStyle);
    };
    const all = (window as unknown as { drawn: { canvas: string; kind: string; style: string; ops?: ['M' | 'L', number][]; x?: number; width?: number }[] })
      .drawn;
    return {
      drawn: all.filter((entry) => entry.canvas === id),
      colours: {
        first: normalise('--chart-1', 'stroke'),
        rollback: normalise('--chart-rollback', 'stroke'),
        incident: normalise('--chart-incident', 'fill'),
        freeze: normalise('--chart-freeze', 'fill'),
        target: normalise('--fg-muted', 'stroke'),
      },
    };
  }, canvasId);
}

/** Opens a metrics page and waits until every chart figure the script shows is visible. */
/**
 * The example hub's /metrics/ opened once for the tests that only read it (the charts take a
 * second to draw); tests that change the theme, the viewport or the page open their own.
 */
let sharedPage: Promise<{ page: Page; errors: string[] }> | undefined;
const sharedMetricsPage = () => (sharedPage ??= openMetrics(example));

async function openMetrics(site: Site, options: BrowserContextOptions = {}, pathname = '/metrics/'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  await context.addInitScript(recordDrawing);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.url}${pathname}`);
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
    const { page, errors } = await sharedMetricsPage();
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
  });

  it('holds the JSON numbers in the tables, formatted as the page formats them', async () => {
    const document = json();
    const { page } = await sharedMetricsPage();
    const products = [
      { name: 'Northwind Web', months: document.byProduct.web!.byMonth, provenance: document.provenance.byProduct.web!.byMonth },
      { name: 'Northwind API', months: document.byProduct.api!.byMonth, provenance: document.provenance.byProduct.api!.byMonth },
      { name: 'All products', months: document.byMonth, provenance: document.provenance.byMonth },
    ];
    const checked: ChartedMetric[] = [
      'releaseCount',
      'onScheduleRate',
      'leadTimeDaysMedian',
      'satisfactionScore',
      'failedDeploymentRecoveryHoursMedian',
      'deploymentReworkRate',
    ];
    for (const field of checked) {
      const table = await readTable(page, `metric-${field}-table`);
      expect(table.head, field).toEqual(['Month', ...products.map((product) => product.name)]);
      const expected = document.byMonth.map((month, row) => [
        formatMonth(month.month),
        ...products.map((product) => {
          const value = product.months[row]![field];
          const detail = value === null ? null : provenanceShort(field, product.provenance[month.month]![field]);
          return `${formatMetricCell(value, document.definitions[field].format)}${detail ? ` (${detail})` : ''}`;
        }),
      ]);
      expect(table.rows, field).toEqual(expected);
    }
    // Spot checks in plain numbers, so a formatter bug cannot hide on both sides.
    const onSchedule = await readTable(page, 'metric-onScheduleRate-table');
    const may2025 = document.byMonth.findIndex((month) => month.month === '2025-05');
    expect(document.byMonth[may2025]!.onScheduleRate).toBeCloseTo(1 / 3, 12);
    expect(onSchedule.rows[may2025]![3]).toBe('33.3 (1 of 3)');
    const rework = await readTable(page, 'metric-deploymentReworkRate-table');
    const september2026 = document.byMonth.findIndex((month) => month.month === '2026-09');
    expect(rework.rows[september2026]!.slice(2)).toEqual(['50 (1 of 2)', '33.3 (1 of 3)']); // api 2.4.1 fixes INC-158 of api 2.4.0

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

    const values = await page.$$eval('.headlines .value', (items) => items.map((item) => item.textContent?.trim()));
    expect(values).toContain(formatMetricValue(document.overall.onScheduleRate, document.definitions.onScheduleRate));
    expect(values).toContain(formatMetricValue(document.overall.deploymentReworkRate, document.definitions.deploymentReworkRate));
  });

  it('gives every data table a caption and scoped headers', async () => {
    const { page } = await sharedMetricsPage();
    const tables = await page.$$eval('main table', (elements) =>
      (elements as HTMLTableElement[]).map((table) => ({
        caption: table.caption?.textContent?.trim() ?? '',
        unscoped: table.querySelectorAll('th:not([scope])').length,
        rowHeaders: table.querySelectorAll('tbody th[scope="row"]').length,
        rows: table.querySelectorAll('tbody tr').length,
      })),
    );
    expect(tables.length).toBe(CHARTED_METRICS.length + 1 + 2 + 1); // charts, custom series, DORA bands and thresholds, per environment
    for (const table of tables) {
      expect(table.caption).not.toBe('');
      expect(table.unscoped).toBe(0);
      expect(table.rowHeaders).toBe(table.rows);
    }
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

describe('gaps, markers and targets in Chromium', () => {
  /** The runs of consecutive months with a value: each is one stretch of line (a gap between them). */
  const runs = (values: (number | null)[]): number => values.filter((value, index) => value !== null && (index === 0 || values[index - 1] === null)).length;

  it('stops a line at a month without data instead of drawing across it', async () => {
    const document = JSON.parse(readFileSync(path.join(builtSite('example-internal'), 'api/metrics.json'), 'utf8')) as MetricsDocument;
    const { page } = await sharedMetricsPage();
    for (const field of ['leadTimeDaysMedian', 'onScheduleRate'] as const) {
      const values = document.byProduct.web!.byMonth.map((month) => month[field]);
      // The example hub's web line has months without a value between months with one (e.g. the year-end freeze).
      expect(runs(values), field).toBeGreaterThan(1);
      const { drawn, colours } = await drawingOf(page, `metric-${field}-chart`);
      const line = drawn.filter((entry) => entry.kind === 'path' && entry.style === colours.first).at(-1)!;
      // One subpath per stretch of months with data; a line across the gaps would be a single subpath.
      expect(
        line.ops!.filter(([kind]) => kind === 'M'),
        field,
      ).toHaveLength(runs(values));
      const xs = line.ops!.map(([, x]) => x);
      expect(xs, field).toEqual([...xs].sort((a, b) => a - b)); // left to right, never back across a gap
    }
  });

  it('marks every rollback, incident and freeze of the charted months at its time on the axis', async () => {
    const { page, errors } = await sharedMetricsPage();
    const { drawn, colours } = await drawingOf(page, 'metric-changeFailureRate-chart');
    const rollbacks = drawn.filter((entry) => entry.kind === 'stroke' && entry.style === colours.rollback).map((entry) => entry.x!);
    const incidents = drawn.filter((entry) => entry.kind === 'fill' && entry.style === colours.incident).map((entry) => entry.x!);
    const freezes = drawn.filter((entry) => entry.kind === 'rect' && entry.style === colours.freeze);
    // Rolled back: web 3.11.0 (Jul 2025), api 1.17.0 (Sep 2025), web 4.3.0 (Jun 2026), api 2.4.0 (Sep 2026); eight incidents;
    // the year-end freeze 2025 and the API's partner summit (15–19 Jun 2026); the year-end freeze 2026 starts after the last month.
    expect(rollbacks).toHaveLength(4);
    expect(incidents).toHaveLength(8);
    expect(freezes).toHaveLength(2);
    expect(rollbacks).toEqual([...rollbacks].sort((a, b) => a - b));
    // Web 4.3.0 was rolled back on 16 June 2026, during the summit: its line is inside the summit's band.
    const summit = freezes[1]!;
    expect(rollbacks[2]).toBeGreaterThan(summit.x!);
    expect(rollbacks[2]).toBeLessThan(summit.x! + summit.width!);
    // The incident of web 4.3.0 (INC-152, 03:12 that night) is just before its rollback (04:40); both are months after INC-140 (March).
    expect(Math.abs(incidents[4]! - rollbacks[2]!)).toBeLessThan(2);
    expect(incidents[3]!).toBeLessThan(summit.x!);
    // The key under the chart names what it marks.
    expect(await page.locator('#metric-changeFailureRate .marker-key').textContent()).toMatch(/Markers:\s*rollback\s*incident\s*freeze/);
    expect(errors).toEqual([]);
  });

  it('draws a custom series’ target as a line across the whole chart', async () => {
    const document = JSON.parse(readFileSync(path.join(builtSite('example-internal'), 'api/metrics.json'), 'utf8')) as MetricsDocument;
    const { page } = await sharedMetricsPage();
    const { drawn, colours } = await drawingOf(page, 'custom-support-tickets-chart');
    const target = drawn.filter((entry) => entry.kind === 'path' && entry.style === colours.target).at(-1)!;
    // One stretch from the first row to the last: a line, not points.
    expect(target.ops!.filter(([kind]) => kind === 'M')).toHaveLength(1);
    expect(target.ops!.filter(([kind]) => kind === 'L')).toHaveLength(document.custom[0]!.rows.length - 1);
  });

  it('marks only the product’s own events in a view of one product', async () => {
    const { page } = await openMetrics(example, {}, '/metrics/all-time/web/');
    const { drawn, colours } = await drawingOf(page, 'metric-changeFailureRate-chart');
    expect(drawn.filter((entry) => entry.kind === 'stroke' && entry.style === colours.rollback)).toHaveLength(2); // web 3.11.0, web 4.3.0
    expect(drawn.filter((entry) => entry.kind === 'rect' && entry.style === colours.freeze)).toHaveLength(1); // not the API's summit
    await page.context().close();
  });

  it('downloads a chart table as the CSV of the same rows', async () => {
    const document = JSON.parse(readFileSync(path.join(builtSite('example-internal'), 'api/metrics.json'), 'utf8')) as MetricsDocument;
    const { page } = await sharedMetricsPage();
    const table = await readTable(page, 'metric-deploymentReworkRate-table');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#metric-deploymentReworkRate .download a').click()]);
    expect(download.suggestedFilename()).toBe('rework.csv');
    // The run's one Chromium is connected to, not launched here: the file comes as a stream.
    const csv = (await text(await download.createReadStream())).trimEnd().split('\r\n');
    expect(csv[0]).toBe('Month,Northwind Web (%),Northwind API (%),All products (%)');
    // The table's values without their "(n of d)", months as YYYY-MM, "no data" as an empty cell.
    const months = document.byMonth.map((month) => month.month);
    expect(csv.slice(1)).toEqual(
      table.rows.map((row, index) => [months[index], ...row.slice(1).map((cell) => (cell === 'no data' ? '' : cell.replace(/ \(.*\)$/, '')))].join(',')),
    );
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
    for (const field of ['leadTimeDaysMedian', 'failedDeploymentRecoveryHoursMedian', 'satisfactionScore']) {
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
      'metric-deploymentReworkRate-chart',
      'custom-tickets-chart',
    ]);
    for (const [id, pixels] of Object.entries(painted)) expect(pixels, id).toBeGreaterThan(2_000);
    // The API never released: its DORA row says so, key by key.
    const values = await page.$$eval('#dora-bands tbody tr', (rows) =>
      rows.map((row) => [row.querySelector('th')?.textContent?.trim(), ...[...row.querySelectorAll('td .value')].map((cell) => cell.textContent?.trim())]),
    );
    expect(values.find((row) => row[0] === 'Public API')).toEqual(['Public API', ...Array(5).fill('no data yet')]);
    await page.context().close();

    // The only release shipped in March; "now" is November: the last 90 days have no data.
    const last90 = await openMetrics(minimal, {}, '/metrics/last-90-days/');
    const headlines = await last90.page.$$eval('.headlines .value', (items) => items.map((item) => item.textContent?.trim()));
    expect(headlines).toEqual(['0 releases', ...Array(CHARTED_METRICS.length - 1).fill('no data yet')]);
    expect(await last90.page.locator('canvas').count()).toBe(0);
    expect(last90.errors).toEqual([]);
    await last90.page.context().close();
    expect(errors).toEqual([]);
  });

  it('names the product without a line under the table, and never writes 0 or NaN for no data', async () => {
    const { page } = await openMetrics(minimal);
    expect(await page.locator('#metric-releaseCount').textContent()).toContain('No data yet for Public API.');
    expect(await page.locator('main').textContent()).not.toMatch(/NaN|undefined|Infinity/);
    await page.context().close();
  });
});
