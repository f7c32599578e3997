/** `/widget.json`: the newest customer entries the widget shows (src/widget/widget-data.ts). */
import { singleFileRoute } from '../runtime/file-route.ts';

export const GET = singleFileRoute('/widget.json');
