/**
 * The drill-down pages behind every metric value: for one metric, one period and all products or
 * one product, the releases counted (with what each contributes), the ones left out and why,
 * grouped by release month (newest first; releases without a release time last) and paginated, so
 * a page stays the same size however long the hub's history. Each month group states the month's
 * own numerator and denominator, the numbers of the chart tables.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Hub, Release } from '../core/model.ts';
import { metricsDrillPath, metricsViewPath, releasePath } from '../core/urls.ts';
import { compareTimes, monthKey } from '../core/time.ts';
import { formatDateTime, formatMonth } from '../presentation/format.ts';
import { countOf } from '../presentation/count.ts';
import { formatMetricNumber, formatMetricValue } from '../presentation/number-format.ts';
import { EXCLUSION_TEXT, provenanceSentence } from '../presentation/provenance.ts';
import { STATUS_DISPLAY } from '../presentation/status.ts';
import { productName } from '../releases/releases.ts';
import {
  isDeployed,
  METRIC_DEFINITIONS,
  metricOptionsFor,
  type CountedInput,
  type ExcludedInput,
  type MetricDefinition,
  type MetricField,
  type MetricOptions,
  type ProvenanceField,
} from './metrics.ts';
import type { PeriodId } from './periods.ts';
import { explainScopeMonth, scopeKey, type Scope } from './scopes.ts';

/** The metrics with a drill-down: `releasesPerMonth` is listed by `releaseCount` (the same releases). */
export type DrillField = Exclude<ProvenanceField, 'releasesPerMonth'>;

/** URL segment of each drill-down (`/metrics/<slug>/<period>/`). */
export const DRILL_SLUGS: Record<DrillField, string> = {
  releaseCount: 'releases',
  onScheduleRate: 'on-schedule',
  leadTimeDaysMedian: 'lead-time',
  rollbackRate: 'rollbacks',
  satisfactionScore: 'satisfaction',
  deploymentMinutesMedian: 'deployment-duration',
  changeFailureRate: 'change-failures',
  deploymentReworkRate: 'rework',
  failedDeploymentRecoveryHoursMedian: 'recovery-time',
};

/** Rows on one drill-down page. */
export const DRILL_PAGE_SIZE = 50;

/** Why: each metric value links to the drill-down of the metric that lists its releases. */
export function drillFieldOf(field: MetricField): DrillField {
  if (field === 'releasesPerMonth') return 'releaseCount';
  if (field === 'timeToRestoreHoursMedian') return 'failedDeploymentRecoveryHoursMedian';
  return field;
}

/** One release (or incident) on a drill-down page. */
export interface DrillRow {
  release: { label: string; href: string };
  /** The metric's own columns (`DrillPage.columns` after "Release", before "Counted as"). */
  cells: string[];
  counted: boolean;
  /** "on schedule", "late by 25 minutes", "left out: no window". */
  outcome: string;
}

/** The rows of one month (or of the releases without a release time) on one page. */
export interface DrillGroup {
  /** `YYYY-MM`; `null` for releases without a release time. */
  month: string | null;
  heading: string;
  /** Fragment id where the month starts (`month-2026-02`); `null` on a page that continues it. */
  anchor: string | null;
  continued: boolean;
  /** The month's value and what it is computed over, e.g. "66.7% · 2 of 3 releases with a window on schedule". */
  summary: string;
  rows: DrillRow[];
}

/** One drill-down page. */
export interface DrillPage {
  field: DrillField;
  period: { id: PeriodId; label: string };
  product: { id: string; name: string } | null;
  page: number;
  pageCount: number;
  path: string;
  /** "Lead time: Northwind Web, last 90 days". */
  heading: string;
  definition: MetricDefinition;
  /** The scope's value and what it is computed over. */
  summary: { value: string; sentence: string };
  countedCount: number;
  excludedCount: number;
  /** Column headers: "Release", the metric's own, "Counted as". */
  columns: string[];
  groups: DrillGroup[];
  pager: { page: number; href: string; current: boolean }[];
  /** The view this drill-down belongs to. */
  viewHref: string;
}

/** Where the releases behind a value are listed. */
export interface DrillIndex {
  /** The drill-down of a metric in a scope (at the month's page and fragment), or `null` when the scope has no release to list. */
  href(field: MetricField, period: PeriodId, product: string | null, month?: string): string | null;
}

interface Located {
  month: string | null;
  time: Temporal.ZonedDateTime | null;
  release: Release;
  counted: boolean;
  input: CountedInput | ExcludedInput;
}

