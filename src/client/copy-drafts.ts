/**
 * The copy buttons of `/announce/` (the only page that loads this): each copies the draft file
 * its `data-copy` names. The buttons stay hidden without a clipboard (no script, or not a secure
 * context), where the links to the files still work. The text is fetched inside the click, as a
 * promise handed to the clipboard, so Safari keeps the user gesture.
 */

/** Why: reveal and wire every copy button; the live region says what was copied, or why not. */
function attachCopyButtons(): void {
  const live = document.querySelector<HTMLElement>('[data-copy-status]');
  if (!navigator.clipboard || !live) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      // The button's hidden text names the draft ("Copy the customer announcement of …").
      const what = button.querySelector('.visually-hidden')?.textContent?.trim() ?? 'the draft';
      const text = fetch(button.dataset.copy!).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      });
      try {
        if (typeof ClipboardItem === 'function') {
          await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((value) => new Blob([value], { type: 'text/plain' })) })]);
        } else {
          await navigator.clipboard.writeText(await text);
        }
        live.textContent = `Copied ${what}.`;
      } catch (error) {
        live.textContent = `Could not copy ${what}: ${(error as Error).message}. Open the file and copy it from there.`;
      }
    });
  }
}

attachCopyButtons();
