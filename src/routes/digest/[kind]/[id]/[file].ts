/**
 * `/digest/<kind>/<id>/digest.eml` and `digest.txt`: a digest as an email (multipart: the text
 * part and the inline-styled HTML of src/announce/email.ts) and its text part, for a CI step to send.
 */
import { fileRoute } from '../../../../runtime/file-route.ts';

export const { getStaticPaths, GET } = fileRoute('/digest/[kind]/[id]/[file]');
