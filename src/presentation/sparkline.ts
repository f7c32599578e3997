/**
 * Sparklines drawn at build time: a small series of numbers (with gaps) turned into SVG path data,
 * so the dashboard shows a metric's shape with zero JavaScript. Pure and deterministic.
 */

/** The drawing area of a sparkline, in SVG user units. */
export interface SparklineBox {
  width: number;
  height: number;
  /** Room kept free on every side, so the line and its end dot are never clipped. */
  inset: number;
}

/** A sparkline ready to render: line segments (broken at gaps) and the last value's point. */
export interface SparklineShape {
  /** One SVG path `d` per run of consecutive values; a run of one value is a dot, not a path. */
  segments: string[];
  /** Values standing alone between gaps, drawn as dots so they are not lost. */
  dots: { x: number; y: number }[];
  /** The point of the last value that has data, highlighted; `null` when no value has data. */
  last: { x: number; y: number } | null;
}

/** The default box: wide and short, like a word in a line of text. */
export const SPARKLINE_BOX: SparklineBox = { width: 160, height: 36, inset: 4 };

/**
 * Why: turns values into path data. The y scale spans the values' own minimum to maximum (a
 * sparkline shows shape, not size); a flat series is drawn through the middle. `null` is a gap.
 */
export function sparklineShape(values: readonly (number | null)[], box: SparklineBox = SPARKLINE_BOX): SparklineShape {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return { segments: [], dots: [], last: null };
  const min = Math.min(...known);
  const max = Math.max(...known);
  const step = values.length > 1 ? (box.width - 2 * box.inset) / (values.length - 1) : 0;
  const usableHeight = box.height - 2 * box.inset;
  const pointAt = (value: number, index: number) => ({
    x: round(box.inset + index * step + (values.length > 1 ? 0 : (box.width - 2 * box.inset) / 2)),
    y: round(max === min ? box.height / 2 : box.inset + ((max - value) / (max - min)) * usableHeight),
  });
  const runs = splitAtGaps(values).map((run) => run.map(({ value, index }) => pointAt(value, index)));
  const lastIndex = values.findLastIndex((value) => value !== null);
  return {
    segments: runs.filter((run) => run.length > 1).map((run) => run.map((point, i) => `${i === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ')),
    dots: runs.filter((run) => run.length === 1).map((run) => run[0]!),
    last: pointAt(values[lastIndex] as number, lastIndex),
  };
}

/** Consecutive non-null values with their positions. */
function splitAtGaps(values: readonly (number | null)[]): { value: number; index: number }[][] {
  const runs: { value: number; index: number }[][] = [];
  let current: { value: number; index: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else {
      current.push({ value, index });
    }
  });
  if (current.length > 0) runs.push(current);
  return runs;
}

/** Two decimals keep the SVG small and its bytes the same on every machine. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
