// Page-load benchmark: the release widget (dist/) against the same questionnaire built
// with SurveyJS (bench/surveyjs/, from build-survey.mjs). Run from the repository root
// after `npm ci` in bench/:
//
//   node bench/compare.mjs            (BENCH_RUNS=3 for a quick look; 10 by default)
//
// Each site is served from a snapshot on 127.0.0.1 by server.mjs (brotli, no-store), and
// one headless Chromium loads them in turn, widget then SurveyJS, each load in a fresh
// browser context with service workers blocked, so every load is a first visit. Per load:
// the bytes received (brotli on the wire, and raw), the time from navigation start to the
// first question on screen, and the JS heap (plus the wasm memory) once the page is idle.
// Before the measured loads, one unmeasured load of each checks that the two sites ask the
// same questions and that the SurveyJS page draws every page and its condition.
//
// Prints a table per load, the medians, the ratios widget / SurveyJS and the two targets,
// and writes everything to bench/results/latest.json. Exits 0 whether or not the targets
// are met, and 1 on any error: a page error, a failed request, a site that does not render.

import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { BENCH_DIR, ROOT_DIR, buildSurvey } from './build-survey.mjs';
import { startServer } from './server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const DIST_DIR = join(ROOT_DIR, 'dist');
const RESULTS_DIR = join(BENCH_DIR, 'results');
// The flags of the end-to-end tests (e2e/chromium.mjs), plus one: every host name but
// 127.0.0.1 fails to resolve at once. Nothing here may reach the internet, and SurveyJS's
// default theme asks fonts.gstatic.com for its font; without the rule, that lookup's
// timing would depend on the machine's resolver.
const CHROMIUM_ARGS = [...E2E_CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

const CONTEXT_OPTIONS = {
  serviceWorkers: 'block',
  viewport: { width: 1280, height: 900 },
  locale: 'en-GB',
  timezoneId: 'Europe/London',
};

// How long one page may take to show its first question before the run counts as failed.
const RENDER_TIMEOUT_MS = 30_000;

/**
 * The two sites. `steps` is what a person does from navigation start to the first
 * question: wait until `selector` is visible, and click it if `click` is set. The widget
 * opens on a welcome screen, so its first question is one click further; SurveyJS opens
 * on its first page. `offOrigin` lists requests to other origins that are expected, and
 * fail here (see CHROMIUM_ARGS); any other is an error.
 */
const SITES = [
  {
    name: 'widget',
    label: 'widget (dist/)',
    steps: [
      { mark: 'welcome', selector: '.bpi-welcome [data-action=next]', click: true },
      { mark: 'firstQuestion', selector: '.bpi-step [data-question]' },
    ],
    offOrigin: [],
  },
  {
    name: 'surveyjs',
    label: 'SurveyJS',
    steps: [{ mark: 'firstQuestion', selector: '.sd-page .sd-question[data-name]' }],
    // survey-core.min.css, the default theme, loads Open Sans from Google Fonts. On a real
    // site that is one more woff2 file for SurveyJS; here it fails, and counts for nothing.
    offOrigin: [/^https:\/\/fonts\.gstatic\.com\//],
  },
];

/**
 * Runs in every page before any of its scripts (an init script), the same for both sites.
 * Once per animation frame it checks whether the next step's element is visible (a box of
 * non-zero size, not visibility:hidden, as Playwright defines visible). When it is, that
 * frame is about to be laid out and painted: a message posted then runs as the next task,
 * once the frame is drawn, and records performance.now() (milliseconds since navigation
 * start) and clicks the element if the step says so. So each mark is "drawn on screen",
 * including the layout and paint of the frame that shows it. Checking on animation
 * frames, not on every DOM mutation, costs each page one query per frame and never forces
 * extra layouts while the page builds itself.
 *
 * It also keeps every WebAssembly.Memory that an instance exports, because the wasm heap
 * is not part of the JS heap that CDP reports.
 */
function watchPage(steps) {
  const marks = {};
  const memories = [];
  let finish;
  const done = new Promise((resolve) => {
    finish = resolve;
  });
  window.__bench = {
    marks,
    done,
    wasmMemoryBytes: () => memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0),
  };

  const keepMemories = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) memories.push(value);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then(keepMemories);
    };
  }

  const isVisible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility === 'visible';
  };
  const afterThisFrame = (callback) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  };
  let next = 0;
  const check = () => {
    const step = steps[next];
    const element = document.querySelector(step.selector);
    if (!element || !isVisible(element)) {
      requestAnimationFrame(check);
      return;
    }
    afterThisFrame(() => {
      marks[step.mark] = performance.now();
      if (step.click) element.click();
      next += 1;
      if (next === steps.length) finish(marks);
      else requestAnimationFrame(check);
    });
  };
  requestAnimationFrame(check);
}

