/**
 * `/digest/<kind>/<id>/digest.eml` and `digest.txt`: a digest as an email (multipart: the text
 * part and the inline-styled HTML of src/announce/email.ts) and its text part, for a CI step to send.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { announcementEml, announcementPlainText } from '../../../../announce/email.ts';
import { DIGEST_FILES } from '../../../../digest/digest.ts';
import { messageDigests } from '../../digests.ts';

export const getStaticPaths = (() =>
  messageDigests().flatMap(({ period, message }) => [
    { params: { kind: period.kind, id: period.id, file: DIGEST_FILES.eml }, props: { text: announcementEml(message), contentType: 'message/rfc822' } },
    {
      params: { kind: period.kind, id: period.id, file: DIGEST_FILES.text },
      props: { text: announcementPlainText(message), contentType: 'text/plain; charset=utf-8' },
    },
  ])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { text, contentType } = props as { text: string; contentType: string };
  return new Response(text, { headers: { 'Content-Type': contentType } });
};
