// Page-load benchmark: the release widget (dist/) against the same questionnaire built
// with SurveyJS (bench/surveyjs/, from build-survey.mjs). Run from the repository root
// after `npm ci` in bench/:
//
//   node bench/compare.mjs     (BENCH_RUNS=3 BENCH_PHONE_RUNS=2 for a quick look; 10 and 6 by default)
//   BENCH_DIST=path            to load another build of the widget than dist/
//
// Each site is served from a snapshot on 127.0.0.1 by server.mjs (brotli, no-store), and
// one headless Chromium loads them in turn, widget then SurveyJS, each load in a fresh
// browser context, so every load is a first visit. Two profiles:
//
// - desktop (BENCH_RUNS loads each): 1280x900, no throttling, service workers blocked, so
//   only the page load is measured. Per load: the bytes received (brotli on the wire, and
//   raw), the time from navigation start to the first question on screen, and the JS heap
//   (plus the wasm memory) once the page is idle.
// - phone (BENCH_PHONE_RUNS loads each, 0 to skip): 390x844 at 3x with touch, 4x CPU
//   slowdown and DevTools' "Slow 4G" network, service workers allowed as on a real first
//   visit. Per load: first contentful paint, the welcome and the first question on screen,
//   the bytes the server sent for the whole visit (service worker included), and the Event
//   Timing duration of every interaction while answering the first two steps.
//
// Before the measured loads, one unmeasured load of each checks that the two sites ask the
// same questions and that the SurveyJS page draws every page and its condition.
//
// Prints a table per load and profile, the medians, the ratios widget / SurveyJS and the
// targets, and writes everything to bench/results/latest.json. Exits 0 whether or not the
// targets are met, and 1 on any error: a page error, a failed request, a site that does
// not render.

import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { BENCH_DIR, ROOT_DIR, buildSurvey } from './build-survey.mjs';
import { startServer } from './server.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PHONE_RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 6);
// BENCH_DIST=path benchmarks another build of the widget (an older one, to compare).
const DIST_DIR = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : join(ROOT_DIR, 'dist');
const RESULTS_DIR = join(BENCH_DIR, 'results');
const QUESTIONNAIRE = join(ROOT_DIR, 'data/questionnaire.json');
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
 * The phone profile. The network is DevTools' "Slow 4G" preset: 562.5 ms round trip,
 * 1.44 Mbps down and 675 kbps up (in bytes per second for CDP). The CPU runs 4x slower
 * (CDP Emulation.setCPUThrottlingRate). Service workers are allowed: a first visit pays
 * for the worker's install too.
 */
const PHONE = {
  context: {
    serviceWorkers: 'allow',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  },
  cpuThrottlingRate: 4,
  network: { offline: false, latency: 562.5, downloadThroughput: 1.44e6 / 8, uploadThroughput: 675e3 / 8 },
  description: '390x844 at 3x, touch; 4x CPU slowdown; Slow 4G (562.5 ms round trip, 1.44 Mbps down, 675 kbps up); service workers allowed',
};

// How long a site that registers a service worker may take to activate it, after the
// answers, before the load counts as failed.
const SERVICE_WORKER_TIMEOUT_MS = 30_000;

// Event Timing reports no interaction shorter than this (the API's least threshold). Such
// an interaction is counted with duration 0, printed as "<16".
const EVENT_TIMING_THRESHOLD_MS = 16;

