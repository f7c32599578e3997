/**
 * The hub's accent colour (hub.yaml `accentColor`) on both themes. The accent marks UI (the
 * header rule, the current page, focus rings, sparklines), so WCAG 2.2 asks 3:1 against the
 * backgrounds it sits on. A brand colour that misses 3:1 on a theme is moved towards white (dark
 * theme) or black (light theme) just enough to reach it, so any hub stays readable. The accent is
 * never used for body text; text on an accent background uses `--on-accent` (white or black,
 * whichever contrasts more).
 */

/** Backgrounds of each theme that the accent sits on (`--bg`, `--bg-soft` in global.css). */
export const THEME_BACKGROUNDS = {
  light: ['#ffffff', '#f6f8fa'],
  dark: ['#0d1117', '#161b22'],
} as const;

/** WCAG 2.2 non-text contrast (SC 1.4.11): UI parts and graphics. */
export const UI_CONTRAST = 3;

/** The accent to use on each theme, as `#rrggbb`. */
export interface ThemeAccents {
  light: string;
  dark: string;
}

/** Why: WCAG contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Why: the brand colour as given where it meets 3:1, else the nearest shade that does. */
export function themeAccents(accent: string): ThemeAccents {
  return {
    light: adjustedFor(accent, THEME_BACKGROUNDS.light, '#000000'),
    dark: adjustedFor(accent, THEME_BACKGROUNDS.dark, '#ffffff'),
  };
}

/** Why: labels on an accent background (the current filter, a primary button) must stay readable (4.5:1). */
export function textOnAccent(accent: string): '#ffffff' | '#000000' {
  return contrastRatio(accent, '#ffffff') >= contrastRatio(accent, '#000000') ? '#ffffff' : '#000000';
}

/** Why: Base.astro injects this; it sets `--accent` and `--on-accent` for the light theme and for both ways of choosing dark. */
export function accentCss(accent: string | undefined): string {
  if (!accent) return '';
  const { light, dark } = themeAccents(accent);
  const tokens = (color: string) => `--accent:${color};--on-accent:${textOnAccent(color)}`;
  const lightRule = `:root{${tokens(light)}}`;
  if (dark === light) return lightRule;
  return `${lightRule}:root[data-theme="dark"]{${tokens(dark)}}@media (prefers-color-scheme:dark){:root:not([data-theme="light"]){${tokens(dark)}}}`;
}

function adjustedFor(accent: string, backgrounds: readonly string[], towards: string): string {
  for (let step = 0; step <= 20; step += 1) {
    const candidate = mix(accent, towards, step / 20);
    if (backgrounds.every((background) => contrastRatio(candidate, background) >= UI_CONTRAST)) return candidate;
  }
  return towards;
}

function mix(from: string, to: string, amount: number): string {
  const a = channels(from);
  const b = channels(to);
  return `#${a
    .map((value, index) =>
      Math.round(value + (b[index]! - value) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`accent colour must be #rrggbb, got "${hex}"`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

function relativeLuminance(hex: string): number {
  const [red, green, blue] = channels(hex).map((value) => {
    const channel = value / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}
