/** `/widget.json`: the newest customer entries the widget shows (src/widget/widget-data.ts). */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../runtime/build-context.ts';
import { widgetData } from '../widget/widget-data.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(widgetData(getBuildContext().hub), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
