/**
 * The search UI, on Pagefind's JS API: results as you type under the header search box, and the
 * full `/search/` page with filters and sorting. Loaded only when a reader opens search (the header
 * box imports this module on focus; the search page on load), and it loads Pagefind's own
 * `pagefind/pagefind.js` (written by the build, under the hub's base path) on first use.
 */

import { isCloseMatch, markedWords, typoFallbacks } from '../search/typo.ts';

/** The part of Pagefind's JS API this UI uses (pagefind.js ships no types). */
interface Pagefind {
  options(options: { excerptLength?: number; baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: FilterQuery; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch | null>;
  filters(): Promise<FilterCounts>;
}

/** Filter value → number of pages, per filter key. */
type FilterCounts = Record<string, Record<string, number>>;
/** Pages matching any of the values, per filter key (keys combine with AND). */
type FilterQuery = Record<string, { any: string[] }>;

interface PagefindSearch {
  results: { id: string; data: () => Promise<ResultData> }[];
  /** Counts for the words alone, before any filter: they stay put while filters are ticked. */
  totalFilters: FilterCounts;
}

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results: { title: string; url: string; excerpt: string }[];
}

/** The hub's base path (`/`, or e.g. `/releases/` for a hub under a path), fixed when this script is bundled. */
const BASE = __RELEASE_HUB_BASE__;
const PAGEFIND_URL = `${BASE}pagefind/pagefind.js`;
/** Results shown under the header box; the rest are on the search page. */
const HEADER_RESULT_COUNT = 6;
/** Results per "Show more" on the search page. */
const PAGE_SIZE = 20;
const DEBOUNCE_MS = 120;

let pagefind: Promise<Pagefind> | undefined;

/** Why: Pagefind (its JS, WebAssembly and index) is fetched once, on the first search. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ PAGEFIND_URL) as Promise<Pagefind>).then(async (api) => {
    // Result URLs are the pages' paths in the site folder; under a base path they need it in front.
    await api.options({ excerptLength: 24, baseUrl: BASE });
    await api.init();
    return api;
  });
  return pagefind;
}

/** Why: the search page's URL, shared by the header's "all results" link and the page's own state. */
function searchPageUrl(term: string, params: URLSearchParams = new URLSearchParams()): string {
  const query = new URLSearchParams();
  if (term) query.set('q', term);
  for (const [key, value] of params) if (key !== 'q') query.append(key, value);
  const text = query.toString();
  return `${BASE}search/${text ? `?${text}` : ''}`;
}

/** Runs the latest of several overlapping searches only, after a short pause in typing. */
function latestOnly() {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (work: (isCurrent: () => boolean) => Promise<void>, delay = DEBOUNCE_MS) => {
    const mine = ++generation;
    clearTimeout(timer);
    timer = setTimeout(() => void work(() => mine === generation).catch(reportFailure), delay);
  };
}

function reportFailure(error: unknown): void {
  console.error('Search failed:', error);
  for (const status of document.querySelectorAll<HTMLElement>('[data-search-status]')) {
    status.textContent = 'Search is not available: its index could not be loaded. Try reloading the page.';
  }
}

/** Pagefind's excerpt is escaped text with `<mark>`; only the marks are kept as elements. */
function excerptNodes(excerpt: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  return [...template.content.childNodes].map((node) => {
    if (node instanceof HTMLElement && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.append(...children);
  return node;
}

/** One result: its title as the link, what it is (kind, product, version, status, date) and an excerpt. */
function resultItem(data: ResultData, subResultCount: number): HTMLLIElement {
  const link = element('a', 'search-result-title', data.meta.title ?? data.url);
  link.href = data.url;
  const facts = [data.meta.kind, data.meta.product, data.meta.version, data.meta.status, data.meta.date].filter((fact): fact is string => Boolean(fact));
  const item = element(
    'li',
    'search-result',
    link,
    element('span', 'search-result-meta', facts.join(' · ')),
    element('p', 'search-result-excerpt', ...excerptNodes(data.excerpt)),
  );
  const sections = data.sub_results.filter((sub) => sub.url !== data.url && sub.url.includes('#')).slice(0, subResultCount);
  if (sections.length > 0) {
    const list = element('ul', 'search-result-sections');
    for (const section of sections) {
      const sectionLink = element('a', '', section.title);
      sectionLink.href = section.url;
      list.append(element('li', '', sectionLink));
    }
    item.append(list);
  }
  return item;
}

function resultCountText(count: number, term: string): string {
  const what = count === 1 ? '1 result' : `${count} results`;
  return term ? `${what} for “${term}”` : what;
}

/** A search's results and the words that found them: the reader's, or a shorter guess at a typo. */
interface TolerantSearch {
  found: PagefindSearch;
  /** Set when the words as typed found nothing close and a shorter prefix did (src/search/typo.ts). */
  guess?: string;
  /** Whether the words as typed found anything at all (they may have found only unlike words). */
  typedFoundAny: boolean;
}

/** Results whose marked words are looked at to judge a search (the header shows about as many). */
const JUDGED_RESULTS = 5;

/** Why: a search is only as good as the words it marked; this reads them from the top results. */
async function foundCloseWords(found: PagefindSearch, term: string): Promise<boolean> {
  const top = await Promise.all(found.results.slice(0, JUDGED_RESULTS).map((result) => result.data()));
  const marked = top.flatMap((data) => [data.excerpt, ...data.sub_results.map((sub) => sub.excerpt)].flatMap(markedWords));
  return isCloseMatch(term, marked);
}

/**
 * Why: Pagefind forgives only some typos, and sometimes matches unlike words; a search that finds
 * nothing close is retried with shorter word prefixes, and the first retry that finds close words
 * is shown.
 */
async function searchTolerant(api: Pagefind, term: string, options?: Parameters<Pagefind['search']>[1]): Promise<TolerantSearch | null> {
  const found = await api.search(term || null, options);
  if (!found || !term) return found && { found, typedFoundAny: found.results.length > 0 };
  const typedFoundAny = found.results.length > 0;
  if (typedFoundAny && (await foundCloseWords(found, term))) return { found, typedFoundAny };
  let firstRetryWithResults: TolerantSearch | undefined;
  for (const guess of typoFallbacks(term)) {
    const retried = await api.search(guess, options);
    if (!retried || retried.results.length === 0) continue;
    if (await foundCloseWords(retried, guess)) return { found: retried, guess, typedFoundAny };
    firstRetryWithResults ??= { found: retried, guess, typedFoundAny };
  }
  // Unlike words are kept when the typed ones found them; when they found nothing, any guess beats none.
  return typedFoundAny ? { found, typedFoundAny } : (firstRetryWithResults ?? { found, typedFoundAny });
}

/**
 * "3 results for “rollback”", or for a guess: "No results for “migraiton”; 3 results for words
 * starting “migra…”" (or "No close match for “rolback”; …" when the typed words found unlike ones).
 */
function tolerantCountText({ found, guess, typedFoundAny }: TolerantSearch, term: string): string {
  if (!guess) return resultCountText(found.results.length, term);
  const what = found.results.length === 1 ? '1 result' : `${found.results.length} results`;
  return `${typedFoundAny ? 'No close match' : 'No results'} for “${term}”; ${what} for words starting “${guess}…”`;
}

/** Why: the header box shows the best results as the reader types; Enter opens the full search page. */
export function attachHeaderSearch(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-panel]')!;
  const list = panel.querySelector<HTMLOListElement>('ol')!;
  const allResults = panel.querySelector<HTMLAnchorElement>('[data-search-all]')!;
  const summary = panel.querySelector<HTMLElement>('[data-search-summary]')!;
  // The live region sits outside the panel: a hidden panel would not be announced.
  const status = form.querySelector<HTMLElement>('[data-search-status]')!;
  const schedule = latestOnly();

  const close = () => {
    panel.hidden = true;
  };
  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a')];

  const update = () => {
    const term = input.value.trim();
    if (!term) {
      close();
      list.replaceChildren();
      status.textContent = summary.textContent = '';
      return;
    }
    schedule(async (isCurrent) => {
      const api = await loadPagefind();
      const search = await searchTolerant(api, term);
      if (!search || !isCurrent()) return;
      const { found } = search;
      const top = await Promise.all(found.results.slice(0, HEADER_RESULT_COUNT).map((result) => result.data()));
      if (!isCurrent()) return;
      list.replaceChildren(...top.map((data) => resultItem(data, 0)));
      allResults.href = searchPageUrl(term);
      allResults.textContent = found.results.length > HEADER_RESULT_COUNT ? `All ${found.results.length} results` : 'Search page with filters';
      status.textContent = summary.textContent = found.results.length === 0 ? `No results for “${term}”` : tolerantCountText(search, term);
      panel.hidden = !form.contains(document.activeElement);
    });
  };

  input.addEventListener('input', update);
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.children.length > 0) panel.hidden = false;
  });
  form.addEventListener('keydown', (event) => {
    const targets = links();
    const index = targets.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      input.focus();
      close();
    } else if (event.key === 'ArrowDown' && !panel.hidden && targets.length > 0) {
      event.preventDefault();
      targets[Math.min(index + 1, targets.length - 1)]!.focus();
    } else if (event.key === 'ArrowUp' && index >= 0) {
      event.preventDefault();
      (index === 0 ? input : targets[index - 1]!).focus();
    }
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) close();
  });
  update();
}

