/** The `.ics` endpoints' shared body: this build's hub (already filtered to its audience) as RFC 5545. */
import { getBuildContext } from '../../runtime/build-context.ts';
import { buildIcs } from '../../calendar/ics.ts';
import { calendarName } from '../../calendar/view.ts';

/** Why: `/calendar.ics` and `/calendar/<product>.ics` share one implementation. */
export async function icsResponse(product?: string): Promise<Response> {
  const { hub, now } = getBuildContext();
  const body = buildIcs(hub, {
    now,
    siteUrl: hub.config.url,
    calendarName: calendarName(hub.config, product),
    ...(product === undefined ? {} : { product }),
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
}

/** Why: a feed for every hub.yaml product, also one without windows yet (subscribers keep their URL). */
export async function productIcsPaths() {
  const { hub } = getBuildContext();
  return hub.config.products.map((product) => ({ params: { product: product.id } }));
}