/**
 * The two sites. `steps` is what a person does from navigation start to the first
 * question: wait until `selector` is visible, and click it if `click` is set (once it is
 * no longer disabled). The widget opens on a welcome screen, so its first question is one
 * click further; SurveyJS opens on its first page. `offOrigin` lists requests to other
 * origins that are expected, and fail here (see CHROMIUM_ARGS); any other is an error.
 * `registersServiceWorker`: the phone profile waits for the worker to activate.
 *
 * `answer` holds the selectors for answering the phone profile's first two steps: a
 * step shown (`step`, a step of questionnaire.json), the choice with answer code `code`
 * of question `id` (radio buttons, checkboxes, scale points and yes/no alike), the
 * number field of question `id`, and the Next button of a step.
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
    registersServiceWorker: true,
    answer: {
      step: (step) => `.bpi-step[data-step="${step.id}"]`,
      // A choice's input sits in its label, except a scale point's, which its label follows.
      choice: (id, code) =>
        `[data-question="${id}"] label:has(> input[value="${code}"]), [data-question="${id}"] input[value="${code}"] + label`,
      number: (id) => `[data-question="${id}"] input`,
      next: (step) => `.bpi-step[data-step="${step.id}"] [data-action=next]`,
    },
  },
  {
    name: 'surveyjs',
    label: 'SurveyJS',
    steps: [{ mark: 'firstQuestion', selector: '.sd-page .sd-question[data-name]' }],
    // survey-core.min.css, the default theme, loads Open Sans from Google Fonts. On a real
    // site that is one more woff2 file for SurveyJS; here it fails, and counts for nothing.
    offOrigin: [/^https:\/\/fonts\.gstatic\.com\//],
    registersServiceWorker: false,
    answer: {
      // A page is shown when its first question is.
      step: (step) => `.sd-page .sd-question[data-name="${step.questions[0].id}"]`,
      choice: (id, code) => `.sd-question[data-name="${id}"] label:has(input[value="${code}"])`,
      number: (id) => `.sd-question[data-name="${id}"] input`,
      next: () => '.sd-navigation__next-btn',
    },
  },
];

/**
 * Runs in every page before any of its scripts (an init script), the same for both sites.
 * Once per animation frame it checks whether the next step's element is visible (a box of
 * non-zero size, not visibility:hidden, as Playwright defines visible). When it is, that
 * frame is about to be laid out and painted: a message posted then runs as the next task,
 * once the frame is drawn, and records performance.now() (milliseconds since navigation
 * start). So each mark is "drawn on screen", including the layout and paint of the frame
 * that shows it. Checking on animation frames, not on every DOM mutation, costs each page
 * one query per frame and never forces extra layouts while the page builds itself.
 *
 * A step with `click` then clicks its element, as soon as it is not disabled: a page may
 * draw a button before its script can handle it (the widget's prerendered Start carries
 * `disabled` until the page's loader has run), and a person's tap on it would do nothing.
 * Until then it checks again on every animation frame; the mark stays when it was drawn.
 *
 * It also keeps every WebAssembly.Memory that an instance exports, because the wasm heap
 * is not part of the JS heap that CDP reports; records every Event Timing entry of an
 * interaction (the phone profile's answers); and, where the page carries markup drawn
 * before its script ran (`[data-prerendered]`), marks `adopted` when the last such
 * attribute is gone, that is when the live widget has taken the markup over.
 */
function watchPage({ steps, eventTimingThresholdMs }) {
  const marks = {};
  const memories = [];
  const events = [];
  let finish;
  const done = new Promise((resolve) => {
    finish = resolve;
  });

  const eventObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.interactionId) events.push({ interactionId: entry.interactionId, name: entry.name, startTime: entry.startTime, duration: entry.duration });
    }
  });
  eventObserver.observe({ type: 'event', durationThreshold: eventTimingThresholdMs, buffered: true });
  const nextFrameDrawn = () => new Promise((resolve) => requestAnimationFrame(() => afterThisFrame(resolve)));

  window.__bench = {
    marks,
    done,
    wasmMemoryBytes: () => memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0),
    /**
     * The interactions so far: every entry of one (pointerdown, pointerup, click; keydown,
     * keyup) and how many the page counted, including those under the threshold. An entry
     * is reported after the frame that follows its handlers, so this waits for two frames
     * to be drawn and takes what the observer has not yet delivered.
     */
    interactions: async () => {
      await nextFrameDrawn();
      await nextFrameDrawn();
      for (const entry of eventObserver.takeRecords()) {
        if (entry.interactionId) events.push({ interactionId: entry.interactionId, name: entry.name, startTime: entry.startTime, duration: entry.duration });
      }
      return { events, count: performance.interactionCount ?? null };
    },
    /**
     * At the next click on `clickSelector`, marks `${name}Click` with the click's time,
     * then `name` at the frame that draws `selector`: how long a step takes to show after
     * Next, which an interaction's duration does not cover when the page shows the step
     * later than the frame after the click (a Next pressed before the live widget runs).
     */
    markAfterClick: (name, clickSelector, selector) => {
      document.addEventListener(
        'click',
        function onClick(event) {
          if (!event.isTrusted || !event.target.closest?.(clickSelector)) return;
          document.removeEventListener('click', onClick, true);
          marks[`${name}Click`] = event.timeStamp;
          const shown = () => {
            if (!visibleMatch(selector)) return requestAnimationFrame(shown);
            return afterThisFrame(() => {
              marks[name] = performance.now();
            });
          };
          requestAnimationFrame(shown);
        },
        true,
      );
    },
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

  const prerendered = new MutationObserver(() => {
    if (document.querySelector('[data-prerendered]')) return;
    marks.adopted = performance.now();
    prerendered.disconnect();
  });
  document.addEventListener('DOMContentLoaded', () => {
    if (document.querySelector('[data-prerendered]')) {
      prerendered.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-prerendered'] });
    }
  });

  const isVisible = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility === 'visible';
  };
  const visibleMatch = (selector) => [...document.querySelectorAll(selector)].find(isVisible);
  const isDisabled = (element) => element.hasAttribute('disabled') || element.matches(':disabled');
  function afterThisFrame(callback) {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  }
  let next = 0;
  const advance = () => {
    next += 1;
    if (next === steps.length) finish(marks);
    else requestAnimationFrame(check);
  };
  const act = (step) => {
    if (!step.click) return advance();
    const element = visibleMatch(step.selector);
    if (!element || isDisabled(element)) return requestAnimationFrame(check);
    element.click();
    return advance();
  };
  const check = () => {
    const step = steps[next];
    if (step.mark in marks) return act(step);
    if (!visibleMatch(step.selector)) return requestAnimationFrame(check);
    return afterThisFrame(() => {
      marks[step.mark] = performance.now();
      act(step);
    });
  };
  requestAnimationFrame(check);
}

