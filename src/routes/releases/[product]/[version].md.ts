/** `/releases/<product>/<version>/index.md`: the Markdown twin of each release page (src/llms/release-markdown.ts). */
import { fileRoute } from '../../../runtime/file-route.ts';

export const { getStaticPaths, GET } = fileRoute('/releases/[product]/[version]/index.md');
