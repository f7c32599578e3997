import { describe, expect, it } from 'vitest';
import { typoFallbacks } from '../../src/search/typo.ts';

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
