/**
 * Upgrade paths (src/upgrade/upgrade-paths.ts), worked out by hand on one product's history that
 * spans a breaking major (2.0.0), a security fix (1.1.0) and a deprecation (1.2.1) later removed.
 */
import { describe, expect, it } from 'vitest';
import { viewForAudience } from '../../src/core/audience.ts';
import type { Release } from '../../src/core/model.ts';
import {
  UPGRADE_PAGE_CHANGES,
  upgradeDocument,
  upgradeGroupOf,
  upgradeLinkOf,
  upgradePage,
  upgradePages,
  upgradePath,
  isMigrationHeading,
} from '../../src/upgrade/upgrade-paths.ts';
import { makeChange, makeHub, makeRelease, makeShippedRelease } from './helpers/hub-factory.ts';

const change = makeChange;
const shipped = makeShippedRelease;

const hub = makeHub({
  releases: [
    shipped('1.0.0', '2026-01-05', [change('added', 'First light')]),
    shipped('1.1.0', '2026-02-02', [
      change('added', 'Dark mode'),
      change('security', 'Session cookies are rotated on sign-in'),
      change('changed', 'Moved the session store', { audience: 'internal' }),
    ]),
    shipped('1.2.0', '2026-03-02', [change('added', 'Bulk edit')], { status: 'rolled-back', rollback: { reason: 'Slow' } }),
    // A fix on the old line, shipped after 2.0.0: SemVer order, not time order, makes the path.
    shipped('1.2.1', '2026-05-04', [change('deprecated', 'CSV export v1 is deprecated'), change('fixed', 'Typo on the login page')]),
    shipped('2.0.0', '2026-04-06', [
      change('removed', 'CSV export v1 is removed', { breaking: true }),
      change('changed', 'New base path /v2', { breaking: true }),
      change('removed', 'The old theme is gone'),
    ]),
    shipped('2.1.0', '2026-06-01', [change('added', 'Secret beta')], { audience: 'internal' }),
    makeRelease({ version: '3.0.0', status: 'planned', audience: 'public', changes: [change('added', 'Not yet')] }),
    shipped('0.9.0', '2026-01-01', [change('added', 'API start')], { product: 'api' }),
  ],
});

const summaries = (path: ReturnType<typeof upgradePath>) =>
  Object.fromEntries(path!.groups.map((group) => [group.key, group.changes.map(({ release, change: item }) => `${release.version} ${item.summary}`)]));

describe('the groups of a change', () => {
  it.each([
    [{ type: 'removed', breaking: true }, 'breaking'],
    [{ type: 'security', breaking: true }, 'breaking'],
    [{ type: 'security', breaking: false }, 'security'],
    [{ type: 'deprecated', breaking: false }, 'deprecations'],
    [{ type: 'removed', breaking: false }, 'deprecations'],
    [{ type: 'added', breaking: false }, 'other'],
    [{ type: 'changed', breaking: false }, 'other'],
    [{ type: 'fixed', breaking: false }, 'other'],
  ] as const)('%o is in %s', (item, group) => {
    expect(upgradeGroupOf(item)).toBe(group);
  });

  it.each([
    ['Migration guide', true],
    ['Migrating from v1', true],
    ['Upgrading', true],
    ['Upgrade notes', true],
    ['Highlights', false],
    ['Immigration law', false],
  ])('a heading "%s" is a migration guide: %s', (text, expected) => {
    expect(isMigrationHeading(text)).toBe(expected);
  });
});

describe('the path from a version to the latest', () => {
  it('spans the released public versions after it, grouped breaking → security → deprecations → the rest', () => {
    const path = upgradePath(hub, 'web', '1.0.0');
    expect(path!.steps.map((release) => release.version)).toEqual(['1.1.0', '1.2.1', '2.0.0']);
    expect(path!.to.version).toBe('2.0.0');
    expect(summaries(path)).toEqual({
      breaking: ['2.0.0 CSV export v1 is removed', '2.0.0 New base path /v2'],
      security: ['1.1.0 Session cookies are rotated on sign-in'],
      deprecations: ['1.2.1 CSV export v1 is deprecated', '2.0.0 The old theme is gone'],
      other: ['1.1.0 Dark mode', '1.2.1 Typo on the login page'],
    });
  });

  it('takes a to-version, and has no path from the latest, from a rolled-back version or backwards', () => {
    expect(summaries(upgradePath(hub, 'web', '1.0.0', { to: '1.2.1' }))).toEqual({
      breaking: [],
      security: ['1.1.0 Session cookies are rotated on sign-in'],
      deprecations: ['1.2.1 CSV export v1 is deprecated'],
      other: ['1.1.0 Dark mode', '1.2.1 Typo on the login page'],
    });
    expect(upgradePath(hub, 'web', '2.0.0')).toBeUndefined();
    expect(upgradePath(hub, 'web', '1.2.0')).toBeUndefined();
    expect(upgradePath(hub, 'web', '1.2.1', { to: '1.1.0' })).toBeUndefined();
    expect(upgradePath(hub, 'web', '9.9.9')).toBeUndefined();
  });

  it('is the same in the public build', () => {
    expect(summaries(upgradePath(viewForAudience(hub, 'public'), 'web', '1.0.0'))).toEqual(summaries(upgradePath(hub, 'web', '1.0.0')));
  });

  it('collects the migration guides of the steps, oldest first', () => {
    const guidesOf = (release: Release) => (release.version === '2.0.0' ? [{ release, text: 'Migration guide', slug: 'migration-guide' }] : []);
    const path = upgradePath(hub, 'web', '1.1.0', { guidesOf });
    expect(path!.migrationGuides.map((guide) => `${guide.release.version}#${guide.slug}`)).toEqual(['2.0.0#migration-guide']);
  });
});

