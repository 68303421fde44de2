// Three people complete the intake in Chromium through the DOM hooks; what the page shows
// must equal what the native `assess` command prints for the same answers. Plus: a reload
// mid-way resumes, "clear my data" wipes, and each answer re-renders quickly.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { adopted, openWidget } from './harness.mjs';
import { answerStep, assess, completeIntake, currentStep, expectedResults, fixture, shownResults } from './intake.mjs';

const STORAGE_KEY = 'backpain-intake.v1';

for (const name of ['clear', 'caution', 'emergency']) {
  test(`the ${name} person completes the intake and sees what assess computes`, async (t) => {
    const widget = await openWidget(t);
    await widget.goto('/');
    const doc = fixture(name);
    await completeIntake(widget.page, doc.answers);

    const shown = await shownResults(widget.page);
    assert.deepEqual(shown, expectedResults(assess(doc)));
    assert.equal(shown.triage, name, 'the fixture is named after its triage');
    assert.equal(shown.techniques.length, 8);
    const path = await widget.screenshot(`results-${name}`);
    console.log(`screenshot: ${path}`);

    // The saved answers are exactly the fixture's.
    const saved = await widget.page.evaluate((key) => JSON.parse(localStorage.getItem(key)), STORAGE_KEY);
    assert.deepEqual(saved.intake.answers, doc.answers);
    widget.assertClean();
  });
}

test('the emergency guidance appears as soon as an emergency sign is ticked', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  const { answers } = fixture('clear');
  await widget.page.locator('.bpi-welcome [data-action=next]').click();
  while ((await currentStep(widget.page)) !== 'safety_check') {
    const step = await currentStep(widget.page);
    await answerStep(widget.page, answers);
    await widget.page.locator('.bpi-step [data-action=next]').click();
    await widget.page.locator(`.bpi-step:not([data-step="${step}"])`).waitFor();
  }
  assert.equal(await widget.page.locator('[data-notice=emergency]').count(), 0);
  await widget.page.locator('[data-question=rf_bladder] input[value=true]').check();
  const panel = widget.page.locator('[data-notice=emergency]');
  await panel.waitFor();
  assert.equal(await panel.getAttribute('role'), 'alert');
  assert.match(await panel.innerText(), /emergency/i);
  widget.assertClean();
});

test('a reload mid-way resumes on the same step with the answers kept', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  const { answers } = fixture('caution');
  await widget.page.locator('.bpi-welcome [data-action=next]').click();
  await answerStep(widget.page, answers);
  await widget.page.locator('.bpi-step [data-action=next]').click();
  await widget.page.locator('.bpi-step[data-step=your_pain]').waitFor();
  await answerStep(widget.page, answers);

  await widget.page.reload();
  await adopted(widget.page);
  await widget.page.locator('.bpi-step[data-step=your_pain]').waitFor();
  await widget.page.locator('[data-notice=restored]').waitFor();
  const question = widget.page.locator('[data-question=duration] input[value=over_12_weeks]');
  assert.equal(await question.isChecked(), true, 'answers on the current step survive the reload');
  await widget.page.locator('.bpi-progress [data-goto=about_you]').click();
  assert.equal(await widget.page.locator('[data-question=age] input').inputValue(), String(answers.age));
  widget.assertClean();
});

test('clear my data asks, then wipes the answers from the device', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  await completeIntake(widget.page, fixture('clear').answers);
  assert.notEqual(await widget.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null);

  await widget.page.locator('footer [data-action=clear]').click();
  await widget.page.locator('[data-action=clear-confirm]').click();
  await widget.page.locator('[data-notice=cleared]').waitFor();
  await widget.page.locator('.bpi-welcome').waitFor();
  assert.equal(await widget.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY), null);
  await widget.page.reload();
  await adopted(widget.page);
  await widget.page.locator('.bpi-welcome').waitFor();
  assert.equal(await widget.page.locator('[data-notice=restored]').count(), 0, 'nothing left to restore');
  widget.assertClean();
});

test('each answer re-renders in under 4 ms', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  await completeIntake(widget.page, fixture('caution').answers);
  const durations = await widget.page.evaluate(() =>
    performance.getEntriesByName('bpi:answer-render').map((entry) => entry.duration),
  );
  durations.sort((a, b) => a - b);
  const at = (q) => durations[Math.min(durations.length - 1, Math.floor(q * durations.length))];
  console.log(
    `answer re-render over ${durations.length} answers: median ${at(0.5).toFixed(2)} ms, ` +
      `90th percentile ${at(0.9).toFixed(2)} ms, max ${durations.at(-1).toFixed(2)} ms`,
  );
  assert.ok(durations.length >= 40, `every answer was measured (${durations.length})`);
  assert.ok(at(0.9) < 4, `90% of answers re-render in under 4 ms (${at(0.9).toFixed(2)} ms)`);
  widget.assertClean();
});
