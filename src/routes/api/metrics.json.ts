/**
 * `/api/metrics.json`: SPEC §4 metrics plus the custom series, computed from this build's hub at
 * this build's "now", with the release ids behind every number. Internal only: the integration does not inject this route into a public build.
 */
import { singleFileRoute } from '../../runtime/file-route.ts';

export const GET = singleFileRoute('/api/metrics.json');
