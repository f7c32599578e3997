/**
 * `/announce/<product>/<version>/<kind>.<ext>` (internal only): the announcement drafts of the
 * releases `releasesToAnnounce` picks (not released yet, or released in the last 90 days), each
 * kind in each format (src/announce/drafts.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { announcementLinks } from '../../../../announce/announcement.ts';
import { DRAFT_FORMAT_FILES, draftFiles, releasesToAnnounce } from '../../../../announce/drafts.ts';
import { getBuildContext } from '../../../../runtime/build-context.ts';

export const getStaticPaths = (() => {
  const { audience, hub, now } = getBuildContext();
  if (audience !== 'internal') return [];
  // In the build, the hrefs of core/urls.ts carry the base path already.
  const links = announcementLinks(hub.config.url);
  return releasesToAnnounce(hub, now).flatMap((release) =>
    draftFiles(hub, release, links).map((draft) => ({
      params: { product: release.product, version: release.version, file: draft.name },
      props: { text: draft.text, contentType: DRAFT_FORMAT_FILES[draft.format].contentType },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { text, contentType } = props as { text: string; contentType: string };
  return new Response(text, { headers: { 'Content-Type': contentType } });
};
