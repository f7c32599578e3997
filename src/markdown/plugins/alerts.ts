/**
 * GitHub-style alerts (`> [!WARNING]` …) as accessible callouts: a blockquote whose first line is
 * exactly `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` (any case) becomes
 * `<div class="callout" data-callout="warning" role="note">` with a visible title, so the kind is
 * said in text and not by colour alone. Any other blockquote stays a blockquote.
 */
import type { Blockquote, Paragraph } from 'mdast';
import { defineMdastPlugin, type MdastVisitorContext } from 'satteri';

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

/**
 * Why: release notes and runbooks are written in GitHub's alert syntax; this Sätteri mdast plugin
 * renders it as callouts. Sätteri visits every blockquote, nested ones (in lists, in other
 * blockquotes) included.
 */
export const alertsPlugin = defineMdastPlugin({
  name: 'github-alerts',
  blockquote(blockquote, ctx) {
    renderAlert(blockquote, ctx);
  },
});

/** Turns the blockquote into a titled callout when its first line is an alert marker. */
function renderAlert(blockquote: Readonly<Blockquote>, ctx: MdastVisitorContext): void {
  const first = blockquote.children[0];
  if (first?.type !== 'paragraph') return;
  const kind = takeMarker(first, ctx);
  if (!kind) return;
  ctx.setProperty(blockquote, 'data', { ...blockquote.data, hName: 'div', hProperties: { className: ['callout'], dataCallout: kind, role: 'note' } });
  ctx.prependChild(blockquote, {
    type: 'paragraph',
    children: [{ type: 'text', value: ALERT_TITLES[kind] }],
    data: { hProperties: { className: ['callout-title'] } },
  });
}

/** Removes the `[!KIND]` marker (and a hard line break after it) from the paragraph, or the
 * paragraph when nothing else is left in it; returns the alert's kind. */
function takeMarker(paragraph: Readonly<Paragraph>, ctx: MdastVisitorContext): AlertKind | undefined {
  const [head, next] = paragraph.children;
  if (head?.type !== 'text') return undefined;
  const match = MARKER.exec(head.value);
  if (!match) return undefined;
  const rest = head.value.slice(match[0].length);
  if (rest !== '') {
    ctx.setProperty(head, 'value', rest);
  } else {
    const removed = next?.type === 'break' ? [head, next] : [head];
    if (removed.length === paragraph.children.length) ctx.removeNode(paragraph);
    else for (const node of removed) ctx.removeNode(node);
  }
  return match[1]!.toLowerCase() as AlertKind;
}
