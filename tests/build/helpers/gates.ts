/** The site-wide gates, shared by the example hub's and the fixture hubs' tests. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { projectRoot } from './run.ts';

/** Every HTML file of a built site. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Why: html-validate with the project's rules over every page; returns `file:line:col rule: message`. */
export async function htmlErrors(dist: string): Promise<string[]> {
  const config = JSON.parse(readFileSync(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  const validator = new HtmlValidate(new StaticConfigLoader(config));
  const errors: string[] = [];
  for (const file of htmlFiles(dist)) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages)
        errors.push(`${path.relative(dist, file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return errors;
}

/**
 * Why: every internal link and #fragment must resolve. Given a folder, linkinator serves it itself,
 * offline; given a URL (a site served under its base path), it follows every link from there.
 */
export async function linkCheck(distOrUrl: string): Promise<{ broken: string[]; checked: number }> {
  const result = await new LinkChecker().check({
    path: distOrUrl,
    recurse: true,
    checkFragments: true,
    // A local static server on a busy 2-core machine: fewer requests at once, and a dropped
    // connection (status 0) is asked again; a page that is missing answers 404 every time, and stays broken.
    concurrency: 16,
    retryErrors: true,
    retryErrorsCount: 3,
    linksToSkip: ['^https?://(?!(localhost|127\\.0\\.0\\.1)[:/])'],
  });
  return {
    broken: result.links.filter((link) => link.state === 'BROKEN').map((link) => `${link.url} (from ${link.parent}) ${link.status}`),
    checked: result.links.filter((link) => link.state === 'OK').length,
  };
}

/** Why: an inline script or style must be allowed by its hash, or the browser blocks it. */
export function unhashedInlineElements(html: string): string[] {
  const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const missing: string[] = [];
  for (const match of html.matchAll(/<(script|style)(\s[^>]*)?>([\s\S]*?)<\/\1>/g)) {
    const [, tag, attributes = '', body = ''] = match;
    if (tag === 'script' && (/\ssrc=/.test(attributes) || /type="application\/(ld\+)?json"/.test(attributes))) continue;
    const hash = `sha256-${createHash('sha256').update(body).digest('base64')}`;
    if (!policy.includes(`'${hash}'`)) missing.push(`<${tag}> ${body.slice(0, 60)}`);
  }
  return missing;
}
