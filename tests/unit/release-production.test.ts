import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { inProduction } from '../../src/releases/production.ts';
import { at, makeHub, makeRelease } from './helpers/hub-factory.ts';

const NOW = Temporal.Instant.from('2026-03-20T12:00:00Z');
const shipped = (product: string, version: string, finished: string, status: 'released' | 'rolled-back' = 'released') =>
  makeRelease({ product, version, status, deployment: { finishedAt: at(finished) } });

const hub = makeHub({
  releases: [
    shipped('web', '4.1.0', '2026-02-10T03:00'),
    shipped('web', '4.2.0', '2026-03-10T03:00'),
    // Rolled back: web runs 4.2.0 again.
    shipped('web', '4.3.0', '2026-03-17T03:00', 'rolled-back'),
    // Finished after now: not in production yet.
    shipped('web', '4.4.0', '2026-03-24T03:00'),
    // Two api releases finished at the same instant: the higher version wins.
    shipped('api', '2.0.1', '2026-03-01T10:00'),
    shipped('api', '2.0.10', '2026-03-01T10:00'),
    makeRelease({ product: 'api', version: '2.1.0', status: 'scheduled' }),
  ],
});

describe('inProduction', () => {
  it('gives each product its newest release that shipped by now and was not rolled back, in hub.yaml order', () => {
    expect(inProduction(hub, NOW).map((entry) => `${entry.productName} ${entry.release.version}`)).toEqual(['Acme Web 4.2.0', 'Acme API 2.0.10']);
    expect(inProduction(hub, NOW)[0]!.since.toString()).toBe(at('2026-03-10T03:00').toString());
  });

  it('answers for the products asked, and leaves out a product that never shipped', () => {
    expect(inProduction(hub, NOW, ['api']).map((entry) => entry.release.id)).toEqual(['api/2.0.10']);
    expect(inProduction(makeHub({ releases: [makeRelease({ status: 'planned' })] }), NOW)).toEqual([]);
  });
});
