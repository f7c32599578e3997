/** The edit of the rebuild measurement (scripts/bench/rebuild.ts). */
import { describe, expect, it } from 'vitest';
import { editRelease } from '../../scripts/bench/rebuild.ts';

describe('editRelease', () => {
  it.each([
    {
      name: 'replaces the summary and adds a paragraph to the body',
      before: '---\nversion: 1.0.0\ntitle: One\nsummary: Old words\nchanges:\n  - type: added\n    summary: A change\n---\n\nBody.\n',
      after:
        '---\nversion: 1.0.0\ntitle: One\nsummary: Edited for the rebuild measurement, summary\nchanges:\n  - type: added\n    summary: A change\n---\n\nBody.\n\nEdited for the rebuild measurement, body.\n',
    },
    {
      name: 'adds a summary after the title when there is none, and leaves the changes’ summaries alone',
      before: '---\nversion: 1.0.0\ntitle: One\nchanges:\n  - type: added\n    summary: A change\n---\nBody.',
      after:
        '---\nversion: 1.0.0\ntitle: One\nsummary: Edited for the rebuild measurement, summary\nchanges:\n  - type: added\n    summary: A change\n---\nBody.\n\nEdited for the rebuild measurement, body.\n',
    },
  ])('$name', ({ before, after }) => {
    expect(editRelease(before)).toBe(after);
  });

  it.each([
    ['no frontmatter', 'Just a body.\n', 'the release has no frontmatter to edit'],
    ['neither summary nor title', '---\nversion: 1.0.0\n---\nBody.\n', 'the release has neither a summary nor a title line'],
  ])('refuses a release with %s', (_, text, message) => {
    expect(() => editRelease(text)).toThrow(message);
  });
});
