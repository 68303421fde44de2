// The first screen before the wasm (issue 16): the welcome and the first step are in the
// page (src/view/prerender.rs, drawn by web/boot.js), so a person can start and answer
// while the wasm is still on its way. Each test holds the wasm's request back, acts on the
// prerendered screen, then lets the wasm through and checks that the live widget took
// over the same screen with what the person did: answers kept and saved, focus kept, no
// layout shift.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { ARTIFACTS_DIR, adopted, assertAccessible, catalog, openWidget } from './harness.mjs';

/**
 * Holds every request for the widget's wasm until the returned function is called, and
 * records the page's layout shifts (window.__shifts, with whether each came right after
 * the person's input) from the page's very start.
 */
async function holdWasm(widget) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await widget.context.route(/backpain-intake-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.fallback();
  });
  await widget.context.addInitScript(() => {
    window.__shifts = [];
    const box = (rect) => rect && [rect.top, rect.bottom].map(Math.round);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const boxes = entry.sources.flatMap((source) => [box(source.previousRect), box(source.currentRect)]);
        window.__shifts.push({ value: entry.value, recent: entry.hadRecentInput, boxes });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => release();
}

/** The saved answers under `key`, or null. */
function saved(page, key = 'backpain-intake.v1') {
  return page.evaluate((k) => {
    const text = localStorage.getItem(k);
    return text && JSON.parse(text).intake.answers;
  }, key);
}

/** The id of the focused element (inside the widget's shadow root where there is one). */
function focusedId(page) {
  return page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.id || element?.dataset?.action || null;
  });
}

/**
 * How many pixels differ between two PNG pictures of the same size, counted in `page`
 * (borders drawn a sub-pixel apart differ in a few dozen).
 */
function pixelsDiffering(page, first, second) {
  return page.evaluate(async (pictures) => {
    const pixels = async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height).data;
    };
    const [a, b] = await Promise.all(pictures.map(pixels));
    let differing = a.length === b.length ? 0 : Infinity;
    for (let i = 0; i < a.length; i += 4) {
      if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) differing += 1;
    }
    return differing;
  }, [first.toString('base64'), second.toString('base64')]);
}

/** Where key parts of the screen are, to compare before and after the widget takes over. */
function layout(page) {
  return page.locator('.bpi-step:visible').evaluate((step) =>
    ['[data-focus-heading]', '#bpi-in-age', '[data-question=pregnancy]', '[data-action=next]'].map((selector) => {
      const box = step.querySelector(selector).getBoundingClientRect();
      return [selector, Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)];
    }),
  );
}

