/**
 * Quality gates over every built page of the example hub, in both audiences: valid HTML
 * (html-validate) and no broken internal link or #fragment (linkinator, offline).
 */
import { describe, expect, it } from 'vitest';
import { htmlErrors, htmlFiles, linkCheck } from './helpers/gates.ts';
import { builtSite } from './helpers/scenario.ts';

describe.each(['internal', 'public'] as const)('the %s build', (audience) => {
  const dist = () => builtSite(audience === 'internal' ? 'example-internal' : 'example-public');

  it('is valid HTML on every page', async () => {
    expect(htmlFiles(dist()).length).toBeGreaterThan(audience === 'internal' ? 100 : 40);
    expect(await htmlErrors(dist())).toEqual([]);
  });

  it('has no broken internal link or fragment', async () => {
    const { broken, checked } = await linkCheck(dist());
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
