/**
 * Lists in a version block: a labelled list (`**Bug fixes:**`, `- Bugfixes:`, `* __Bash__`) is a
 * section, a scope or narrative; each item of a change list becomes one change with its type,
 * breaking flag and summary; credits ("Thanks to …", avatars) go to the body.
 */
import type { List, ListItem, Paragraph } from 'mdast';
import type { ChangeType } from '../core/model.ts';
import { breakingMarker, conventionalType, isCredit, saysDeprecated, verbType } from './changelog-items.ts';
import { addBody, blockName, type Block, countSection, NO_SECTION, type State, type Target } from './changelog-blocks.ts';
import { describeTarget, mapLabel, mapSection, namesType, UNKNOWN_SECTION, type SectionTarget } from './changelog-sections.ts';
import { lineOf, plainText, sourceOf } from './markdown-source.ts';
import type { DraftChange } from './release-draft.ts';

/** Why: the target of a list at this point: the section's, with a sub-heading as scope. */
export function currentTarget(state: State): Target {
  const section = state.section ?? NO_SECTION;
  const sub = state.sub;
  if (sub?.body) return { title: sub.title, target: { kind: 'body', why: 'narrative' }, prefix: '' };
  const target =
    sub && section.target.kind === 'change' ? { ...section.target, breaking: section.target.breaking || isBreakingTitle(sub.title) } : section.target;
  return { title: section.title, target, prefix: sub ? `**${sub.title}:** ` : '' };
}

function isBreakingTitle(title: string): boolean {
  const target = mapSection(title);
  return target.kind === 'change' && target.breaking;
}

/** Why: a short bold paragraph (`**Bug fixes:**`) or one ending in a colon, right before a list, labels that list. */
export function labelOf(node: Paragraph): string | undefined {
  const text = plainText(node).trim();
  if (text.length > 80 || text.includes('\n')) return undefined;
  const [first] = node.children;
  const bold = node.children.length <= 2 && (first?.type === 'strong' || first?.type === 'emphasis');
  if (!bold && !text.endsWith(':')) return undefined;
  return text.replace(/:$/, '').trim();
}

/** Why: a labelled list is a section (`**Fixes:**`), credits, a scope inside a change section, or narrative. */
export function visitLabel(state: State, block: Block, label: Paragraph, list: List): void {
  const text = labelOf(label) ?? '';
  const mapped = labelTarget(text);
  const here = currentTarget(state);
  const labelSource = sourceOf([label], state.source, state.definitions, state.links);
  if (mapped?.kind === 'change') visitList(state, block, list, { title: text, target: mapped, prefix: here.prefix });
  else if (!mapped && here.target.kind === 'change' && state.section) {
    visitList(state, block, list, { ...here, prefix: `${here.prefix}${labelSource.replace(/:$/, '').replace(/:(\*\*|__)$/, '$1')}: ` });
  } else {
    addBody(state, block, label);
    visitList(state, block, list, { title: text, target: mapped ?? { kind: 'body', why: 'narrative' }, prefix: '' });
  }
}

// Words that make a label paragraph narrative (`**Migration notes:**`); narrower than for headings, as labels name
// components too (prism's `__Highlight Keywords__`).
const NARRATIVE_LABEL = /\b(?:upgrad(?:e|ing)|migrat(?:e|ing|ion)|notes?|examples?|usage|how to|known issues?)\b/i;

/** Why: a label is a section when it is exactly a section title, and narrative when its words say so. */
function labelTarget(label: string): SectionTarget | undefined {
  return mapLabel(label) ?? (NARRATIVE_LABEL.test(label) ? { kind: 'body', why: 'narrative' } : undefined);
}

