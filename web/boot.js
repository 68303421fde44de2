// Starts the widget on a page (scripts/package.mjs fills in the file names and the English
// texts, and strips the comments). For every element with data-backpain-intake it
// isolates the widget in a shadow root (unless data-isolation="none"), so the page's
// styles and the widget's cannot meet, and mounts it. For every iframe with
// data-backpain-intake-frame it loads the widget's embed page, hands it the iframe's
// configuration by message when the page asks, and sizes the frame to it.
//
// The embed page itself is configured by nobody but the page that frames it, and only
// when that page's origin is the widget's own or one the embed page names in its
// <meta name="backpain-intake-parents">: never by its own address, which anyone can
// write into a link. At the top level, or framed by any other page, it shows only its
// short explanation. See "Security" in the README.
//
// On the widget's own pages it translates the page's header along with the widget. If
// the widget cannot start (the wasm fails to load, or traps), it shows a last-resort
// screen instead of a blank space. On its own origin it registers the service worker
// that keeps the widget working offline.
// The module is imported when a widget needs it, so that a module that fails to load
// leaves the last-resort screen rather than nothing.
const GLUE = './__GLUE__';
// The sealer seals a person's answers to their clinic's key: its own small module,
// fetched the first time a person sends (src/bin/sealer.rs).
const SEALER = './__SEALER_GLUE__';

const here = new URL('.', import.meta.url);
const css = new URL('__CSS__', here).href;
const KEYS = ['storage-key', 'lang', 'clinic-name', 'booking-url', 'phone', 'accent-color', 'emergency-number', 'clinic-key', 'clinic-email', 'texts'];
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
  const parts = { 'page.title': header.querySelector('.bpi-page-title'), 'page.intro': header.querySelector('.bpi-page-intro') };
  const english = { 'page.title': parts['page.title'].textContent, 'page.intro': parts['page.intro'].textContent };
  // What follows the heading in the document's title, such as " (offline)".
  const suffix = document.title.slice(english['page.title'].length);
  let shown = document.documentElement.lang;
  const follow = async () => {
    const app = root.querySelector('.bpi-app[lang]');
    const lang = app && app.getAttribute('lang');
    if (!lang || lang === shown) return;
    shown = lang;
    // A catalog that cannot be fetched: the widget says so, and the header stays.
    const texts = lang === 'en' ? english : JSON.parse(await catalog(lang).catch(() => 'null'));
    if (!texts || lang !== shown) return;
    for (const key in parts) parts[key].textContent = texts[key];
    document.title = texts['page.title'] + suffix;
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
    const config = {};
    for (const key of KEYS) {
      const value = frame.getAttribute(`data-${key}`);
      if (value !== null) config[key] = value;
    }
    addEventListener('message', (event) => {
      if (event.origin !== src.origin || event.source !== frame.contentWindow || !event.data) return;
      // The frame asks once it runs; the answer goes to the widget's origin only.
      if (event.data.bpiReady) event.source.postMessage({ bpiConfig: config }, src.origin);
      const height = event.data.bpiHeight;
      if (height > 0 && height < 1e5) frame.style.height = `${Math.ceil(height)}px`;
    });
    frame.src = src.href;
  }
}

// In the embed page: resolves with the framing page's origin once that page has sent the
// configuration (copied onto `host`), when the framing page may configure the widget.
// Otherwise it never resolves and the page's explanation stays.
function framedBy(host) {
  // The page says so (data-refused) when it has decided not to show the widget.
  const explain = () => {
    host.hidden = false;
    host.dataset.refused = '';
  };
  return new Promise((resolve) => {
    if (parent === window) return explain();
    const named = document.querySelector('meta[name=backpain-intake-parents]');
    const allowed = [location.origin, ...(named ? named.content.split(/\s+/) : [])];
    // Where the browser names the framing page's origin, a stranger is told at once.
    const ancestor = location.ancestorOrigins && location.ancestorOrigins[0];
    if (ancestor && !allowed.includes(ancestor)) return explain();
    host.hidden = true;
    // A page that frames it without the loader (or with one too old to answer) never
    // sends a configuration: after a few seconds the explanation shows.
    const waited = setTimeout(explain, 5000);
    addEventListener('message', function configure(event) {
      const config = event.source === parent && event.data && event.data.bpiConfig;
      if (!config) return;
      removeEventListener('message', configure);
      clearTimeout(waited);
      if (!allowed.includes(event.origin)) return explain();
      for (const key of KEYS) {
        if (typeof config[key] === 'string') host.setAttribute(`data-${key}`, config[key]);
      }
      resolve(event.origin);
    });
    parent.postMessage({ bpiReady: 1 }, '*');
  });
}

function reportHeight(parentOrigin) {
  // The height of the content itself: scrollHeight never falls below the frame's height,
  // so a frame sized by it could grow but never shrink.
  const html = document.documentElement;
  const report = () => parent.postMessage({ bpiHeight: html.getBoundingClientRect().height }, parentOrigin);
  new ResizeObserver(report).observe(html);
  report();
}