/** The controls of the search page, read from its server-rendered form. */
interface SearchPageControls {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  options: HTMLInputElement[];
  list: HTMLOListElement;
  status: HTMLElement;
  more: HTMLButtonElement;
}

function searchPageControls(root: HTMLElement): SearchPageControls {
  const form = root.querySelector<HTMLFormElement>('form')!;
  return {
    form,
    input: form.querySelector<HTMLInputElement>('input[type="search"]')!,
    sort: form.querySelector<HTMLSelectElement>('select[name="sort"]')!,
    options: [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][data-filter]')],
    list: root.querySelector<HTMLOListElement>('[data-search-results]')!,
    status: root.querySelector<HTMLElement>('[data-search-status]')!,
    more: root.querySelector<HTMLButtonElement>('[data-search-more]')!,
  };
}

/** Why: the state of the page is its URL (`?q=…&type=release&sort=date`), so every search is a deep link. */
function applyUrl(controls: SearchPageControls, params: URLSearchParams): void {
  controls.input.value = params.get('q') ?? '';
  for (const option of controls.options) option.checked = params.getAll(option.dataset.filter!).includes(option.value);
  controls.sort.value = params.get('sort') === 'date' ? 'date' : '';
}

function selectedFilters(controls: SearchPageControls): FilterQuery {
  const filters: FilterQuery = {};
  for (const option of controls.options) {
    if (!option.checked) continue;
    const key = option.dataset.filter!;
    filters[key] ??= { any: [] };
    filters[key].any.push(option.value);
  }
  return filters;
}

