/**
 * The text filter above a release table. The layout's head script shows the filter (it is hidden
 * without JavaScript: the filter links still work) and imports this module on the filter's first
 * focus (`data-ui`), so a release list loads no script before the reader turns to it. It hides
 * the rows of this page that do not match what is typed.
 */
import { filterStatusText, rowMatches } from '../releases/text-filter.ts';

/** Why: narrows the rows of the page's release table as the reader types (rows are hidden, never removed). */
function attachReleaseFilter(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[data-release-filter-status]');
  const rows = [...(root.parentElement?.querySelectorAll<HTMLTableRowElement>('table.release-table tbody tr') ?? [])];
  if (!input || !status || rows.length === 0) return;
  const texts = rows.map((row) => row.textContent ?? '');
  const update = () => {
    let shown = 0;
    rows.forEach((row, index) => {
      const match = rowMatches(texts[index]!, input.value);
      row.hidden = !match;
      if (match) shown++;
    });
    status.textContent = filterStatusText(shown, rows.length, input.value);
  };
  input.addEventListener('input', update);
  // What was typed before the module arrived counts too.
  update();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-release-filter]')) attachReleaseFilter(root);
