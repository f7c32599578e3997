/** `/digest/atom.xml`: the digests as Atom. */
import type { APIRoute } from 'astro';
import { digestFeed } from '../../digest/digest.ts';
import { getBuildContext } from '../../runtime/build-context.ts';
import { feedFileResponse } from '../changelog/feed-response.ts';
import { messageDigests } from './digests.ts';

export const GET: APIRoute = () => feedFileResponse('atom', digestFeed(getBuildContext().hub, messageDigests()));
