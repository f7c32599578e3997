/**
 * The one safe rule for HTML that users' writing becomes, on pages and in feeds alike: GitHub's
 * sanitization schema (rehype-sanitize: no script, style, iframe or form; no event handlers; only
 * http(s), mailto and relative URLs), plus what the hub's own Markdown plugins write (callouts).
 */
import { defaultSchema, type Options } from 'rehype-sanitize';

/** Why: Markdown fields (summaries, reasons) and feed content are cleaned by the same schema. */
export const SAFE_HTML_SCHEMA: Options = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), ['className', 'callout', 'callout-title'], 'dataCallout', ['role', 'note']],
    p: [...(defaultSchema.attributes?.p ?? []), ['className', 'callout-title']],
  },
};

/**
 * Why: feed content is page HTML, already cleaned (its ids prefixed where users wrote them), cleaned
 * again in case anything reached it: ids stay as they are, so `#migration` finds its heading.
 */
export const FEED_HTML_SCHEMA: Options = { ...SAFE_HTML_SCHEMA, clobberPrefix: '' };

/** The protocols a link may use. */
export const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(defaultSchema.protocols?.href ?? []);
