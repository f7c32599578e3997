/**
 * A team's own announcement texts (`templates/announce/<kind>.yaml`, issue 21) applied to a draft:
 * the placeholders are filled in as plain text, and the renderers escape the result like any other
 * text, so a template can add words but never markup.
 */
import type { AnnounceTemplate } from '../core/model.ts';
import type { AnnouncementPlaceholder } from '../schemas/vocabulary.ts';

/** The texts of a draft (src/announce/announcement.ts `Message`) a template may set. */
interface TemplatedText {
  title: string;
  footer: string;
  greeting?: string;
  closing?: string;
}

/** Why: one place where a template changes a draft; without a template the draft is unchanged. */
export function withTemplate<T extends TemplatedText>(message: T, template: AnnounceTemplate | undefined, values: Record<AnnouncementPlaceholder, string>): T {
  if (!template) return message;
  const fill = (text: string) => filledTemplate(text, values);
  return {
    ...message,
    ...(template.title ? { title: fill(template.title) } : {}),
    ...(template.footer ? { footer: fill(template.footer) } : {}),
    ...(template.greeting ? { greeting: fill(template.greeting) } : {}),
    ...(template.closing ? { closing: fill(template.closing) } : {}),
  };
}

/** Why: `{product}` → "Northwind Web"; the schema let through only known placeholders, and nothing else is read. */
export function filledTemplate(text: string, values: Record<AnnouncementPlaceholder, string>): string {
  return text
    .replace(/\{([a-z]+)\}/g, (match, name: string) => (Object.hasOwn(values, name) ? values[name as AnnouncementPlaceholder] : match))
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
