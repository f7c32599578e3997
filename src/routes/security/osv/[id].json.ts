/** `/security/osv/<id>.json`: one advisory as an OSV record, for scanners (src/security/osv.ts). */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../../runtime/build-context.ts';
import { securityAdvisories, type AdvisoryEntry } from '../../../security/advisories.ts';
import { osvRecord } from '../../../security/osv.ts';

export async function getStaticPaths() {
  const { hub, now } = getBuildContext();
  return securityAdvisories(hub, now).map((entry) => ({ params: { id: entry.advisory.id }, props: { entry } }));
}

export const GET: APIRoute<{ entry: AdvisoryEntry }> = ({ props }) => {
  const { hub, now } = getBuildContext();
  return new Response(`${JSON.stringify(osvRecord(hub, props.entry, now), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
