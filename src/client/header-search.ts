/**
 * Results as you type under the header search box. The layout's head script imports this module
 * the first time the box gets focus; it is bundled on its own (HeaderSearch.astro imports its URL)
 * so no page loads it before the reader turns to search.
 */
import { attachHeaderSearch } from './search.ts';

const form = document.querySelector<HTMLFormElement>('[data-header-search]');
if (form) attachHeaderSearch(form);
