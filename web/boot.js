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
// Before the wasm arrives it shows the widget's first screen, prerendered at build time
// (src/view/prerender.rs): inline in the widget's own pages, drawn from prerender/<lang>.json
// into a snippet's shadow root or a framed page. The person can start and answer the first
// step there; the widget takes it all over when it has started (takeOver).
//
// On the widget's own pages it translates the page's header along with the widget. If
// the widget cannot start (the wasm fails to load, or traps), it shows a last-resort
// screen instead of a blank space. On its own origin it registers the service worker
// that keeps the widget working offline.
// wasm-bindgen's glue, which scripts/package.mjs writes here (its exports made local):
// the widget's module is this file and its wasm.
// __GLUE_CODE__
const GLUE = __GLUE__;
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
// language and direction follow the language the widget shows, which its root element's
// lang and dir attributes name, with the texts page.title and page.intro of the same
// catalog. The English texts are the page's own. A clinic's page has no such header and
// is left alone.
function followPageLanguage(root, catalog) {
  const header = document.querySelector('header.bpi-page-header');
  if (!header) return;
  const keys = ['page.title', 'page.intro'];
  const parts = keys.map((key) => header.querySelector(`.bpi-${key.replace('.', '-')}`));
  const english = parts.map((part) => part.textContent);
  // What follows the heading in the document's title, such as " (offline)".
  const suffix = document.title.slice(english[0].length);
  let shown = document.documentElement.lang;
  const follow = async () => {
    const app = root.querySelector('.bpi-app[lang]');
    const lang = app?.lang;
    if (!lang || lang === shown) return;
    shown = lang;
    // A catalog that cannot be fetched: the widget says so, and the header stays.
    const texts = lang === 'en' ? english : await catalog(lang).then((text) => keys.map((key) => JSON.parse(text)[key]), () => 0);
    if (!texts || lang !== shown) return;
    parts.forEach((part, i) => (part.textContent = texts[i]));
    document.title = texts[0] + suffix;
    document.documentElement.lang = lang;
    document.documentElement.dir = header.dir = app.dir;
  };
  // A new screen can bring a new root element as well as a changed attribute.
  new MutationObserver(follow).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['lang'] });
  follow();
}
// #endregion

// The widget's stylesheet in `parent` (unless there already), and a promise that it has
// loaded, or failed to.
function stylesheet(parent) {
  let link = parent.querySelector(`link[href$="${css.slice(here.href.length)}"]`);
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    parent.append(link);
  }
  return link.sheet || (link.ready ||= new Promise((resolve) => (link.onload = link.onerror = resolve)));
}

// Where the widget draws: a new element in the host's shadow root, or in the host itself
// (data-isolation="none"). Its `styled` promise says the styles are there.
function rootFor(host) {
  const none = host.dataset.isolation === 'none' || !host.attachShadow;
  const parent = none ? host : host.shadowRoot || host.attachShadow({ mode: 'open' });
  const root = document.createElement('div');
  root.styled = stylesheet(none ? document.head : parent);
  parent.append(root);
  return root;
}

// #region prerender (scripts/package.mjs copies this into the offline edition)
// The prerendered first screen (`pre`, src/view/prerender.rs) at work before the wasm:
// "Start" shows the first step and "Back" the welcome again, with the focus on the
// screen's heading as the widget moves it; the answers are the inputs' own, and each one
// given is noted; Enter in a field sends the form nowhere; "clear my data" shows at the
// first answer, as the widget shows it; Next on the step and "clear my data" are
// remembered (data-pressed) for the widget. The start button is disabled until this runs,
// and stays so where a session is saved under the host's key: the widget offers to
// continue it once it runs, and no early answer is laid over it. The widget's own root
// (`root`) waits beside the screen, out of sight in a closed shadow root of its own, so
// the page holds one welcome, one form, one of each id, until the widget has taken over
// (takeOver) and its root takes the screen's place.
function prepare(pre, root, host) {
  root.pre = pre;
  if (!root.holder) {
    root.holder = document.createElement('div');
    root.holder.hidden = true;
    root.holder.attachShadow({ mode: 'closed' }).append(root);
  }
  pre.after(root.holder);
  const [welcome, step] = pre.querySelectorAll(':scope > .bpi-app');
  const show = (screen) => {
    (screen === step ? welcome : step).hidden = true;
    screen.hidden = false;
    pre.started ||= screen === step;
    delete pre.dataset.pressed;
    const heading = screen.querySelector('[data-focus-heading]');
    heading.focus();
    heading.scrollIntoView();
  };
  pre.onclick = (event) => {
    const action = event.target.closest('[data-action]')?.dataset.action;
    if (action === 'back') show(welcome);
    else if (action === 'next' && !welcome.hidden) show(step);
    else if (action === 'next' || action === 'clear') pre.dataset.pressed = action;
  };
  pre.onsubmit = (event) => event.preventDefault();
  pre.touched = new Set();
  pre.edits = 0;
  pre.oninput = (event) => {
    pre.touched.add(event.target);
    pre.edits += 1;
    pre.querySelector('[data-action=clear]').hidden = false;
  };
  try {
    welcome.querySelector('[data-action=next]').disabled = localStorage.getItem(storageKey(host)) !== null;
  } catch {
    welcome.querySelector('[data-action=next]').disabled = false;
  }
}

