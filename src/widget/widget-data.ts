/**
 * The "what's new" widget's data (`/widget.json`, read by `/widget.js` on a team's own app): the
 * newest changelog entries of each product, in both builds the customer view only (public
 * releases that shipped, as on the changelog), with plain-text titles and absolute links. Small
 * on purpose: a handful of entries per product, no change lists. Pure: no Astro imports.
 */
import type { Hub } from '../core/model.ts';
import { absoluteUrl, changelogPath, releasePath, sitePath } from '../core/urls.ts';
import { changelogEntries } from '../releases/changelog.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { isoDateTime } from '../presentation/format.ts';
import { textOnAccent, themeAccents } from '../presentation/accent.ts';

/** The widget's files and demo page, as hub paths. */
export const WIDGET_FILES = { script: '/widget.js', data: '/widget.json', demo: '/widget/' } as const;

/** Entries per product in `/widget.json`: the widget shows the newest few; a reader with more unread reads the changelog. */
export const WIDGET_ENTRIES_PER_PRODUCT = 10;

/** The hub's default accent (global.css `--accent`) when hub.yaml sets none. */
const DEFAULT_ACCENT = '#1f6feb';

/** One entry of the widget. */
export interface WidgetEntry {
  /** `<product>@<version>`: the key of the reader's read state. */
  id: string;
  product: string;
  productName: string;
  version: string;
  /** Plain text: the release title, else "<product name> <version>". */
  title: string;
  /** Plain text: the release summary, if any. */
  summary?: string;
  /** The release time, ISO 8601 with the hub's offset. */
  date: string;
  /** The release page, absolute. */
  url: string;
}

/** The whole `/widget.json`. */
export interface WidgetData {
  version: 1;
  title: string;
  /** The customer changelog, absolute. */
  changelogUrl: string;
  /** The accent for the light and dark themes, with the text colour on each (src/presentation/accent.ts). */
  accent: { light: string; dark: string; onLight: string; onDark: string };
  /** Newest first, across products. */
  entries: WidgetEntry[];
}

/** Why: `/widget.json`: the newest customer entries of each product, newest first, for the embedded widget. */
export function widgetData(hub: Hub): WidgetData {
  const { config } = hub;
  const text = markdownForHub(hub).text;
  const entries = config.products
    .flatMap((product) => changelogEntries(hub, product.id).slice(0, WIDGET_ENTRIES_PER_PRODUCT))
    .sort((a, b) => b.time.epochMilliseconds - a.time.epochMilliseconds || a.release.id.localeCompare(b.release.id))
    .map(
      ({ release, productName, time }): WidgetEntry => ({
        id: `${release.product}@${release.version}`,
        product: release.product,
        productName,
        version: release.version,
        title: release.title ? text(release.title, release.product) : `${productName} ${release.version}`,
        ...(release.summary ? { summary: text(release.summary, release.product) } : {}),
        date: isoDateTime(time.withTimeZone(config.timezone)),
        url: absoluteUrl(config.url, releasePath(release)),
      }),
    );
  const { light, dark } = themeAccents(config.accentColor ?? DEFAULT_ACCENT);
  return {
    version: 1,
    title: config.title,
    changelogUrl: absoluteUrl(config.url, changelogPath()),
    accent: { light, dark, onLight: textOnAccent(light), onDark: textOnAccent(dark) },
    entries,
  };
}

/** Why: the snippet a team pastes into its app: one script tag, from the hub's own host. */
export function widgetSnippet(hub: Hub): string {
  return `<script src="${absoluteUrl(hub.config.url, sitePath(WIDGET_FILES.script))}" async></script>`;
}
