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