/** One measured load of `site` in a fresh context. Returns its numbers and its problems. */
async function measureLoad(browser, site) {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  try {
    await context.addInitScript(watchPage, { steps: site.steps, eventTimingThresholdMs: EVENT_TIMING_THRESHOLD_MS });
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
      viaServiceWorker: false,
      finished: false,
    });
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const request = requests.get(requestId);
    if (!request) return;
    request.status = response.status;
    // After a service worker has claimed the page, its answers come from the worker, which
    // makes its own request (see recordServiceWorkerRequests) if it goes to the network.
    request.viaServiceWorker = Boolean(response.fromServiceWorker);
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
 * A count the browser does not know (null) is not compared. `unreported` lists paths the
 * server may have sent without the browser reporting them (a service worker's own script).
 */
function checkAgainstServer(requests, served, site, problems, { unreported = [] } = {}) {
  const own = requests.filter((request) => request.sameOrigin);
  const unmatched = [...served];
  const differs = (count, logged) => count !== null && count !== logged;
  for (const request of own) {
    const index = unmatched.findIndex((entry) => entry.path === request.path);
    if (index < 0) {
      problems.push(`${site.label}: the browser reports ${request.path}, which the server did not send`);
      continue;
    }
    const [entry] = unmatched.splice(index, 1);
    if (differs(request.encodedBodyBytes, entry.sentBytes) || differs(request.decodedBodyBytes, entry.rawBytes)) {
      problems.push(
        `${site.label}: ${request.path}: the browser counts ${request.encodedBodyBytes} B on the wire and ` +
          `${request.decodedBodyBytes} B decoded, the server sent ${entry.sentBytes} B of ${entry.rawBytes} B`,
      );
    }
  }
  for (const entry of unmatched) {
    if (unreported.includes(entry.path)) continue;
    problems.push(`${site.label}: the server sent ${entry.path} (HTTP ${entry.status}), which the page did not report`);
  }
}

async function jsHeapUsed(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
}

// ---------------------------------------------------------------------------------------
// The phone profile: a slow phone on a slow network, answering the first two steps.

/**
 * One load of `site` on the phone profile: from navigation to the first question, then
 * the answers to the first two steps (`plan`, from answerPlan), then, where the site has
 * one, until its service worker is active. Returns its numbers and its problems.
 */
async function measurePhoneLoad(browser, site, plan) {
  const context = await browser.newContext(PHONE.context);
  try {
    await context.addInitScript(watchPage, { steps: site.steps, eventTimingThresholdMs: EVENT_TIMING_THRESHOLD_MS });
    const page = await context.newPage();
    page.setDefaultTimeout(RENDER_TIMEOUT_MS);
    const watch = watchProblems(page, site);
    const cdp = await context.newCDPSession(page);
    const network = await recordNetwork(cdp, site, watch.problems);
    const workerNetwork = recordServiceWorkerRequests(context, site, watch.problems);
    const workers = await throttle(cdp);
    const served = site.server.served.length;

    // Only until the document is there: a person answers once the question shows, whether
    // or not the page has finished loading.
    await page.goto(site.server.url, { waitUntil: 'commit', timeout: RENDER_TIMEOUT_MS });
    await withTimeout(
      page.evaluate(() => window.__bench.done),
      RENDER_TIMEOUT_MS,
      `${site.label} showed no first question within ${RENDER_TIMEOUT_MS / 1000} s on the phone profile`,
    );
    const dispatched = await answerFirstTwoSteps(page, site, plan);
    const durations = interactionDurations(await page.evaluate(() => window.__bench.interactions()), dispatched);
    if (site.registersServiceWorker) await serviceWorkerActivated(page, site);
    await page.waitForLoadState('networkidle');

    const { marks, firstContentfulPaint } = await page.evaluate(() => ({
      marks: window.__bench.marks,
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    const scripts = context.serviceWorkers().map((worker) => worker.url());
    const workerRequests = await workerNetwork.finish(scripts);
    const pageRequests = network.finish().filter((request) => !request.viaServiceWorker);
    const sent = site.server.served.slice(served);
    checkAgainstServer([...pageRequests, ...workerRequests], sent, site, watch.problems, {
      unreported: scripts.map((url) => new URL(url).pathname),
    });

    const wireBytes = sum(sent, 'sentBytes');
    const pageBytes = sum(pageRequests.filter((request) => request.sameOrigin), 'encodedBodyBytes');
    return {
      site: site.name,
      requests: sent.length,
      wireBytes,
      serviceWorkerBytes: wireBytes - pageBytes,
      rawBytes: sum(sent, 'rawBytes'),
      firstContentfulPaint,
      welcomeMs: marks.welcome ?? null,
      firstQuestionMs: marks.firstQuestion,
      adoptedMs: marks.adopted ?? null,
      nextToSecondStepMs: marks.nextStep === undefined ? null : marks.nextStep - marks.nextStepClick,
      interactions: durations.length,
      dispatchedInteractions: dispatched,
      interactionP50Ms: percentile(durations, 50),
      interactionP95Ms: percentile(durations, 95),
      interactionDurationsMs: durations,
      serviceWorker: site.registersServiceWorker
        ? {
            scripts: scripts.map((url) => new URL(url).pathname),
            requests: workerRequests.length,
            unthrottled: unthrottledRequests(workerRequests, scripts),
          }
        : null,
      // Not an error (the bytes are still exact), but said with the results.
      workerThrottleErrors: workers.error ? [`no worker of the page could be throttled: ${workers.error}`, ...workers.errors] : workers.errors,
      files: sent.map(({ path, status, encoding, rawBytes, sentBytes }) => ({ path, status, encoding, sentBytes, rawBytes })),
      offOrigin: [...pageRequests, ...workerRequests].filter((request) => !request.sameOrigin).map((request) => request.url),
      problems: watch.problems,
    };
  } finally {
    await context.close();
  }
}

/**
 * Puts the page on the phone's CPU and network (its CDP session), and every worker it
 * starts on the same network. The CPU slowdown is the page's only: CDP refuses it for a
 * worker ("only supported for pages"). A service worker is its own target with its own
 * network conditions, which the page's do not cover, so the page's session attaches to
 * each worker as it starts (Target.setAutoAttach, paused until told to run) and sends it
 * the conditions before letting it run. Playwright's own session may let it run first;
 * its first request, the worker's script, is fetched before the worker exists and is
 * never throttled. unthrottledRequests tells, per load, whether the rest were.
 *
 * The messages go through Target.sendMessageToTarget, since a Playwright CDP session
 * cannot address a child session of its own. Resolves to `{ error, errors }`: why the
 * page's workers could not be reached at all, and each refused command.
 */
async function throttle(cdp) {
  await cdp.send('Network.emulateNetworkConditions', PHONE.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuThrottlingRate });
  const state = { error: null, errors: [] };
  const pending = new Map();
  let nextId = 1;
  const sendTo = (sessionId, target, method, params = {}) => {
    const id = nextId;
    nextId += 1;
    pending.set(id, `${method} on ${target}`);
    return cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(() => {});
  };
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const { id, error } = JSON.parse(message);
    if (error && pending.has(id)) state.errors.push(`${pending.get(id)}: ${error.message}`);
    pending.delete(id);
  });
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    const target = `${targetInfo.type} ${targetInfo.url}`;
    // One session processes its commands in order: the conditions first, then the start.
    sendTo(sessionId, target, 'Network.emulateNetworkConditions', PHONE.network);
    sendTo(sessionId, target, 'Runtime.runIfWaitingForDebugger');
  });
  try {
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  } catch (error) {
    state.error = error.message;
  }
  return state;
}

