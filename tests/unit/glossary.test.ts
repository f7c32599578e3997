import { describe, expect, it } from 'vitest';
import { durationText, LABELS, listInWords, noReleasesText, openForText, scheduleText } from '../../src/presentation/glossary.ts';

describe('the glossary', () => {
  it.each([
    [[], ''],
    [['Acme Web'], 'Acme Web'],
    [['Acme Web', 'Acme API'], 'Acme Web and Acme API'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('lists %j in words as "%s"', (names, expected) => {
    expect(listInWords(names)).toBe(expected);
  });

  it.each([
    [[], 'No releases.'],
    [['Acme API'], 'No releases of Acme API.'],
    [['Acme Web', 'Acme API'], 'No releases of Acme Web and Acme API.'],
  ])('says what a freeze of %j stops: "%s" (never "of all products")', (names, expected) => {
    expect(noReleasesText(names)).toBe(expected);
  });

  it('names a slot open for some products only, and one label for a release without a window', () => {
    expect(openForText(['Acme Web'])).toBe('Open for Acme Web');
    expect(LABELS.notScheduled).toBe('Not scheduled');
  });
});

describe('schedule verdicts in words', () => {
  it.each([
    [45, '45 min'],
    [60, '1 h'],
    [135, '2 h 15 min'],
    [1440, '1 d'],
    [1620, '1 d 3 h'],
  ])('writes %i minutes as "%s"', (minutes, expected) => {
    expect(durationText(minutes)).toBe(expected);
  });

  it('says on schedule, with the tolerance when there is one, or how late', () => {
    expect(scheduleText({ kind: 'on-time' }, 0)).toBe('On schedule (finished within its window)');
    expect(scheduleText({ kind: 'on-time' }, 30)).toBe('On schedule (finished within its window plus 30 min)');
    expect(scheduleText({ kind: 'late', minutesLate: 135 }, 0)).toBe('Late: finished 2 h 15 min after its window');
    expect(scheduleText({ kind: 'late', minutesLate: 1 }, 30)).toBe('Late: finished 1 min after its window and the 30 min tolerance');
    expect(scheduleText({ kind: 'no-window' }, 0)).toBeUndefined();
  });
});
