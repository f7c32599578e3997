/**
 * `/releases/<product>/<version>/card.png`: the social card of the newest changelog entries of each
 * product (src/social/card.ts), its SVG rasterised by sharp (libvips; the same bytes for the same
 * SVG and fonts). The release page names it as its `og:image`.
 */
import { fileRoute } from '../../../runtime/file-route.ts';

export const { getStaticPaths, GET } = fileRoute('/releases/[product]/[version]/card.png');