/** Why: each list item becomes one change, except in body sections (kept whole). */
export function visitList(state: State, block: Block, list: List, target: Target): void {
  if (target.target.kind === 'body') {
    countSection(state, target.title, describeTarget(target.target), list.children.length);
    return void block.body.push({ text: sourceOf([list], state.source, state.definitions, state.links) });
  }
  const credits: ListItem[] = [];
  for (const item of list.children) if (!visitItem(state, block, item, target)) credits.push(item);
  if (credits.length > 0) {
    state.credits += credits.length;
    block.body.push({ text: credits.map((item) => sourceOf([item], state.source, state.definitions, state.links).trim()).join('\n'), credit: true });
  }
}

/** Why: one list item to one change (or, for a labelled item, its nested items); false for a credit. */
function visitItem(state: State, block: Block, item: ListItem, target: Target): boolean {
  const [first, nested, ...more] = item.children;
  if (first?.type === 'paragraph' && nested?.type === 'list' && more.length === 0) {
    const labelled = labelledItem(state, first, target);
    if (labelled) {
      if (labelled.target.kind === 'body') return false;
      visitList(state, block, nested, labelled);
      return true;
    }
  }
  const markdown = sourceOf(item.children, state.source, state.definitions, state.links).trim();
  const plain = plainText(item);
  if (!markdown) {
    state.unmapped.push({ under: blockName(block), line: lineOf(item), text: '(empty list item)', outcome: 'not imported', reason: 'empty list item' });
    return true;
  }
  if (isCredit(plain, markdown)) return false;
  block.changes.push(changeFrom(state, block, item, target, markdown, plain));
  return true;
}

/** Why: `- Bugfixes:` with nested items is a section; `- __Bash__` with nested items is a scope; other items are changes. */
function labelledItem(state: State, first: Paragraph, target: Target): Target | undefined {
  const text = plainText(first).trim();
  const label = text.replace(/:$/, '').trim();
  if (text.length > 60 || text.includes('\n')) return undefined;
  const mapped = mapLabel(label);
  if (mapped?.kind === 'body') return { title: label, target: mapped, prefix: '' };
  const labelSource = sourceOf([first], state.source, state.definitions, state.links).replace(/:$/, '');
  // `- Bugfixes:` names the type of its items; `- deps:` or `- Internal:` is also what they are about.
  if (mapped) return { title: label, target: mapped, prefix: namesType(label) ? target.prefix : `${target.prefix}${labelSource}: ` };
  const onlyBold = first.children.length <= 2 && (first.children[0]?.type === 'strong' || first.children[0]?.type === 'emphasis');
  if (!onlyBold || /[.!?]$/.test(label)) return undefined;
  return { ...target, prefix: `${target.prefix}${labelSource}: ` };
}

/** Why: the change an item makes: its type, breaking flag and summary, recording anything not mapped cleanly. */
function changeFrom(state: State, block: Block, item: ListItem, target: Target, markdown: string, plain: string): DraftChange {
  const section = target.target.kind === 'change' ? target.target : UNKNOWN_SECTION;
  const marker = breakingMarker(markdown);
  const conventional = section.generic || !section.known ? conventionalType(plain) : undefined;
  const verb = conventional || !(section.generic || !section.known) ? undefined : verbType(plain);
  const typed = conventional ?? verb;
  let type: ChangeType = typed ?? section.type;
  let breaking = section.breaking || marker.breaking;
  if (section.deprecations && saysDeprecated(plain)) {
    type = 'deprecated';
    breaking = marker.breaking;
  }
  const how = conventional
    ? `${conventional} (from the item's Conventional Commits prefix)`
    : verb
      ? `${verb} (from the item's first word)`
      : describeTarget(section);
  countSection(state, target.title, how, 1);
  if (!section.known && !typed) {
    const reason = target.title === NO_SECTION.title ? 'list item outside any section' : `unknown section "${target.title}"`;
    state.unmapped.push({ under: blockName(block), line: lineOf(item), text: markdown, outcome: 'kept as changed', reason });
  }
  return { type, summary: `${target.prefix}${marker.summary}`, breaking };
}
