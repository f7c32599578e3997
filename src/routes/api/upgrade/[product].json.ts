/** `/api/upgrade/<product>.json`: every upgrade step of a product, for tools (src/upgrade/upgrade-paths.ts). */
import type { APIRoute } from 'astro';
import { getBuildContext } from '../../../runtime/build-context.ts';
import { migrationGuideIndex } from '../../../runtime/migration-guides.ts';
import { upgradeDocument, upgradeVersions } from '../../../upgrade/upgrade-paths.ts';
import { absoluteUrl } from '../../../core/urls.ts';
import { jsonDocument } from '../../../presentation/json.ts';

export async function getStaticPaths() {
  const { hub } = getBuildContext();
  return hub.config.products.map((product) => ({ params: { product: product.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const { hub } = getBuildContext();
  const product = params.product!;
  const guidesOf = await migrationGuideIndex(upgradeVersions(hub, product));
  const document = upgradeDocument(hub, product, (path) => absoluteUrl(hub.config.url, path), guidesOf);
  return new Response(jsonDocument(document), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