// A promise of the next task, or of `ms` milliseconds later.
const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The widget, mounted in `root` out of sight, takes over the prerendered screen: what the
// person did there is given to it as their own input (Start, then each answer they gave,
// as a tap on the choice or the text typed into the field, then Back, Next or "clear my
// data"), so the widget decides on each exactly as if it had been there, and saves it.
// Then its root takes the screen's place, with the focus where the person left it, on
// the new screen's heading after Back or Next, or on what is missing after a Next the
// widget refused.
async function takeOver(pre, root) {
  const live = (selector) => root.querySelector(selector);
  // Its first render in its language; the screen stays in use until then.
  while (!live('.bpi-app[lang]')) await later(10);
  const [welcome, step] = pre.querySelectorAll(':scope > .bpi-app');
  const first = `.bpi-step[data-step=${step.querySelector('.bpi-step').dataset.step}] `;
  if (pre.started) live('.bpi-welcome [data-action=next]')?.click();
  // A task after each input, the widget has rendered what it changed; and once more for
  // any answer given meanwhile.
  for (let seen = -1; pre.started && seen !== pre.edits; ) {
    seen = pre.edits;
    await later();
    for (const input of pre.touched) {
      const twin = live(first + '#' + CSS.escape(input.id));
      if (input.type === 'number' ? twin?.value !== input.value : twin && twin.checked !== input.checked) {
        if (input.type === 'number') {
          twin.value = input.value;
          twin.dispatchEvent(new InputEvent('input', { bubbles: true }));
        } else twin.click();
        await later();
      }
    }
  }
  const focused = pre.querySelector(':focus');
  const here = () => live('.bpi-step')?.dataset.step;
  const before = here();
  // Back to the welcome, or the button the person pressed last (Next, clear my data).
  const pressed = pre.started && !welcome.hidden ? 'back' : pre.dataset.pressed;
  if (pressed) live(`${pressed === 'clear' ? '' : first}[data-action=${pressed}]`)?.click();
  await later();
  const moved = here() !== before;
  const target = moved ? live('[data-focus-heading]') : live('.bpi-error-summary a') || (focused?.id && live('#' + CSS.escape(focused.id)));
  pre.replaceWith(root);
  root.holder.remove();
  target?.focus();
  if (moved) target?.scrollIntoView();
}

// The storage key the widget will use (the default for one it would refuse).
function storageKey(host) {
  const key = (host.dataset.storageKey || '').trim();
  return /^[\w.-]{1,64}$/.test(key) ? key : 'backpain-intake.v1';
}
// #endregion