test('before the wasm arrives a person starts and answers; the widget then takes over with nothing lost', async (t) => {
  const widget = await openWidget(t, { viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const { page } = widget;
  const release = await holdWasm(widget);
  await page.goto(widget.server.url, { waitUntil: 'domcontentloaded' });

  // The welcome, from the page itself.
  await page.locator('.bpi-welcome [data-action=next]:enabled').waitFor();
  assert.equal(await page.locator('#backpain-intake > [data-prerendered]').count(), 1);
  assert.equal(await page.locator('.bpi-welcome h2').innerText(), 'Is massage right for your back pain?');
  await assertAccessible(page, 'the prerendered welcome');
  const welcomeSeen = await page.screenshot();

  // Start shows the first step, its heading focused; nothing to clear yet.
  await page.locator('.bpi-welcome [data-action=next]').click();
  await page.locator('.bpi-step[data-step=about_you]').waitFor();
  assert.equal(await page.locator('.bpi-welcome:visible').count(), 0);
  assert.equal(await focusedId(page), 'bpi-step-about_you');
  assert.equal(await page.locator('footer [data-action=clear]:visible').count(), 0);
  await assertAccessible(page, 'the prerendered first step');

  // Two answers; Enter in the number field sends nothing anywhere.
  await page.locator('#bpi-in-age').fill('47');
  await page.locator('#bpi-in-age').press('Enter');
  await page.locator('input[name=bpi-pregnancy][value=not_applicable]').check();
  assert.equal(await focusedId(page), 'bpi-pregnancy-not_applicable');
  // "Clear my data" shows at the first answer, as the widget shows it.
  assert.equal(await page.locator('footer [data-action=clear]:visible').count(), 1);
  // What the person sees, before and after: the window, not the whole page (a full-page
  // picture resizes the window for a moment, which scrolls).
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const seen = await page.screenshot({ path: join(ARTIFACTS_DIR, 'prerender-before-390.png') });
  const before = await layout(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const shiftsBefore = await page.evaluate(() => window.__shifts.length);

  // Still the prerendered screen: nothing saved yet, the wasm still held.
  assert.equal(await page.locator('[data-prerendered]').count(), 1);
  assert.equal(await saved(page), null);
  assert.equal(new URL(page.url()).search, '', 'the form was not sent');

  release();
  await adopted(page);

  // The live widget: the same step, the answers shown and saved, the focus where it was.
  await page.locator('.bpi-step[data-step=about_you]').waitFor();
  assert.equal(await page.locator('.bpi-step').count(), 1, 'one step on the page');
  assert.equal(await page.locator('#bpi-in-age').inputValue(), '47');
  assert.equal(await page.locator('input[name=bpi-pregnancy][value=not_applicable]').isChecked(), true);
  assert.deepEqual(await saved(page), { age: 47, pregnancy: 'not_applicable' });
  assert.equal(await focusedId(page), 'bpi-pregnancy-not_applicable');
  assert.deepEqual(await layout(page), before, 'nothing moved');
  assert.equal(await page.evaluate(() => document.documentElement.scrollHeight), height, 'the page is as tall');
  const shown = await page.screenshot({ path: join(ARTIFACTS_DIR, 'prerender-after-390.png') });
  const differing = await pixelsDiffering(page, seen, shown);
  assert.ok(differing < 200, `the window looks the same (no flash): ${differing} of ${390 * 844} pixels differ`);
  const shifts = await page.evaluate(() => window.__shifts);
  assert.deepEqual(shifts.slice(shiftsBefore), [], 'the widget taking over shifted nothing');
  assert.deepEqual(shifts.filter((s) => !s.recent), [], 'CLS 0: no shift but right after the person\'s own taps');

  // Back to the welcome: the widget's own looks as the prerendered one did (the language
  // switcher too, which waited inert, not greyed out).
  await page.locator('.bpi-step [data-action=back]').click();
  await page.locator('.bpi-welcome').waitFor();
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('.bpi-welcome [data-action=next]').evaluate((button) => button.blur());
  const welcomeShown = await page.screenshot();
  const welcomeDiffering = await pixelsDiffering(page, welcomeSeen, welcomeShown);
  assert.ok(welcomeDiffering < 200, `the welcome looks the same: ${welcomeDiffering} pixels differ`);
  await page.locator('.bpi-welcome [data-action=next]').click();

  // And it goes on as the widget: Next moves to the second step.
  await page.locator('.bpi-step [data-action=next]').click();
  await page.locator('.bpi-step[data-step=your_pain]').waitFor();
  widget.assertClean();
});

test('"Next" pressed before the wasm is done once it arrives, as the widget does it', async (t) => {
  const widget = await openWidget(t, { serviceWorkers: 'block' });
  const { page } = widget;
  const release = await holdWasm(widget);
  await page.goto(widget.server.url, { waitUntil: 'domcontentloaded' });
  await page.locator('.bpi-welcome [data-action=next]').click();
  await page.locator('#bpi-in-age').fill('52');
  await page.locator('input[name=bpi-pregnancy][value=not_applicable]').check();
  await page.locator('.bpi-step [data-action=next]').click();
  // Nothing can happen yet: the step stays.
  assert.equal(await page.locator('.bpi-step[data-step=about_you]:visible').count(), 1);

  release();
  await page.locator('.bpi-step[data-step=your_pain]').waitFor();
  await adopted(page);
  assert.equal(await focusedId(page), 'bpi-step-your_pain', 'the new step\'s heading has the focus');
  assert.deepEqual(await saved(page), { age: 52, pregnancy: 'not_applicable' });

  widget.assertClean();
});

test('with a session saved, the first screen waits for the widget, which offers it back', async (t) => {
  // No service worker: it would serve the wasm from its cache, past the hold.
  const widget = await openWidget(t, { serviceWorkers: 'block' });
  const { page } = widget;
  await widget.goto('/');
  await page.locator('.bpi-welcome [data-action=next]').click();
  await page.locator('#bpi-in-age').fill('60');
  await page.locator('input[name=bpi-occupation][value=desk]').check();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('backpain-intake.v1') || 'null')?.intake.answers.occupation === 'desk');

  // Back on a later visit: the prerendered welcome shows, but cannot start afresh over
  // the saved answers...
  const release = await holdWasm(widget);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('.bpi-welcome h2').waitFor();
  await page.locator('#backpain-intake > [data-prerendered]').waitFor();
  assert.equal(await page.locator('.bpi-welcome [data-action=next]').isDisabled(), true);
  // ...until the widget runs, and takes the person back to where they were, saying so.
  release();
  await adopted(page);
  await page.locator('[data-notice=restored]').waitFor();
  assert.equal(await page.locator('#bpi-in-age').inputValue(), '60');
  assert.equal(await page.locator('input[name=bpi-occupation][value=desk]').isChecked(), true);
  assert.deepEqual(await saved(page), { age: 60, occupation: 'desk' });
  widget.assertClean();
});

test('the iframe shows the first screen before the wasm, and a Next the widget refuses says what is missing', async (t) => {
  const widget = await openWidget(t, { serviceWorkers: 'block' });
  const { page } = widget;
  // A clinic's page with the iframe and no texts of its own, on the widget's origin.
  await widget.context.route(`${widget.origin}/clinic.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><title>Clinic</title><script type="module" src="/boot.js"></script>' +
        '<iframe data-backpain-intake-frame title="Back pain massage intake" style="width:100%"></iframe>',
    }),
  );
  const release = await holdWasm(widget);
  await page.goto(`${widget.origin}/clinic.html`, { waitUntil: 'domcontentloaded' });
  const frame = page.frameLocator('iframe[data-backpain-intake-frame]');
  await frame.locator('.bpi-welcome [data-action=next]:enabled').click();
  await frame.locator('#bpi-in-age').fill('33');
  // Next with a required answer missing: remembered, then refused by the widget.
  await frame.locator('.bpi-step [data-action=next]').click();
  assert.equal(await frame.locator('[data-prerendered]').count(), 1, 'still the prerendered screen');
  release();
  await adopted(frame);
  await frame.locator('.bpi-error-summary').waitFor();
  assert.equal(await frame.locator('.bpi-step[data-step=about_you]').count(), 1, 'the step stays');
  assert.equal(await frame.locator('#bpi-in-age').inputValue(), '33');
  const focused = await frame.locator(':focus').evaluate((element) => element.closest('.bpi-error-summary') !== null);
  assert.equal(focused, true, 'the focus is on what is missing');
  widget.assertClean();
});

test('a wasm that cannot load leaves the last-resort screen, never a first screen that cannot go on', async (t) => {
  const widget = await openWidget(t, { serviceWorkers: 'block' });
  const { page } = widget;
  // The snippet's first screen arrives only after the wasm has failed.
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await widget.context.route(/\/prerender\/[a-z]+\.json$/, async (route) => {
    await held;
    await route.fallback();
  });
  await widget.context.route(/backpain-intake-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(new URL('/demo/', widget.server.url).href, { waitUntil: 'domcontentloaded' });
  const host = page.locator('div[data-backpain-intake]');
  await host.locator('[role=alert] [data-action=retry]').waitFor();
  const finished = page.waitForEvent('requestfinished', (request) => request.url().includes('/prerender/'));
  release();
  await finished;
  // A task for the loader to act on what arrived: it must draw nothing.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
  assert.equal(await host.locator('[data-prerendered]').count(), 0);
  assert.equal(await host.locator('[role=alert] [data-action=retry]').isVisible(), true);
  // The refused wasm is this test's doing (and its iframe's); nothing else may fail.
  widget.recorded.failedRequests = widget.recorded.failedRequests.filter((line) => !/_bg\.wasm: HTTP 404/.test(line));
  widget.recorded.consoleErrors = widget.recorded.consoleErrors.filter((line) => !/404|wasm|WebAssembly/i.test(line));
  widget.assertClean();
});

test('the last-resort screen speaks the person\'s language, right to left in Arabic', async (t) => {
  const widget = await openWidget(t, { locale: 'ar', serviceWorkers: 'block' });
  const { page } = widget;
  await widget.context.route(/backpain-intake-[0-9a-f]+_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(new URL('/', widget.server.url).href, { waitUntil: 'domcontentloaded' });
  const box = page.locator('#backpain-intake [role=alert][lang=ar]');
  await box.waitFor();
  const arabic = catalog('ar');
  assert.equal((await box.locator('h2').textContent()).trim(), arabic['page.failed.h2']);
  assert.equal((await box.locator('[data-action=retry]').textContent()).trim(), arabic['page.failed.retry']);
  assert.deepEqual(await box.evaluate((element) => [element.dir, getComputedStyle(element).direction]), ['auto', 'rtl']);
  widget.recorded.failedRequests = widget.recorded.failedRequests.filter((line) => !/_bg\.wasm: HTTP 404/.test(line));
  widget.recorded.consoleErrors = widget.recorded.consoleErrors.filter((line) => !/404|wasm|WebAssembly/i.test(line));
  widget.assertClean();
});

// Spanish, and Arabic, whose first screen reads right to left before the widget runs too.
for (const [locale, lang, dir] of [['es-ES', 'es', 'ltr'], ['ar', 'ar', 'rtl']]) {
  test(`the snippet draws the first screen in its shadow root, in the page's language (${locale})`, async (t) => {
    const widget = await openWidget(t, { locale, serviceWorkers: 'block' });
    const { page } = widget;
    const release = await holdWasm(widget);
    await page.goto(new URL('/demo/', widget.server.url).href, { waitUntil: 'domcontentloaded' });
    const host = page.locator('div[data-backpain-intake]');
    await host.locator('.bpi-welcome [data-action=next]:enabled').waitFor();
    assert.equal(await page.evaluate(() => Boolean(document.querySelector('div[data-backpain-intake]').shadowRoot.querySelector('[data-prerendered]'))), true);
    assert.equal(await host.locator('.bpi-app:visible').getAttribute('lang'), lang);
    assert.equal(await host.locator('.bpi-app:visible').evaluate((app) => getComputedStyle(app).direction), dir, 'in its direction');
    assert.equal(await host.locator('.bpi-welcome h2').innerText(), catalog(lang)['ui.welcome.title']);
    // The clinic's colour is there before the widget is.
    const colour = await host.locator('.bpi-welcome [data-action=next]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(colour, 'rgb(138, 59, 18)');

    await host.locator('.bpi-welcome [data-action=next]').click();
    await host.locator('#bpi-in-age').fill('39');
    const shiftsBefore = await page.evaluate(() => window.__shifts.length);
    const size = () => host.evaluate((element) => Math.round(element.getBoundingClientRect().height));
    const heightBefore = await size();
    release();
    await adopted(page);
    assert.equal(await size(), heightBefore, 'the widget is as tall as its first screen was');
    assert.equal(await host.locator('.bpi-app').getAttribute('lang'), lang);
    assert.equal(await host.locator('.bpi-app').getAttribute('dir'), dir);
    assert.equal(await host.locator('#bpi-in-age').inputValue(), '39');
    assert.deepEqual(await saved(page, 'riverside.intake'), { age: 39 });
    // The clinic's page moves as its iframe grows; nothing in the widget's box did.
    const [top, bottom] = await host.evaluate((element) => {
      const rect = element.getBoundingClientRect();
      return [Math.round(rect.top), Math.round(rect.bottom)];
    });
    const shifts = await page.evaluate(() => window.__shifts);
    const inWidget = shifts.slice(shiftsBefore).filter((s) => s.boxes.some((b) => b && b[0] < bottom && b[1] > top));
    assert.deepEqual(inWidget, [], 'the widget taking over shifted nothing in it');
    widget.assertClean();
  });
}
