// Accessibility (WCAG 2.2 AA): axe-core on every screen, in light and dark, in all seven
// languages, standalone and embedded; the whole intake by keyboard alone with
// focus always visible and moved to each new step's heading; announced, linked validation
// errors; each choice named by its own option text; reduced motion; reflow at 320 CSS px
// (200 % zoom of a 640 px window) and touch targets of at least 24 px, in each language.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { assertAccessible, catalog, openWidget } from './harness.mjs';
import { checkEveryScreen, completeIntake, currentStep, fixture, walkSteps } from './intake.mjs';

const ENGLISH = catalog('en');

/**
 * Waits until the widget speaks the language the browser asks for (`locale`): another
 * language's catalog is fetched first, and the check must not start on English.
 */
async function waitForLanguage(page, locale) {
  await page.locator(`.bpi-app[lang|="${locale.slice(0, 2)}"]`).waitFor({ timeout: 10_000 });
}

// Every screen in both colour schemes, and in the other languages too: their texts are
// longer (or, in Chinese, shorter) and their own, and Arabic reads right to left, so
// contrast, names and structure are checked in each. (e2e/rtl.test.mjs checks Arabic and
// Chinese in the snippet's shadow root and in the iframe as well.)
const AXE_RUNS = [
  ['caution', 'light', 'en-GB'],
  ['emergency', 'dark', 'en-GB'],
  ['caution', 'dark', 'fr-FR'],
  ['emergency', 'light', 'es-ES'],
  ['caution', 'light', 'ar'],
  ['emergency', 'dark', 'ar'],
  ['caution', 'light', 'zh-CN'],
  ['emergency', 'dark', 'zh-CN'],
  ['caution', 'light', 'de-DE'],
  ['emergency', 'light', 'pt-BR'],
];
for (const [name, colorScheme, locale] of AXE_RUNS) {
  test(`axe-core finds nothing on any screen (${name}, ${colorScheme}, ${locale})`, async (t) => {
    const widget = await openWidget(t, { locale });
    await widget.page.emulateMedia({ colorScheme });
    await widget.goto('/');
    await waitForLanguage(widget.page, locale);
    await checkEveryScreen(widget.page, fixture(name).answers, `${name}, ${colorScheme}, ${locale}`);

    // The results' extra states: the share panel, a check-in error, the clear question.
    await widget.page.locator('[data-action=share]').click();
    await widget.page.locator('[data-share-link]').waitFor();
    await assertAccessible(widget.page, `${name}: share panel`);
    const background = await widget.page.locator('.bpi-root').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(background, colorScheme === 'dark' ? 'rgb(21, 25, 28)' : 'rgb(255, 255, 255)', 'the colour scheme is followed');
    widget.assertClean();
  });
}

test('axe-core finds nothing in the embedded widgets of the demo page', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  await page.goto(new URL('/demo/', widget.server.url).href, { waitUntil: 'load' });
  await page.locator('.bpi-welcome').waitFor();
  const frame = page.frame({ url: /embed\.html/ });
  await frame.locator('.bpi-welcome').waitFor();
  // The snippet's widget is in a shadow root: axe checks inside it from the page. The
  // clinic's own hostile text (magenta on pale yellow, faded buttons) is not ours to fix.
  await completeIntake(page, fixture('clear').answers);
  await assertAccessible(page, 'the snippet\'s results on the demo page', 'div[data-backpain-intake]');
  await completeIntake(frame, fixture('caution').answers);
  await assertAccessible(frame, 'the iframe\'s results');
  widget.assertClean();
});

test('a validation error is announced and linked to its field', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  await widget.goto('/');
  await page.locator('.bpi-welcome [data-action=next]').click();
  await page.locator('.bpi-step [data-action=next]').click();
  const summary = page.locator('.bpi-error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert', 'announced at once');
  const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length > 0, 'the summary lists the missing answers');
  for (const href of links) {
    const field = page.locator(href);
    assert.equal(await field.count(), 1, `${href} names a field on the step`);
  }
  // The first link moves focus to its question's first input.
  await summary.locator('a').first().click();
  const focused = await page.evaluate(() => document.activeElement.closest('[id^="bpi-q-"]')?.id);
  assert.equal(`#${focused}`, links[0]);
  // An invalid number says so, and points at its message.
  const age = page.locator('[data-question=age] input');
  await age.fill('7');
  await age.blur();
  await page.locator('[data-question=age] input[aria-invalid=true]').waitFor();
  const describedBy = await age.getAttribute('aria-describedby');
  const messages = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent ?? ''), describedBy);
  assert.ok(messages.some((m) => /16/.test(m)), `the message gives the range: ${messages}`);
  await assertAccessible(page, 'a step with errors');
  widget.assertClean();
});

test('every choice is named by its own option text', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  await widget.goto('/');
  await page.locator('.bpi-welcome [data-action=next]').click();
  const answers = fixture('caution').answers;
  let checked = 0;
  const checkNames = async () => {
    const names = await page.locator('.bpi-step input[type=radio], .bpi-step input[type=checkbox]').evaluateAll((inputs) =>
      inputs.map((input) => ({
        question: input.closest('[data-question]').dataset.question,
        value: input.value,
        none: input.hasAttribute('data-none'),
        labels: input.labels.length,
        name: input.getAttribute('aria-label') ?? input.labels[0]?.textContent.trim(),
        labelledBy: input.getAttribute('aria-labelledby'),
      })),
    );
    for (const choice of names) {
      assert.equal(choice.labels, 1, `${choice.question}=${choice.value} has one label`);
      assert.equal(choice.labelledBy, null, `${choice.question}=${choice.value} is not named by its question`);
      const own = ENGLISH[`q.${choice.question}.opt.${choice.value}`];
      if (!choice.none && own !== undefined) assert.equal(choice.name, own, `${choice.question}=${choice.value}`);
      assert.ok(choice.name && choice.name.length > 0, `${choice.question}=${choice.value} has a name`);
      checked += 1;
    }
  };
  await walkSteps(page, answers, { afterAnswer: checkNames, toResults: false });
  assert.ok(checked > 50, `checked ${checked} choices`);
  widget.assertClean();
});

