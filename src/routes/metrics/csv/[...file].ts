/**
 * `/metrics/csv/<period>/[<product>/]<chart>.csv` (internal only): each chart's data table as CSV,
 * the rows and columns of the table under the chart. Built with the metrics views.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getBuildContext } from '../../../runtime/build-context.ts';
import { buildMetricsSite } from '../../../metrics/page.ts';

export const getStaticPaths = (() => {
  const { audience, hub, now } = getBuildContext();
  if (audience !== 'internal') return [];
  return buildMetricsSite(hub, now).csv.map((csv) => ({ params: { file: csv.file }, props: { text: csv.text } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response((props as { text: string }).text, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