/** One measured load of `site` in a fresh context. Returns its numbers and its problems. */
async function measureLoad(browser, site) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    await context.addInitScript(watchPage, site.steps);
    const page = await context.newPage();
    const watch = watchProblems(page, site);
    const cdp = await context.newCDPSession(page);
    const network = await recordNetwork(cdp, site, watch.problems);
    await cdp.send('Performance.enable');
    const served = site.server.served.length;

    await page.goto(site.server.url, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
    const marks = await withTimeout(
      page.evaluate(() => window.__bench.done),
      RENDER_TIMEOUT_MS,
      `${site.label} showed no first question within ${RENDER_TIMEOUT_MS / 1000} s`,
    );
    await page.waitForLoadState('networkidle');

    const timing = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation');
      const paint = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      return {
        firstContentfulPaint: paint('first-contentful-paint'),
        domContentLoaded: navigation.domContentLoadedEventEnd,
        load: navigation.loadEventEnd,
      };
    });
    const heapBeforeGc = await jsHeapUsed(cdp);
    // After a collection the heap holds what the page keeps, not the garbage that loading
    // happened to leave, which varies from load to load.
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await jsHeapUsed(cdp);
    const wasmMemory = await page.evaluate(() => window.__bench.wasmMemoryBytes());

    const requests = network.finish();
    checkAgainstServer(requests, site.server.served.slice(served), site, watch.problems);
    const own = requests.filter((request) => request.sameOrigin);
    return {
      site: site.name,
      requests: own.length,
      brotliBytes: sum(own, 'encodedBodyBytes'),
      rawBytes: sum(own, 'decodedBodyBytes'),
      headerBytes: sum(own, 'headerBytes'),
      welcomeMs: marks.welcome ?? null,
      firstQuestionMs: marks.firstQuestion,
      ...timing,
      jsHeapBytes: heap,
      jsHeapBeforeGcBytes: heapBeforeGc,
      wasmMemoryBytes: wasmMemory,
      files: own.map(({ path, status, encoding, encodedBodyBytes, decodedBodyBytes }) => ({
        path,
        status,
        encoding,
        encodedBodyBytes,
        decodedBodyBytes,
      })),
      offOrigin: requests.filter((request) => !request.sameOrigin).map((request) => request.url),
      problems: watch.problems,
    };
  } finally {
    await context.close();
  }
}

/** Collects page errors and console errors; a failed resource on an expected other origin is not one. */
function watchProblems(page, site) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    if (url && site.offOrigin.some((pattern) => pattern.test(url))) return;
    problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  return { problems };
}

/**
 * Records every request of the page through its CDP session: its status, and the bytes of
 * its body as they came over the wire (brotli) and after decoding. CDP reports the bytes
 * received for a request including its response headers; the headers are counted apart.
 * data: addresses never touch the network and are left out.
 */
