/**
 * The release bodies a build rendered before the bundle (src/integration/markdown-bodies.ts):
 * their HTML and headings, read once per build. A body not in it is a module of
 * `virtual:release-hub/bodies`.
 */
import { readFileSync } from 'node:fs';
import type { BodyModule } from 'virtual:release-hub/bodies';
import { renderedBodiesFile } from 'virtual:release-hub/context';

/** One rendered body: its HTML and its headings, the same as its module's `getHeadings()` would give. */
export interface RenderedBody {
  html: string;
  headings: ReturnType<BodyModule['getHeadings']>;
}

let bodies: Map<string, RenderedBody> | undefined;

/** Why: the narrative and the migration guides of a plain-Markdown body need no compiled module. */
export function renderedBody(entryId: string): RenderedBody | undefined {
  bodies ??= new Map(renderedBodiesFile === null ? [] : Object.entries(JSON.parse(readFileSync(renderedBodiesFile, 'utf8')) as Record<string, RenderedBody>));
  return bodies.get(entryId);
}
