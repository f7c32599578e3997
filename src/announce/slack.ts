/**
 * An announcement as a Slack message (Block Kit), the body an incoming webhook or
 * `chat.postMessage` takes. Within Block Kit's limits: at most 50 blocks; a header's plain text
 * 150 characters; a section's text 3,000; at most 10 fields of 2,000; a button's text 75 and its
 * URL 3,000; at most 25 elements in an actions block (the one context block has one). Longer text is
 * clipped with "…". User text is escaped for mrkdwn (`&`, `<`, `>`); plain text (the header, buttons)
 * is shown as written.
 */
import type { Announcement, AnnouncementItem } from './announcement.ts';
import { clip, escapeMrkdwn, joinClipped } from './escape.ts';

/** Block Kit's limits used here. */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  buttonText: 75,
  buttonUrl: 3000,
  actionsElements: 25,
  /** The notification text (`text`): Slack truncates longer messages; keep it to a line. */
  fallbackText: 3000,
} as const;

type TextObject = { type: 'plain_text'; text: string; emoji?: boolean } | { type: 'mrkdwn'; text: string };
type Block =
  | { type: 'header'; text: TextObject }
  | { type: 'section'; text?: TextObject; fields?: TextObject[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: { type: 'button'; text: TextObject; url: string; action_id: string }[] }
  | { type: 'context'; elements: TextObject[] };

/** A Slack message payload. */
export interface SlackMessage {
  /** The notification and fallback text. */
  text: string;
  blocks: Block[];
}

/** Why: the Slack form of every announcement, valid against Block Kit's limits whatever the content. */
export function announcementSlack(announcement: Announcement): SlackMessage {
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: clip(announcement.title, SLACK_LIMITS.headerText), emoji: false } }];
  if (announcement.greeting) blocks.push(mrkdwnSection(escapeMrkdwn(announcement.greeting)));
  if (announcement.intro) blocks.push(mrkdwnSection(escapeMrkdwn(announcement.intro.text)));
  if (announcement.facts.length > 0) {
    blocks.push({
      type: 'section',
      fields: announcement.facts
        .slice(0, SLACK_LIMITS.fields)
        .map((fact) => ({ type: 'mrkdwn' as const, text: clip(`*${escapeMrkdwn(fact.label)}*\n${escapeMrkdwn(fact.value)}`, SLACK_LIMITS.fieldText) })),
    });
  }
  // Header, greeting, intro, facts, divider, closing, actions and context take at most 8 blocks; sections get the rest.
  const room = SLACK_LIMITS.blocks - blocks.length - 3 - (announcement.closing ? 1 : 0);
  const sections = announcement.sections.map((section) =>
    mrkdwnSection(joinClipped([`*${escapeMrkdwn(section.heading)}*`, ...section.items.map(slackItem)], SLACK_LIMITS.sectionText)),
  );
  if (sections.length > 0) blocks.push({ type: 'divider' });
  blocks.push(...(sections.length > room ? [...sections.slice(0, room - 1), mrkdwnSection('…')] : sections));
  if (announcement.closing) blocks.push(mrkdwnSection(escapeMrkdwn(announcement.closing)));
  // A URL over the limit cannot be shortened without breaking it: its button is left out.
  const buttons = announcement.links
    .filter((link) => link.url.length <= SLACK_LIMITS.buttonUrl)
    .slice(0, SLACK_LIMITS.actionsElements)
    .map((link, index) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: clip(link.label, SLACK_LIMITS.buttonText) },
      url: link.url,
      action_id: `link-${index + 1}`,
    }));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(escapeMrkdwn(announcement.footer), SLACK_LIMITS.sectionText) }] });
  return { text: clip(escapeMrkdwn(announcement.title), SLACK_LIMITS.fallbackText), blocks };
}

function mrkdwnSection(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, SLACK_LIMITS.sectionText) } };
}

function slackItem(item: AnnouncementItem): string {
  const body = escapeMrkdwn(item.body.text);
  const text = item.url ? `<${item.url.replace(/[|<>]/g, encodeURIComponent)}|${body}>` : body;
  return `• ${item.lead ? `*${escapeMrkdwn(item.lead)}:* ` : ''}${text}`;
}