async function recordNetwork(cdp, site, problems) {
  const requests = new Map();
  const origin = site.server.origin;
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    const url = new URL(request.url);
    if (url.protocol === 'data:') return;
    requests.set(requestId, {
      url: request.url,
      path: url.pathname,
      sameOrigin: url.origin === origin,
      status: null,
      encoding: null,
      headerBytes: 0,
      encodedBodyBytes: 0,
      decodedBodyBytes: 0,
      finished: false,
    });
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const request = requests.get(requestId);
    if (!request) return;
    request.status = response.status;
    request.encoding = headerValue(response.headers, 'content-encoding') ?? 'identity';
    request.headerBytes = response.encodedDataLength;
  });
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, headersText }) => {
    const request = requests.get(requestId);
    // The raw header block, when Chromium has it, is the exact count.
    if (request && headersText) request.headerBytes = Buffer.byteLength(headersText);
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const request = requests.get(requestId);
    if (request) request.decodedBodyBytes += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const request = requests.get(requestId);
    if (!request) return;
    request.finished = true;
    request.encodedBodyBytes = encodedDataLength - request.headerBytes;
  });
  cdp.on('Network.loadingFailed', ({ requestId, errorText, blockedReason }) => {
    const request = requests.get(requestId);
    if (!request) return;
    request.finished = true;
    request.failed = blockedReason ?? errorText;
  });
  await cdp.send('Network.enable');

  return {
    finish() {
      const all = [...requests.values()];
      for (const request of all) {
        const expected = !request.sameOrigin && site.offOrigin.some((pattern) => pattern.test(request.url));
        if (!request.sameOrigin && !expected) problems.push(`request to another origin: ${request.url}`);
        if (request.sameOrigin && request.failed) problems.push(`failed request: ${request.url}: ${request.failed}`);
        if (request.sameOrigin && request.status >= 400) problems.push(`failed request: ${request.url}: HTTP ${request.status}`);
        if (request.sameOrigin && !request.finished) problems.push(`request never finished: ${request.url}`);
      }
      return all;
    },
  };
}

/**
 * The server knows exactly what it sent: each response the browser reports must match
 * one the server logged, byte for byte, or the byte counts above are not to be trusted.
 */
function checkAgainstServer(requests, served, site, problems) {
  const own = requests.filter((request) => request.sameOrigin);
  const unmatched = [...served];
  for (const request of own) {
    const index = unmatched.findIndex((entry) => entry.path === request.path);
    if (index < 0) {
      problems.push(`${site.label}: the browser reports ${request.path}, which the server did not send`);
      continue;
    }
    const [entry] = unmatched.splice(index, 1);
    if (entry.sentBytes !== request.encodedBodyBytes || entry.rawBytes !== request.decodedBodyBytes) {
      problems.push(
        `${site.label}: ${request.path}: the browser counts ${request.encodedBodyBytes} B on the wire and ` +
          `${request.decodedBodyBytes} B decoded, the server sent ${entry.sentBytes} B of ${entry.rawBytes} B`,
      );
    }
  }
  for (const entry of unmatched) {
    problems.push(`${site.label}: the server sent ${entry.path} (HTTP ${entry.status}), which the page did not report`);
  }
}

async function jsHeapUsed(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
}

// ---------------------------------------------------------------------------------------
// The unmeasured first load of each site: is it the same questionnaire, fully drawn?

/**
 * Loads the widget, starts it, and checks that its first step asks the same questions, in
 * the same order, as the survey's first page.
 */
async function verifyWidget(browser, site, survey) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    const page = await context.newPage();
    const { problems } = watchProblems(page, site);
    await page.goto(site.server.url);
    await page.locator('.bpi-welcome [data-action=next]').click();
    await page.locator('.bpi-step [data-question]').first().waitFor();
    const asked = await page.locator('.bpi-step [data-question]').evaluateAll((nodes) => nodes.map((n) => n.dataset.question));
    assert.deepEqual(asked, survey.pages[0].elements.map((element) => element.name), 'the first step of both sites');
    await page.screenshot({ path: join(RESULTS_DIR, 'widget.png') });
    assert.deepEqual(problems, [], `${site.label} reported errors`);
  } finally {
    await context.close();
  }
}

/**
 * Walks the SurveyJS page through every page of the survey: each question the model shows
 * must be on screen, liked_techniques must come and go with the experience answer, the
 * exclusive choices must clear the others, and each language must switch the texts.
 */
