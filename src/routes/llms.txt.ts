/** `/llms.txt`: the hub's index for language models (src/llms/llms-txt.ts). */
import { singleFileRoute } from '../runtime/file-route.ts';

export const GET = singleFileRoute('/llms.txt');
