// Arabic and Chinese where other form libraries fail: inside the snippet's shadow root and
// in the iframe, every screen checked by axe-core; the widget's root says dir="rtl" in
// Arabic, whatever the clinic's page says, and the layout is mirrored where reading order
// matters (the text, the step list, the buttons, the 0-10 scale, the fit chart, the
// comparison table) and not where it must not be (numbers, phone numbers, the share link,
// the QR code), at a phone's width and a desktop's, with nothing clipped or overlapping.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { catalog, live, openWidget } from './harness.mjs';
import { checkEveryScreen, completeIntake, fixture, openSections, walkSteps } from './intake.mjs';

/**
 * A clinic's page holding the widget twice, the snippet (in its shadow root) and the
 * iframe, both told `lang` by data-lang; the page itself is English and reads in `dir`.
 * Returns the page and the iframe's frame, once both widgets show that language.
 */
async function clinicPage(widget, lang, dir = 'ltr') {
  const { page } = widget;
  await page.route('**/clinic-rtl.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en" dir="${dir}"><head><meta charset="utf-8"><title>Clinic</title>
        <script type="module" src="/boot.js"></script></head><body><main><h1>A clinic</h1>
        <div data-backpain-intake data-lang="${lang}" data-storage-key="rtl-snippet"></div>
        <iframe data-backpain-intake-frame data-src="/embed.html" data-lang="${lang}" title="Back pain massage intake"></iframe>
        </main></body></html>`,
    }),
  );
  await page.goto(new URL('/clinic-rtl.html', widget.server.url).href, { waitUntil: 'load' });
  await live(page, lang);
  let frame = null;
  while (!frame) {
    frame = page.frames().find((f) => f.url().includes('/embed.html'));
    if (!frame) await page.waitForEvent('frameattached');
  }
  await live(frame, lang);
  return { page, frame };
}

/** The writing direction of the widget's root in `scope`: its dir attribute and its computed direction. */
function direction(scope) {
  return scope.locator('.bpi-app').first().evaluate((app) => [app.getAttribute('dir'), getComputedStyle(app).direction]);
}

for (const [lang, dir, fixtureName] of [['ar', 'rtl', 'caution'], ['zh', 'ltr', 'emergency']]) {
  test(`axe-core finds nothing on any screen in the shadow root and the iframe (${lang})`, async (t) => {
    const widget = await openWidget(t);
    const { page, frame } = await clinicPage(widget, lang);
    assert.deepEqual(await direction(page), [dir, dir], 'the snippet reads in its language\'s direction');
    assert.deepEqual(await direction(frame), [dir, dir], 'so does the iframe');
    assert.equal(await page.locator('h1').evaluate((h) => getComputedStyle(h).direction), 'ltr', 'the clinic\'s page is left alone');
    const answers = fixture(fixtureName).answers;
    await checkEveryScreen(page, answers, `${lang}, snippet`, 'div[data-backpain-intake]');
    await checkEveryScreen(frame, answers, `${lang}, iframe`);
    assert.deepEqual(await direction(page), [dir, dir], 'the results keep it');
    widget.assertClean();
  });
}

test('an English widget on a right-to-left page stays left to right, an Arabic one on any page turns', async (t) => {
  const widget = await openWidget(t);
  const { page, frame } = await clinicPage(widget, 'en', 'rtl');
  assert.deepEqual(await direction(page), ['ltr', 'ltr'], 'the page\'s dir="rtl" does not reach into the shadow root');
  assert.deepEqual(await direction(frame), ['ltr', 'ltr']);
  await page.locator('div[data-backpain-intake] select[data-action=lang]').selectOption('ar');
  await live(page, 'ar');
  assert.deepEqual(await direction(page), ['rtl', 'rtl'], 'choosing Arabic turns it');
  widget.assertClean();
});

/**
 * What is wrong with the layout of the widget in `scope`: the page scrolling sideways, an
 * element reaching out of the widget's box (clipped by it or by the window), or two
 * elements that hold text or take input covering each other. The comparison table scrolls
 * inside its own box by design, so its cells are measured against that box.
 */
function layoutProblems(scope) {
  return scope.evaluate(() => {
    const problems = [];
    const html = document.documentElement;
    if (html.scrollWidth > html.clientWidth) problems.push(`the page is ${html.scrollWidth} px wide in ${html.clientWidth}`);
    const app = document.querySelector('.bpi-app');
    // The widget's own box, its padding included: what shows of it on the page.
    const box = app.closest('.bpi-root').getBoundingClientRect();
    // On screen: not in a closed <details>, not hidden, not visually hidden (clipped to a pixel).
    const seen = (e) => {
      const r = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      return e.checkVisibility({ visibilityProperty: true }) && r.width > 1 && r.height > 1 && style.clipPath === 'none' && style.clip === 'auto';
    };
    const name = (e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} "${e.textContent.trim().slice(0, 30)}"`;
    const items = [...app.querySelectorAll('h2, h3, h4, p, li, dt, dd, label, button, select, input, a, th, td, summary, .bpi-scale-point, svg, text')].filter(seen);
    for (const e of items) {
      const r = e.getBoundingClientRect();
      const scroller = e.closest('.bpi-table-wrap, [data-scroll]') ?? e.closest('table')?.parentElement;
      const within = scroller && scroller !== app && e !== scroller ? scroller.getBoundingClientRect() : box;
      if (scroller && scroller !== app && (e.closest('table') || e === scroller)) continue;
      if (r.left < within.left - 1 || r.right > within.right + 1) problems.push(`${name(e)} reaches out of the widget (${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(within.left)}..${Math.round(within.right)})`);
      // (A field scrolls its own text, as the share link's does.)
      if (e.tagName !== 'INPUT' && e.scrollWidth > e.clientWidth + 1 && ['hidden', 'clip'].includes(getComputedStyle(e).overflowX)) problems.push(`${name(e)} is clipped`);
    }
    // Overlaps: between elements of which neither holds the other.
    const leaves = items.filter((e) => !e.closest('table, svg') || e.tagName === 'svg');
    for (let i = 0; i < leaves.length; i += 1) {
      for (let j = i + 1; j < leaves.length; j += 1) {
        const [a, b] = [leaves[i], leaves[j]];
        if (a.contains(b) || b.contains(a)) continue;
        const [ra, rb] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
        const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > 2 && h > 2) problems.push(`${name(a)} and ${name(b)} overlap by ${Math.round(w)}x${Math.round(h)} px`);
      }
    }
    return problems;
  });
}