async function verifySurveyJs(browser, site, survey, languages) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    const page = await context.newPage();
    const { problems } = watchProblems(page, site);
    await page.goto(site.server.url);
    await page.locator('.sd-page .sd-question[data-name]').first().waitFor();
    await page.screenshot({ path: join(RESULTS_DIR, 'surveyjs.png') });

    const model = await page.evaluate(() => window.survey.pages.map((p) => [p.name, p.questions.map((q) => q.name)]));
    assert.deepEqual(
      model,
      survey.pages.map((p) => [p.name, p.elements.map((e) => e.name)]),
      'the SurveyJS model has every page and question of the survey JSON',
    );
    const question = (name) => page.locator(`.sd-page .sd-question[data-name="${name}"]`);
    const choose = (name, value) => question(name).locator(`label:has(input[value="${value}"])`).click();
    const valueOf = (name) => page.evaluate((n) => window.survey.getValue(n) ?? null, name);

    for (const [index, { name, elements }] of survey.pages.entries()) {
      await page.evaluate((i) => {
        window.survey.currentPageNo = i;
      }, index);
      await page.locator(`.sd-page:has(.sd-question[data-name="${elements[0].name}"])`).waitFor();
      for (const element of elements) {
        if (element.visibleIf) {
          assert.equal(await question(element.name).count(), 0, `${element.name} is hidden until its condition holds`);
        } else {
          await question(element.name).waitFor({ state: 'visible', timeout: 5000 });
        }
      }
      if (name === 'your_pain') {
        assert.equal(await question('pain_now').locator('.sd-rating__item').count(), 11, 'the pain scale has 11 buttons');
      }
      if (name === 'safety_check') {
        assert.equal(await question('rf_bladder').locator('input[type=radio]').count(), 2, 'a yes/no question is two radio buttons');
      }
      if (name === 'preferences') {
        await choose('experience', 'positive');
        await question('liked_techniques').waitFor({ state: 'visible', timeout: 5000 });
        await choose('experience', 'none');
        await question('liked_techniques').waitFor({ state: 'detached', timeout: 5000 });
        await choose('other_care', 'physiotherapy');
        await choose('other_care', 'none');
        assert.deepEqual(await valueOf('other_care'), ['none'], '"none" clears the other care choices');
      }
      if (name === 'health_conditions') {
        await choose('conditions', 'osteoporosis');
        await choose('conditions', 'none_of_these');
        assert.deepEqual(await valueOf('conditions'), ['none_of_these'], '"none of these" clears the conditions');
      }
    }

    await page.evaluate(() => {
      window.survey.currentPageNo = 0;
    });
    for (const lang of languages.filter((l) => l !== 'en')) {
      await page.evaluate((l) => {
        window.survey.locale = l;
      }, lang);
      const title = survey.pages[0].title[lang] ?? survey.pages[0].title.default;
      await page.locator('.sd-page__title', { hasText: title }).waitFor({ timeout: 5000 });
      assert.ok(
        await page.evaluate((l) => window.Survey.surveyLocalization.locales[l] !== undefined, lang),
        `SurveyJS's own ${lang} translation is loaded`,
      );
    }
    assert.deepEqual(problems, [], `${site.label} reported errors`);
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------
// Snapshots: the benchmark serves copies, so a rebuild of dist/ mid-run changes nothing.

/**
 * Copies dist/ into `dest` once it is complete (index.html and every file that it and
 * boot.js name) and did not change during the copy; waits and tries again otherwise,
 * because someone may be rebuilding it.
 */
async function snapshotDist(dest) {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    let problem = await incompleteSite(DIST_DIR);
    if (!problem) {
      const before = await fingerprint(DIST_DIR);
      await rm(dest, { recursive: true, force: true });
      // Hidden entries (Trunk's .stage and lock file) are not part of the site.
      await cp(DIST_DIR, dest, { recursive: true, filter: (path) => !relative(DIST_DIR, path).split('/').some((part) => part.startsWith('.')) });
      if (before !== (await fingerprint(DIST_DIR))) problem = 'it changed while being copied';
      else problem = await incompleteSite(dest);
      if (!problem) return;
    }
    if (Date.now() > deadline) throw new Error(`dist/ is not usable: ${problem}`);
    console.log(`waiting for dist/ (${problem}); trying again in 5 s`);
    await sleep(5000);
  }
}

/**
 * Why `dir` is not a complete widget build, or null if it is: the files that index.html
 * links (href and src attributes) and that boot.js names in string literals must exist.
 */
