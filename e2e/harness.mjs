// Shared setup for the end-to-end tests: serves dist/ on a free local port, launches
// Debian's Chromium through playwright-core with a fresh profile, and records everything a
// test should fail on (console errors, page errors, failed or off-origin requests).
//
//   test('...', async (t) => {
//     const widget = await openWidget(t);   // closed again when the test ends
//     await widget.goto('/');
//     ...
//     widget.assertClean();
//   });

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { startServer } from './server.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core in `scope` (a page or a frame) and fails on any violation of WCAG 2.2 AA,
 * listing them. `within` limits it to the widget where the page around it is a clinic's.
 */
export async function assertAccessible(scope, where, within = null) {
  if (!(await scope.evaluate(() => 'axe' in window))) await scope.addScriptTag({ content: AXE_SOURCE });
  const violations = await scope.evaluate(async ([tags, selector]) => {
    const context = selector ? { include: [selector] } : document;
    const result = await window.axe.run(context, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  }, [WCAG_TAGS, within]);
  assert.deepEqual(violations, [], `axe-core found violations on ${where}`);
}

export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url));
export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts', import.meta.url));

/** A shipped catalog, `data/i18n/<lang>.json`, as an object of texts by key. */
export function catalog(lang) {
  return JSON.parse(readFileSync(new URL(`../data/i18n/${lang}.json`, import.meta.url), 'utf8'));
}

/**
 * The words of the widget's own page (index.html or the single-file edition) once it is
 * in `lang`: its heading, its intro and the document's title.
 */
export async function pageHeader(page, lang) {
  await page.locator(`html[lang=${lang}]`).waitFor();
  return page.evaluate(() => [
    document.querySelector('.bpi-page-title').textContent,
    document.querySelector('.bpi-page-intro').textContent,
    document.title,
  ]);
}

/**
 * Starts a server for dist/ and a browser page, and closes both when `t` (a node:test
 * context) finishes. Returns the page, what was recorded, and helpers. Pass the `server`
 * of another widget to open a second, fresh browser profile on the same origin (as a
 * second person would); that server is then left to its owner to close. `root` serves
 * another directory, `csp` sends the strict Content-Security-Policy, and `files` lists
 * file:// addresses the page may load besides its own origin. `locale` is the browser's
 * language (en-GB unless given); `serviceWorkers: 'block'` keeps the service worker out.
 */
export async function openWidget(
  t,
  {
    viewport = { width: 1280, height: 900 },
    locale = 'en-GB',
    serviceWorkers = 'allow',
    server: shared,
    root = DIST_DIR,
    csp = false,
    files = [],
  } = {},
) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`trunk build --release\` first`);
  }
  const server = shared ?? (await startServer({ root, csp }));
  const ownsServer = !shared;
  const userDataDir = await mkdtemp(join(tmpdir(), 'bpi-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      locale,
      serviceWorkers,
      timezoneId: 'Europe/London',
    });
  } catch (error) {
    if (ownsServer) await server.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const recorded = {
    requests: [],
    offOriginRequests: [],
    failedRequests: [],
    consoleErrors: [],
    pageErrors: [],
  };

  // Every request the page makes is recorded; one for another origin is refused, so a
  // test can never leak data to a third party, and fails.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    recorded.requests.push(url);
    if (isOwnOrigin(url, server.origin) || files.includes(url)) return route.continue();
    recorded.offOriginRequests.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('requestfailed', (request) => {
    if (!recorded.offOriginRequests.includes(request.url())) {
      recorded.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`);
    }
  });
  context.on('response', (response) => {
    if (response.status() >= 400) {
      recorded.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
    }
  });

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') recorded.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => recorded.pageErrors.push(String(error)));

  t.after(async () => {
    await context.close();
    if (ownsServer) await server.close();
    await rm(userDataDir, { recursive: true, force: true });
  });

  return {
    page,
    context,
    server,
    origin: server.origin,
    recorded,

    /**
     * Opens `path` on the local server and waits until the widget has rendered, and has
     * taken over its prerendered first screen (e2e/prerender.test.mjs tests that screen).
     */
    async goto(path = '/') {
      await page.goto(new URL(path, server.url).href, { waitUntil: 'load' });
      await page.locator('#backpain-intake > *').first().waitFor({ state: 'visible' });
      await adopted(page);
      await page.waitForLoadState('networkidle');
    },

    /** Saves a full-page screenshot to e2e/artifacts/<name>.png and returns its path. */
    async screenshot(name) {
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      const path = join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },

    /** Fails unless nothing went wrong and nothing left for another origin. */
    assertClean() {
      const { offOriginRequests, failedRequests, pageErrors, consoleErrors } = recorded;
      // One comparison, so a failure lists every problem at once.
      assert.deepEqual(
        { offOriginRequests, failedRequests, pageErrors, consoleErrors },
        { offOriginRequests: [], failedRequests: [], pageErrors: [], consoleErrors: [] },
        'the page made requests to another origin, failed requests, or logged errors',
      );
    },
  };
}

/**
 * Resolves once no widget on `scope` (a page or a frame; shadow roots pierced) shows a
 * prerendered screen any more (`data-prerendered`): the live widgets have taken over.
 */
export async function adopted(scope) {
  const prerendered = scope.locator('[data-prerendered]');
  while ((await prerendered.count()) > 0) await prerendered.first().waitFor({ state: 'detached' });
}

/**
 * Resolves once the live widget in `scope` (a page or a frame) shows `lang`: not its
 * prerendered first screen, which holds two `.bpi-app` (welcome and step) and is marked
 * data-prerendered until the widget takes its place.
 */
export async function live(scope, lang) {
  await scope.locator(`.bpi-root:not([data-prerendered]) .bpi-app[lang="${lang}"]`).first().waitFor();
  await adopted(scope);
}

/** True for a request to `origin`, or for one that never touches the network (data:). */
function isOwnOrigin(url, origin) {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:') return true;
  return parsed.origin === origin;
}
