/**
 * GitHub-style alerts (`> [!WARNING]` …) as accessible callouts: a blockquote whose first line is
 * exactly `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (any case) becomes
 * `<div class="callout" data-callout="warning" role="note">` with a visible title, so the kind is
 * said in text and not by colour alone. Any other blockquote stays a blockquote.
 */
import type { BlockContent, Blockquote, DefinitionContent, Paragraph, PhrasingContent, Root } from 'mdast';

/** The five alert kinds GitHub renders, with the title each callout shows. */
export const ALERT_TITLES = {
  note: 'Note',
  tip: 'Tip',
  important: 'Important',
  warning: 'Warning',
  caution: 'Caution',
} as const;

/** One of GitHub's alert kinds. */
export type AlertKind = keyof typeof ALERT_TITLES;

/** `[!KIND]` alone on the first line of the blockquote (GitHub ignores it with text after it). */
const MARKER = /^\[!(note|tip|important|warning|caution)\][ \t]*(?:\r?\n|$)/i;

type Parent = { children: unknown[] };

/** Why: release notes and runbooks are written in GitHub's alert syntax; this renders it as callouts. */
export function remarkAlerts() {
  return (tree: Root) => {
    visitBlockquotes(tree);
  };
}

/** Blockquotes can sit in lists and other blockquotes, so every level is visited. */
function visitBlockquotes(node: Parent): void {
  for (const child of node.children) {
    if (!isParent(child)) continue;
    if ((child as { type?: string }).type === 'blockquote') transformAlert(child as Blockquote);
    visitBlockquotes(child);
  }
}

function isParent(node: unknown): node is Parent {
  return typeof node === 'object' && node !== null && Array.isArray((node as Parent).children);
}

function transformAlert(blockquote: Blockquote): void {
  const first = blockquote.children[0];
  if (first?.type !== 'paragraph') return;
  const kind = takeMarker(first);
  if (!kind) return;
  if (first.children.length === 0) blockquote.children.shift();
  const title: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'text', value: ALERT_TITLES[kind] }],
    data: { hProperties: { className: ['callout-title'] } },
  };
  blockquote.children.unshift(title as BlockContent | DefinitionContent);
  blockquote.data = { ...blockquote.data, hName: 'div', hProperties: { className: ['callout'], dataCallout: kind, role: 'note' } };
}

/** Removes the `[!KIND]` marker (and the line break after it) from the paragraph; returns its kind. */
function takeMarker(paragraph: Paragraph): AlertKind | undefined {
  const head = paragraph.children[0];
  if (head?.type !== 'text') return undefined;
  const match = MARKER.exec(head.value);
  if (!match) return undefined;
  const rest = head.value.slice(match[0].length);
  const afterMarker: PhrasingContent[] = paragraph.children.slice(1);
  if (rest === '' && afterMarker[0]?.type === 'break') afterMarker.shift();
  paragraph.children = rest === '' ? afterMarker : [{ ...head, value: rest }, ...afterMarker];
  return match[1]!.toLowerCase() as AlertKind;
}
