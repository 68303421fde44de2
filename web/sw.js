// Keeps the widget working offline (scripts/package.mjs fills in the version and the
// file lists and strips the comments). A new release has a new version, installs beside
// the old one, takes over, and deletes the old caches. Requests for other addresses are
// left alone.
//
// A first visit transfers each file once. Installing caches the release's files, but a
// file this browser already holds under the same hashed name (the wasm the page has just
// fetched and handed over, or the same file of the last release) is copied, not
// downloaded again, and the others come through the browser's HTTP cache where it has
// them (revalidated, so that an unhashed file is never an old one). The other languages'
// catalogs are cached when a person first chooses one, and again by each new release
// for whoever had chosen one.
const VERSION = 'bpi-__VERSION__';
const FILES = __FILES__;
const LATER = __LATER__;
// Trunk's content-hashed files: the same name is the same bytes.
const HASHED = __HASHED__;
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(VERSION).then((cache) =>
      Promise.all([
        ...FILES.map(async (name) => {
          const url = new URL(name, scope);
          const held = HASHED.includes(name) && (await caches.match(url));
          return held ? cache.put(url, held) : cache.add(new Request(url, { cache: 'no-cache' }));
        }),
        // A language chosen under an earlier release: best effort, offline it waits.
        ...LATER.map(async (name) => {
          const url = new URL(name, scope);
          if (await caches.match(url)) await cache.add(url).catch(() => {});
        }),
      ]),
    ).then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('bpi-') && k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== scope.origin) return;
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/index\.html$/, '/');
  const later = LATER.some((name) => new URL(name, scope).href === url.href);
  event.respondWith(
    caches.open(VERSION).then((cache) =>
      cache.match(url).then(
        (hit) =>
          hit ||
          fetch(event.request).then((response) => {
            // A file of the release kept for when it is needed: cached on its first use.
            if (later && response.ok) cache.put(url, response.clone());
            return response;
          }),
      ),
    ),
  );
});
