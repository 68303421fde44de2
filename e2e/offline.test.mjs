// Offline: the service worker caches the release on the first visit so a second visit
// works with the network off, a new release replaces the old cache, the manifest makes
// the widget installable, the single-file edition works opened straight from disk, and
// the clinician page works offline once used.

import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

import { adopted, catalog, DIST_DIR, openWidget, pageHeader } from './harness.mjs';
import { assess, completeIntake, expectedResults, fixture, shownResults } from './intake.mjs';

/** Waits until the service worker controls the page and returns the names of its caches. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(() => caches.keys());
}

/** A copy of dist/ in a temporary directory, removed when `t` ends. */
function copyOfDist(t) {
  const dir = mkdtempSync(join(tmpdir(), 'bpi-dist-'));
  cpSync(DIST_DIR, dir, { recursive: true });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a second visit with the network off completes an intake', async (t) => {
  const widget = await openWidget(t);
  const { page, context } = widget;
  await widget.goto('/');
  const cachesBefore = await controlled(page);
  assert.equal(cachesBefore.length, 1, 'one cache, for this release');

  await context.setOffline(true);
  const requestsOnline = widget.recorded.requests.length;
  await page.reload({ waitUntil: 'load' });
  await adopted(page);
  await page.locator('.bpi-welcome').waitFor();
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');

  const doc = fixture('caution');
  await completeIntake(page, doc.answers);
  assert.deepEqual(await shownResults(page), expectedResults(assess(doc)));
  // Nothing reached the network: the service worker answered everything from its cache.
  assert.deepEqual(widget.recorded.requests.slice(requestsOnline), []);
  await widget.screenshot('offline-results');
  widget.assertClean();
});

test('a first visit transfers the wasm once and no catalog; a chosen language is cached then', async (t) => {
  const widget = await openWidget(t);
  const { page, context } = widget;
  await widget.goto('/');
  await controlled(page);
  const wasm = readdirSync(DIST_DIR).find((name) => name.endsWith('_bg.wasm'));
  const served = widget.server.served;
  const count = (path) => served.filter((p) => p === path).length;
  assert.equal(count(`/${wasm}`), 1, `the wasm is sent once, not again for the service worker: ${served}`);
  assert.deepEqual(served.filter((p) => p.startsWith('/i18n/')), [], 'no catalog before a language is chosen');
  // What the first visit put on the wire, each body at its brotli size (the server here
  // sends files uncompressed; a real one compresses them).
  const brotli = (path) =>
    brotliCompressSync(readFileSync(join(DIST_DIR, path === '/' ? 'index.html' : path.slice(1))), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  const bytes = served.reduce((sum, path) => sum + brotli(path), 0);
  console.log(`first visit: ${served.length} files, ${bytes} bytes brotli (${served.join(' ')})`);
  // It was 347,452 when the worker downloaded everything again (SurveyJS's page: 325 KB).
  assert.ok(bytes < 200_000, `a first visit puts ${bytes} bytes brotli on the wire`);

  // A language chosen once is cached then, and works offline after.
  await page.locator('select[data-action=lang]').selectOption('fr');
  await page.locator('.bpi-app[lang=fr]').waitFor();
  await page.waitForFunction(async () => Boolean(await caches.match(new URL('i18n/fr.json', location.href))));
  await context.setOffline(true);
  await page.reload({ waitUntil: 'load' });
  await adopted(page);
  await page.locator('.bpi-app[lang=fr] .bpi-welcome').waitFor();
  widget.assertClean();
});

test('a new release replaces the cached one and deletes the old cache', async (t) => {
  const root = copyOfDist(t);
  const widget = await openWidget(t, { root });
  const { page } = widget;
  await widget.goto('/');
  const [oldCache] = await controlled(page);

  // The next release: a changed worker (its version is a hash of the release's files).
  const worker = readFileSync(join(root, 'sw.js'), 'utf8');
  const version = /bpi-[0-9a-f]+/.exec(worker)[0];
  writeFileSync(join(root, 'sw.js'), worker.replace(version, `${version}0`));
  // The new worker installs beside the old one and takes over the page; once its activate
  // step is done (state "activated"), only its cache remains.
  const cachesAfter = await page.evaluate(async () => {
    const tookOver = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    await tookOver;
    const worker = navigator.serviceWorker.controller;
    if (worker.state !== 'activated') {
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
    }
    return caches.keys();
  });
  assert.deepEqual(cachesAfter, [`${version}0`], `the old cache ${oldCache} is gone`);

  await page.reload({ waitUntil: 'load' });
  await adopted(page);
  await page.locator('.bpi-welcome').waitFor();
  widget.assertClean();
});

test('the manifest and icons make the widget installable', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  await widget.goto('/');
  const manifestUrl = await page.locator('link[rel=manifest]').evaluate((link) => link.href);
  const manifest = await page.evaluate((url) => fetch(url).then((r) => r.json()), manifestUrl);
  assert.ok(manifest.name && manifest.short_name, 'a name and a short name');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.start_url, 'a start address');
  const sizes = manifest.icons.map((icon) => icon.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), `icons of 192 and 512 px: ${sizes}`);
  for (const icon of manifest.icons) {
    const loaded = await page.evaluate(async (src) => {
      const response = await fetch(src);
      return { ok: response.ok, type: response.headers.get('content-type') };
    }, new URL(icon.src, manifestUrl).href);
    assert.deepEqual(loaded, { ok: true, type: icon.type }, icon.src);
  }
  widget.assertClean();
});

