/**
 * An announcement as a Microsoft Teams message: `type: message` with one attachment of
 * `contentType: application/vnd.microsoft.card.adaptive` holding an Adaptive Card 1.5 (the body a
 * Teams incoming webhook or workflow takes). TextBlocks read a subset of Markdown, so user text is
 * escaped (`escapeMarkdown`) and each text is clipped, keeping the message well under Teams'
 * 28 KB limit.
 */
import type { Announcement, AnnouncementItem } from './announcement.ts';
import { clip, escapeMarkdown, joinClipped } from './escape.ts';

/** The card version Teams renders everywhere (desktop, web, mobile). */
export const ADAPTIVE_CARD_VERSION = '1.5';

/** The longest text one TextBlock or fact gets here (not an Adaptive Card limit: it keeps a card readable and small). */
export const TEAMS_TEXT_LIMIT = 2000;

type CardElement =
  | { type: 'TextBlock'; text: string; wrap: true; size?: 'Large' | 'Medium'; weight?: 'Bolder'; isSubtle?: boolean; spacing?: 'Medium' }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

/** A Teams message with one Adaptive Card. */
export interface TeamsMessage {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
      type: 'AdaptiveCard';
      version: typeof ADAPTIVE_CARD_VERSION;
      body: CardElement[];
      actions: { type: 'Action.OpenUrl'; title: string; url: string }[];
    };
  }[];
}

/** Why: the Teams form of every announcement. */
export function announcementTeams(announcement: Announcement): TeamsMessage {
  const text = (value: string) => clip(escapeMarkdown(value), TEAMS_TEXT_LIMIT);
  const body: CardElement[] = [{ type: 'TextBlock', text: text(announcement.title), wrap: true, size: 'Large', weight: 'Bolder' }];
  if (announcement.greeting) body.push({ type: 'TextBlock', text: text(announcement.greeting), wrap: true });
  if (announcement.intro) body.push({ type: 'TextBlock', text: text(announcement.intro.text), wrap: true });
  if (announcement.facts.length > 0) body.push({ type: 'FactSet', facts: announcement.facts.map((fact) => ({ title: fact.label, value: text(fact.value) })) });
  for (const section of announcement.sections) {
    body.push(
      { type: 'TextBlock', text: section.heading, wrap: true, size: 'Medium', weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: joinClipped(section.items.map(teamsItem), TEAMS_TEXT_LIMIT), wrap: true },
    );
  }
  if (announcement.closing) body.push({ type: 'TextBlock', text: text(announcement.closing), wrap: true, spacing: 'Medium' });
  body.push({ type: 'TextBlock', text: text(announcement.footer), wrap: true, isSubtle: true, spacing: 'Medium' });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: ADAPTIVE_CARD_VERSION,
          body,
          actions: announcement.links.map((link) => ({ type: 'Action.OpenUrl' as const, title: link.label, url: link.url })),
        },
      },
    ],
  };
}

function teamsItem(item: AnnouncementItem): string {
  const body = escapeMarkdown(item.body.text);
  const text = item.url ? `[${body}](${item.url.replace(/[()]/g, encodeURIComponent)})` : body;
  return `- ${item.lead ? `**${escapeMarkdown(item.lead)}:** ` : ''}${text}`;
}
