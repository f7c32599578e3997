/** An announcement as Markdown (CommonMark): for a wiki, a pull request, a chat that reads Markdown. */
import type { Announcement, AnnouncementItem } from './announcement.ts';
import { escapeMarkdown } from './escape.ts';

/** Why: the one Markdown form of every announcement; user text is escaped, so it reads as written. */
export function announcementMarkdown(announcement: Announcement): string {
  const lines = [`# ${escapeMarkdown(announcement.title)}`, ''];
  if (announcement.greeting) lines.push(escapeMarkdown(announcement.greeting), '');
  if (announcement.intro) lines.push(escapeMarkdown(announcement.intro.text), '');
  for (const fact of announcement.facts) lines.push(`- **${fact.label}:** ${escapeMarkdown(fact.value)}`);
  if (announcement.facts.length > 0) lines.push('');
  for (const section of announcement.sections) {
    lines.push(`## ${section.heading}`, '');
    for (const item of section.items) lines.push(`- ${markdownItem(item)}`);
    lines.push('');
  }
  if (announcement.closing) lines.push(escapeMarkdown(announcement.closing), '');
  lines.push(announcement.links.map((link) => `[${link.label}](<${link.url}>)`).join(' · '), '', `— ${escapeMarkdown(announcement.footer)}`);
  return `${lines.join('\n')}\n`;
}

function markdownItem(item: AnnouncementItem): string {
  const body = escapeMarkdown(item.body.text);
  const text = item.url ? `[${body}](<${item.url}>)` : body;
  return item.lead ? `**${escapeMarkdown(item.lead)}:** ${text}` : text;
}
