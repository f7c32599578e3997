import { describe, expect, it } from 'vitest';
import { filterStatusText, normaliseForFilter, rowMatches } from '../../src/releases/text-filter.ts';

describe('the text filter of release lists', () => {
  const row = '4.3.1  Northwind Web  Zürich   data centre  Released  Tue 1 Jul 2025';

  it.each([
    ['', true],
    ['  ', true],
    ['4.3.1', true],
    ['northwind 4.3', true],
    ['web released', true],
    ['zurich', true],
    ['RELEASED web', true],
    ['api', false],
    ['web rolled', false],
  ])('"%s" matches: %s', (query, expected) => {
    expect(rowMatches(row, query)).toBe(expected);
  });

  it('ignores case, accents and runs of spaces', () => {
    expect(normaliseForFilter('  Zürich\n  DATA   centre ')).toBe('zurich data centre');
  });

  it.each([
    [12, 12, '', '12 releases on this page'],
    [1, 1, ' ', '1 release on this page'],
    [3, 12, ' api ', '3 of 12 releases on this page match “api”'],
  ])('says %i of %i for "%s": %s', (shown, total, query, expected) => {
    expect(filterStatusText(shown, total, query)).toBe(expected);
  });
});