/**
 * Records the requests that service workers make (Playwright reports them with the
 * worker, as the page's CDP session does not see them). `finish(scripts)` resolves to
 * them in the shape of recordNetwork's requests: the worker's script has no size in the
 * browser's report, so its bytes are left to the server's log; any other body size must
 * match the server's.
 */
function recordServiceWorkerRequests(context, site, problems) {
  const requests = new Map();
  const origin = site.server.origin;
  context.on('request', (request) => {
    if (!request.serviceWorker()) return;
    const url = new URL(request.url());
    requests.set(request, { url: request.url(), path: url.pathname, sameOrigin: url.origin === origin, finished: false, failed: null });
  });
  context.on('requestfinished', (request) => {
    if (requests.has(request)) requests.get(request).finished = true;
  });
  context.on('requestfailed', (request) => {
    if (requests.has(request)) requests.get(request).failed = request.failure()?.errorText ?? 'failed';
  });
  return {
    async finish(scripts) {
      const all = [];
      for (const [request, entry] of requests) {
        const expected = !entry.sameOrigin && site.offOrigin.some((pattern) => pattern.test(entry.url));
        if (!entry.sameOrigin && !expected) problems.push(`service worker request to another origin: ${entry.url}`);
        if (entry.sameOrigin && entry.failed) problems.push(`failed service worker request: ${entry.url}: ${entry.failed}`);
        if (entry.sameOrigin && !entry.failed && !entry.finished) problems.push(`service worker request never finished: ${entry.url}`);
        const response = entry.finished ? await request.response() : null;
        if (entry.sameOrigin && response && response.status() >= 400) problems.push(`failed service worker request: ${entry.url}: HTTP ${response.status()}`);
        const isScript = scripts.includes(entry.url);
        all.push({
          ...entry,
          status: response?.status() ?? null,
          encodedBodyBytes: response && !isScript ? (await request.sizes()).responseBodySize : null,
          decodedBodyBytes: null,
          responseStartMs: request.timing().responseStart,
        });
      }
      return all;
    },
  };
}