describe('pages and links', () => {
  it('has one page per version but the latest, and links to it from those versions only', () => {
    expect(upgradePages(hub).map((release) => release.id)).toEqual(['web/1.0.0', 'web/1.1.0', 'web/1.2.1']);
    const link = (version: string) => upgradeLinkOf(hub, hub.releases.find((release) => release.id === `web/${version}`)!);
    expect([link('1.0.0'), link('1.2.0'), link('1.2.1'), link('2.0.0'), link('2.1.0')]).toEqual([
      '/changelog/web/upgrade/1.0.0/',
      undefined,
      '/changelog/web/upgrade/1.2.1/',
      undefined,
      undefined,
    ]);
  });

  it('writes every step as JSON, so a tool can take any span', () => {
    const document = upgradeDocument(
      hub,
      'web',
      (path) => `https://hub.example${path}`,
      () => [],
    );
    expect(document.latest).toBe('2.0.0');
    expect(document.versions.map(({ version, upgradeUrl, releasedAt }) => [version, upgradeUrl, releasedAt])).toEqual([
      ['1.0.0', 'https://hub.example/changelog/web/upgrade/1.0.0/', '2026-01-05T00:00:00+01:00'],
      ['1.1.0', 'https://hub.example/changelog/web/upgrade/1.1.0/', '2026-02-02T00:00:00+01:00'],
      ['1.2.1', 'https://hub.example/changelog/web/upgrade/1.2.1/', '2026-05-04T00:00:00+02:00'],
      ['2.0.0', null, '2026-04-06T00:00:00+02:00'],
    ]);
    expect(document.versions[1]!.changes.map((item) => [item.group, item.summary])).toEqual([
      ['other', 'Dark mode'],
      ['security', 'Session cookies are rotated on sign-in'],
    ]);
    expect(upgradeDocument(hub, 'api', String, () => []).versions.map((item) => item.upgradeUrl)).toEqual([null]);
  });
});

describe('an upgrade page of a long path', () => {
  // Changes per version: 1, 50, 50, 30, 1 (breaking), 200 (more than a page alone), 1 (security).
  const many = (version: string, count: number) => Array.from({ length: count }, (_, index) => change('fixed', `Fix ${index + 1} in ${version}`));
  const long = makeHub({
    releases: [
      shipped('1.0.0', '2026-01-05', many('1.0.0', 1)),
      shipped('1.1.0', '2026-01-12', many('1.1.0', 50)),
      shipped('1.2.0', '2026-01-19', many('1.2.0', 50)),
      shipped('1.3.0', '2026-01-26', many('1.3.0', 30)),
      shipped('1.4.0', '2026-02-02', [change('changed', 'New base path', { breaking: true })]),
      shipped('1.5.0', '2026-02-09', many('1.5.0', 200)),
      shipped('1.6.0', '2026-02-16', [change('security', 'Patched the parser')]),
    ],
  });
  const part = (from: string) => {
    const page = upgradePage(long, 'web', from)!;
    return { to: page.to.version, next: page.next?.version, listed: page.groups.reduce((sum, group) => sum + group.changes.length, 0) };
  };

  it('lists the versions whose changes fit, and links the part that goes on from where it stopped', () => {
    expect(UPGRADE_PAGE_CHANGES).toBe(120);
    // 50 + 50 = 100 fit; with 1.3.0's 30 it would be 130.
    expect(part('1.0.0')).toEqual({ to: '1.2.0', next: '1.2.0', listed: 100 });
    // 30 + 1 = 31 fit; 1.5.0's 200 do not.
    expect(part('1.2.0')).toEqual({ to: '1.4.0', next: '1.4.0', listed: 31 });
    // One version is always listed, even when it alone has more changes than a page.
    expect(part('1.4.0')).toEqual({ to: '1.5.0', next: '1.5.0', listed: 200 });
    expect(part('1.5.0')).toEqual({ to: '1.6.0', next: undefined, listed: 1 });
    expect(upgradePage(long, 'web', '1.6.0')).toBeUndefined();
  });

  it('tallies the whole way to the latest, whatever part it lists', () => {
    const page = upgradePage(long, 'web', '1.0.0')!;
    expect(page.latest.version).toBe('1.6.0');
    expect(page.wholePath).toEqual({ steps: 6, changes: { breaking: 1, security: 1, deprecations: 0, other: 330 } });
    expect(upgradePage(long, 'web', '1.4.0')!.wholePath).toEqual({ steps: 2, changes: { breaking: 0, security: 1, deprecations: 0, other: 200 } });
  });

  it('is the whole path when it fits', () => {
    const page = upgradePage(hub, 'web', '1.0.0')!;
    expect(page.next).toBeUndefined();
    expect(summaries(page)).toEqual(summaries(upgradePath(hub, 'web', '1.0.0')));
  });
});
