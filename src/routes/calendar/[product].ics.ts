/** `/calendar/<product>.ics`: one product's windows and the freezes that apply to it. */
import { fileRoute } from '../../runtime/file-route.ts';

export const { getStaticPaths, GET } = fileRoute('/calendar/[product].ics');
