// Keeps the widget working offline (scripts/package.mjs fills in the version and the
// file list and strips the comments). Every file of a release is cached when the worker
// installs; a new release has a new version, installs beside the old one, takes over,
// and deletes the old caches. Requests for other addresses are left alone.
const VERSION = 'bpi-__VERSION__';
const FILES = __FILES__;
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(FILES.map((f) => new URL(f, scope)))).then(() => self.skipWaiting()));
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
  event.respondWith(
    caches.open(VERSION).then((cache) =>
      cache.match(url).then((hit) => hit || fetch(event.request)),
    ),
  );
});
