/**
 * `/announce/<product>/<version>/<kind>.<ext>` (internal only): the announcement drafts of the
 * releases `releasesToAnnounce` picks (not released yet, or released in the last 90 days), each
 * kind in each format (src/announce/drafts.ts).
 */
import { fileRoute } from '../../../../runtime/file-route.ts';

export const { getStaticPaths, GET } = fileRoute('/announce/[product]/[version]/[file]');
