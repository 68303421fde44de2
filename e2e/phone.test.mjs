// Results a person on a phone can use (issue 15), on a 390x844 viewport: the summary's
// verdict, best fits (or what to do first) and next step inside the first screen; the
// page at most three screens tall before any section is opened; every section opened by
// keyboard, its state announced and kept across a reload; print still shows everything;
// axe-core clean in light and dark and in every language; and a returning person's
// check-in in three interactions, which moves the chart and the plan.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { adopted, assertAccessible, catalog, openWidget } from './harness.mjs';
import { completeIntake, fixture, openSections } from './intake.mjs';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const EN = catalog('en');

/** The four persons of the issue: clear, caution, medical review and emergency. */
const PERSONS = [
  ['clear', fixture('clear').answers],
  ['caution', fixture('caution').answers],
  ['medical_review', { ...fixture('clear').answers, rf_numbness_one_leg: true }],
  ['emergency', fixture('emergency').answers],
];

/**
 * A fresh browser on a 390x844 phone (`options` for openWidget besides), through the
 * intake to the results of `answers`, every section as it first shows.
 */
async function phoneResults(t, answers, options = {}) {
  const widget = await openWidget(t, { viewport: PHONE, ...options });
  await widget.goto('/');
  await completeIntake(widget.page, answers, { openDetails: false });
  await widget.page.locator('[data-results-summary]').waitFor();
  return widget;
}

/** Where each part of the summary sits, against the window's height. */
async function summaryBoxes(page) {
  return page.evaluate(() => {
    const box = (element) => {
      const { top, bottom } = element.getBoundingClientRect();
      return { top, bottom };
    };
    const summary = document.querySelector('[data-results-summary]');
    const picks = [...summary.querySelectorAll('[data-pick]')];
    const withheld = summary.querySelector('.bpi-withheld');
    return {
      height: window.innerHeight,
      page: document.documentElement.scrollHeight,
      verdict: box(summary.querySelector('.bpi-verdict')),
      picks: picks.length > 0 ? picks.map(box) : [box(withheld)],
      primary: box(document.querySelector('[data-primary-action]')),
      sections: [...document.querySelectorAll('[data-section] [aria-expanded]')].map((b) => b.getAttribute('aria-expanded')),
    };
  });
}

function assertOnFirstScreen(box, height, what) {
  assert.ok(box.top >= 0 && box.bottom <= height, `${what} is at ${box.top}..${box.bottom}, outside 0..${height}`);
}

for (const [name, answers] of PERSONS) {
  test(`on a phone, the ${name} person's verdict, picks and next step fit the first screen`, async (t) => {
    const widget = await phoneResults(t, answers);
    const { page } = widget;
    assert.equal(await page.locator('.bpi-results').getAttribute('data-triage'), name);
    const boxes = await summaryBoxes(page);
    assertOnFirstScreen(boxes.verdict, boxes.height, 'the verdict');
    boxes.picks.forEach((box, i) => assertOnFirstScreen(box, boxes.height, `best fit ${i + 1} (or the withheld note)`));
    assertOnFirstScreen(boxes.primary, boxes.height, 'the next step');
    assert.ok(boxes.page <= 3 * PHONE.height, `the page is ${boxes.page} px tall before any section is opened`);
    // Only the safety details start open, and only with something to tell the therapist
    // or the doctor; an emergency's summary carries the whole guidance instead.
    assert.deepEqual(boxes.sections.slice(1), boxes.sections.slice(1).map(() => 'false'));
    assert.equal(boxes.sections[0], ['caution', 'medical_review'].includes(name) ? 'true' : 'false');
    if (name === 'emergency') {
      const summary = page.locator('[data-results-summary]');
      assert.equal(await summary.locator('p').nth(1).innerText(), EN['triage.emergency.body']);
    }
    await widget.screenshot(`phone-results-${name}-390`);
    await page.setViewportSize(DESKTOP);
    await widget.screenshot(`phone-results-${name}-1280`);
    widget.assertClean();
  });
}

test('every section opens and closes by keyboard, says so, and stays open after a reload', async (t) => {
  const widget = await phoneResults(t, fixture('clear').answers);
  const { page } = widget;
  const names = await page.locator('[data-section]').evaluateAll((nodes) => nodes.map((n) => n.dataset.section));
  assert.deepEqual(names, ['safety', 'outlook', 'techniques', 'comparison', 'plan', 'self_care', 'progress', 'answers', 'share']);
  for (const section of names) {
    const toggle = page.locator(`[data-section=${section}] h3 > button`);
    const body = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', section);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-section=${section}] [aria-expanded=true]`).waitFor();
    assert.ok(await body.isVisible(), `${section} shows its body`);
    assert.equal(await page.evaluate(() => document.activeElement.id), `bpi-sec-${section}`, 'the focus stays on the toggle');
    await page.keyboard.press('Space');
    await page.locator(`[data-section=${section}] [aria-expanded=false]`).waitFor();
    assert.ok(await body.isHidden(), `${section} hides its body again`);
  }
  // Opened sections are kept across a reload, in their own versioned key.
  await page.locator('[data-section=plan] h3 > button').click();
  await page.locator('[data-section=outlook] h3 > button').click();
  await page.locator('[data-section=outlook] [aria-expanded=true]').waitFor();
  // Every section was opened and closed above, so each is a choice now.
  assert.equal(
    await page.evaluate(() => localStorage.getItem('backpain-intake.v1.open')),
    '1:-safety,+outlook,-techniques,-comparison,+plan,-self_care,-progress,-answers,-share',
  );
  await page.reload();
  await adopted(page);
  await page.locator('[data-welcome-back]').waitFor();
  for (const section of ['plan', 'outlook']) {
    assert.equal(await page.locator(`[data-section=${section}] h3 > button`).getAttribute('aria-expanded'), 'true');
  }
  widget.assertClean();
});

