/**
 * `/releases/<product>/<version>/card.png`: the social card of the newest changelog entries of each
 * product (src/social/card.ts), its SVG rasterised by sharp (libvips; the same bytes for the same
 * SVG and fonts). The release page names it as its `og:image`.
 */
import type { APIRoute } from 'astro';
import sharp from 'sharp';
import type { ChangelogEntry } from '../../../releases/changelog.ts';
import { getBuildContext } from '../../../runtime/build-context.ts';
import { socialCardEntries, socialCardSvg } from '../../../social/card.ts';

export async function getStaticPaths() {
  const { hub } = getBuildContext();
  return [...socialCardEntries(hub).values()].map((entry) => ({
    params: { product: entry.release.product, version: entry.release.version },
    props: { entry },
  }));
}

export const GET: APIRoute = async ({ props }) => {
  const { hub } = getBuildContext();
  const svg = socialCardSvg(hub, (props as { entry: ChangelogEntry }).entry);
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
