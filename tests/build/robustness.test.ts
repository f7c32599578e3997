/**
 * Unusual but valid input builds and passes the gates: Unicode (CJK, RTL, emoji) everywhere, a
 * 2,000-line runbook, a release with 300 changes, a product with one release, an empty
 * freezes.yaml (tests/fixtures/robust/content/), and a hub with one product, no cadence and nothing
 * but releases (tests/fixtures/single-product/content/).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlErrors, linkCheck } from './helpers/gates.ts';
import { builtSite, scenario } from './helpers/scenario.ts';

const page = (dist: string, route: string) => load(readFileSync(path.join(dist, route, 'index.html'), 'utf8'));

describe.each(['robust', 'single-product'] as const)('the %s fixture hub', (fixture) => {
  let dist: string;
  beforeAll(() => {
    dist = builtSite(fixture);
  });

  it('is valid HTML on every page', async () => {
    expect(await htmlErrors(dist)).toEqual([]);
  });

  it('has no broken internal link or fragment', async () => {
    expect((await linkCheck(dist)).broken).toEqual([]);
  });

  if (fixture === 'robust') {
    it('keeps Unicode titles and names intact', () => {
      expect(page(dist, '').text()).toContain('発行ハブ 🚀');
      expect(page(dist, 'releases/mobile/0.1.0').text()).toContain('الإصدار الأول لتطبيق الجوال');
      expect(page(dist, 'people/zoe').text()).toContain('Zoë 👩‍🚀 Ångström');
    });

    it('lists all 300 changes of one release', () => {
      const $ = page(dist, 'releases/web/1.0.0');
      for (const n of [1, 150, 300]) expect($('main').text()).toContain(`Change ${n}: 変更 ${n}`);
    });

    it('shows a plain-Markdown body, rendered before the bundle, on its release page with its heading anchors', () => {
      const $ = page(dist, 'releases/web/1.0.0');
      expect($('main h2#ハイライト').text()).toBe('ハイライト');
      expect($('main a.heading-anchor[href="#ハイライト"]').length).toBe(1);
      expect($('main strong:contains("three hundred")').length).toBe(1);
      // Rendered by the integration, not compiled as a module: the build says how many.
      expect(scenario(fixture).builds[0]?.stdout).toMatch(/rendered \d+ Markdown release bod(y|ies) in \d+ ms/);
    });

    it('renders the 2,000-line runbook whole', () => {
      const $ = page(dist, 'runbooks/giant');
      expect($('main h2').length).toBeGreaterThan(100);
      expect($('main').text()).toContain('Step 1.1');
    });
  } else {
    it('builds release pages for a hub whose releases name no product', () => {
      expect(page(dist, 'releases/solo/1.0.0').text()).toContain('First release, shipped the night the clocks changed');
    });

    it('fails the HTML and link gates when a defect is planted in a copy of it', async () => {
      const planted = path.join(mkdtempSync(path.join(os.tmpdir(), 'hub-planted-')), 'dist');
      cpSync(dist, planted, { recursive: true });
      const home = path.join(planted, 'index.html');
      writeFileSync(
        home,
        readFileSync(home, 'utf8').replace('</main>', '<p><div>misnested</p></div><a href="/no/such/page/">gone</a><a href="/#no-such-anchor">gone</a></main>'),
      );
      expect((await htmlErrors(planted)).some((error) => error.startsWith('index.html:'))).toBe(true);
      const { broken } = await linkCheck(planted);
      expect(broken.some((link) => link.includes('/no/such/page/'))).toBe(true);
      expect(broken.some((link) => link.includes('no-such-anchor'))).toBe(true);
    });
  }
});
