/** `/api/releases.json`: every release of this build's audience with all its fields and its absolute URL; internal builds add `attention`. */
import { singleFileRoute } from '../../runtime/file-route.ts';

export const GET = singleFileRoute('/api/releases.json');
