/**
 * A permalink on every heading of Markdown and MDX content (runbooks, release notes), in the
 * accessible shape Starlight uses: the link sits right after the heading (not inside it, so the
 * heading's own name stays clean), shows a "#" that screen readers skip, and is named
 * "Link to section: <heading>". Both the heading and its link are wrapped in
 * `<div class="heading-wrapper">` for layout.
 */
import type { Element, ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * Why: readers share links to a runbook step; this Sätteri hast plugin links every heading that
 * has an id (so it must run after the heading ids are set).
 */
export const headingAnchorsPlugin = defineHastPlugin({
  name: 'heading-anchors',
  element: {
    filter: HEADING_TAGS,
    visit(heading, ctx) {
      const id = heading.properties?.id;
      if (typeof id !== 'string' || id === '') return;
      ctx.wrapNode(heading, headingWrapper(id, textOf(heading)));
    },
  },
});

/** `div.heading-wrapper` holding the anchor; Sätteri puts the heading before it. */
function headingWrapper(id: string, headingText: string): Element {
  const label = `Link to section: ${headingText.replace(/\s+/g, ' ').trim()}`;
  return element('div', { className: ['heading-wrapper'] }, [
    // Search excerpts and results must not contain the anchors' hidden text.
    element('a', { className: ['heading-anchor'], dataPagefindIgnore: '', href: `#${id}` }, [
      element('span', { ariaHidden: 'true' }, [{ type: 'text', value: '#' }]),
      element('span', { className: ['visually-hidden'] }, [{ type: 'text', value: label }]),
    ]),
  ]);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** The text of an element, as a screen reader would read it (hidden parts left out). */
function textOf(node: Readonly<Element> | Readonly<ElementContent>): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || String(node.properties?.ariaHidden) === 'true') return '';
  return node.children.map(textOf).join('');
}
