import { describe, expect, it } from 'vitest';
import { NEUTRAL_FREEZE_NAME, viewForAudience } from '../../src/core/audience.ts';
import { at, makeFreeze, makeHub } from './helpers/hub-factory.ts';

describe('freezes in the public view', () => {
  const yearEnd = makeFreeze({ name: 'Year-end freeze', audience: 'public', reason: 'Holidays.' });
  const summit = makeFreeze({ name: 'Partner Summit', products: ['api'], start: at('2026-06-15'), end: at('2026-06-20'), reason: 'Live demos.' });
  const hub = makeHub({ freezes: [yearEnd, summit] });

  it('keeps a public freeze as it is, and an internal one as a neutral "Release freeze" over the same days and products', () => {
    expect(viewForAudience(hub, 'public').freezes).toEqual([
      yearEnd,
      { name: NEUTRAL_FREEZE_NAME, start: summit.start, end: summit.end, products: ['api'], audience: 'internal' },
    ]);
    expect(NEUTRAL_FREEZE_NAME).toBe('Release freeze');
  });

  it('keeps every freeze as written in the internal view', () => {
    expect(viewForAudience(hub, 'internal').freezes).toEqual([yearEnd, summit]);
  });
});
