/** After a build: every internal and relative link written in a release or runbook must resolve. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentLink, Hub, SourceRef } from '../core/model.ts';
import { BASE_PATH, releasePath, runbookPath } from '../core/urls.ts';
import { servedFile } from './content-links.ts';
import type { Problem } from './problems.ts';

/** A file whose links are checked, with the site path of the page its body is shown on. */
export interface LinkSource extends SourceRef {
  /** Site path of the page, e.g. `/releases/web/1.0.0/`: relative links resolve against it. */
  page: string;
}

/** Why: the files whose bodies can hold links: every release and runbook of a build. */
export function bodySources(hub: Hub): LinkSource[] {
  // Built files sit at site paths without the base path.
  const page = (href: string) => href.slice(BASE_PATH.length - 1);
  return [
    ...hub.releases.map((release) => ({ ...release.source, page: page(releasePath(release)) })),
    ...hub.runbooks.map((runbook) => ({ ...runbook.source, page: page(runbookPath(runbook.id)) })),
  ];
}

/**
 * Why: a broken link in content fails the build naming the content file and line that hold it.
 * The links were found when the content was loaded; only the built pages are read here.
 */
export function checkContentLinks(sources: readonly LinkSource[], distDir: string): Problem[] {
  const idsByFile = new Map<string, Set<string>>();
  const problems: Problem[] = [];
  for (const { file, page, internalLinks = [], fieldLinks = [] } of sources) {
    for (const link of internalLinks) {
      const problem = linkProblem(link, page, distDir, idsByFile);
      if (problem) problems.push({ severity: 'error', file, line: link.line, ...problem });
    }
    for (const link of fieldLinks) {
      problems.push({
        severity: 'error',
        file,
        line: link.line,
        field: link.field,
        message: `links to ${link.url}, a relative link: the summary shows on the release page, the changelog and the feeds, so it cannot lead to the same place on all of them`,
        fix: RELATIVE_FIX,
      });
    }
  }
  return problems;
}

const RELATIVE_FIX =
  'write a full URL or a site path (/…); a link into the repository an imported changelog came from needs its address (import again with --repo-url)';

/** Why: one link against the built pages: the page must exist, and the fragment be an id on it. */
function linkProblem(link: ContentLink, page: string, distDir: string, idsByFile: Map<string, Set<string>>): { message: string; fix: string } | undefined {
  const resolved = link.relative ? new URL(link.path, `https://hub.invalid${page}`) : undefined;
  const sitePath = resolved ? resolved.pathname : link.path;
  const fragment = resolved ? resolved.hash.slice(1) || undefined : link.fragment;
  const written = link.relative ? `${link.path} (from ${page} that is ${sitePath})` : link.path;
  const target = path.join(distDir, servedFile(sitePath));
  if (!existsSync(target)) {
    return {
      message: `links to ${written}, which this build does not have`,
      fix: link.relative ? RELATIVE_FIX : 'fix the link, or remove it (internal pages are not in a public build)',
    };
  }
  if (fragment && !idsOf(target, idsByFile).has(decodeURIComponent(fragment))) {
    return {
      message: `links to ${link.relative ? link.path : `${link.path}#${fragment}`}, but that page has no such anchor`,
      fix: 'link to an existing heading id',
    };
  }
  return undefined;
}

function idsOf(file: string, cache: Map<string, Set<string>>): Set<string> {
  let ids = cache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid=["']([^"']+)["']/g)].map((match) => match[1]!));
    cache.set(file, ids);
  }
  return ids;
}
