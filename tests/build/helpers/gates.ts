/** The site-wide gates, shared by the example hub's and the fixture hubs' tests. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, type ResolvedConfig, StaticConfigLoader, type ConfigData } from 'html-validate';
import { LinkChecker } from 'linkinator';
import { projectRoot } from './run.ts';
import { serveDist } from './static-server.ts';

/** Every HTML file of a built site. */
export function htmlFiles(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Every page has the same rules, so they are resolved once: html-validate's static loader resolves
 * them again for each file (the element table and its schema check): 20.8 → 14.0 s on the 393
 * pages of the example hub.
 */
class OnceConfigLoader extends StaticConfigLoader {
  private resolved?: ResolvedConfig | Promise<ResolvedConfig>;

  override getConfigFor(handle: string, configOverride?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
    if (configOverride) return super.getConfigFor(handle, configOverride);
    this.resolved ??= super.getConfigFor(handle);
    return this.resolved;
  }
}

/** Why: html-validate with the project's rules over every page; returns `file:line:col rule: message`. */
export async function htmlErrors(dist: string): Promise<string[]> {
  const config = JSON.parse(readFileSync(path.join(projectRoot, '.htmlvalidate.json'), 'utf8')) as ConfigData;
  const validator = new HtmlValidate(new OnceConfigLoader(config));
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
 * Why: every internal link and #fragment must resolve. Given a folder, it is served on 127.0.0.1 as
 * a static host serves it (linkinator's own server maps every result back to a file path, in a
 * lookup over all results: 9.0 → 3.0 s on the example hub); given a URL (a site served under its
 * base path), every link is followed from there.
 */
export async function linkCheck(distOrUrl: string): Promise<{ broken: string[]; checked: number }> {
  if (/^https?:/.test(distOrUrl)) return linksFrom(distOrUrl);
  const server = await serveDist(distOrUrl);
  try {
    return await linksFrom(`${server.url}/`);
  } finally {
    await server.close();
  }
}

async function linksFrom(url: string): Promise<{ broken: string[]; checked: number }> {
  const result = await new LinkChecker().check({
    path: url,
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
