/** The social card's SVG (src/social/card.ts): wrapped titles, escaped text, the hub's branding. */
import { describe, expect, it } from 'vitest';
import { changelogEntries } from '../../src/releases/changelog.ts';
import { socialCardSvg, wrapText } from '../../src/social/card.ts';
import { makeHub, makeShippedRelease } from './helpers/hub-factory.ts';

describe('wrapText', () => {
  it.each([
    ['Short title', 30, 3, ['Short title']],
    ['One two three four five six', 10, 3, ['One two', 'three four', 'five six']],
    ['One two three four five six seven', 10, 2, ['One two', 'three…']],
    ['Averyveryverylongword', 10, 1, ['Averyvery…']],
  ])('%j in %i columns, %i lines', (text, width, lines, expected) => {
    expect(wrapText(text, width, lines)).toEqual(expected);
  });
});

describe('socialCardSvg', () => {
  it('escapes the title and carries the accent, product, version and day', () => {
    const hub = makeHub({
      config: { accentColor: '#1f6feb' },
      releases: [makeShippedRelease('2.0.0', '2026-04-07T02:41', [], { title: 'Faster <search> & "filters"' })],
    });
    const svg = socialCardSvg(hub, changelogEntries(hub)[0]!);
    // Raw HTML goes by the safe Markdown rule; what is left is escaped for SVG.
    expect(svg).toContain('>Faster &amp; &quot;filters&quot;</text>');
    expect(svg).not.toContain('<search>');
    expect(svg).toContain('fill="#1f6feb"');
    expect(svg).toMatch(/>[^<]* 2\.0\.0</);
    expect(svg).toContain('Released ');
  });
});