/** Left edges (CSS px) of what `selector` matches in `scope`, in document order. */
function lefts(scope, selector) {
  return scope.locator(selector).evaluateAll((es) => es.map((e) => Math.round(e.getBoundingClientRect().left)));
}

for (const width of [390, 1280]) {
  test(`the Arabic intake and results are mirrored, nothing clipped or overlapping (${width} px)`, async (t) => {
    const widget = await openWidget(t, { viewport: { width, height: 900 }, locale: 'ar' });
    const { page } = widget;
    const arabic = catalog('ar');
    await widget.goto('/');
    await live(page, 'ar');
    assert.deepEqual(await direction(page), ['rtl', 'rtl']);
    assert.deepEqual(
      await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.querySelector('.bpi-page-header').dir]),
      ['ar', 'rtl', 'rtl'],
      'the standalone page follows, header and all',
    );
    assert.equal((await page.locator('.bpi-page-title').textContent()).trim(), arabic['page.title']);
    // The language switcher sits at the end of the line: on the left.
    const app = await page.locator('.bpi-app').boundingBox();
    const switcher = await page.locator('.bpi-lang label').boundingBox();
    assert.ok(switcher.x - app.x < app.x + app.width - (switcher.x + switcher.width), 'the switcher is on the left');
    assert.deepEqual(await layoutProblems(page), [], 'welcome');
    await widget.screenshot(`rtl-ar-${width}-welcome`);

    await page.locator('.bpi-welcome [data-action=next]').click();
    await page.locator('.bpi-step').waitFor();
    // Text starts on the right: the heading's words end at its right edge.
    const heading = await page.locator('.bpi-step h2').evaluate((h) => {
      const range = document.createRange();
      range.selectNodeContents(h);
      const text = range.getBoundingClientRect();
      const own = h.getBoundingClientRect();
      return [Math.round(own.right - text.right), Math.round(text.left - own.left)];
    });
    assert.ok(heading[0] <= 1 && heading[1] >= 0, `the heading is set from the right: ${heading}`);
    // The steps run from right to left, and Back (the first button) is on the right.
    const steps = await lefts(page, '.bpi-progress-step');
    assert.ok(steps[0] > steps[1], `the first step is right of the second: ${steps}`);
    assert.equal(await page.locator('.bpi-progress-meter').evaluate((m) => getComputedStyle(m).direction), 'rtl', 'the bar fills from the right');
    const nav = await lefts(page, '.bpi-step .bpi-nav button');
    assert.ok(nav[0] > nav[1], `Back is right of Next: ${nav}`);
    assert.deepEqual(await layoutProblems(page), [], 'the first step');
    await widget.screenshot(`rtl-ar-${width}-step`);

    // On to the 0-10 scale: 0 on the right, then 1 to its left; the numbers read as numbers.
    const answers = fixture('caution').answers;
    await walkSteps(page, answers, {
      beforeAnswer: async () => {
        if ((await page.locator('[data-question=pain_now]').count()) === 0) return;
        const points = await lefts(page, '[data-question=pain_now] .bpi-scale-point');
        assert.equal(points.length, 11);
        assert.ok(points[0] > points[1] && points[1] > points[2], `the scale runs from the right: ${points}`);
        const labels = await page.locator('[data-question=pain_now] .bpi-scale-point label').allTextContents();
        assert.deepEqual(labels.map((l) => l.trim()), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
        assert.deepEqual(await layoutProblems(page), [], 'the pain step');
        await widget.screenshot(`rtl-ar-${width}-scale`);
      },
      afterAnswer: async () => assert.deepEqual(await layoutProblems(page), [], 'a step, answered'),
    });
    await openSections(page);
    assert.deepEqual(await direction(page), ['rtl', 'rtl']);
    assert.equal((await page.locator('.bpi-triage h2, .bpi-triage h3').first().textContent()).trim(), arabic['triage.caution.title']);

    // The fit chart is mirrored as a whole, its labels turned back: each bar grows from
    // the right, its technique's name to the right of it, and the words still read.
    const chart = page.locator('.bpi-fit-chart svg');
    if (await chart.isVisible()) {
      assert.equal(await chart.evaluate((svg) => getComputedStyle(svg).transform), 'matrix(-1, 0, 0, 1, 0, 0)');
      const bars = await chart.locator('g').first().evaluate((g) => {
        const [name, bar, fit] = [...g.children].map((e) => e.getBoundingClientRect());
        return { name: [name.left, name.right], bar: [bar.left, bar.right], fit: [fit.left, fit.right] };
      });
      assert.ok(bars.name[0] >= bars.bar[1] - 1, `the name is right of its bar: ${JSON.stringify(bars)}`);
      assert.ok(bars.fit[1] <= bars.bar[0] + 1, `the fit is left of its bar: ${JSON.stringify(bars)}`);
      const turned = await chart.locator('text').first().evaluate((text) => new DOMMatrix(getComputedStyle(text).transform).a);
      assert.equal(turned, -1, 'each label is turned back, so it reads as written');
    } else {
      assert.ok(width < 500, 'only a narrow screen leaves the chart out');
    }
    // A check-in draws the pain line: time runs from right to left, the intake on the right.
    const form = page.locator('.bpi-checkin-form');
    await form.locator('input[type=date]').fill('2026-11-05');
    const numbers = form.locator('input[type=number]');
    for (let i = 0; i < (await numbers.count()); i += 1) await numbers.nth(i).fill('3');
    await form.locator('button[type=submit]').click();
    const line = page.locator('.bpi-pain-chart svg');
    await line.waitFor();
    assert.equal(await line.evaluate((svg) => getComputedStyle(svg).transform), 'matrix(-1, 0, 0, 1, 0, 0)');
    const points = await lefts(page, '.bpi-pain-chart circle');
    assert.ok(points.length === 2 && points[0] > points[1], `the intake is right of the check-in: ${points}`);
    // Its date reads as Arabic writes it: the day on the right, the year on the left.
    const date = await line.evaluate((svg) => {
      const label = [...svg.querySelectorAll('text')].find((text) => text.textContent.includes('2026'));
      const node = label.firstChild;
      const at = (part) => {
        const range = document.createRange();
        range.setStart(node, node.textContent.indexOf(part));
        range.setEnd(node, node.textContent.indexOf(part) + part.length);
        const rect = range.getBoundingClientRect();
        return Math.round(rect.left + rect.width / 2);
      };
      return { text: node.textContent, day: at('5'), year: at('2026') };
    });
    assert.equal(date.text, `5 ${arabic['date.month.11']} 2026`);
    assert.ok(date.day > date.year, `the day is right of the year: ${JSON.stringify(date)}`);
    // The comparison table: the technique names first, on the right.
    const columns = await lefts(page, '.bpi-table thead th');
    assert.ok(columns.length > 1 && columns[0] > columns[1], `the table runs from the right: ${columns}`);
    assert.deepEqual(await layoutProblems(page), [], 'the results, every section open');
    await widget.screenshot(`rtl-ar-${width}-results`);

    // The share link and its QR code are not turned around: a link reads left to right.
    await page.locator('[data-action=share]').click();
    const link = page.locator('[data-share-link]');
    await link.waitFor();
    assert.equal(await link.evaluate((input) => getComputedStyle(input).direction), 'ltr', 'the link reads left to right');
    const qr = page.locator('.bpi-share svg');
    if ((await qr.count()) > 0) assert.equal(await qr.first().evaluate((svg) => getComputedStyle(svg).transform), 'none', 'the QR code is as drawn');
    assert.deepEqual(await layoutProblems(page), [], 'the share panel');
    widget.assertClean();
  });
}

