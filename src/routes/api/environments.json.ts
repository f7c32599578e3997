/** `/api/environments.json`: what runs where, per product and environment, at the build's "now" (internal build only). */
import { singleFileRoute } from '../../runtime/file-route.ts';

export const GET = singleFileRoute('/api/environments.json');
