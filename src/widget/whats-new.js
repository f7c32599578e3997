/*
 * Release Hub "what's new" widget: <release-hub-whats-new>, served as /widget.js.
 * One classic script tag on any page: it finds widget.json next to its own src (so a hub under
 * /releases/ works), shows a button with an unread badge and a labelled popover of the newest
 * entries. Read state stays in the reader's localStorage; no cookies, no request to any host but
 * the hub's (credentials omitted), no inline style or script, no eval: the styles are a
 * constructable stylesheet adopted by the shadow root, so a strict CSP (style-src 'self') holds.
 * Attributes: product="<id>" (one product), limit="<n>" (entries shown, default 5).
 * Placed where the script tag is, unless the page has its own <release-hub-whats-new> elements.
 */
(() => {
  const script = document.currentScript;
  const NAME = 'release-hub-whats-new';
  if (!script || customElements.get(NAME)) return;
  const source = new URL('widget.json', script.src).href;
  const storageKey = `${NAME}:${source}`;
  const CSS = `:host{display:inline-block;position:relative;color:inherit;font:inherit;--a:var(--release-hub-accent,#1f6feb);--on-a:#fff}
[hidden]{display:none!important}
button{font:inherit;color:inherit;background:transparent;display:inline-flex;align-items:center;gap:.4em;min-height:2.5em;padding:.3em .8em;border:1px solid currentColor;border-radius:.5em;cursor:pointer}
.badge{background:var(--a);color:var(--on-a);border-radius:1em;padding:0 .45em;min-width:1.4em;font-size:.8em;font-weight:700;text-align:center}
.panel{position:absolute;z-index:2147483000;inset-inline-start:0;top:calc(100% + .4em);box-sizing:border-box;width:min(24rem,calc(100vw - 2rem));max-height:70vh;overflow:auto;padding:.75em 1em;text-align:start;background:Canvas;color:CanvasText;border:1px solid GrayText;border-radius:.5em;box-shadow:0 .5em 1.5em rgb(0 0 0/.25)}
:focus-visible{outline:2px solid var(--a);outline-offset:2px}
h2{font-size:1.05em;margin:0 0 .5em}
ol{list-style:none;margin:0;padding:0}
li+li{border-top:1px solid GrayText;margin-top:.6em;padding-top:.6em}
a{color:LinkText;font-weight:600}
.meta{display:block;font-size:.85em}
.new{font-size:.75em;font-weight:700;text-transform:uppercase;margin-inline-end:.4em;color:CanvasText;border:1px solid currentColor;border-radius:.3em;padding:0 .25em}
p{margin:.25em 0 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}`;
  let base;
  const sheet = () => {
    if (!base) {
      base = new CSSStyleSheet();
      base.replaceSync(CSS);
    }
    return base;
  };
  const make = (tag, props = {}, ...children) => {
    const element = document.createElement(tag);
    Object.assign(element, props);
    element.append(...children);
    return element;
  };
  const readIds = () => {
    try {
      const ids = JSON.parse(localStorage.getItem(storageKey) || '[]');
      return new Set(Array.isArray(ids) ? ids : []);
    } catch {
      return new Set();
    }
  };
  const safeUrl = (href) => {
    try {
      const url = new URL(href, source);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  };
  const hex = (value) => (/^#[0-9a-f]{6}$/i.test(value) ? value : undefined);
  let data;
  const load = () => {
    data ??= fetch(source, { credentials: 'omit', referrerPolicy: 'no-referrer' }).then((response) => {
      if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
      return response.json();
    });
    return data;
  };
  let count = 0;

  class WhatsNew extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet()];
      const id = `${NAME}-${++count}`;
      const heading = make('h2', { id: `${id}-title`, textContent: "What's new" });
      this.badge = make('span', { className: 'badge', hidden: true });
      this.badge.setAttribute('aria-hidden', 'true');
      this.unread = make('span', { className: 'sr' });
      this.button = make('button', { type: 'button' }, make('span', { textContent: "What's new" }), this.badge, this.unread);
      this.button.setAttribute('aria-expanded', 'false');
      this.button.setAttribute('aria-controls', id);
      this.list = make('ol');
      this.all = make('a', { textContent: 'All changes' });
      this.panel = make('div', { id, className: 'panel', hidden: true, tabIndex: -1 }, heading, this.list, make('p', {}, this.all));
      this.panel.setAttribute('role', 'dialog');
      this.panel.setAttribute('aria-labelledby', heading.id);
      root.append(this.button, this.panel);
      this.button.addEventListener('click', () => this.toggle(this.panel.hidden));
      this.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || this.panel.hidden) return;
        event.preventDefault();
        this.toggle(false);
        this.button.focus();
      });
      this.outside = (event) => {
        if (!this.panel.hidden && !event.composedPath().includes(this)) this.toggle(false);
      };
      document.addEventListener('click', this.outside);
      load().then(
        (json) => this.render(json),
        () => this.list.append(make('li', { textContent: 'The news could not be loaded.' })),
      );
    }

    disconnectedCallback() {
      document.removeEventListener('click', this.outside);
    }

    /** The entries this element shows: its product's (or all), newest first, at most `limit`. */
    entries(json) {
      const product = this.getAttribute('product');
      const limit = Math.max(1, Number.parseInt(this.getAttribute('limit') ?? '', 10) || 5);
      const all = Array.isArray(json.entries) ? json.entries : [];
      return all.filter((entry) => !product || entry.product === product).slice(0, limit);
    }

    render(json) {
      this.shown = this.entries(json);
      const accent = json.accent ?? {};
      const tokens = (color, on) => (hex(color) ? `--a:${color};--on-a:${hex(on) ?? '#fff'}` : '');
      const theme = new CSSStyleSheet();
      theme.replaceSync(`:host{${tokens(accent.light, accent.onLight)}}@media (prefers-color-scheme:dark){:host{${tokens(accent.dark, accent.onDark)}}}`);
      this.shadowRoot.adoptedStyleSheets = [sheet(), theme];
      const all = safeUrl(json.changelogUrl);
      if (all) this.all.href = all;
      else this.all.hidden = true;
      const read = readIds();
      const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
      this.list.replaceChildren(
        ...(this.shown.length === 0
          ? [make('li', { textContent: 'Nothing new yet.' })]
          : this.shown.map((entry) => {
              const href = safeUrl(entry.url);
              const title = `${entry.productName} ${entry.version}: ${entry.title}`;
              const date = new Date(entry.date);
              const item = make(
                'li',
                {},
                read.has(entry.id) ? '' : make('span', { className: 'new', textContent: 'New' }),
                href ? make('a', { href, textContent: title }) : title,
                make('time', { className: 'meta', dateTime: entry.date, textContent: Number.isNaN(date.getTime()) ? '' : formatter.format(date) }),
              );
              if (entry.summary) item.append(make('p', { textContent: entry.summary }));
              return item;
            })),
      );
      this.update(read);
    }

    /** The badge and its screen-reader text: how many shown entries the reader has not opened yet. */
    update(read = readIds()) {
      const unread = (this.shown ?? []).filter((entry) => !read.has(entry.id)).length;
      this.badge.textContent = String(unread);
      this.badge.hidden = unread === 0;
      this.unread.textContent = unread === 0 ? ', no unread entries' : `, ${unread} unread ${unread === 1 ? 'entry' : 'entries'}`;
    }

    toggle(open) {
      this.panel.hidden = !open;
      this.button.setAttribute('aria-expanded', String(open));
      if (!open) return;
      this.panel.focus();
      const read = readIds();
      for (const entry of this.shown ?? []) read.add(entry.id);
      try {
        localStorage.setItem(storageKey, JSON.stringify([...read].slice(-200)));
      } catch {
        // A reader who blocks storage sees every entry as new.
      }
      this.update(read);
    }
  }

  customElements.define(NAME, WhatsNew);
  if (!document.querySelector(NAME)) {
    const element = document.createElement(NAME);
    for (const name of ['product', 'limit']) {
      const value = script.getAttribute(`data-${name}`);
      if (value) element.setAttribute(name, value);
    }
    script.after(element);
  }
})();
