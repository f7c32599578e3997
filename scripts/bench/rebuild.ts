/**
 * The edit behind the rebuild measurement: one release's summary and body changed as an author
 * would change them, so the rebuild has real work to show (its page, the listings, the feeds).
 */

/** Words the edit writes: the rebuilt page must show them, or the rebuild did not take the edit. */
export const REBUILD_MARKER = 'Edited for the rebuild measurement';

/**
 * Why: the generated releases write every scalar on one line, so the top-level `summary:` line is
 * replaced (or one is added after `title:`), and a paragraph is added at the end of the body.
 */
export function editRelease(text: string): string {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('the release has no frontmatter to edit');
  const lines = match[1]!.split('\n');
  const summary = `summary: ${REBUILD_MARKER}, summary`;
  const existing = lines.findIndex((line) => line.startsWith('summary: '));
  if (existing >= 0) lines[existing] = summary;
  else {
    const title = lines.findIndex((line) => line.startsWith('title: '));
    if (title < 0) throw new Error('the release has neither a summary nor a title line');
    lines.splice(title + 1, 0, summary);
  }
  const body = text.slice(match[0].length).replace(/\n*$/, '\n');
  return `---\n${lines.join('\n')}\n---\n${body}\n${REBUILD_MARKER}, body.\n`;
}
