// Starts the widget on a page (scripts/package.mjs fills in the file names and strips
// the comments). For every element with data-backpain-intake it isolates the widget in
// a shadow root (unless data-isolation="none"), so the page's styles and the widget's
// cannot meet, and mounts it. For every iframe with data-backpain-intake-frame it loads
// the widget's embed page and sizes the frame to it. Inside such a frame it reports its
// height to the parent, and only to the origin the parent named. On the widget's own
// pages it translates the page's header along with the widget. On its own origin it
// registers the service worker that keeps the widget working offline.
import init, { mount_widget } from './__GLUE__';

const here = new URL('.', import.meta.url);
const css = new URL('__CSS__', here).href;
const KEYS = ['storage-key', 'lang', 'clinic-name', 'booking-url', 'phone', 'accent-color', 'emergency-number', 'texts'];
// English is in the wasm; another language's texts are fetched when first chosen, once
// for the widget and the page header alike. A failure is not kept, so choosing the
// language again tries again.
const fetched = new Map();
function catalog(lang) {
  if (!fetched.has(lang)) {
    const text = fetch(new URL(`i18n/${lang}.json`, here)).then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.status))));
    text.catch(() => fetched.delete(lang));
    fetched.set(lang, text);
  }
  return fetched.get(lang);
}

// #region followPageLanguage (scripts/package.mjs copies this into the offline edition)
// On the widget's own pages, the header (.bpi-page-header) and the document's title and
// language follow the language the widget shows, which its root element's lang attribute
// names, with the texts page.title and page.intro of the same catalog. The English texts
// are the page's own. A clinic's page has no such header and is left alone.
function followPageLanguage(root, catalog) {
  const header = document.querySelector('header.bpi-page-header');
  if (!header) return;
  const parts = [['page.title', header.querySelector('.bpi-page-title')], ['page.intro', header.querySelector('.bpi-page-intro')]];
  const english = Object.fromEntries(parts.map(([key, element]) => [key, element && element.textContent]));
  // What follows the heading in the document's title, such as " (offline)".
  const suffix = document.title.startsWith(english['page.title']) ? document.title.slice(english['page.title'].length) : '';
  let shown = document.documentElement.lang;
  const follow = async () => {
    const app = root.querySelector('.bpi-app[lang]');
    const lang = app && app.getAttribute('lang');
    if (!lang || lang === shown) return;
    shown = lang;
    let texts = english;
    if (lang !== 'en') {
      try {
        texts = JSON.parse(await catalog(lang));
      } catch {
        // The widget has the same trouble and says so; the header stays as it is.
        return;
      }
    }
    if (lang !== shown) return;
    for (const [key, element] of parts) {
      if (element && typeof texts[key] === 'string') element.textContent = texts[key];
    }
    if (typeof texts['page.title'] === 'string') document.title = texts['page.title'] + suffix;
    document.documentElement.lang = lang;
  };
  // A new screen can bring a new root element as well as a changed attribute.
  new MutationObserver(follow).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['lang'] });
  follow();
}
// #endregion

function stylesheet(parent) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = css;
  parent.append(link);
}

function rootFor(host) {
  if (host.dataset.isolation === 'none' || !host.attachShadow) {
    if (![...document.styleSheets].some((s) => s.href === css)) stylesheet(document.head);
    return host;
  }
  const shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  stylesheet(shadow);
  const root = document.createElement('div');
  shadow.append(root);
  return root;
}

function frames() {
  for (const frame of document.querySelectorAll('iframe[data-backpain-intake-frame]')) {
    const src = new URL(frame.dataset.src || 'embed.html', here);
    src.searchParams.set('parent', location.origin);
    for (const key of KEYS) {
      const value = frame.getAttribute(`data-${key}`);
      if (value !== null) src.searchParams.set(key, value);
    }
    addEventListener('message', (event) => {
      const height = event.data && event.data.bpiHeight;
      if (event.origin === src.origin && event.source === frame.contentWindow && height > 0 && height < 1e5) {
        frame.style.height = `${Math.ceil(height)}px`;
      }
    });
    frame.src = src.href;
  }
}

function reportHeight() {
  const parentOrigin = new URLSearchParams(location.search).get('parent');
  if (parent === window || !/^https?:\/\/[^/?#]+$/.test(parentOrigin || '')) return;
  // Where the browser names the parent's origin, the named one must be it.
  const actual = location.ancestorOrigins && location.ancestorOrigins[0];
  if (actual && actual !== parentOrigin) return;
  // The height of the content itself: scrollHeight never falls below the frame's height,
  // so a frame sized by it could grow but never shrink.
  const html = document.documentElement;
  const report = () => parent.postMessage({ bpiHeight: html.getBoundingClientRect().height }, parentOrigin);
  new ResizeObserver(report).observe(html);
  report();
}

frames();
const hosts = document.querySelectorAll('[data-backpain-intake]');
if (hosts.length) {
  await init({ module_or_path: new URL('__WASM__', here) });
  // Mount in a task of its own. The task that resolves init also finishes compiling the
  // wasm, and the first render compiles every function it calls for the first time; run
  // together they made one task long enough to delay a tap (Lighthouse's Total Blocking
  // Time). Apart, each is shorter. See bench/README.md.
  await new Promise((resolve) => setTimeout(resolve));
  for (const host of hosts) {
    if (host.hasAttribute('data-frame')) {
      // The embed page takes its configuration from its address.
      for (const [key, value] of new URLSearchParams(location.search)) {
        if (KEYS.includes(key)) host.setAttribute(`data-${key}`, value);
      }
      reportHeight();
    }
    const root = rootFor(host);
    mount_widget(host, root, catalog);
    followPageLanguage(root, catalog);
  }
}
// The worker's first install downloads every file again: after the page has loaded, so
// that it never competes with the page for the network.
if ('serviceWorker' in navigator && here.origin === location.origin) {
  const register = () => navigator.serviceWorker.register(new URL('sw.js', here), { scope: here.pathname }).catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register);
}