/**
 * The service worker's requests that got their response headers sooner than the phone's
 * round trip allows (so were not throttled), leaving out its script (see throttle).
 */
function unthrottledRequests(workerRequests, scripts) {
  return workerRequests
    .filter((request) => !scripts.includes(request.url) && request.responseStartMs >= 0 && request.responseStartMs < PHONE.network.latency * 0.95)
    .map((request) => request.path);
}

/** Resolves once the page's service worker is activated, or fails the load after SERVICE_WORKER_TIMEOUT_MS. */
async function serviceWorkerActivated(page, site) {
  await withTimeout(
    page.evaluate(async () => {
      const { active } = await navigator.serviceWorker.ready;
      if (active.state === 'activated') return;
      await new Promise((resolve) => {
        active.addEventListener('statechange', () => active.state === 'activated' && resolve());
      });
    }),
    SERVICE_WORKER_TIMEOUT_MS,
    `${site.label}: no service worker activated within ${SERVICE_WORKER_TIMEOUT_MS / 1000} s of the answers`,
  );
}

/**
 * What the phone profile answers: for each of the first two steps of questionnaire.json,
 * every required question that its conditions show given the answers before it, with a
 * fixed valid answer for each kind (answerFor).
 */
function answerPlan(questionnaire) {
  const given = new Map();
  return questionnaire.steps.slice(0, 2).map((step) => {
    const answers = [];
    for (const question of step.questions) {
      if (!question.required || !isShown(question, given)) continue;
      const answer = answerFor(question);
      given.set(question.id, answer);
      answers.push(answer);
    }
    return { step, answers };
  });
}

/**
 * One answer: `text` to type into a number field (42, or the nearest allowed), or the
 * `codes` to click: a scale's middle point, a list's first choice, "no" to a yes/no.
 */
function answerFor({ id, kind, control, min, max, codes }) {
  switch (`${kind}/${control}`) {
    case 'integer/number':
      return { id, text: String(Math.min(Math.max(42, min), max)) };
    case 'integer/scale':
      return { id, codes: [String(Math.round((min + max) / 2))] };
    case 'one/choices':
    case 'many/choices':
      return { id, codes: [codes[0]] };
    case 'bool/yes_no':
    case 'bool/agree_disagree':
      return { id, codes: ['false'] };
    default:
      throw new Error(`${id}: no answer for kind ${kind} with control ${control}`);
  }
}

/** Whether every `show_if` condition of `question` holds for the answers `given` (as the widget's ShowIf). */
function isShown(question, given) {
  return (question.show_if ?? []).every(({ question: id, any_of: anyOf = [], at_least: atLeast }) => {
    const answer = given.get(id);
    if (!answer) return false;
    if (atLeast !== undefined) return Number(answer.text ?? answer.codes[0]) >= atLeast;
    return (answer.codes ?? []).some((code) => anyOf.includes(code));
  });
}

/**
 * Answers the first two steps as a person would: each required question by clicking its
 * choice (or clicking the number field and typing), and Next between the steps. Playwright
 * clicks the real element, so the page gets trusted input events that Event Timing
 * records. It waits for nothing but each step to be shown: on the widget, answers may be
 * given before the live widget has adopted the prerendered first step, and the Next
 * pressed then is carried out once it has. Resolves to the number of interactions sent
 * (a click, or one key).
 */
