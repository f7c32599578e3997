/**
 * Draws the charts of a page from the specs the page rendered (`<canvas data-chart="{…}">`, built by
 * `src/metrics/charts.ts`). An enhancement only: every chart's numbers are also in the table
 * under it. Chart.js is imported piece by piece (no `chart.js/auto`) so the bundle holds only
 * the line and bar charts used here. Colours come from the page's CSS custom properties, so
 * charts follow light and dark mode; animation is off for `prefers-reduced-motion`.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
  type PointStyle,
} from 'chart.js';
import type { ChartSeries, ChartSpec, SeriesColor } from '../metrics/charts.ts';
import { CHART_PALETTE_SIZE } from '../metrics/charts.ts';
import { formatMetricNumber, formatMetricValue } from '../presentation/number-format.ts';

Chart.register(LineController, BarController, CategoryScale, LinearScale, PointElement, LineElement, BarElement, Legend, Tooltip, Title);

/** Shapes per series, so lines differ by more than colour. */
const POINT_STYLES: PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star'];

/** The colours and font of the page where a chart sits. */
interface Theme {
  foreground: string;
  muted: string;
  grid: string;
  palette: string[];
  font: string;
}

type ChartType = 'bar' | 'line';

interface DrawnChart {
  chart: Chart<ChartType, (number | null)[], string>;
  spec: ChartSpec;
  canvas: HTMLCanvasElement;
}

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
const drawn: DrawnChart[] = [];

/** Reads the page's colours where the chart sits (they change with light and dark mode). */
function readTheme(element: Element): Theme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const foreground = read('--fg', '#1b1f24');
  return {
    foreground,
    muted: read('--fg-muted', foreground),
    grid: read('--border', '#d0d7de'),
    palette: Array.from({ length: CHART_PALETTE_SIZE }, (_, index) => read(`--chart-${index + 1}`, foreground)),
    font: style.fontFamily,
  };
}

function colorOf(color: SeriesColor, theme: Theme): string {
  if (color.kind === 'overall') return theme.foreground;
  if (color.kind === 'target') return theme.muted;
  return theme.palette[(color.slot - 1) % theme.palette.length] ?? theme.foreground;
}

function dataset(series: ChartSeries, index: number, spec: ChartSpec, theme: Theme): ChartDataset<ChartType, (number | null)[]> {
  const color = colorOf(series.color, theme);
  const isTarget = series.color.kind === 'target';
  const isOverall = series.color.kind === 'overall';
  if (spec.type === 'bar') {
    return { type: 'bar', label: series.label, data: series.values, backgroundColor: color, borderColor: color, borderWidth: 0 };
  }
  return {
    type: 'line',
    label: series.label,
    data: series.values,
    borderColor: color,
    backgroundColor: color,
    borderWidth: isOverall ? 3 : 2,
    borderDash: isTarget ? [6, 4] : isOverall ? [2, 3] : [],
    pointRadius: isTarget ? 0 : 3,
    pointHoverRadius: isTarget ? 0 : 5,
    pointStyle: isTarget ? 'line' : POINT_STYLES[index % POINT_STYLES.length],
    // Points on the edge of a fixed range (100 %, a score of 5) are drawn whole.
    clip: false,
    // A month without data is a gap in the table; the line joins the months that have data.
    spanGaps: true,
    tension: 0,
  };
}

function tick(value: number, spec: ChartSpec): string {
  const { format } = spec.valueFormat;
  return format === 'percent' ? `${formatMetricNumber(value, 'percent')}%` : formatMetricNumber(value, format);
}

function configuration(spec: ChartSpec, theme: Theme): ChartConfiguration<ChartType, (number | null)[], string> {
  const axisTitle = (text: string) => ({ display: true, text, color: theme.foreground, font: { family: theme.font } });
  return {
    type: spec.type,
    data: { labels: spec.labels, datasets: spec.series.map((series, index) => dataset(series, index, spec, theme)) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion.matches ? false : { duration: 400 },
      color: theme.foreground,
      font: { family: theme.font },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          stacked: spec.stacked,
          // Points sit in the middle of their month, like bars (a single month is not drawn on the axis).
          offset: true,
          title: axisTitle(spec.xAxisTitle),
          ticks: { color: theme.foreground, autoSkip: true, maxRotation: 0 },
          grid: { color: theme.grid },
        },
        y: {
          stacked: spec.stacked,
          min: spec.yRange.min,
          max: spec.yRange.max,
          title: axisTitle(spec.yAxisTitle),
          ticks: {
            color: theme.foreground,
            precision: spec.valueFormat.format === 'integer' ? 0 : undefined,
            callback: (value) => tick(Number(value), spec),
          },
          grid: { color: theme.grid },
        },
      },
      plugins: {
        title: { display: true, text: spec.title, color: theme.foreground, font: { family: theme.font, size: 14 } },
        legend: {
          display: spec.series.length > 1,
          labels: { color: theme.foreground, usePointStyle: true, boxWidth: 8, boxHeight: 8, font: { family: theme.font } },
        },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${formatMetricValue(item.parsed.y, spec.valueFormat)}`,
          },
        },
      },
    },
  };
}

/** Draws every chart spec rendered on the page, showing each figure once it has a chart. */
function drawAll(): void {
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    const spec = JSON.parse(canvas.dataset.chart ?? '') as ChartSpec;
    const figure = canvas.closest('figure');
    if (figure) figure.hidden = false;
    const chart = new Chart(canvas, configuration(spec, readTheme(canvas)));
    drawn.push({ chart, spec, canvas });
  }
}

/** Re-reads colours and motion settings after the colour scheme or the theme attribute changed. */
function restyle(): void {
  for (const entry of drawn) {
    const next = configuration(entry.spec, readTheme(entry.canvas));
    entry.chart.options = next.options ?? {};
    entry.chart.data.datasets = next.data.datasets;
    entry.chart.update('none');
  }
}

drawAll();
darkScheme.addEventListener('change', restyle);
reducedMotion.addEventListener('change', restyle);
new MutationObserver(restyle).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'style'] });
