/** `/calendar.ics`: every release window and freeze this build may show, as a subscribable calendar. */
import { singleFileRoute } from '../runtime/file-route.ts';

export const GET = singleFileRoute('/calendar.ics');