async function answerFirstTwoSteps(page, site, plan) {
  let dispatched = 0;
  for (const [index, { step, answers }] of plan.entries()) {
    if (index > 0) {
      const next = site.answer.next(plan[index - 1].step);
      await page.evaluate(([click, shown]) => window.__bench.markAfterClick('nextStep', click, shown), [next, site.answer.step(step)]);
      await page.locator(next).click();
      dispatched += 1;
    }
    await page.locator(site.answer.step(step)).first().waitFor({ state: 'visible' });
    for (const answer of answers) dispatched += await giveAnswer(page, site, answer);
  }
  return dispatched;
}

/** Gives one answer from answerFor; resolves to the number of interactions it took. */
async function giveAnswer(page, site, { id, text, codes }) {
  if (text !== undefined) {
    const field = page.locator(site.answer.number(id));
    await field.click();
    await field.pressSequentially(text);
    return 1 + text.length;
  }
  for (const code of codes) await page.locator(site.answer.choice(id, code)).click();
  return codes.length;
}

/**
 * One duration per interaction: the longest of its entries (Event Timing gives each event
 * of an interaction, such as pointerdown, pointerup and click, or keydown and keyup, its
 * own entry, with the same interactionId). An interaction under the threshold has no
 * entry and counts as 0. How many there were is the page's own count
 * (performance.interactionCount) where it has one, else the number sent.
 */
