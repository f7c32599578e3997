/**
 * `/api/usage.json`: each product's hour-of-week profile, its quietest windows and the windows in
 * busy hours (src/usage/view.ts). Internal only: the integration does not inject this route into a public build.
 */
import { singleFileRoute } from '../../runtime/file-route.ts';

export const GET = singleFileRoute('/api/usage.json');