test('Chinese breaks its lines with nothing clipped or overlapping, in the device\'s own font (390 px)', async (t) => {
  const widget = await openWidget(t, { viewport: { width: 390, height: 900 }, locale: 'zh-CN' });
  const { page } = widget;
  await widget.goto('/');
  await live(page, 'zh');
  assert.deepEqual(await layoutProblems(page), [], 'welcome');
  await page.locator('.bpi-welcome [data-action=next]').click();
  await walkSteps(page, fixture('caution').answers, {
    afterAnswer: async (step) => assert.deepEqual(await layoutProblems(page), [], `step ${step}`),
  });
  await openSections(page);
  assert.deepEqual(await layoutProblems(page), [], 'the results, every section open');
  await widget.screenshot('zh-390-results');
  // No font is fetched: the device's own covers Chinese (and Arabic).
  assert.deepEqual(widget.recorded.requests.filter((url) => /\.(woff2?|ttf|otf)(\?|$)/.test(url)), []);
  assert.equal(await page.evaluate(() => document.fonts.size), 0, 'no web font is declared');
  widget.assertClean();
});

test('numbers and phone numbers keep their order in Arabic text', async (t) => {
  const widget = await openWidget(t, { locale: 'ar' });
  const { page } = widget;
  await page.route('**/clinic-phone.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
        <script type="module" src="/boot.js"></script></head><body><main>
        <div data-backpain-intake data-lang="ar" data-storage-key="rtl-phone" data-clinic-name="Riverside Physio"
             data-phone="+44 20 7946 0000" data-emergency-number="999" data-booking-url="https://riverside.example/book"></div>
        </main></body></html>`,
    }),
  );
  await page.goto(new URL('/clinic-phone.html', widget.server.url).href, { waitUntil: 'load' });
  await live(page, 'ar');
  await completeIntake(page, fixture('caution').answers);
  // The phone number is isolated from the Arabic around it: its parts stay in their order
  // on screen, left to right, as a number is dialled.
  const call = page.locator('a[href^="tel:"]').first();
  await call.waitFor();
  const parts = await call.evaluate((a) => {
    const text = a.textContent;
    const node = [...a.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.includes('7946')) ?? a.firstChild;
    const at = (part) => {
      const range = document.createRange();
      const start = node.textContent.indexOf(part);
      range.setStart(node, start);
      range.setEnd(node, start + part.length);
      return range.getBoundingClientRect().left;
    };
    return { text, lefts: ['+44', '20', '7946', '0000'].map(at) };
  });
  assert.ok(parts.text.includes('+44 20 7946 0000'), parts.text);
  assert.deepEqual([...parts.lefts].sort((a, b) => a - b), parts.lefts, `the parts stay in order: ${JSON.stringify(parts)}`);
  widget.assertClean();
});
