/**
 * Social cards (issue 20): a 1200 × 630 image per changelog entry for OpenGraph and Twitter, made
 * at build time from the hub's branding (title, accent colour) and the entry (product, version,
 * title, date). The card is written here as SVG (pure, deterministic: no fonts embedded, text
 * escaped, long titles wrapped by character count) and rasterised to PNG by the route, since most
 * social sites take no SVG. Rasterising costs about 45 ms and 34 KB a card, so only the newest
 * `SOCIAL_CARDS_PER_PRODUCT` entries of each product have one: the entries people share.
 * Pure: no Astro imports.
 */
import type { Hub, Release } from '../core/model.ts';
import { releasePath } from '../core/urls.ts';
import { changelogEntries, type ChangelogEntry } from '../releases/changelog.ts';
import { markdownForHub } from '../markdown/fields.ts';
import { formatDate } from '../presentation/format.ts';
import { textOnAccent, themeAccents } from '../presentation/accent.ts';

/** Changelog entries per product with a card: the newest, as in the widget (about 0.5 s and 340 KB of PNG per product). */
export const SOCIAL_CARDS_PER_PRODUCT = 10;

/** The card's size, OpenGraph's recommended 1.91:1. */
export const SOCIAL_CARD_SIZE = { width: 1200, height: 630 } as const;

/** The hub's default accent (global.css `--accent`) when hub.yaml sets none. */
const DEFAULT_ACCENT = '#1f6feb';

/** Why: the card's href, next to its release page. */
export function socialCardPath(release: Pick<Release, 'product' | 'version'>): string {
  return `${releasePath(release)}card.png`;
}

const cardsByHub = new WeakMap<Hub, Map<string, ChangelogEntry>>();

/** Why: the entries with a card (the newest of each product), by release id; computed once per hub. */
export function socialCardEntries(hub: Hub): Map<string, ChangelogEntry> {
  let cards = cardsByHub.get(hub);
  if (!cards) {
    cards = new Map(
      hub.config.products.flatMap((product) => changelogEntries(hub, product.id).slice(0, SOCIAL_CARDS_PER_PRODUCT)).map((entry) => [entry.release.id, entry]),
    );
    cardsByHub.set(hub, cards);
  }
  return cards;
}

/** Why: text placed in SVG markup, escaped, with the characters XML 1.0 forbids dropped. */
function xmlText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/** Why: a title over at most `lines` lines of about `width` characters, the last cut with "…". */
export function wrapText(text: string, width: number, lines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const result: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= width || !line) line = candidate;
    else {
      result.push(line);
      line = word;
    }
  }
  if (line) result.push(line);
  const cut = result.slice(0, lines).map((part) => (part.length > width ? `${part.slice(0, width - 1)}…` : part));
  if (result.length > lines) cut[lines - 1] = `${cut[lines - 1]!.slice(0, width - 1).replace(/\s*\S*$/, '')}…`;
  return cut;
}

/** Why: the card of one changelog entry as SVG: the hub's name, the product and version, the title and the release day. */
export function socialCardSvg(hub: Hub, entry: ChangelogEntry): string {
  const { config } = hub;
  const { width, height } = SOCIAL_CARD_SIZE;
  const accent = themeAccents(config.accentColor ?? DEFAULT_ACCENT).light;
  const { release } = entry;
  const title = release.title ? markdownForHub(hub).text(release.title, release.product) : 'New release';
  const titleLines = wrapText(title, 30, 3);
  const font = 'font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"';
  const text = (y: number, size: number, content: string, extra = '') =>
    `<text x="80" y="${y}" ${font} font-size="${size}" fill="#1f2328"${extra}>${xmlText(content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect width="${width}" height="24" fill="${accent}"/>`,
    text(120, 34, wrapText(config.title, 56, 1)[0] ?? '', ' fill-opacity="0.8"'),
    `<rect x="80" y="170" width="${Math.min(1040, 40 + 24 * `${entry.productName} ${release.version}`.length)}" height="72" rx="12" fill="${accent}"/>`,
    `<text x="100" y="219" ${font} font-size="40" font-weight="700" fill="${textOnAccent(accent)}">${xmlText(wrapText(`${entry.productName} ${release.version}`, 40, 1)[0] ?? '')}</text>`,
    ...titleLines.map((line, index) => text(330 + index * 76, 64, line, ' font-weight="700"')),
    text(580, 30, `Released ${formatDate(entry.time, config.timezone)}`),
    '</svg>',
  ].join('');
}
