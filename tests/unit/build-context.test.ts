/** The build context: validated once and handed from the build script to the pages, read by components without await. */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { handOffValidatedHub, takeValidatedHub } from '../../src/lib/content/handoff';
import { makeHub } from './helpers/hub-factory';

const minimal = path.resolve(import.meta.dirname, '../fixtures/minimal');

describe('the hand-off of the validated hub', () => {
  it('gives the hub to a build of the same content root only', () => {
    const hub = makeHub();
    handOffValidatedHub('/hubs/a/content', hub);
    expect(takeValidatedHub('/hubs/a/content')).toBe(hub);
    expect(takeValidatedHub('/hubs/b/content')).toBeUndefined();
  });
});

describe('the build context', () => {
  it('is readable without await only once a page has awaited it, and is then the same object', async () => {
    vi.resetModules();
    vi.stubEnv('HUB_CONTENT_DIR', minimal);
    vi.stubEnv('SOURCE_DATE_EPOCH', '1795683600');
    const { getBuildContext, loadedBuildContext } = await import('../../src/data/hub');
    expect(() => loadedBuildContext()).toThrow('the page must await getBuildContext() first');
    const context = await getBuildContext();
    expect(loadedBuildContext()).toBe(context);
    expect(context.now.epochMilliseconds).toBe(1795683600 * 1000);
    vi.unstubAllEnvs();
  });

  it('uses the hub the build script handed off instead of validating again', async () => {
    vi.resetModules();
    vi.stubEnv('HUB_CONTENT_DIR', minimal);
    const handed = makeHub();
    handed.config.title = 'Handed off';
    handOffValidatedHub(minimal, handed);
    const { getBuildContext } = await import('../../src/data/hub');
    expect((await getBuildContext()).hub.config.title).toBe('Handed off');
    vi.unstubAllEnvs();
  });
});
