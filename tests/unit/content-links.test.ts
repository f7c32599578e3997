/** Finding internal links in content bodies, with their lines, ignoring code. */
import { describe, expect, it } from 'vitest';
import { findInternalLinks, servedFile } from '../../src/lib/content-links';

describe('findInternalLinks', () => {
  it('finds inline, reference and HTML links with lines, and skips code and external links', () => {
    const body = [
      'Intro [a](/runbooks/a/) and [b](https://example.com/x).', // line 10
      '',
      '```sh',
      'echo "[c](/not/a/link/)"',
      '```',
      'See `[d](/also/not/)` and <a href="/people/alice/#roles">Alice</a>.', // line 15
      '[ref]: /releases/web/1.0.0/#highlights',
      'Protocol-relative [e](//cdn.example/x) is external.',
    ].join('\n');
    expect(findInternalLinks(body, 10)).toEqual([
      { path: '/runbooks/a/', fragment: undefined, line: 10 },
      { path: '/people/alice/', fragment: 'roles', line: 15 },
      { path: '/releases/web/1.0.0/', fragment: 'highlights', line: 16 },
    ]);
  });
});

describe('servedFile', () => {
  it.each([
    ['/runbooks/a/', '/runbooks/a/index.html'],
    ['/runbooks/a', '/runbooks/a/index.html'],
    ['/calendar.ics', '/calendar.ics'],
    ['/', '/index.html'],
  ])('%s → %s', (path, file) => expect(servedFile(path)).toBe(file));
});
