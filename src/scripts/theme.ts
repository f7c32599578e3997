/**
 * The theme toggle. The page follows the system colour scheme until the reader picks a theme;
 * the pick is kept in localStorage and applied before first paint by the inline script in
 * Base.astro (same key). Picking the theme the system shows anyway forgets the pick, so the
 * page follows the system again.
 */
const STORAGE_KEY = 'release-hub-theme';
type Theme = 'light' | 'dark';

const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
const buttons = document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]');

const asTheme = (value: string | null | undefined): Theme | null => (value === 'light' || value === 'dark' ? value : null);

function shownTheme(): Theme {
  return asTheme(root.dataset.theme) ?? (systemDark.matches ? 'dark' : 'light');
}

function remember(theme: Theme | null): void {
  try {
    if (theme) localStorage.setItem(STORAGE_KEY, theme);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be blocked; the choice then lasts for this page only.
  }
}

function apply(theme: Theme | null): void {
  if (theme) root.dataset.theme = theme;
  else delete root.dataset.theme;
  const dark = shownTheme() === 'dark';
  for (const button of buttons) button.setAttribute('aria-pressed', String(dark));
}

function pick(theme: Theme): void {
  const followSystem = theme === (systemDark.matches ? 'dark' : 'light');
  remember(followSystem ? null : theme);
  apply(followSystem ? null : theme);
}

for (const button of buttons) {
  button.hidden = false;
  button.addEventListener('click', () => pick(shownTheme() === 'dark' ? 'light' : 'dark'));
}
apply(asTheme(root.dataset.theme));
systemDark.addEventListener('change', () => apply(asTheme(root.dataset.theme)));
// Another tab changed the theme.
window.addEventListener('storage', (event) => {
  if (event.key !== STORAGE_KEY) return;
  apply(asTheme(event.newValue));
});