/** Why: every drill-down page of every scope, and the index the views link through. */
export function buildDrillDowns(hub: Hub, scopes: readonly Scope[]): { pages: DrillPage[]; index: DrillIndex } {
  const options = metricOptionsFor(hub.config);
  const byId = new Map(hub.releases.map((release) => [release.id, release]));
  const pages: DrillPage[] = [];
  const monthPages = new Map<string, Map<string | null, number>>();
  for (const scope of scopes) {
    for (const field of Object.keys(DRILL_SLUGS) as DrillField[]) {
      const built = scopePages(hub, scope, field, byId, options);
      pages.push(...built);
      const located = new Map<string | null, number>();
      for (const page of built) for (const group of page.groups) if (!located.has(group.month)) located.set(group.month, page.page);
      if (built.length > 0) monthPages.set(`${field}:${scopeKey(scope.period.id, scope.product?.id ?? null)}`, located);
    }
  }
  const index: DrillIndex = {
    href(field, period, product, month) {
      const drill = drillFieldOf(field);
      const located = monthPages.get(`${drill}:${scopeKey(period, product)}`);
      if (!located) return null;
      const base = (page: number) => metricsDrillPath(DRILL_SLUGS[drill], period, product ?? undefined, page);
      if (month === undefined) return base(1);
      const page = located.get(month);
      return page === undefined ? null : `${base(page)}#${monthAnchor(month)}`;
    },
  };
  return { pages, index };
}

/** A month's group on a drill-down page has a stable fragment id. */
function monthAnchor(month: string): string {
  return `month-${month}`;
}

function scopePages(hub: Hub, scope: Scope, field: DrillField, byId: Map<string, Release>, options: MetricOptions): DrillPage[] {
  const provenance = scope.explained.provenance[field];
  const zone = options.hubZone;
  const locate = (input: CountedInput | ExcludedInput, counted: boolean): Located => {
    const release = byId.get(input.release)!;
    const time = isDeployed(release) ? release.deployment.finishedAt : null;
    return { month: time ? monthKey(time, zone) : null, time, release, counted, input };
  };
  const rows = [...provenance.counted.map((input) => locate(input, true)), ...provenance.excluded.map((input) => locate(input, false))].sort(newestFirst);
  if (rows.length === 0) return [];
  const definition = METRIC_DEFINITIONS[field];
  const describe = DESCRIBERS[field];
  const product = scope.product && { id: scope.product.id, name: scope.product.name };
  const periodId = scope.period.id;
  const pageCount = Math.ceil(rows.length / DRILL_PAGE_SIZE);
  const path = (page: number) => metricsDrillPath(DRILL_SLUGS[field], periodId, product?.id, page);
  const summaries = new Map<string, string>();
  const monthSummary = (month: string) => {
    let summary = summaries.get(month);
    if (summary === undefined) {
      const explained = explainScopeMonth(scope, month, options);
      summary = `${formatMetricValue(explained.metrics[field], definition)} · ${provenanceSentence(field, explained.provenance[field])}`;
      summaries.set(month, summary);
    }
    return summary;
  };
  const scopeName = product ? product.name : 'all products';
  const heading = `${definition.label}: ${scopeName}, ${scope.period.label.toLowerCase()}`;
  const started = new Set<string | null>();
  return Array.from({ length: pageCount }, (_, index): DrillPage => {
    const page = index + 1;
    const slice = rows.slice(index * DRILL_PAGE_SIZE, page * DRILL_PAGE_SIZE);
    const groups: DrillGroup[] = [];
    for (const row of slice) {
      let group = groups.at(-1);
      if (!group || group.month !== row.month) {
        const continued = started.has(row.month);
        started.add(row.month);
        group = {
          month: row.month,
          heading: row.month ? `${formatMonth(row.month)}${continued ? ' (continued)' : ''}` : `No release time${continued ? ' (continued)' : ''}`,
          anchor: continued ? null : row.month ? monthAnchor(row.month) : 'no-release-time',
          continued,
          summary: row.month
            ? monthSummary(row.month)
            : `${countOf(rows.filter((other) => other.month === null).length, 'release')} not deployed or without a deployment finish time: left out of every metric`,
          rows: [],
        };
        groups.push(group);
      }
      group.rows.push({
        release: { label: `${productName(hub, row.release.product)} ${row.release.version}`, href: releasePath(row.release) },
        cells: describe.cells(row.release, row.input, hub, options),
        counted: row.counted,
        outcome: row.counted ? describe.outcome(row.release, row.input as CountedInput, options) : leftOut(row.release, row.input as ExcludedInput),
      });
    }
    return {
      field,
      period: { id: periodId, label: scope.period.label },
      product,
      page,
      pageCount,
      path: path(page),
      heading,
      definition,
      summary: { value: formatMetricValue(scope.explained.metrics[field], definition), sentence: provenanceSentence(field, provenance) },
      countedCount: provenance.counted.length,
      excludedCount: provenance.excluded.length,
      columns: ['Release', ...describe.columns, 'Counted as'],
      groups,
      pager: pageCount > 1 ? Array.from({ length: pageCount }, (_, other) => ({ page: other + 1, href: path(other + 1), current: other + 1 === page })) : [],
      viewHref: metricsViewPath(periodId, product?.id),
    };
  });
}

