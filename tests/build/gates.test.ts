/**
 * Quality gates over every built page of the example hub, in both audiences: valid HTML
 * (html-validate) and no broken internal link or #fragment (linkinator, offline).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from './helpers/run';

function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

describe.each(['internal', 'public'] as const)('the %s build', (audience) => {
  const dist = () => inject(audience === 'internal' ? 'distInternal' : 'distPublic');

  it('is valid HTML on every page', async () => {
    const config = JSON.parse(readFileSync(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const files = htmlFiles(dist());
    expect(files.length).toBeGreaterThan(audience === 'internal' ? 100 : 40);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateFile(file);
      for (const result of report.results) {
        for (const message of result.messages) errors.push(`${path.relative(dist(), file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
      }
    }
    expect(errors).toEqual([]);
  });

  it('has no broken internal link or fragment', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({ path: dist(), recurse: true, checkFragments: true, linksToSkip: ['^https?://(?!(localhost|127\\.0\\.0\\.1)[:/])'] });
    const broken = result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.url} (from ${link.parent}) ${link.status}`);
    expect(broken).toEqual([]);
    expect(result.links.filter((link) => link.state === 'OK').length).toBeGreaterThan(100);
  });
});
