/** `/calendar.ics`: every release window and freeze this build may show, as a subscribable calendar. */
import type { APIRoute } from 'astro';
import { icsResponse } from './calendar/ics-response.ts';

export const GET: APIRoute = () => icsResponse();