/** Newest month first, releases without a release time last; newest release first within a month. */
function newestFirst(a: Located, b: Located): number {
  if (a.time && b.time)
    return compareTimes(b.time, a.time) || compareIds(a.release.id, b.release.id) || compareIds(a.input.incident ?? '', b.input.incident ?? '');
  if (a.time || b.time) return a.time ? -1 : 1;
  return compareIds(a.release.id, b.release.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function leftOut(release: Release, input: ExcludedInput): string {
  const reason = EXCLUSION_TEXT[input.reason];
  return input.reason === 'not-deployed' ? `left out: ${reason} (${STATUS_DISPLAY[release.status].label.toLowerCase()})` : `left out: ${reason}`;
}

/** How one metric's rows read: its columns, each row's cells, and what a counted row contributes. */
interface Describer {
  columns: string[];
  cells(release: Release, input: CountedInput | ExcludedInput, hub: Hub, options: MetricOptions): string[];
  outcome(release: Release, input: CountedInput, options: MetricOptions): string;
}

const NONE = '—';
const at = (time: Temporal.ZonedDateTime | undefined, options: MetricOptions) => (time ? formatDateTime(time, options.hubZone) : NONE);
const finished = (release: Release, options: MetricOptions) => at(release.deployment?.finishedAt, options);
const value = (input: CountedInput, field: MetricField) => formatMetricValue(input.value as number, METRIC_DEFINITIONS[field]);

const DESCRIBERS: Record<DrillField, Describer> = {
  releaseCount: {
    columns: ['Status', 'Release time'],
    cells: (release, _input, _hub, options) => [STATUS_DISPLAY[release.status].label, finished(release, options)],
    outcome: () => 'deployed',
  },
  onScheduleRate: {
    columns: ['Window end', 'Release time'],
    cells: (release, _input, _hub, options) => [at(release.window?.end, options), finished(release, options)],
    outcome: (release, input, options) => {
      if (input.value === true) return 'on schedule';
      const late =
        (release.deployment!.finishedAt!.epochMilliseconds - release.window!.end.add({ minutes: options.onTimeToleranceMinutes }).epochMilliseconds) / 60_000;
      return `late by ${formatMetricValue(late, { format: 'decimal', unit: 'minutes' })}${options.onTimeToleranceMinutes > 0 ? ` after the ${options.onTimeToleranceMinutes}-minute tolerance` : ''}`;
    },
  },
  leadTimeDaysMedian: {
    columns: ['Accepted', 'Release time'],
    cells: (release, _input, _hub, options) => [at(release.acceptedAt, options), finished(release, options)],
    outcome: (_release, input) => value(input, 'leadTimeDaysMedian'),
  },
  rollbackRate: {
    columns: ['Status', 'Rolled back at'],
    cells: (release, _input, _hub, options) => [STATUS_DISPLAY[release.status].label, at(release.rollback?.at, options)],
    outcome: (_release, input) => (input.value ? 'rolled back' : 'not rolled back'),
  },
  satisfactionScore: {
    columns: ['Score', 'Responses'],
    cells: (release) =>
      release.satisfaction ? [formatMetricNumber(release.satisfaction.score, 'decimal'), String(release.satisfaction.responses)] : [NONE, NONE],
    outcome: (_release, input) => `score ${formatMetricNumber(input.value as number, 'decimal')} × ${countOf(input.weight ?? 0, 'response')}`,
  },
  deploymentMinutesMedian: {
    columns: ['Started', 'Finished'],
    cells: (release, _input, _hub, options) => [at(release.deployment?.startedAt, options), finished(release, options)],
    outcome: (_release, input) => value(input, 'deploymentMinutesMedian'),
  },
  changeFailureRate: {
    columns: ['Rolled back', 'Incidents'],
    cells: (release) => [
      release.status === 'rolled-back' ? 'yes' : 'no',
      release.incidents.length > 0 ? release.incidents.map((incident) => incident.id).join(', ') : 'none',
    ],
    outcome: (_release, input) => (input.value ? 'failed' : 'no failure'),
  },
  deploymentReworkRate: {
    columns: ['Fixes'],
    cells: (release, _input, hub) => [release.fixes.length > 0 ? release.fixes.map((id) => fixedIncident(hub, id)).join('; ') : NONE],
    outcome: (_release, input) => (input.value ? 'unplanned (rework)' : 'planned'),
  },
  failedDeploymentRecoveryHoursMedian: {
    columns: ['Incident', 'Started', 'Resolved'],
    cells: (release, input, _hub, options) => {
      const incident = release.incidents.find((candidate) => candidate.id === input.incident);
      return incident ? [incident.id, at(incident.startedAt, options), at(incident.resolvedAt, options)] : [NONE, NONE, NONE];
    },
    outcome: (_release, input) => value(input, 'failedDeploymentRecoveryHoursMedian'),
  },
};

/** "INC-131 of Northwind Web 3.17.0": an incident a release fixes, and the release it belongs to. */
function fixedIncident(hub: Hub, id: string): string {
  const owners = hub.releases.filter((release) => release.incidents.some((incident) => incident.id === id));
  const owner = owners.sort((a, b) => compareIds(a.id, b.id))[0]; // the same whatever the file order
  return owner ? `${id} of ${productName(hub, owner.product)} ${owner.version}` : id;
}
