/**
 * An announcement template `templates/announce/<kind>.yaml` (issue 21): a team's own subject line,
 * greeting, closing and sign-off for one kind of draft (customer, internal, exec). Each is plain
 * text with placeholders such as `{product}`; every format escapes the result its own way.
 */
import { z } from 'astro/zod';
import { text } from './fields.ts';
import { ANNOUNCEMENT_PLACEHOLDERS } from './vocabulary.ts';

const KNOWN = new Set<string>(ANNOUNCEMENT_PLACEHOLDERS);
const LIST = ANNOUNCEMENT_PLACEHOLDERS.map((name) => `{${name}}`).join(', ');

/** Plain text whose `{…}` are all known placeholders. */
const templateText = text.superRefine((value, context) => {
  const unknown = [...value.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!).filter((name) => !KNOWN.has(name));
  if (unknown.length > 0) {
    const names = [...new Set(unknown)].map((name) => `{${name}}`).join(', ');
    context.addIssue({ code: 'custom', message: `${unknown.length === 1 ? 'has an unknown placeholder' : 'has unknown placeholders'} ${names} — use ${LIST}` });
  }
});

/** The template file: every field optional; a field left out keeps the default text. */
export const announceTemplateSchema = z.strictObject({
  /** The subject line and heading, e.g. `{product} {version} is here`. Default: "<product> <version>: <title>". */
  title: templateText.optional(),
  /** A line before everything else, e.g. `Hello from the {hub} team,`. Default: none. */
  greeting: templateText.optional(),
  /** A line after the changes and before the links, e.g. `Questions? Reply to this email.`. Default: none. */
  closing: templateText.optional(),
  /** The sign-off, e.g. `The {hub} team`. Default: the hub's title. */
  footer: templateText.optional(),
});

export type AnnounceTemplateInput = z.output<typeof announceTemplateSchema>;
