/** After a build: every internal link written in a release or runbook body must resolve. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentLink, Hub, SourceRef } from '../core/model.ts';
import { servedFile } from './content-links.ts';
import type { Problem } from './problems.ts';

/** Why: the files whose bodies can hold links: every release and runbook of a build. */
export function bodySources(hub: Hub): SourceRef[] {
  return [...hub.releases.map((release) => release.source), ...hub.runbooks.map((runbook) => runbook.source)];
}

/**
 * Why: a broken link in content fails the build naming the content file and line that hold it.
 * The links were found when the content was loaded; only the built pages are read here.
 */
export function checkContentLinks(sources: readonly SourceRef[], distDir: string): Problem[] {
  const idsByFile = new Map<string, Set<string>>();
  const problems: Problem[] = [];
  for (const { file, internalLinks = [] } of sources) {
    for (const link of internalLinks) {
      const target = path.join(distDir, servedFile(link.path));
      if (!existsSync(target)) {
        problems.push({
          severity: 'error',
          file,
          line: link.line,
          message: `links to ${shownLink(link)}, which this build does not have`,
          fix: 'fix the link, or remove it (internal pages are not in a public build)',
        });
        continue;
      }
      if (link.fragment && !idsOf(target, idsByFile).has(decodeURIComponent(link.fragment))) {
        problems.push({
          severity: 'error',
          file,
          line: link.line,
          message: `links to ${shownLink(link)}#${link.fragment}, but that page has no such anchor`,
          fix: 'link to an existing heading id',
        });
      }
    }
  }
  return problems;
}

/** A link as written, with the page it resolves to when it was relative. */
function shownLink(link: ContentLink): string {
  return link.written ? `${link.written} (${link.path})` : link.path;
}

function idsOf(file: string, cache: Map<string, Set<string>>): Set<string> {
  let ids = cache.get(file);
  if (!ids) {
    ids = new Set([...readFileSync(file, 'utf8').matchAll(/\sid=["']([^"']+)["']/g)].map((match) => match[1]!));
    cache.set(file, ids);
  }
  return ids;
}
