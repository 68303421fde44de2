// The widget on a clinic's site: the demo clinic page (demo/, deliberately hostile styles)
// embeds it with the snippet (a shadow root) and in an iframe. Both complete an intake
// that agrees with `assess`; neither the page's styles nor the widget's cross over; the
// iframe follows its content's height and trusts only its own frame's messages; and under
// the strict Content-Security-Policy nothing is reported.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { openWidget } from './harness.mjs';
import { assess, completeIntake, expectedResults, fixture, shownResults } from './intake.mjs';

const FRAME = 'iframe[data-backpain-intake-frame]';

/** Opens the demo clinic page and waits until the snippet's widget shows its welcome. */
async function openDemo(widget) {
  await widget.page.goto(new URL('/demo/', widget.server.url).href, { waitUntil: 'load' });
  await widget.page.locator('.bpi-welcome').waitFor();
}

/** Computed styles of the first element matching `selector` (shadow roots pierced). */
function stylesOf(scope, selector, names) {
  return scope.locator(selector).first().evaluate(
    (element, properties) => Object.fromEntries(properties.map((p) => [p, getComputedStyle(element).getPropertyValue(p)])),
    names,
  );
}

/** Resolves once the iframe's height equals its content's, to the pixel. */
function frameFitsContent(page) {
  return page.waitForFunction((selector) => {
    const frame = document.querySelector(selector);
    const html = frame?.contentDocument?.documentElement;
    if (!html || !html.querySelector('.bpi-root')) return false;
    return Math.abs(frame.clientHeight - Math.ceil(html.getBoundingClientRect().height)) <= 1;
  }, FRAME);
}

test('the snippet on the hostile demo page completes an intake, isolated both ways', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  await openDemo(widget);

  const isolated = await page.evaluate(() => {
    const host = document.querySelector('[data-backpain-intake]');
    return Boolean(host.shadowRoot?.querySelector('.bpi-root'));
  });
  assert.equal(isolated, true, 'the widget draws inside the host element\'s shadow root');

  // The page's hostile rules (Comic Sans, uppercase, spaced letters, faded unstyled
  // buttons, widget class names hidden) do not reach the widget...
  const start = await stylesOf(page, '.bpi-welcome [data-action=next]', [
    'opacity', 'font-family', 'text-transform', 'letter-spacing', 'background-color', 'display',
  ]);
  assert.equal(start.opacity, '1');
  assert.doesNotMatch(start['font-family'], /Comic/);
  assert.equal(start['text-transform'], 'none');
  assert.equal(start['letter-spacing'], 'normal');
  assert.equal(start['background-color'], 'rgb(138, 59, 18)', 'the clinic\'s accent colour');
  assert.notEqual(start.display, 'none');

  // ...and the widget's rules do not reach the page's elements that borrow its class names.
  const probe = await stylesOf(page, '#host-probe', ['max-width', '--bpi-accent']);
  assert.deepEqual(probe, { 'max-width': 'none', '--bpi-accent': '' });
  // The page's own red and fade, not the widget's accent button.
  const button = await stylesOf(page, '#host-button', ['background-color', 'opacity']);
  assert.deepEqual(button, { 'background-color': 'rgb(255, 0, 0)', opacity: '0.3' });

  const doc = fixture('clear');
  await completeIntake(page, doc.answers);
  assert.deepEqual(await shownResults(page), expectedResults(assess(doc)));

  // The clinic's booking call to action and phone, from the snippet's attributes.
  const book = page.locator('.bpi-clinic a[data-action=book]');
  assert.equal(await book.getAttribute('href'), 'https://riverside-physio.example/book');
  assert.match(await page.locator('.bpi-clinic').innerText(), /Riverside Physio & Massage/);
  assert.equal(await page.locator('.bpi-clinic a[data-action=call]').getAttribute('href'), 'tel:+442079460000');
  // Its own storage key, so two clinics' widgets on one site never share answers.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('riverside.intake')));
  assert.deepEqual(saved.intake.answers, doc.answers);

  await widget.screenshot('demo-snippet-results');
  widget.assertClean();
});