function formParams(controls: SearchPageControls): URLSearchParams {
  const params = new URLSearchParams();
  const term = controls.input.value.trim();
  if (term) params.set('q', term);
  for (const option of controls.options) if (option.checked) params.append(option.dataset.filter!, option.value);
  if (controls.sort.value) params.set('sort', controls.sort.value);
  return params;
}

/** Hides filter values the index does not hold (a public build has no runbooks); counts what the words match. */
function showCounts(controls: SearchPageControls, counts: FilterCounts, present: FilterCounts): void {
  for (const option of controls.options) {
    const key = option.dataset.filter!;
    const label = option.closest('label')!;
    label.hidden = !(present[key]?.[option.value] ?? 0) && !option.checked;
    label.querySelector('[data-count]')!.textContent = `(${counts[key]?.[option.value] ?? 0})`;
  }
  for (const fieldset of controls.form.querySelectorAll('fieldset')) {
    fieldset.hidden = [...fieldset.querySelectorAll('label')].every((label) => label.hidden);
  }
}

/** Phones: the filters fold away (unless the URL chose some) so they do not push the first result below the fold. */
const PHONE_QUERY = '(max-width: 40rem)';

function collapseFiltersOnPhones(root: HTMLElement, controls: SearchPageControls): void {
  const panel = root.querySelector<HTMLDetailsElement>('[data-search-filters]');
  const chosen = controls.options.some((option) => option.checked) || controls.sort.value !== '';
  if (panel && !chosen && matchMedia(PHONE_QUERY).matches) panel.open = false;
}

/** Why: the full search page: a query, filters by type, product and status, and sorting by date. */
export function attachSearchPage(root: HTMLElement): void {
  const controls = searchPageControls(root);
  const schedule = latestOnly();
  let shown: PagefindSearch['results'] = [];
  let presentValues: Promise<FilterCounts> | undefined;

  const showMore = async () => {
    const start = controls.list.children.length;
    const next = await Promise.all(shown.slice(start, start + PAGE_SIZE).map((result) => result.data()));
    controls.list.append(...next.map((data) => resultItem(data, 3)));
    controls.more.hidden = controls.list.children.length >= shown.length;
  };

  const run = (delay?: number) =>
    schedule(async (isCurrent) => {
      const api = await loadPagefind();
      presentValues ??= api.filters();
      const term = controls.input.value.trim();
      const filters = selectedFilters(controls);
      if (!term && Object.keys(filters).length === 0) {
        shown = [];
        controls.list.replaceChildren();
        controls.more.hidden = true;
        controls.status.textContent = 'Type a word or choose a filter to search.';
        showCounts(controls, await presentValues, await presentValues);
        return;
      }
      const search = await searchTolerant(api, term, { filters, sort: controls.sort.value === 'date' ? { date: 'desc' } : undefined });
      if (!search || !isCurrent()) return;
      const { found } = search;
      shown = found.results;
      controls.list.replaceChildren();
      await showMore();
      if (!isCurrent()) return;
      showCounts(controls, found.totalFilters, await presentValues);
      controls.status.textContent =
        found.results.length === 0 ? `No results${term ? ` for “${term}”` : ''}. Try fewer words or filters.` : tolerantCountText(search, term);
    }, delay);

  const rerun = (delay?: number) => {
    history.replaceState(null, '', searchPageUrl(controls.input.value.trim(), formParams(controls)));
    run(delay);
  };

  controls.form.addEventListener('submit', (event) => {
    event.preventDefault();
    rerun(0);
  });
  controls.input.addEventListener('input', () => rerun());
  controls.form.addEventListener('change', (event) => {
    if (event.target !== controls.input) rerun(0);
  });
  controls.more.addEventListener('click', () => void showMore().catch(reportFailure));
  applyUrl(controls, new URLSearchParams(location.search));
  collapseFiltersOnPhones(root, controls);
  run(0);
}
