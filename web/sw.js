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
// catalogs, the clinician page and the sealer are cached when first used, and again by
// each new release for whoever had used them.
const VERSION = 'bpi-__VERSION__';
const FILES = __FILES__;
const LATER = __LATER__;
// Trunk's content-hashed files: the same name is the same bytes.
const HASHED = __HASHED__;
const scope = new URL(self.registration.scope);

// A file kept for when it is needed belongs to a group: a language's catalog alone, or
// the clinician page with all its files, or the sealer's two. Their hashed names change
// with each release, so a group is known by any file of it.
const group = (name) => name.replace(/^(clinician|sealer)[-.].*$/, '$1');

/** The groups of later files that this browser holds under any release. */
async function usedGroups() {
  const used = new Set();
  for (const key of await caches.keys()) {
    if (!key.startsWith('bpi-')) continue;
    for (const request of await (await caches.open(key)).keys()) {
      used.add(group(new URL(request.url).pathname.slice(scope.pathname.length)));
    }
  }
  return used;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([caches.open(VERSION), usedGroups()]).then(([cache, used]) =>
      Promise.all([
        ...FILES.map(async (name) => {
          const url = new URL(name, scope);
          const held = HASHED.includes(name) && (await caches.match(url));
          return held ? cache.put(url, held) : cache.add(new Request(url, { cache: 'no-cache' }));
        }),
        // A language chosen, the clinician page or the sealer used under an earlier
        // release: this release's files of it, best effort (offline, it waits).
        ...LATER.filter((name) => used.has(group(name))).map((name) => cache.add(new URL(name, scope)).catch(() => {})),
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