function interactionDurations({ events, count }, dispatched) {
  const longest = new Map();
  for (const { interactionId, duration } of events) {
    longest.set(interactionId, Math.max(longest.get(interactionId) ?? 0, duration));
  }
  const total = Math.max(count ?? dispatched, longest.size);
  return [...longest.values(), ...new Array(total - longest.size).fill(0)];
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
    // The files boot.js loads carry a hash in their names; the glue it holds also names a
    // default wasm file that it never loads (boot.js always hands it the wasm).
    'boot.js': /["'`](?:\.\/)?([\w.-]+-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css))["'`]/g,
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

/** The nearest-rank percentile `p` (0 to 100) of `values`. */
function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
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
// An interaction's duration: 0 stands for one under Event Timing's threshold.
const interactionMs = (value) => (value === null || value === undefined ? '-' : value < EVENT_TIMING_THRESHOLD_MS ? `<${EVENT_TIMING_THRESHOLD_MS}` : value.toFixed(0));
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
// The phone profile's table: the whole visit's brotli bytes, and of them the service
// worker's; from the Next click to the second step drawn; the answers' interactions (how
// many, p50, p95).
const PHONE_COLUMNS = [
  ['run', 3, (row) => row.run],
  ['site', 9, (row) => row.site],
  ['reqs', 4, (row) => row.requests],
  ['brotli KB', 9, (row) => kb(row.wireBytes)],
  ['of it SW', 8, (row) => (SITES.find((site) => site.name === row.site).registersServiceWorker ? kb(row.serviceWorkerBytes) : '-')],
  ['FCP ms', 6, (row) => ms(row.firstContentfulPaint)],
  ['welcome ms', 10, (row) => ms(row.welcomeMs)],
  ['1st question ms', 15, (row) => ms(row.firstQuestionMs)],
  ['adopted ms', 10, (row) => ms(row.adoptedMs)],
  ['Next to step 2 ms', 17, (row) => ms(row.nextToSecondStepMs)],
  ['answers', 7, (row) => row.interactions],
  ['p50 ms', 6, (row) => interactionMs(row.interactionP50Ms)],
  ['p95 ms', 6, (row) => interactionMs(row.interactionP95Ms)],
];
const lineOf = (columns, cells) => cells.map((cell, i) => String(cell).padStart(columns[i][1])).join('  ');
const tableLine = (cells) => lineOf(COLUMNS, cells);
const phoneLine = (cells) => lineOf(PHONE_COLUMNS, cells);

const METRICS = ['requests', 'brotliBytes', 'rawBytes', 'firstContentfulPaint', 'welcomeMs', 'firstQuestionMs', 'jsHeapBytes', 'wasmMemoryBytes'];
const PHONE_METRICS = ['requests', 'wireBytes', 'serviceWorkerBytes', 'rawBytes', 'firstContentfulPaint', 'welcomeMs', 'firstQuestionMs', 'adoptedMs', 'nextToSecondStepMs'];

function mediansOf(rows, metrics = METRICS) {
  return Object.fromEntries(
    metrics.map((key) => {
      const values = rows.map((row) => row[key]).filter((value) => value !== null && value !== undefined);
      return [key, values.length ? median(values) : null];
    }),
  );
}

async function versionOf(pkg) {
  return JSON.parse(await readFile(join(BENCH_DIR, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

// ---------------------------------------------------------------------------------------

/**
 * The phone profile's loads, PHONE_RUNS of each site in turn, with its table, medians,
 * ratios and targets printed. Resolves to what goes into latest.json under `phone`.
 */
async function runPhoneProfile(browser, plan) {
  const planned = plan.map(({ step, answers }) => `${step.id}: ${answers.map((answer) => answer.id).join(', ')}`).join('; then Next; ');
  console.log(`\nphone profile: ${PHONE.description}; ${PHONE_RUNS} loads each`);
  console.log(`answers, by clicking: ${planned}\n`);
  console.log(phoneLine(PHONE_COLUMNS.map(([title]) => title)));
  const rows = [];
  for (let run = 1; run <= PHONE_RUNS; run += 1) {
    for (const site of SITES) {
      const row = { run, ...(await measurePhoneLoad(browser, site, plan)) };
      rows.push(row);
      console.log(phoneLine(PHONE_COLUMNS.map(([, , cell]) => cell(row))));
      if (row.problems.length) throw new Error(`${site.label}, phone run ${run}:\n  ${row.problems.join('\n  ')}`);
    }
  }

  const medians = {};
  const interactions = {};
  for (const site of SITES) {
    const own = rows.filter((row) => row.site === site.name);
    medians[site.name] = mediansOf(own, PHONE_METRICS);
    const durations = own.flatMap((row) => row.interactionDurationsMs);
    interactions[site.name] = { count: durations.length, p50Ms: percentile(durations, 50), p95Ms: percentile(durations, 95), maxMs: Math.max(...durations) };
  }
  console.log(`\nmedians (answers, p50 and p95: of all the site's interactions over the ${PHONE_RUNS} loads)`);
  for (const site of SITES) {
    const pooled = interactions[site.name];
    const row = { run: '', site: site.name, ...medians[site.name], interactions: pooled.count, interactionP50Ms: pooled.p50Ms, interactionP95Ms: pooled.p95Ms };
    console.log(phoneLine(PHONE_COLUMNS.map(([, , cell]) => cell(row))));
  }
  reportUnthrottledWorkers(rows);

  const [widget, surveyjs] = [medians.widget, medians.surveyjs];
  const ratios = {
    brotliBytes: widget.wireBytes / surveyjs.wireBytes,
    firstContentfulPaint: widget.firstContentfulPaint / surveyjs.firstContentfulPaint,
    welcomeToSurveyJsFirstQuestion: widget.welcomeMs / surveyjs.firstQuestionMs,
    firstQuestionMs: widget.firstQuestionMs / surveyjs.firstQuestionMs,
  };
  console.log('\nratios of the medians, widget / SurveyJS (phone)');
  console.log(`  brotli bytes, whole visit          ${ratios.brotliBytes.toFixed(3)}  (the widget's service worker: ${kb(widget.serviceWorkerBytes)} KB of ${kb(widget.wireBytes)} KB)`);
  console.log(`  first contentful paint             ${ratios.firstContentfulPaint.toFixed(3)}`);
  console.log(`  welcome vs SurveyJS first question ${ratios.welcomeToSurveyJsFirstQuestion.toFixed(3)}`);
  console.log(`  time to first question             ${ratios.firstQuestionMs.toFixed(3)}`);

  const targets = phoneTargets(medians, ratios, interactions);
  console.log('\ntargets (phone)');
  for (const target of targets) console.log(`  ${target.met ? 'met   ' : 'MISSED'}  ${target.name}: ${target.detail}`);

  return {
    runs: PHONE_RUNS,
    profile: { ...PHONE.context, cpuThrottlingRate: PHONE.cpuThrottlingRate, network: PHONE.network },
    answers: plan.map(({ step, answers }) => ({ step: step.id, answers })),
    widget: { files: rows.find((row) => row.site === 'widget').files },
    surveyjs: { files: rows.find((row) => row.site === 'surveyjs').files },
    loads: rows.map(({ files, problems, offOrigin, ...row }) => row),
    medians,
    interactions,
    ratios,
    targets,
  };
}

/** Says so when a load's service worker fetched anything faster than the phone network allows. */
function reportUnthrottledWorkers(rows) {
  for (const row of rows) {
    const unthrottled = row.serviceWorker?.unthrottled ?? [];
    if (unthrottled.length) console.log(`note: run ${row.run}, ${row.site}: the service worker fetched ${unthrottled.join(', ')} without the phone's latency`);
    if (row.workerThrottleErrors.length) console.log(`note: run ${row.run}, ${row.site}: ${row.workerThrottleErrors.join('; ')}`);
  }
}

/** The issue's phone targets, from the medians of one run and the pooled interaction durations. */
function phoneTargets(medians, ratios, interactions) {
  const { widget, surveyjs } = medians;
  const answers = (site) =>
    `p95 ${interactionMs(interactions[site].p95Ms)} ms, p50 ${interactionMs(interactions[site].p50Ms)} ms over ${interactions[site].count} interactions`;
  return [
    {
      name: "widget's welcome visible in at most 0.40 of SurveyJS's time to its first question",
      met: ratios.welcomeToSurveyJsFirstQuestion <= 0.4,
      detail: `${ms(widget.welcomeMs)} ms vs ${ms(surveyjs.firstQuestionMs)} ms, ratio ${ratios.welcomeToSurveyJsFirstQuestion.toFixed(3)} (at most 0.400)`,
    },
    {
      name: "widget's first question visible in at most 0.45 of SurveyJS's",
      met: ratios.firstQuestionMs <= 0.45,
      detail: `${ms(widget.firstQuestionMs)} ms vs ${ms(surveyjs.firstQuestionMs)} ms, ratio ${ratios.firstQuestionMs.toFixed(3)} (at most 0.450)`,
    },
    {
      name: `widget's answer interactions under 50 ms at p95 with ${PHONE.cpuThrottlingRate}x CPU slowdown`,
      met: interactions.widget.p95Ms < 50,
      detail: `${answers('widget')} (SurveyJS: ${answers('surveyjs')})`,
    },
  ];
}

async function main() {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`BENCH_RUNS must be a whole number of at least 1, not ${process.env.BENCH_RUNS}`);
  if (!Number.isInteger(PHONE_RUNS) || PHONE_RUNS < 0) throw new Error(`BENCH_PHONE_RUNS must be a whole number, not ${process.env.BENCH_PHONE_RUNS}`);
  const startedAt = new Date();
  const loadAverageAtStart = loadavg().map((value) => value.toFixed(2)).join(' ');
  await mkdir(RESULTS_DIR, { recursive: true });
  const built = await buildSurvey();
  const plan = answerPlan(JSON.parse(await readFile(QUESTIONNAIRE, 'utf8')));
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
        `Chromium ${browser.version()} headless; load average ${loadAverageAtStart} on ${cpus().length} cores`,
    );

    // Also the warm-up: the first page a new browser loads pays for starting processes.
    await verifyWidget(browser, widget, built.survey);
    await verifySurveyJs(browser, surveyjs, built.survey, built.languages);
    console.log('checked: same first step on both; SurveyJS draws all pages, the condition, the exclusive choices and each language\n');

    console.log(`desktop profile: ${CONTEXT_OPTIONS.viewport.width}x${CONTEXT_OPTIONS.viewport.height}, no throttling, service workers blocked; ${RUNS} loads each\n`);
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

    const loadAverageAfterDesktop = loadavg().map((value) => value.toFixed(2)).join(' ');
    const phone = PHONE_RUNS > 0 ? await runPhoneProfile(browser, plan) : null;

    // Other work on the machine slows both sites' loads alike, but widens the spread.
    const load = loadavg().map((value) => value.toFixed(2)).join(' ');
    const seconds = ((Date.now() - startedAt.getTime()) / 1000).toFixed(0);
    console.log(`\nload average at the start: ${loadAverageAtStart}; after the desktop profile: ${loadAverageAfterDesktop}; at the end: ${load} on ${cpus().length} cores (${seconds} s in all)`);
    const settings = [
      process.env.BENCH_RUNS ? `BENCH_RUNS=${RUNS} ` : '',
      process.env.BENCH_PHONE_RUNS ? `BENCH_PHONE_RUNS=${PHONE_RUNS} ` : '',
      process.env.BENCH_DIST ? `BENCH_DIST=${process.env.BENCH_DIST} ` : '',
    ].join('');
    const results = {
      date: startedAt.toISOString(),
      command: `${settings}node bench/compare.mjs`,
      seconds: Number(seconds),
      dist: relative(ROOT_DIR, DIST_DIR).startsWith('..') ? DIST_DIR : relative(ROOT_DIR, DIST_DIR) || '.',
      runs: RUNS,
      environment: {
        chromium: browser.version(),
        node: process.version,
        playwrightCore: await versionOf('playwright-core'),
        surveyCore,
        surveyJsUi: await versionOf('survey-js-ui'),
        cores: cpus().length,
        loadAverageAtStart,
        loadAverageAfterDesktop,
        loadAverageAtEnd: load,
      },
      widget: { files: rows.find((row) => row.site === 'widget').files },
      surveyjs: { files: rows.find((row) => row.site === 'surveyjs').files, pages: built.pages, questions: built.questions, languages: built.languages, missingTexts: built.missingTexts },
      offOriginNotLoaded: [...new Set(rows.flatMap((row) => row.offOrigin))],
      loads: rows.map(({ files, problems, offOrigin, ...row }) => row),
      medians,
      ratios,
      targets,
      phone,
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