// Shows the prerendered first screen in `root`'s place, in the language the widget will
// show first: the page's own (index.html, embed.html) when it is in that language, else
// prerender/<lang>.json, drawn once the styles are there. Where the first screen will not
// be the prerendered one, the page's own goes; where another cannot be fetched, the page's
// own stays (the widget then shows in its own language).
async function draw(host, root) {
  // Not where the first screen is not the welcome (a link in the address) or not the
  // prerendered one (a clinic's own texts).
  const lang = !host.dataset.texts && !/^#[rs]=/.test(location.hash) && firstLang(host);
  const inline = root.parentNode.querySelector(':scope > [data-prerendered]');
  if (inline) prepare(inline, root, host);
  if (!lang && inline) {
    inline.replaceWith(root);
    root.holder.remove();
    root.pre = null;
  }
  if (!lang) return;
  host.hidden = false;
  if (inline?.querySelector('.bpi-app').lang === lang) return;
  // The widget's first render needs that language's catalog: asked for now, once.
  if (lang !== 'en') catalog(lang).catch(() => {});
  try {
    const tree = await (await fetch(new URL(`prerender/${lang}.json`, here))).json();
    await root.styled;
    // Not if the widget came first or could not start, nor once the person has started
    // on the page's own screen.
    if (root.mounted || host.failed || inline?.started) return;
    const pre = build(['div', { class: 'bpi-root', 'data-prerendered': '' }, ...tree]);
    // The clinic's colour, if it is one (the widget then checks it for contrast, and its
    // own root has it only if it passes).
    const accent = host.dataset.accentColor;
    if (/^#([\da-f]{3}){1,2}$/i.test(accent)) pre.style.setProperty('--bpi-clinic-accent', accent);
    if (inline) inline.replaceWith(pre);
    else root.before(pre);
    prepare(pre, root, host);
  } catch {
    // Nothing more to show before the widget.
  }
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
    host.querySelector('[data-prerendered]')?.remove();
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
      // The explanation gives way to the widget.
      host.querySelector(':scope > :not([data-prerendered])')?.remove();
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
// are the catalog's page.failed.*: English is built in, the other languages are fetched.
// LANGS is every shipped language's code; each one's primary subtag has two letters, as
// Lang::from_tag in src/domain/text.rs reads them.
const FAILED = __FAILED__;
const LANGS = __LANGS__;
function lastResort(host, root, catalog) {
  if (host.failed) return;
  host.failed = true;
  const key = storageKey(host);
  const parts = ['h2', 'p', 'emergency', 'retry', 'move'];
  const button = (action) => ['button', { type: 'button', class: 'bpi-button', 'data-action': action }];
  const box = build(['div', { class: 'bpi-root', role: 'alert', dir: 'auto' }, ['h2', {}], ['p', {}], ['p', {}], button('retry'), button('move')]);
  box.onclick = ({ target }) => {
    const action = target.dataset.action;
    if (!action) return;
    try {
      const saved = localStorage.getItem(key);
      if (action === 'move' && saved !== null) {
        localStorage.setItem(`${key}.backup.${Date.now()}`, saved);
        localStorage.removeItem(key);
      }
    } catch {
      // Storage refused: the reload tries without it.
    }
    location.reload();
  };
  // English at once; the person's language as soon as its catalog arrives.
  const say = (texts, lang) => {
    box.lang = lang;
    parts.forEach((part, i) => (box.children[i].textContent = texts[`page.failed.${part}`]));
  };
  say(FAILED, 'en');
  root.replaceChildren(box);
  // In the place of a prerendered screen, if one is still there.
  root.pre?.replaceWith(root);
  root.holder?.remove();
  root.pre = null;
  host.hidden = false;
  const lang = firstLang(host);
  if (lang !== 'en') catalog(lang).then(JSON.parse).then((texts) => say(texts, lang), () => {});
}

// The language the widget shows first, as it chooses (src/domain/text.rs): the clinic's,
// the browser's, English. (A person who chose another one here before sees this one until
// the widget runs, which then shows theirs.)
function firstLang(host) {
  const tags = [host.dataset.lang, ...navigator.languages].map((tag) => tag?.split(/[-_]/)[0].toLowerCase());
  return tags.map((tag) => LANGS.find((lang) => lang.slice(0, 2) === tag)).find(Boolean) || 'en';
}

// An element from its tree, as src/view/prerender.rs writes it: ["tag", {attributes},
// ...children], text as strings. Built, not parsed, so Trusted Types have nothing to say.
function build(node) {
  if (typeof node === 'string') return node;
  const [tag, attributes, ...children] = node;
  const element = document.createElement(tag);
  for (const name in attributes) element.setAttribute(name, attributes[name]);
  element.append(...children.map(build));
  return element;
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
  const started = GLUE.default({ module_or_path: wasm });
  // Each widget awaits it, and fails to its last-resort screen; an embed page only once
  // its parent has configured it, so the failure is marked as handled from the start.
  started.catch(() => {});
  for (const host of hosts) {
    let root = host;
    const fail = () => lastResort(host, root, catalog);
    // A trap at any time leaves the module unusable: the widget says so. Only a trap of
    // this widget's module: its glue is on the error's stack.
    const trapped = (event) => {
      const error = event.error || event.reason;
      if (error instanceof WebAssembly.RuntimeError && String(error.stack).includes(import.meta.url)) fail();
    };
    addEventListener('error', trapped);
    addEventListener('unhandledrejection', trapped);
    (async () => {
      if (host.hasAttribute('data-frame')) reportHeight(await framedBy(host));
      root = rootFor(host);
      followPageLanguage(root.parentNode, catalog);
      draw(host, root);
      await started;
      const { mount_widget } = GLUE;
      // Mount in a task of its own. The task that resolves init also finishes compiling
      // the wasm, and the first render compiles every function it calls for the first
      // time; run together they made one task long enough to delay a tap (Lighthouse's
      // Total Blocking Time). Apart, each is shorter. See bench/README.md.
      await later();
      root.mounted = true;
      host.hidden = false;
      mount_widget(host, root, catalog, seal);
      if (root.pre) await takeOver(root.pre, root);
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
