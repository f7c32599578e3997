import { describe, expect, it } from 'vitest';
import { sparklineShape } from '../../src/presentation/sparkline.ts';

const BOX = { width: 110, height: 30, inset: 5 };

describe('sparklineShape', () => {
  it('spreads values over the width and scales them from their minimum (bottom) to maximum (top)', () => {
    // x: 5, 30, 55, 80, 105; y: 25 is the minimum, 5 the maximum.
    expect(sparklineShape([1, 3, 2, 5, 1], BOX)).toEqual({
      segments: ['M5 25 L30 15 L55 20 L80 5 L105 25'],
      dots: [],
      last: { x: 105, y: 25 },
    });
  });

  it('breaks the line at gaps, draws lone values as dots and marks the last value with data', () => {
    // Eight positions 100/7 apart: x = 5, 19.29, 33.57, 47.86, 62.14, 76.43, 90.71, 105.
    expect(sparklineShape([2, 4, null, 3, null, 4, 2, null], BOX)).toEqual({
      segments: ['M5 25 L19.29 5', 'M76.43 5 L90.71 25'],
      dots: [{ x: 47.86, y: 15 }],
      last: { x: 90.71, y: 25 },
    });
  });

  it('draws a flat series through the middle and a single value in the centre', () => {
    expect(sparklineShape([7, 7, 7], BOX).segments).toEqual(['M5 15 L55 15 L105 15']);
    expect(sparklineShape([7], BOX)).toEqual({ segments: [], dots: [{ x: 55, y: 15 }], last: { x: 55, y: 15 } });
  });

  it('draws nothing when no value has data', () => {
    expect(sparklineShape([null, null], BOX)).toEqual({ segments: [], dots: [], last: null });
  });
});
