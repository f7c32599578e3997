/**
 * A permalink on every heading of MDX content (runbooks, release notes), in the accessible shape
 * Starlight uses: the link sits right after the heading (not inside it, so the heading's own name
 * stays clean), shows a "#" that screen readers skip, and is named "Link to section: <heading>".
 * Both the heading and its link are wrapped in `<div class="heading-wrapper">` for layout.
 */
import type { Element, ElementContent } from 'hast';
import type { Options } from 'rehype-autolink-headings';

/** Why: the link's accessible name says where it goes without repeating the heading inside it. */
export function headingAnchorOptions(): Options {
  return {
    behavior: 'after',
    group: { type: 'element', tagName: 'div', properties: { className: ['heading-wrapper'] }, children: [] },
    // Search excerpts and results must not contain the anchors' hidden text.
    properties: { className: ['heading-anchor'], dataPagefindIgnore: '' },
    content: (heading) => [
      { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
      { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: `Link to section: ${textOf(heading).replace(/\s+/g, ' ').trim()}` }] },
    ],
  };
}

/** The text of an element, as a screen reader would read it (hidden parts left out). */
function textOf(node: Readonly<Element> | Readonly<ElementContent>): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' || String(node.properties?.ariaHidden) === 'true') return '';
  return node.children.map(textOf).join('');
}
