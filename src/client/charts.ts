/**
 * Draws the charts of a page from the specs the page rendered (`<canvas data-chart="{…}">`, built by
 * `src/metrics/charts.ts`). An enhancement only: every chart's numbers are also in the table
 * under it. Chart.js is imported piece by piece (no `chart.js/auto`) so the bundle holds only
 * the line and bar charts used here. Colours come from the page's CSS custom properties, so
 * charts follow light and dark mode; animation is off for `prefers-reduced-motion`. A month without
 * data is a gap in its line (never a line drawn across it), and a small plugin marks rollbacks
 * (dashed line), incidents (diamond on the axis) and freezes (shaded band) at their time.
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
  type Plugin,
  type PointStyle,
} from 'chart.js';
import { CHART_PALETTE_SIZE, type ChartMarker, type ChartSeries, type ChartSpec, type SeriesColor } from '../metrics/chart-spec.ts';
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
  markers: { rollback: string; incident: string; freeze: string };
}

type ChartType = 'bar' | 'line';

interface DrawnChart {
  chart: Chart<ChartType, (number | null)[], string>;
  spec: ChartSpec;
  canvas: HTMLCanvasElement;
  /** The colours it is drawn with; the marker plugin reads them at each draw. */
  theme: Theme;
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
    markers: { rollback: read('--chart-rollback', foreground), incident: read('--chart-incident', foreground), freeze: read('--chart-freeze', 'transparent') },
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
    // A month without data is a gap: the line stops at it instead of joining the months around it.
    spanGaps: false,
    tension: 0,
  };
}

function tick(value: number, spec: ChartSpec): string {
  const { format } = spec.valueFormat;
  return format === 'percent' ? `${formatMetricNumber(value, 'percent')}%` : formatMetricNumber(value, format);
}

/** Draws a chart's markers over its plot area, at their positions on the category axis (month i spans i − 0.5 to i + 0.5). */
function markerPlugin(markers: readonly ChartMarker[], theme: () => Theme): Plugin<ChartType> {
  return {
    id: 'releaseHubMarkers',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      if (!x || markers.length === 0) return;
      const at = (position: number) => Math.min(chartArea.right, Math.max(chartArea.left, x.getPixelForValue(position)));
      const colors = theme().markers;
      ctx.save();
      for (const marker of markers) {
        const left = at(marker.at);
        if (marker.kind === 'freeze') {
          ctx.fillStyle = colors.freeze;
          ctx.fillRect(left, chartArea.top, Math.max(2, at(marker.until ?? marker.at) - left), chartArea.bottom - chartArea.top);
        } else if (marker.kind === 'rollback') {
          ctx.strokeStyle = colors.rollback;
          ctx.lineWidth = 2;
          ctx.setLineDash([5, 3]);
          ctx.beginPath();
          ctx.moveTo(left, chartArea.top);
          ctx.lineTo(left, chartArea.bottom);
          ctx.stroke();
        } else {
          const size = 5;
          ctx.fillStyle = colors.incident;
          ctx.setLineDash([]);
          ctx.beginPath();
          ctx.moveTo(left, chartArea.bottom - 2 * size);
          ctx.lineTo(left + size, chartArea.bottom - size);
          ctx.lineTo(left, chartArea.bottom);
          ctx.lineTo(left - size, chartArea.bottom - size);
          ctx.closePath();
          ctx.fill();
        }
      }
      ctx.restore();
    },
  };
}

function configuration(spec: ChartSpec, theme: Theme, plugins: Plugin<ChartType>[] = []): ChartConfiguration<ChartType, (number | null)[], string> {
  const axisTitle = (text: string) => ({ display: true, text, color: theme.foreground, font: { family: theme.font } });
  return {
    type: spec.type,
    data: { labels: spec.labels, datasets: spec.series.map((series, index) => dataset(series, index, spec, theme)) },
    plugins,
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
            label: (item) => {
              const detail = spec.series[item.datasetIndex]?.details[item.dataIndex];
              return `${item.dataset.label ?? ''}: ${formatMetricValue(item.parsed.y, spec.valueFormat)}${detail ? ` (${detail})` : ''}`;
            },
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
    const entry = { spec, canvas, theme: readTheme(canvas) } as DrawnChart;
    entry.chart = new Chart(canvas, configuration(spec, entry.theme, [markerPlugin(spec.markers, () => entry.theme)]));
    drawn.push(entry);
  }
}

/** Re-reads colours and motion settings after the colour scheme or the theme attribute changed. */
function restyle(): void {
  for (const entry of drawn) {
    entry.theme = readTheme(entry.canvas);
    const next = configuration(entry.spec, entry.theme);
    entry.chart.options = next.options ?? {};
    entry.chart.data.datasets = next.data.datasets;
    entry.chart.update('none');
  }
}

drawAll();
darkScheme.addEventListener('change', restyle);
reducedMotion.addEventListener('change', restyle);
new MutationObserver(restyle).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'style'] });
