/** The built `/llms.txt` and `/llms-full.txt` of the example hub: in both builds, with only what each build may show. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtSite } from './helpers/scenario.ts';

describe.each(['example-internal', 'example-public'] as const)('llms.txt of %s', (name) => {
  const read = (file: string) => readFileSync(path.join(builtSite(name), file), 'utf8');

  it('indexes the changelog, upgrade steps and advisories with absolute URLs', () => {
    const index = read('llms.txt');
    expect(index.startsWith('# Northwind Release Hub\n\n> ')).toBe(true);
    expect(index).toContain('(https://releases.northwind.example/changelog/api/)');
    expect(index).toContain('(https://releases.northwind.example/api/upgrade/web.json)');
    expect(index).toContain('(https://releases.northwind.example/llms-full.txt)');
  });

  it('holds every changelog entry in Markdown, with disclosed advisories and without embargoed ones', () => {
    const full = read('llms-full.txt');
    expect(full).toContain('## Northwind API 2.0.0: Northwind API v2');
    expect(full).toContain('- (CVE-2026-1234, High) Fixed an authorisation flaw');
    // Embargoed until 2026-12-15: a customer view, so not in either build.
    expect(full).not.toContain('CVE-2026-41177');
    // Public changes only, in both builds: the internal change of API 2.0.0 is not there.
    expect(full).not.toContain('compatibility layer that translates');
  });
});

describe('the Markdown twin of a release page', () => {
  const read = (name: 'example-internal' | 'example-public', file: string) => readFileSync(path.join(builtSite(name), file), 'utf8');

  it('is next to each release page of both builds, linked as its alternate, and named in llms.txt', () => {
    for (const name of ['example-internal', 'example-public'] as const) {
      const page = read(name, 'releases/api/2.0.0/index.html');
      expect(page).toContain('<link rel="alternate" type="text/markdown" title="This release as Markdown" href="/releases/api/2.0.0/index.md">');
      expect(read(name, 'llms.txt')).toContain('Every release page has a Markdown twin: `index.md` after its URL.');
      expect(read(name, 'llms-full.txt')).toContain('(as Markdown: https://releases.northwind.example/releases/api/2.0.0/index.md)');
    }
    const twin = read('example-public', 'releases/api/2.0.0/index.md');
    expect(twin.startsWith('# Northwind API 2.0.0: Northwind API v2\n')).toBe(true);
    expect(twin).toContain('- Status: Released');
    expect(twin).toContain('- Release notes and everything else: https://releases.northwind.example/releases/api/2.0.0/');
    expect(twin).toMatch(/^### Removed\n\n- \(breaking\) Offset pagination is removed/m);
    expect(read('example-public', 'releases/api/2.2.1/index.md')).toMatch(/^### Security\n\n- \(CVE-2026-1234, High\) Fixed an authorisation flaw/m);
  });

  it('holds only what its build may show: internal changes and embargoed advisories in the internal twin, marked; neither in the public one', () => {
    expect(read('example-internal', 'releases/api/2.0.0/index.md')).toMatch(/^- \(internal\) .*compatibility layer that translates/m);
    expect(read('example-public', 'releases/api/2.0.0/index.md')).not.toContain('compatibility layer that translates');
    expect(read('example-internal', 'releases/web/4.2.0/index.md')).toMatch(/CVE-2026-41177, \w+, embargoed until 2026-12-15/);
    const publicTwin = read('example-public', 'releases/web/4.2.0/index.md');
    expect(publicTwin).not.toContain('CVE-2026-41177');
    expect(publicTwin).toContain('Guests cannot see member lists or @-mention workspace members');
    expect(publicTwin).not.toContain('Audience:');
  });
});
