import { describe, expect, it } from 'vitest';
import { isCloseMatch, markedWords, typoFallbacks } from '../../src/search/typo.ts';

describe('typoFallbacks', () => {
  it.each([
    ['rolback', ['rolbac', 'rolba', 'rolb', 'rol']],
    ['  rolback  ', ['rolbac', 'rolba', 'rolb', 'rol']],
    ['api', []],
    ['db', []],
    ['', []],
    // Each word loses a letter per try, down to three letters; short words stay as written.
    ['rolback databse', ['rolbac databs', 'rolba datab', 'rolb data', 'rol dat']],
    ['web deplyo', ['web deply', 'web depl', 'web dep']],
  ])('retries "%s" as %j', (term, expected) => {
    expect(typoFallbacks(term)).toEqual(expected);
  });
});

describe('isCloseMatch', () => {
  it.each([
    // Pagefind's own guess for "rolback" in the example hub: the RACI letter "R" on people pages.
    ['rolback', ['R', 'R', 'Responsible'], false],
    ['rolback', [], false],
    ['rollbakc', ['Roll', 'Rolling', 'Rolled'], true],
    ['rol', ['Rollback', 'Roll'], true],
    ['Rollback', ['rollback'], true],
    // Every typed word needs a close marked word; words under three letters are not judged.
    ['rolback web', ['Web', 'R'], false],
    ['rol web', ['Rolled', 'web'], true],
    ['db', ['database'], true],
    ['2.4.0', [], true],
    ['migrär', ['Migräne'], true],
  ])('"%s" against the marked words %j: %s', (term, marked, expected) => {
    expect(isCloseMatch(term, marked)).toBe(expected);
  });
});

describe('markedWords', () => {
  it.each([
    ['<mark>Rollback</mark> runbook. <mark>Roll</mark> back', ['Rollback', 'Roll']],
    ['A/<mark>R</mark> Accountable', ['R']],
    ['database <mark>migrations.</mark> They', ['migrations']],
    ['no marks', []],
  ])('reads %j', (excerpt, expected) => {
    expect(markedWords(excerpt)).toEqual(expected);
  });
});