test('the next step is the share button: one tap makes the link and shows it', async (t) => {
  const widget = await phoneResults(t, fixture('clear').answers);
  const { page } = widget;
  const share = page.locator('[data-action=share]');
  assert.equal(await share.count(), 1, 'one share hook on the page');
  assert.equal(await share.getAttribute('data-primary-action'), 'share');
  await share.click();
  const link = page.locator('[data-share-link]');
  await link.waitFor();
  assert.match(await link.inputValue(), /#r=[A-Za-z0-9_-]+$/);
  assert.equal(await page.locator('[data-section=share] h3 > button').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bpi-share-link', 'the focus moves to the link');
  widget.assertClean();
});

test('print shows every section, open or not', async (t) => {
  const widget = await phoneResults(t, fixture('caution').answers);
  const { page } = widget;
  assert.ok(await page.locator('.bpi-outlook').isHidden(), 'on screen the outlook waits in its section');
  await page.emulateMedia({ media: 'print' });
  for (const panel of ['.bpi-triage', '.bpi-outlook', '.bpi-ranking', '.bpi-plan', '.bpi-summary']) {
    assert.ok(await page.locator(panel).first().isVisible(), `${panel} is printed`);
  }
  assert.ok(await page.locator('[data-results-summary]').isHidden(), 'paper has the panels, not the phone summary');
  widget.assertClean();
});

// In light and dark, and in each language: the summary, every section open, and the
// welcome back with its check-in.
for (const [scheme, locale] of [['light', 'en-GB'], ['dark', 'en-GB'], ['dark', 'es-ES'], ['light', 'fr-FR']]) {
  test(`axe-core finds nothing on the phone's results (${scheme}, ${locale})`, async (t) => {
    const widget = await phoneResults(t, fixture('caution').answers, { locale });
    const { page } = widget;
    await page.emulateMedia({ colorScheme: scheme });
    await page.locator(`.bpi-app[lang="${locale.slice(0, 2)}"]`).waitFor();
    await assertAccessible(page, `the summary (${scheme}, ${locale})`);
    await openSections(page);
    await assertAccessible(page, `every section open (${scheme}, ${locale})`);
    await page.reload();
    await adopted(page);
    await page.locator('[data-welcome-back]').waitFor();
    await assertAccessible(page, `the welcome back (${scheme}, ${locale})`);
    widget.assertClean();
  });
}

test('a returning person checks in from the welcome back in three interactions', async (t) => {
  const widget = await phoneResults(t, fixture('clear').answers);
  const { page } = widget;
  const howOften = page.locator('[data-results-summary] .bpi-plan-booking dd').first();
  const before = await howOften.innerText();
  await page.reload();
  await adopted(page);
  const back = page.locator('[data-welcome-back]');
  await back.waitFor();
  assert.ok(await back.isVisible());
  const box = await back.boundingBox();
  assert.ok(box.y >= 0 && box.y < PHONE.height, 'the welcome back is on the first screen');
  assert.equal(await page.locator('.bpi-pain-chart').count(), 0, 'no chart yet: only the intake to draw');
  // Three interactions: pain now, worst this week, save.
  await back.locator('label[for="pain_now-1"]').click();
  await back.locator('label[for="pain_worst_week-2"]').click();
  await back.locator('[data-action=quick-checkin]').click();
  await back.locator('[data-notice=checkin-saved]').waitFor();
  // The plan moved (pain down by 3 points from the intake's 4) and the chart appeared.
  const after = await howOften.innerText();
  assert.notEqual(after, before);
  assert.equal(after, EN['frequency.as_needed_or_monthly']);
  assert.ok(await back.locator('.bpi-pain-chart').isVisible());
  assert.equal(await page.locator('[data-section=progress] [data-remove-checkin]').count(), 1, 'one check-in kept');
  // Sharing the update opens the share section, and the link carries the check-in.
  await back.getByRole('button', { name: EN['ui.back.share'] }).click();
  await page.locator('[data-section=share] [aria-expanded=true]').waitFor();
  await page.locator('[data-action=share]').click();
  await page.locator('[data-share-link]').waitFor();
  assert.ok(await page.locator('[data-share-checkins]').isChecked(), 'the update includes the check-ins');
  await widget.screenshot('phone-welcome-back-390');
  widget.assertClean();
});
