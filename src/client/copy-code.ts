/**
 * A "Copy" button on every code block of a runbook (at 3 a.m., nobody should select a command by
 * hand). The buttons are made by this script, so a page without JavaScript shows none; a click
 * writes the block's text to the clipboard and says so in a live region.
 */

/** How long the button says "Copied" before it reads "Copy" again. */
const CONFIRM_MS = 2000;

/** Why: each code block under `root` gets its own button; one status region announces the result. */
export function addCopyButtons(root: HTMLElement): void {
  const blocks = [...root.querySelectorAll<HTMLPreElement>('pre')];
  if (blocks.length === 0 || !navigator.clipboard) return;
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  root.append(status);
  blocks.forEach((pre, index) => {
    const block = document.createElement('div');
    block.className = 'code-block';
    pre.replaceWith(block);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', `Copy code block ${index + 1}`);
    button.addEventListener('click', () => {
      const text = (pre.querySelector('code') ?? pre).textContent ?? '';
      navigator.clipboard.writeText(text).then(
        () => confirm(button, status, 'Copied', `Code block ${index + 1} copied.`),
        () => confirm(button, status, 'Copy failed', 'Copying failed: select the text instead.'),
      );
    });
    block.append(button, pre);
  });
}

function confirm(button: HTMLButtonElement, status: HTMLElement, label: string, message: string): void {
  button.textContent = label;
  status.textContent = message;
  setTimeout(() => {
    button.textContent = 'Copy';
  }, CONFIRM_MS);
}
