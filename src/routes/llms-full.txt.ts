/** `/llms-full.txt`: the whole customer changelog in Markdown, for language models (src/llms/llms-txt.ts). */
import { singleFileRoute } from '../runtime/file-route.ts';

export const GET = singleFileRoute('/llms-full.txt');
