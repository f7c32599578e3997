/** Content-Security-Policy hashes for the few inline elements the layout writes itself. */
import { createHash } from 'node:crypto';

/**
 * The only script a page runs before the reader interacts (issue 10: no script file is loaded
 * until then). A classic inline script in `<head>`, so the saved theme applies before first paint.
 * Each statement, in order:
 * 1. shorthands: the document, its root, the storage key, the system's dark preference;
 * 2. `set(theme)`: a saved 'light'/'dark' sets `<html data-theme>`, anything else follows the system;
 * 3. `show()`: the shown theme, then every theme toggle is revealed with `aria-pressed` = dark shown;
 * 4. apply the saved theme now; sync the toggles once the body is parsed, when the system scheme
 *    changes, and when another tab saves a choice;
 * 5. a toggle click switches the theme; picking what the system shows anyway forgets the choice;
 * 6. "/" (outside a field) focuses the search page's box, else the header search box;
 * 7. the first focus inside an element with `data-ui` (the header search, a release list's text
 *    filter) loads the module it names;
 * 8. elements marked `data-reveal` (controls that need the module of 7) are shown once the body is parsed.
 * Keep the text constant across pages: the page's CSP carries its hash.
 */
export const HEAD_SCRIPT = `(()=>{${[
  "var d=document,r=d.documentElement,k='release-hub-theme',q=matchMedia('(prefers-color-scheme: dark)')",
  "var set=t=>{t=='light'||t=='dark'?r.dataset.theme=t:delete r.dataset.theme}",
  "var shown=()=>r.dataset.theme||(q.matches?'dark':'light'),show=()=>d.querySelectorAll('[data-theme-toggle]').forEach(b=>{b.hidden=!1;b.setAttribute('aria-pressed',shown()=='dark')})",
  "try{set(localStorage.getItem(k))}catch(e){}d.addEventListener('DOMContentLoaded',show);q.addEventListener('change',show);addEventListener('storage',e=>{e.key==k&&(set(e.newValue),show())})",
  "d.addEventListener('click',e=>{if(!e.target.closest('[data-theme-toggle]'))return;var t=shown()=='dark'?'light':'dark',system=t==(q.matches?'dark':'light');set(system?0:t);try{system?localStorage.removeItem(k):localStorage.setItem(k,t)}catch(e){}show()})",
  "d.addEventListener('keydown',e=>{var t=e.target;if(e.key!='/'||e.ctrlKey||e.metaKey||e.altKey||e.defaultPrevented||t.closest&&t.closest('input,textarea,select,[contenteditable]:not([contenteditable=false])'))return;e.preventDefault();(d.querySelector('[data-search-primary]')||d.querySelector('[data-header-search] input')).focus()})",
  "d.addEventListener('focusin',e=>{var f=e.target.closest&&e.target.closest('[data-ui]');f&&!f.dataset.loaded&&(f.dataset.loaded=1,import(f.dataset.ui))})",
  "d.addEventListener('DOMContentLoaded',()=>d.querySelectorAll('[data-reveal]').forEach(e=>e.hidden=!1))",
].join(';')}})()`;

/** Why: Astro's CSP hashes the scripts and styles it bundles; inline ones we write need their own. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