// #region lastResort (scripts/package.mjs copies this into the offline edition)
// Shown in place of a widget that could not start: the module did not load, or the wasm
// trapped. It offers to try again and, when saved answers might be the cause, to set
// them aside (under a backup key, as the widget itself does) and start again. Its texts
// are the catalog's page.failed.*: English is built in, the other languages (LANGS) are
// fetched.
const FAILED = __FAILED__;
const LANGS = __LANGS__;
function lastResort(host, root, catalog) {
  if (host.failed) return;
  host.failed = true;
  const key = /^[\w.-]{1,64}$/.test((host.dataset.storageKey || '').trim()) ? host.dataset.storageKey.trim() : 'backpain-intake.v1';
  const box = document.createElement('div');
  box.className = 'bpi-root';
  box.setAttribute('role', 'alert');
  const parts = ['h2', 'p', 'emergency', 'retry', 'move'].map((part) => {
    const button = part === 'retry' || part === 'move';
    const element = box.appendChild(document.createElement(button ? 'button' : part === 'h2' ? 'h2' : 'p'));
    if (button) {
      element.className = 'bpi-button';
      element.dataset.action = part;
      element.onclick = () => {
        try {
          const saved = localStorage.getItem(key);
          if (part === 'move' && saved !== null) {
            localStorage.setItem(`${key}.backup.${Date.now()}`, saved);
            localStorage.removeItem(key);
          }
        } catch {
          // Storage refused: the reload tries without it.
        }
        location.reload();
      };
    }
    return [part, element];
  });
  // English at once; the person's language as soon as its catalog arrives.
  const say = (texts) => parts.forEach(([part, element]) => (element.textContent = texts[`page.failed.${part}`]));
  say(FAILED);
  root.replaceChildren(box);
  host.hidden = false;
  const lang = (host.dataset.lang || document.documentElement.lang || navigator.language).slice(0, 2);
  if (LANGS.includes(lang)) catalog(lang).then(JSON.parse).then(say, () => {});
}
// #endregion

// Seals a person's answers (a share link's payload) and initials to a clinic's key (its
// text) with the sealer module, loaded once: a link to the clinician page beside these
// files. A module that could not be fetched (offline before its first use) is asked for
// again next time under another address, since the browser keeps a failed import.
let sealer;
let sealerTries = 0;
function seal(key, answers, initials) {
  sealer ||= import(sealerTries++ ? `${SEALER}?try=${sealerTries}` : SEALER).then(async (module) => {
    await module.default({ module_or_path: new URL('__SEALER_WASM__', here) });
    return module;
  });
  return sealer.then((module) => module.seal(key, answers, initials, here.href)).catch(() => {
    sealer = undefined;
  });
}

// Where the service worker keeps the widget offline (its own origin), the wasm's bytes
// are handed to it as they arrive, so that installing it does not download them again.
const ownOrigin = 'serviceWorker' in navigator && here.origin === location.origin;
let handedOver;

frames();
const hosts = document.querySelectorAll('[data-backpain-intake]');
if (hosts.length) {
  const wasmUrl = new URL('__WASM__', here);
  const wasm = fetch(wasmUrl);
  // Only on a first visit (no worker yet), and only a real wasm response.
  handedOver = wasm.then((response) => {
    const fresh = ownOrigin && !navigator.serviceWorker.controller && self.caches;
    const copy = fresh && response.ok && /wasm/.test(response.headers.get('content-type')) && response.clone();
    return copy && caches.open('bpi-handover').then((cache) => cache.put(wasmUrl, copy));
  }).catch(() => {});
  const glue = import(GLUE);
  const started = glue.then((module) => module.default({ module_or_path: wasm }));
  for (const host of hosts) {
    let root = host;
    const fail = () => lastResort(host, root, catalog);
    // A trap at any time leaves the module unusable: the widget says so. Only a trap of
    // this widget's module: its glue is on the error's stack.
    const trapped = (event) => {
      const error = event.error || event.reason;
      if (error instanceof WebAssembly.RuntimeError && String(error.stack).includes(GLUE.slice(2))) fail();
    };
    addEventListener('error', trapped);
    addEventListener('unhandledrejection', trapped);
    (async () => {
      if (host.hasAttribute('data-frame')) reportHeight(await framedBy(host));
      await started;
      const { mount_widget } = await glue;
      // Mount in a task of its own. The task that resolves init also finishes compiling
      // the wasm, and the first render compiles every function it calls for the first
      // time; run together they made one task long enough to delay a tap (Lighthouse's
      // Total Blocking Time). Apart, each is shorter. See bench/README.md.
      await new Promise((resolve) => setTimeout(resolve));
      root = rootFor(host);
      host.hidden = false;
      mount_widget(host, root, catalog, seal);
      followPageLanguage(root, catalog);
    })().catch(fail);
  }
}
// The worker installs after the page has loaded and the wasm has been handed over, so
// that it never competes with the page for the network. Under Trusted Types
// (require-trusted-types-for 'script') a worker's address must come from a policy: this
// one passes that single address and nothing else.
if (ownOrigin) {
  const worker = new URL('sw.js', here).href;
  const register = () => {
    try {
      const policy = self.trustedTypes && trustedTypes.createPolicy('backpain-intake', { createScriptURL: (url) => (url === worker ? url : null) });
      navigator.serviceWorker.register(policy ? policy.createScriptURL(worker) : worker, { scope: here.pathname }).catch(() => {});
    } catch {
      // A page whose trusted-types directive does not allow the policy: no offline copy.
    }
  };
  const loaded = document.readyState === 'complete' || new Promise((resolve) => addEventListener('load', resolve));
  Promise.all([loaded, handedOver]).then(register);
}
