/**
 * Every internal link written in a release or runbook body must resolve: to a page or file of
 * the build (src/site/pages.ts), or to a file of the project's `public/`; and a Markdown field
 * holds no relative link, which could not resolve on every page that shows it. The same check
 * runs in `release-hub check` and in the build, so both report the same broken links.
 */
import type { Temporal } from 'temporal-polyfill';
import { bodyOutlines } from '../content/body-outline.ts';
import type { Problem } from '../content/problems.ts';
import { publicSitePaths } from '../content/public-files.ts';
import type { ContentLink, Hub, SourceRef } from '../core/model.ts';
import { sectionPath } from '../core/urls.ts';
import type { Audience } from '../schemas/vocabulary.ts';
import { sitePages, type PageAnchors } from './pages.ts';

/** Why: the files whose bodies can hold links: every release and runbook of a build. */
export function bodySources(hub: Hub): SourceRef[] {
  return [...hub.releases.map((release) => release.source), ...hub.runbooks.map((runbook) => runbook.source)];
}

/** Why: a broken link in content is an error naming the content file and line that hold it. */
export function checkContentLinks(sources: readonly SourceRef[], pages: ReadonlyMap<string, PageAnchors>, publicFiles: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const { file, internalLinks = [], fieldLinks = [] } of sources) {
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
    for (const link of internalLinks) {
      const target = pageOf(link.path, pages, publicFiles);
      if (target === undefined) {
        problems.push({
          severity: 'error',
          file,
          line: link.line,
          message: `links to ${shownLink(link)}, which this build does not have`,
          fix: link.written ? RELATIVE_BODY_FIX : 'fix the link, or remove it (internal pages are not in a public build)',
        });
        continue;
      }
      const anchors = link.fragment ? pages.get(target)?.() : undefined;
      if (link.fragment && anchors && !anchors.has(decodeFragment(link.fragment))) {
        problems.push({
          severity: 'error',
          file,
          line: link.line,
          message: `links to ${shownLink(link, true)}, but that page has no such anchor`,
          fix: nearestAnchorHint(anchors),
        });
      }
    }
  }
  return problems;
}

const RELATIVE_FIX =
  'write a site path (/…) or a full URL; a link into the repository an imported changelog came from needs its address (import again with --repo-url)';

const RELATIVE_BODY_FIX =
  'fix the link (it resolves against the page it is on), or write a site path (/…) or a full URL; for a file of the repository a changelog was imported from, import again with --repo-url';

/** The page a link reaches as a static host serves it (`/runbooks/x`, `/runbooks/x/index.html` are `/runbooks/x/`). */
function pageOf(linkPath: string, pages: ReadonlyMap<string, PageAnchors>, publicFiles: ReadonlySet<string>): string | undefined {
  const clean = decodedPath(linkPath);
  if (clean === undefined) return undefined;
  const folder = clean.endsWith('/') ? clean : `${clean}/`;
  const candidates = [clean, folder, clean.replace(/index\.html$/, '')];
  if (candidates.some((candidate) => publicFiles.has(candidate))) return clean;
  return candidates.find((candidate) => pages.has(candidate));
}

/** A link's path as a static host reads it (`%20` is a space), or undefined when it cannot be decoded. */
function decodedPath(linkPath: string): string | undefined {
  try {
    return decodeURI(linkPath);
  } catch {
    return undefined;
  }
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function nearestAnchorHint(anchors: ReadonlySet<string>): string {
  const listed = [...anchors].slice(0, 8).map((anchor) => `#${anchor}`);
  return listed.length === 0 ? 'link to the page without a fragment' : `link to one of its headings: ${listed.join(', ')}${anchors.size > 8 ? ', …' : ''}`;
}

/** A link as written, with the page it resolves to when it was relative (`../x/#a (/runbooks/x/)`). */
function shownLink(link: ContentLink, withFragment = false): string {
  const fragment = withFragment && link.fragment ? `#${link.fragment}` : '';
  if (link.written?.startsWith('#')) return `${link.written} (on ${link.path})`;
  return link.written ? `${link.written}${fragment} (${link.path})` : `${link.path}${fragment}`;
}

/** What the link check of one build needs besides the hub. */
export interface LinkCheckContext {
  audience: Audience;
  now: Temporal.Instant;
  /** The content root, whose body files give release and runbook pages their anchors. */
  contentRoot: string;
  /** The project's `public/`, whose files a body may link to (`/images/flow.png`). */
  publicDir: string;
}

/** Why: `release-hub check` and the build run this one function on the build's hub (already cut to its audience). */
export function contentLinkProblems(view: Hub, context: LinkCheckContext): Problem[] {
  const sources = bodySources(view);
  if (!sources.some((source) => (source.internalLinks?.length ?? 0) + (source.fieldLinks?.length ?? 0) > 0)) return [];
  // The metrics views are only worked out when a link leads under /metrics (they are most of the list's cost).
  const metricsSection = sectionPath('metrics');
  const metricsViews = sources.some((source) =>
    source.internalLinks?.some((link) => {
      const path = decodedPath(link.path);
      return path !== undefined && (path.startsWith(metricsSection) || `${path}/` === metricsSection);
    }),
  );
  const pages = sitePages(view, context.audience, context.now, bodyOutlines(context.contentRoot), { metricsViews });
  return checkContentLinks(sources, pages, publicSitePaths(context.publicDir));
}