async function incompleteSite(dir) {
  const references = {
    'index.html': /(?:href|src)=["']?(?:\.\/)?([\w.-]+\.(?:js|wasm|css))/g,
    'boot.js': /["'`](?:\.\/)?([\w.-]+\.(?:js|wasm|css))["'`]/g,
  };
  const names = new Set();
  for (const [file, pattern] of Object.entries(references)) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => null);
    if (text === null) return `${file} is missing`;
    for (const [, name] of text.matchAll(pattern)) names.add(name);
  }
  if (![...names].some((name) => name.endsWith('.wasm'))) return 'boot.js names no .wasm file';
  for (const name of names) {
    if (!(await stat(join(dir, name)).catch(() => null))?.isFile()) return `${name} is missing`;
  }
  return null;
}

/** Names, sizes and modification times of the files in `dir`, as one string. */
async function fingerprint(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    const info = await stat(path).catch(() => null);
    if (info) files.push(`${relative(dir, path)}:${info.size}:${info.mtimeMs}`);
  }
  return files.sort().join('\n');
}

// ---------------------------------------------------------------------------------------
// Numbers and output.

function sum(rows, key) {
  return rows.reduce((total, row) => total + row[key], 0);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function headerValue(headers, name) {
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? null : headers[key];
}

async function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
const mb = (bytes) => (bytes / 1e6).toFixed(2);
const ms = (value) => (value === null || value === undefined ? '-' : value.toFixed(0));
const COLUMNS = [
  ['run', 3, (row) => row.run],
  ['site', 9, (row) => row.site],
  ['reqs', 4, (row) => row.requests],
  ['brotli KB', 9, (row) => kb(row.brotliBytes)],
  ['raw KB', 8, (row) => kb(row.rawBytes)],
  ['FCP ms', 6, (row) => ms(row.firstContentfulPaint)],
  ['welcome ms', 10, (row) => ms(row.welcomeMs)],
  ['1st question ms', 15, (row) => ms(row.firstQuestionMs)],
  ['JS heap MB', 10, (row) => mb(row.jsHeapBytes)],
  ['wasm MB', 7, (row) => (row.wasmMemoryBytes ? mb(row.wasmMemoryBytes) : '-')],
];
const tableLine = (cells) => cells.map((cell, i) => String(cell).padStart(COLUMNS[i][1])).join('  ');

const METRICS = ['requests', 'brotliBytes', 'rawBytes', 'firstContentfulPaint', 'welcomeMs', 'firstQuestionMs', 'jsHeapBytes', 'wasmMemoryBytes'];

function mediansOf(rows) {
  return Object.fromEntries(
    METRICS.map((key) => {
      const values = rows.map((row) => row[key]).filter((value) => value !== null && value !== undefined);
      return [key, values.length ? median(values) : null];
    }),
  );
}

async function versionOf(pkg) {
  return JSON.parse(await readFile(join(BENCH_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

// ---------------------------------------------------------------------------------------

async function main() {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a whole number of at least 1, not ${process.env.BENCH_RUNS}`);
  const startedAt = new Date();
  const loadAverageAtStart = loadavg().map((value) => value.toFixed(2)).join(' ');
  await mkdir(RESULTS_DIR, { recursive: true });
  const built = await buildSurvey();
  const work = await mkdtemp(join(tmpdir(), 'bpi-bench-'));
  const servers = [];
  let browser;
  try {
    await snapshotDist(join(work, 'widget'));
    await cp(built.outDir, join(work, 'surveyjs'), { recursive: true });
    for (const site of SITES) {
      site.server = await startServer({ root: join(work, site.name) });
      servers.push(site.server);
    }
    const [widget, surveyjs] = SITES;

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const surveyCore = await versionOf('survey-core');
    console.log(
      `widget (${relative(process.cwd(), DIST_DIR) || '.'}, copied at start) vs SurveyJS ${surveyCore} ` +
        `(${built.pages} pages, ${built.questions} questions, ${built.languages.join('/')}); ` +
        `Chromium ${browser.version()} headless; ${RUNS} loads each`,
    );

    // Also the warm-up: the first page a new browser loads pays for starting processes.
    await verifyWidget(browser, widget, built.survey);
    await verifySurveyJs(browser, surveyjs, built.survey, built.languages);
    console.log('checked: same first step on both; SurveyJS draws all pages, the condition, the exclusive choices and each language\n');

    console.log(tableLine(COLUMNS.map(([title]) => title)));
    const rows = [];
    for (let run = 1; run <= RUNS; run += 1) {
      for (const site of SITES) {
        const row = { run, ...(await measureLoad(browser, site)) };
        rows.push(row);
        console.log(tableLine(COLUMNS.map(([, , cell]) => cell(row))));
        if (row.problems.length) throw new Error(`${site.label}, run ${run}:\n  ${row.problems.join('\n  ')}`);
      }
    }

    const medians = Object.fromEntries(SITES.map((site) => [site.name, mediansOf(rows.filter((row) => row.site === site.name))]));
    console.log('\nmedians');
    for (const site of SITES) console.log(tableLine(COLUMNS.map(([, , cell]) => cell({ run: '', site: site.name, ...medians[site.name] }))));

    const ratio = (key) => medians.widget[key] / medians.surveyjs[key];
    const ratios = {
      brotliBytes: ratio('brotliBytes'),
      rawBytes: ratio('rawBytes'),
      firstQuestionMs: ratio('firstQuestionMs'),
      jsHeapBytes: ratio('jsHeapBytes'),
    };
    console.log('\nratios of the medians, widget / SurveyJS');
    console.log(`  brotli bytes            ${ratios.brotliBytes.toFixed(3)}`);
    console.log(`  raw bytes               ${ratios.rawBytes.toFixed(3)}`);
    console.log(`  time to first question  ${ratios.firstQuestionMs.toFixed(3)}`);
    console.log(`  JS heap                 ${ratios.jsHeapBytes.toFixed(3)}  (the widget's wasm memory, ${mb(medians.widget.wasmMemoryBytes)} MB, is not in it)`);

    const targets = [
      {
        name: "brotli transfer of the widget at most one third of SurveyJS's",
        met: ratios.brotliBytes <= 1 / 3,
        detail: `${kb(medians.widget.brotliBytes)} KB vs ${kb(medians.surveyjs.brotliBytes)} KB, ratio ${ratios.brotliBytes.toFixed(3)} (at most 0.333)`,
      },
      {
        name: "widget's median time to first question no later than SurveyJS's",
        met: medians.widget.firstQuestionMs <= medians.surveyjs.firstQuestionMs,
        detail: `${ms(medians.widget.firstQuestionMs)} ms vs ${ms(medians.surveyjs.firstQuestionMs)} ms`,
      },
    ];
    console.log('\ntargets');
    for (const target of targets) console.log(`  ${target.met ? 'met   ' : 'MISSED'}  ${target.name}: ${target.detail}`);

    // Other work on the machine slows both sites' loads alike, but widens the spread.
    const load = loadavg().map((value) => value.toFixed(2)).join(' ');
    console.log(`\nload average at the end: ${load} on ${cpus().length} cores`);
    const results = {
      date: startedAt.toISOString(),
      command: `${process.env.BENCH_RUNS ? `BENCH_RUNS=${RUNS} ` : ''}node bench/compare.mjs`,
      runs: RUNS,
      environment: {
        chromium: browser.version(),
        node: process.version,
        playwrightCore: await versionOf('playwright-core'),
        surveyCore,
        surveyJsUi: await versionOf('survey-js-ui'),
        cores: cpus().length,
        loadAverageAtStart,
        loadAverageAtEnd: load,
      },
      widget: { files: rows.find((row) => row.site === 'widget').files },
      surveyjs: { files: rows.find((row) => row.site === 'surveyjs').files, pages: built.pages, questions: built.questions, languages: built.languages, missingTexts: built.missingTexts },
      offOriginNotLoaded: [...new Set(rows.flatMap((row) => row.offOrigin))],
      loads: rows.map(({ files, problems, offOrigin, ...row }) => row),
      medians,
      ratios,
      targets,
    };
    await writeFile(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nwrote ${relative(process.cwd(), join(RESULTS_DIR, 'latest.json'))}`);
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`error: ${error.stack ?? error}`);
  process.exit(1);
});
