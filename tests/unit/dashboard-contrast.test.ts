/**
 * The colours of the hub's visual language (src/styles/global.css) meet WCAG 2.2 AA on both
 * themes, and the accent from hub.yaml is kept at 3:1 for UI (src/presentation/accent.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accentCss, contrastRatio, textOnAccent, THEME_BACKGROUNDS, themeAccents } from '../../src/presentation/accent.ts';

const css = readFileSync(path.resolve(import.meta.dirname, '../../src/styles/global.css'), 'utf8');

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function tokens(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`no "${selector} {" rule in global.css`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]));
}

const light = tokens(':root');
const dark = tokens(':root[data-theme="dark"]');
const darkBySystem = tokens('  :root:not([data-theme="light"])');
const TEXT_TOKENS = ['fg', 'fg-muted', 'link', 'ok', 'warn', 'bad', 'info', 'neutral'];
const TONES = ['ok', 'warn', 'bad', 'info', 'neutral'];

/** `color-mix(in srgb, tone <tint>, transparent)` painted over `background`. */
function tinted(tone: string, background: string, tint: string): string {
  const share = parseFloat(tint) / 100;
  const channel = (hex: string, index: number) => parseInt(hex.slice(1 + 2 * index, 3 + 2 * index), 16);
  return `#${[0, 1, 2]
    .map((index) =>
      Math.round(channel(tone, index) * share + channel(background, index) * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

describe.each([
  ['light', light],
  ['dark', dark],
])('the %s theme', (_name, theme) => {
  it.each(TEXT_TOKENS)('--%s is readable text (4.5:1) on --bg and --bg-soft', (token) => {
    for (const background of [theme.bg!, theme['bg-soft']!]) {
      expect(contrastRatio(theme[token]!, background), `${token} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(TONES)('a %s badge keeps 4.5:1 on its own tint, on cards and soft panels', (tone) => {
    for (const background of [theme.bg!, theme['bg-soft']!]) {
      expect(contrastRatio(theme[tone]!, tinted(theme[tone]!, background, theme.tint!))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('the two ways to get the dark theme', () => {
  it('the toggle ([data-theme="dark"]) and the system preference set the same colours', () => {
    expect(darkBySystem).toEqual(dark);
  });

  it('src/presentation/accent.ts checks the accent against the backgrounds global.css really uses', () => {
    expect(THEME_BACKGROUNDS.light).toEqual([light.bg, light['bg-soft']]);
    expect(THEME_BACKGROUNDS.dark).toEqual([dark.bg, dark['bg-soft']]);
  });
});

describe('the accent colour', () => {
  it('the default and the example hub accent meet 3:1 on both themes as they are', () => {
    expect(themeAccents(light.accent!)).toEqual({ light: light.accent, dark: light.accent });
    for (const background of [...THEME_BACKGROUNDS.light, ...THEME_BACKGROUNDS.dark]) {
      expect(contrastRatio(light.accent!, background)).toBeGreaterThanOrEqual(3);
    }
  });

  it('a brand colour too light for the light theme is darkened there, and kept on dark', () => {
    const { light: onLight, dark: onDark } = themeAccents('#ffcc00');
    expect(onDark).toBe('#ffcc00');
    // 35% of the way to black: #ffcc00 × 0.65 = #a68500.
    expect(onLight).toBe('#a68500');
    for (const background of THEME_BACKGROUNDS.light) expect(contrastRatio(onLight, background)).toBeGreaterThanOrEqual(3);
    // Only as much as needed: the step before (30%, #b38f00) misses 3:1 on the soft background.
    expect(contrastRatio('#b38f00', '#f6f8fa')).toBeLessThan(3);
  });

  it('a brand colour too dark for the dark theme is lightened there', () => {
    const { light: onLight, dark: onDark } = themeAccents('#000080');
    expect(onLight).toBe('#000080');
    for (const background of THEME_BACKGROUNDS.dark) expect(contrastRatio(onDark, background)).toBeGreaterThanOrEqual(3);
  });

  it('is injected for the light theme and, when it differs there, for both ways of choosing dark; not at all when unset', () => {
    expect(accentCss('#000080')).toBe(
      ':root{--accent:#000080;--on-accent:#ffffff}:root[data-theme="dark"]{--accent:#6666b3;--on-accent:#ffffff}' +
        '@media (prefers-color-scheme:dark){:root:not([data-theme="light"]){--accent:#6666b3;--on-accent:#ffffff}}',
    );
    expect(accentCss('#1f6feb')).toBe(':root{--accent:#1f6feb;--on-accent:#ffffff}');
    expect(accentCss(undefined)).toBe('');
  });
});

describe('text on the accent (--on-accent)', () => {
  it('is white on the default accent, as global.css says, and reads at 4.5:1', () => {
    expect(light['on-accent']).toBe(textOnAccent(light.accent!));
    expect(contrastRatio(light.accent!, light['on-accent']!)).toBeGreaterThanOrEqual(4.5);
  });

  it('is black on a light brand colour, where white would not be readable', () => {
    expect(textOnAccent('#ffcc00')).toBe('#000000');
    expect(contrastRatio('#ffcc00', '#ffffff')).toBeLessThan(4.5);
    expect(textOnAccent('#a68500')).toBe('#000000');
  });
});
