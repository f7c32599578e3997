/**
 * An announcement as an email: an HTML document with inline styles only (mail clients drop
 * `<style>` and block external assets, so there are none: no image, font or stylesheet) and its
 * plain-text part. Every link is absolute.
 */
import type { AnnouncementItem, Message } from './announcement.ts';
import { clip, escapeHtml } from './escape.ts';

/** A document title longer than this is cut off in tabs and lists (html-validate's `long-title`); the heading keeps the whole. */
const EMAIL_TITLE_LIMIT = 70;

const FONT = 'font-family:-apple-system,BlinkMacSystemFont,&quot;Segoe UI&quot;,Helvetica,Arial,sans-serif';
const STYLE = {
  body: `margin:0;padding:24px;background:#f6f8fa;color:#1f2328;${FONT};font-size:16px;line-height:1.5`,
  card: 'max-width:640px;margin:0 auto;padding:24px;background:#ffffff;border:1px solid #d0d7de;border-radius:6px',
  h1: 'margin:0 0 12px;font-size:22px;line-height:1.3',
  h2: 'margin:20px 0 8px;font-size:17px;line-height:1.3',
  p: 'margin:0 0 12px',
  facts: 'border-collapse:collapse;margin:0 0 12px',
  factLabel: 'padding:2px 16px 2px 0;text-align:left;vertical-align:top;color:#59636e;font-weight:600',
  factValue: 'padding:2px 0;vertical-align:top',
  list: 'margin:0 0 12px;padding-left:24px',
  button: 'display:inline-block;margin:8px 8px 0 0;padding:8px 14px;background:#0969da;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600',
  link: 'color:#0969da',
  footer: 'margin:20px 0 0;color:#59636e;font-size:13px',
} as const;

/** Why: email-ready HTML: one self-contained document, its styles inline. */
export function announcementEmailHtml(announcement: Message): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${documentTitle(announcement.title)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.card}">`,
    messageHtmlBody(announcement),
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Why: the email's content without its document, inline styles and all: a digest's feed item holds the same HTML as its email. */
export function messageHtmlBody(announcement: Message): string {
  const parts: string[] = [`<h1 style="${STYLE.h1}">${escapeHtml(announcement.title)}</h1>`];
  if (announcement.greeting) parts.push(`<p style="${STYLE.p}">${escapeHtml(announcement.greeting)}</p>`);
  // A div: a summary of two paragraphs or a list is block HTML, which a <p> cannot hold.
  if (announcement.intro) parts.push(`<div style="${STYLE.p}">${announcement.intro.html}</div>`);
  if (announcement.facts.length > 0) {
    const rows = announcement.facts.map(
      (fact) =>
        `<tr><th scope="row" style="${STYLE.factLabel}">${escapeHtml(fact.label)}</th><td style="${STYLE.factValue}">${escapeHtml(fact.value)}</td></tr>`,
    );
    parts.push(`<table style="${STYLE.facts}"><tbody>${rows.join('')}</tbody></table>`);
  }
  for (const section of announcement.sections) {
    parts.push(`<h2 style="${STYLE.h2}">${escapeHtml(section.heading)}</h2>`, `<ul style="${STYLE.list}">${section.items.map(htmlItem).join('')}</ul>`);
  }
  if (announcement.closing) parts.push(`<p style="${STYLE.p}">${escapeHtml(announcement.closing)}</p>`);
  parts.push(
    `<p style="${STYLE.p}">${announcement.links.map((link) => `<a href="${escapeHtml(link.url)}" style="${STYLE.button}">${escapeHtml(link.label)}</a>`).join(' ')}</p>`,
  );
  parts.push(`<p style="${STYLE.footer}">${escapeHtml(announcement.footer)}</p>`);
  return parts.join('\n');
}

/** The title clipped so that its escaped HTML (`&amp;` is five characters to html-validate) stays within the limit. */
function documentTitle(title: string): string {
  let length = EMAIL_TITLE_LIMIT;
  let escaped = escapeHtml(clip(title, length));
  while (escaped.length > EMAIL_TITLE_LIMIT) escaped = escapeHtml(clip(title, --length));
  return escaped;
}

function htmlItem(item: AnnouncementItem): string {
  const body = item.url ? `<a href="${escapeHtml(item.url)}" style="${STYLE.link}">${item.body.html}</a>` : item.body.html;
  return `<li>${item.lead ? `<strong>${escapeHtml(item.lead)}:</strong> ` : ''}${body}</li>`;
}

/** Why: the plain-text part of the email (and the `text` format): the same content, links written out. */
export function announcementPlainText(announcement: Message): string {
  const lines = [announcement.title, '='.repeat(Math.min(Array.from(announcement.title).length, 72)), ''];
  if (announcement.greeting) lines.push(announcement.greeting, '');
  if (announcement.intro) lines.push(announcement.intro.text, '');
  for (const fact of announcement.facts) lines.push(`${fact.label}: ${fact.value}`);
  if (announcement.facts.length > 0) lines.push('');
  for (const section of announcement.sections) {
    lines.push(section.heading, '-'.repeat(section.heading.length));
    for (const item of section.items) lines.push(`* ${item.lead ? `${item.lead}: ` : ''}${item.body.text}${item.url ? ` <${item.url}>` : ''}`);
    lines.push('');
  }
  if (announcement.closing) lines.push(announcement.closing, '');
  for (const link of announcement.links) lines.push(`${link.label}: ${link.url}`);
  lines.push('', `-- ${announcement.footer}`);
  return `${lines.join('\n')}\n`;
}

/** The MIME boundary: base64 bodies never hold a "-", so it cannot occur inside a part. */
const BOUNDARY = 'release-hub-announcement';

/**
 * Why: the email as one file a mail client opens (an `.eml`, RFC 5322 + MIME): `multipart/alternative`
 * with the plain-text part first and the HTML part, both UTF-8 in base64. No From or To: it is a
 * draft (`X-Unsent: 1` opens it as one in Outlook); the subject is the title, as RFC 2047 words.
 */
export function announcementEml(announcement: Message): string {
  const part = (type: string, body: string) => [
    `--${BOUNDARY}`,
    `Content-Type: ${type}; charset=utf-8`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(body),
  ];
  return [
    'MIME-Version: 1.0',
    `Subject: ${encodedWords(announcement.title)}`,
    'X-Unsent: 1',
    `Content-Type: multipart/alternative; boundary="${BOUNDARY}"`,
    '',
    ...part('text/plain', announcementPlainText(announcement)),
    ...part('text/html', announcementEmailHtml(announcement)),
    `--${BOUNDARY}--`,
    '',
  ].join('\r\n');
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}

/** A header value as UTF-8 "B" encoded words of at most 45 bytes each (75 characters with the markers), folded. */
function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const character of text) {
    if (Buffer.byteLength(chunk + character, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word, 'utf8').toString('base64')}?=`).join('\r\n ');
}