test('the iframe on the demo page completes an intake and follows its content\'s height', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  await openDemo(widget);
  const frame = page.frameLocator(FRAME);
  await frame.locator('.bpi-welcome').waitFor();
  // The iframe's data-texts reached the widget through the loader's message.
  assert.equal((await frame.locator('.bpi-welcome h2').textContent()).trim(), 'Before your massage at Riverside');
  await frameFitsContent(page);
  const welcomeHeight = await page.locator(FRAME).evaluate((f) => f.clientHeight);

  // A message from anywhere but the frame is ignored: the page posts one to itself, then
  // a marker; when the marker arrives, the fake has been handled (messages keep order).
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        addEventListener('message', (event) => event.data === 'marker' && resolve());
        postMessage({ bpiHeight: 7 }, '*');
        postMessage('marker', '*');
      }),
  );
  assert.equal(await page.locator(FRAME).evaluate((f) => f.clientHeight), welcomeHeight);

  const doc = fixture('caution');
  await completeIntake(frame, doc.answers);
  assert.deepEqual(await shownResults(frame), expectedResults(assess(doc)));
  await frameFitsContent(page);
  const resultsHeight = await page.locator(FRAME).evaluate((f) => f.clientHeight);
  assert.ok(resultsHeight > welcomeHeight + 500, `the frame grew with the results (${welcomeHeight} -> ${resultsHeight} px)`);
  const inner = await frame.locator('html').evaluate((html) => html.scrollHeight - html.clientHeight);
  assert.equal(inner, 0, 'nothing scrolls inside the frame');

  // Back to the last step: the frame shrinks again.
  await frame.locator('.bpi-results [data-action=back]').click();
  await frame.locator('.bpi-step').waitFor();
  await frameFitsContent(page);
  const stepHeight = await page.locator(FRAME).evaluate((f) => f.clientHeight);
  assert.ok(stepHeight < resultsHeight, `the frame shrank (${resultsHeight} -> ${stepHeight} px)`);

  // The iframe's data attributes reached the widget inside it, through the loader's message.
  await frame.locator('.bpi-step [data-action=results]').click();
  await frame.locator('.bpi-results').waitFor();
  assert.equal(await frame.locator('.bpi-clinic a[data-action=call]').getAttribute('href'), 'tel:+442079460000');
  assert.match(await frame.locator('.bpi-clinic').innerText(), /Riverside Physio & Massage/);
  await widget.screenshot('demo-iframe');
  widget.assertClean();
});

test('under the strict Content-Security-Policy no violation is reported', async (t) => {
  const widget = await openWidget(t, { csp: true });
  const { page, context } = widget;
  // Every document (the pages and the iframe) keeps its own list of violations.
  await context.addInitScript(() => {
    window.cspViolations = [];
    addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  const violations = async () => {
    const all = [];
    for (const f of page.frames()) all.push(...((await f.evaluate(() => window.cspViolations).catch(() => [])) ?? []));
    return all;
  };

  const response = await page.goto(widget.server.url, { waitUntil: 'load' });
  assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  await page.locator('.bpi-welcome').waitFor();
  const doc = fixture('caution');
  await completeIntake(page, doc.answers);
  assert.deepEqual(await shownResults(page), expectedResults(assess(doc)));
  // The share panel draws the QR code: SVG, with no inline style.
  await page.locator('[data-action=share]').click();
  await page.locator('[data-share-link]').waitFor();
  assert.deepEqual(await violations(), [], 'the standalone page');

  await openDemo(widget);
  // The iframe shares the standalone page's storage key, so it resumes on the results.
  await page.frameLocator(FRAME).locator('.bpi-results').waitFor();
  await frameFitsContent(page);
  await completeIntake(page, fixture('clear').answers);
  assert.deepEqual(await violations(), [], 'the demo page, its snippet and its iframe');
  widget.assertClean();
});
