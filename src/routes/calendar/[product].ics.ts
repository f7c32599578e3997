/** `/calendar/<product>.ics`: one product's windows and the freezes that apply to it. */
import type { APIRoute } from 'astro';
import { icsResponse, productIcsPaths } from './ics-response.ts';

export const getStaticPaths = productIcsPaths;
export const GET: APIRoute = ({ params }) => icsResponse(params.product);