/**
 * Completes the intake with the keyboard alone: Tab moves on, Space ticks, the arrow keys
 * choose within a radio group, digits fill a number, Enter presses a button. At every
 * stop the focused element must show a focus indicator.
 */
async function completeByKeyboard(page, answers) {
  const unseen = [];
  let steps = 0;
  for (let presses = 0; presses < 600; presses += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const element = document.activeElement;
      const style = getComputedStyle(element);
      return {
        tag: element.tagName.toLowerCase(),
        type: element.getAttribute('type'),
        value: element.value,
        checked: element.checked,
        none: element.hasAttribute('data-none'),
        action: element.dataset.action ?? null,
        question: element.closest('[data-question]')?.dataset.question ?? null,
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        text: element.textContent.trim().slice(0, 40),
      };
    });
    if (!focus.visible) unseen.push(`${focus.tag}[${focus.type ?? focus.action ?? ''}] ${focus.text}`);
    const answer = focus.question === null ? undefined : answers[focus.question];
    if (focus.type === 'radio' && answer !== undefined) {
      // Arrow keys move the choice within the group until it is the answer.
      for (let i = 0; i < 12; i += 1) {
        const value = await page.evaluate(() => document.activeElement.value);
        if (value === String(answer)) break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Space');
    } else if (focus.type === 'checkbox' && Array.isArray(answer)) {
      const wanted = focus.none ? answer.length === 0 : answer.includes(focus.value);
      if (wanted !== focus.checked) await page.keyboard.press('Space');
    } else if (focus.type === 'number' && answer !== undefined && focus.value !== String(answer)) {
      await page.keyboard.type(String(answer));
    } else if (focus.action === 'next' || focus.action === 'results') {
      const before = await currentStep(page);
      await page.keyboard.press('Enter');
      if (focus.action === 'results') {
        await page.locator('.bpi-results[data-triage]').waitFor();
        return { steps, unseen };
      }
      await page.locator(before === null ? '.bpi-step' : `.bpi-step:not([data-step="${before}"])`).waitFor();
      steps += 1;
      // Focus lands on the new step's heading, so the next Tab starts at its top.
      const heading = await page.evaluate(() => ({
        tag: document.activeElement.tagName.toLowerCase(),
        focusHeading: document.activeElement.hasAttribute('data-focus-heading'),
      }));
      assert.deepEqual(heading, { tag: 'h2', focusHeading: true }, `focus after Next on step ${steps}`);
    }
  }
  throw new Error('the keyboard never reached the results');
}

test('the whole intake can be done with the keyboard alone, focus always visible', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  await widget.goto('/');
  const doc = fixture('caution');
  const { steps, unseen } = await completeByKeyboard(page, doc.answers);
  assert.equal(steps, 6, 'from the welcome through the six question steps');
  assert.deepEqual(unseen, [], 'every focused element shows a focus outline');
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('backpain-intake.v1')));
  assert.deepEqual(saved.intake.answers, doc.answers, 'the keyboard gave exactly the answers');
  widget.assertClean();
});

// The widget has no transition or animation at all (styles/widget.css), so reduced
// motion has nothing to turn off: this holds it so.
test('with reduced motion asked for, nothing moves', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await widget.goto('/');
  await completeIntake(page, fixture('clear').answers);
  const moving = await page.locator('#backpain-intake .bpi-root').first().evaluate((root) =>
    [root, ...root.querySelectorAll('*')]
      .map((e) => [e, getComputedStyle(e)])
      .filter(([, s]) => parseFloat(s.transitionDuration) > 0.01 || (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.01))
      .map(([e]) => e.className || e.tagName),
  );
  assert.deepEqual(moving, []);
  widget.assertClean();
});

// In each language: French, Spanish, German and Portuguese words are longer and must wrap
// as well, Chinese breaks between characters, and Arabic lays out right to left.
for (const locale of ['en-GB', 'es-ES', 'fr-FR', 'de-DE', 'pt-BR', 'ar', 'zh-CN']) {
  test(`at 320 CSS px nothing scrolls sideways and every target is at least 24 px (${locale})`, async (t) => {
    const widget = await openWidget(t, { viewport: { width: 320, height: 640 }, locale });
    const { page } = widget;
    await widget.goto('/');
    await waitForLanguage(page, locale);
    const answers = fixture('caution').answers;
    const problems = [];
    const check = async (where) => {
      const found = await page.evaluate(() => {
        const html = document.documentElement;
        const out = [];
        if (html.scrollWidth > html.clientWidth) out.push(`the page is ${html.scrollWidth} px wide`);
        const targets = document.querySelectorAll('.bpi-root :is(button, input:not([type=hidden]), select, summary, a.bpi-button)');
        for (const target of targets) {
          const box = target.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          if (box.width < 24 || box.height < 24) {
            out.push(`${target.tagName.toLowerCase()} ${target.dataset.action ?? target.value ?? ''} is ${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
          }
        }
        return out;
      });
      problems.push(...found.map((p) => `${where}: ${p}`));
    };
    await check('welcome');
    await page.locator('.bpi-welcome [data-action=next]').click();
    await walkSteps(page, answers, { afterAnswer: check });
    await check('results');
    await widget.screenshot(`narrow-results-${locale}`);
    assert.deepEqual(problems, []);
    widget.assertClean();
  });
}