test('the single-file edition opened from disk completes an intake', async (t) => {
  // Alone in a folder of its own: it needs no other file.
  const dir = mkdtempSync(join(tmpdir(), 'bpi-offline-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'back-pain-intake-offline.html');
  copyFileSync(join(DIST_DIR, 'back-pain-intake-offline.html'), path);
  const url = pathToFileURL(path).href;

  const widget = await openWidget(t, { files: [url] });
  const { page } = widget;
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('.bpi-welcome').waitFor();
  const doc = fixture('clear');
  await completeIntake(page, doc.answers);
  assert.deepEqual(await shownResults(page), expectedResults(assess(doc)));
  // Its other languages are inside it too, and its header follows the widget's.
  await page.locator('select[data-action=lang]').selectOption('fr');
  const french = catalog('fr');
  assert.deepEqual(await pageHeader(page, 'fr'), [french['page.title'], french['page.intro'], `${french['page.title']} (offline)`]);
  // Arabic turns the widget and the page right to left.
  await page.locator('select[data-action=lang]').selectOption('ar');
  const arabic = catalog('ar');
  assert.equal((await pageHeader(page, 'ar'))[0], arabic['page.title']);
  assert.deepEqual(
    await page.evaluate(() => [document.querySelector('.bpi-app').dir, document.documentElement.dir, getComputedStyle(document.querySelector('.bpi-page-title')).direction]),
    ['rtl', 'rtl', 'rtl'],
  );
  assert.deepEqual(widget.recorded.requests, [url], 'the file loads nothing else');
  await widget.screenshot('offline-single-file');
  widget.assertClean();
});

test('the clinician page works offline once it has been used, and opens a link there', async (t) => {
  const clinic = await openWidget(t);
  const { page, context } = clinic;
  await page.goto(`${clinic.origin}/clinician.html`);
  await page.locator('.bpi-inbox').waitFor();
  await controlled(page);
  // Its files come through the worker on this second load, which keeps them.
  await page.reload({ waitUntil: 'networkidle' });
  await adopted(page);
  await page.locator('.bpi-inbox').waitFor();

  const link = readFileSync(new URL('../tests/fixtures/share-v1-caution.txt', import.meta.url), 'utf8').trim();
  await page.goto(`${clinic.origin}/clinician.html${link}`);
  await page.locator('[data-clinician-summary]').waitFor();

  // A whole new load of the page, with the link, and the network off.
  await context.setOffline(true);
  const requestsOnline = clinic.recorded.requests.length;
  await page.reload({ waitUntil: 'load' });
  await adopted(page);
  await page.locator('[data-clinician-summary]').waitFor();
  assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');
  assert.deepEqual(clinic.recorded.requests.slice(requestsOnline), [], 'the worker answered everything');
  clinic.assertClean();
});

test('a new release caches again the sealer and clinician files a browser had used, under their new names', async (t) => {
  const root = copyOfDist(t);
  const widget = await openWidget(t, { root });
  const { page } = widget;
  await widget.goto('/');
  await controlled(page);
  const sealer = readdirSync(root).filter((name) => /^sealer-[0-9a-f]+(_bg\.wasm|\.js)$/.test(name));
  const clinician = readdirSync(root).filter((name) => /^clinician-[0-9a-f]+_bg\.wasm$/.test(name));
  assert.equal(sealer.length, 2, `the sealer's glue and wasm: ${sealer}`);
  // First use, through the worker, which keeps them.
  await page.evaluate((names) => Promise.all(names.map((name) => fetch(name).then((r) => r.arrayBuffer()))), [...sealer, ...clinician]);

  // The next release: the same files under new hashed names, and a new version.
  const renamed = (name) => name.replace(/-([0-9a-f]+)/, '-$10');
  for (const name of [...sealer, ...clinician]) copyFileSync(join(root, name), join(root, renamed(name)));
  let worker = readFileSync(join(root, 'sw.js'), 'utf8');
  const version = /bpi-[0-9a-f]+/.exec(worker)[0];
  worker = worker.replace(version, `${version}0`);
  for (const name of [...sealer, ...clinician]) worker = worker.replaceAll(name, renamed(name));
  writeFileSync(join(root, 'sw.js'), worker);
  const cached = await page.evaluate(async (next) => {
    const tookOver = new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve));
    await (await navigator.serviceWorker.getRegistration()).update();
    await tookOver;
    const requests = await (await caches.open(next)).keys();
    return requests.map((request) => new URL(request.url).pathname.slice(1));
  }, `${version}0`);
  for (const name of [...sealer, ...clinician]) assert.ok(cached.includes(renamed(name)), `${renamed(name)} is cached: ${cached}`);
  widget.assertClean();
});
