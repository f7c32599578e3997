/** The search index step of a build: Pagefind over the built site; a failure fails the build. */
import { writeSearchIndex } from '../search/index-site.ts';

/** Why: a site is never published without its index, and an indexing error is one clear line. */
export async function indexSite(siteDir: string): Promise<void> {
  try {
    const { pageCount } = await writeSearchIndex(siteDir);
    process.stdout.write(`✓ search index: ${pageCount} ${pageCount === 1 ? 'page' : 'pages'}\n`);
  } catch (error) {
    process.stderr.write(`\n✗ build stopped: search indexing failed: ${(error as Error).message}\n`);
    process.exit(1);
  }
}
