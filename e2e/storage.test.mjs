// Storage in a real browser: blocked storage leaves a working session and a notice,
// corrupt saved data is moved aside with a notice, and two tabs stay consistent.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { adopted, openWidget } from './harness.mjs';
import { answerStep, completeIntake, fixture } from './intake.mjs';

const STORAGE_KEY = 'backpain-intake.v1';

test('blocked storage leaves a working in-memory session and says so', async (t) => {
  const widget = await openWidget(t);
  // As in a sandboxed iframe or a strict privacy mode: touching localStorage throws.
  await widget.page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await widget.goto('/');
  const notice = widget.page.locator('[data-notice=storage-unavailable]');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  await completeIntake(widget.page, fixture('caution').answers);
  assert.equal(await widget.page.locator('.bpi-results').getAttribute('data-triage'), 'caution');
  widget.assertClean();
});

test('corrupt saved data is moved aside, kept, and reported', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  await widget.page.evaluate((key) => localStorage.setItem(key, '{"v": 1, "intake": [broken'), STORAGE_KEY);
  await widget.page.reload();
  await adopted(widget.page);
  await widget.page.locator('[data-notice=storage-corrupt]').waitFor();
  const backups = await widget.page.evaluate((key) => {
    const found = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const name = localStorage.key(i);
      if (name.startsWith(`${key}.backup.`)) found[name] = localStorage.getItem(name);
    }
    return found;
  }, STORAGE_KEY);
  assert.deepEqual(Object.values(backups), ['{"v": 1, "intake": [broken']);
  widget.assertClean();
});

test('two tabs stay consistent', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  const other = await widget.context.newPage();
  await other.goto(widget.page.url());
  await other.locator('.bpi-welcome').waitFor();

  const { answers } = fixture('clear');
  await widget.page.locator('.bpi-welcome [data-action=next]').click();
  await answerStep(widget.page, answers);

  // The other tab hears the storage event and shows the same answers once it goes there.
  await other.locator('[data-notice=other-tab]').waitFor();
  await other.locator('.bpi-welcome [data-action=next]').click();
  // "Continue" resumes at the first unfinished step; the finished one is a click back.
  await other.locator('.bpi-step[data-step=your_pain]').waitFor();
  await other.locator('.bpi-progress [data-goto=about_you]').click();
  await other.locator('[data-question=age] input').waitFor();
  assert.equal(await other.locator('[data-question=age] input').inputValue(), String(answers.age));

  // Clearing in one tab empties the other.
  await widget.page.locator('footer [data-action=clear]').click();
  await widget.page.locator('[data-action=clear-confirm]').click();
  await other.locator('.bpi-welcome').waitFor();
  assert.equal(await other.locator('footer [data-action=clear]').count(), 0, 'nothing left to clear');
  widget.assertClean();
});

test('full storage keeps a working session and says the answers are not saved', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  // Fill the origin's quota before the widget loads again.
  await widget.page.evaluate(() => {
    // Halve the chunk at each QuotaExceededError until not even one character fits.
    let size = 512 * 1024;
    for (let i = 0; size >= 1; i += 1) {
      try {
        localStorage.setItem(`filler.${i}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
  await widget.page.reload();
  await adopted(widget.page);
  await widget.page.locator('.bpi-welcome [data-action=next]').click();
  await widget.page.locator('[data-question=age] input').fill('52');
  const notice = widget.page.locator('[data-notice=storage-full]');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  // The footer does not claim the answers are saved while they are not.
  assert.match(await widget.page.locator('.bpi-privacy').innerText(), /storage is full/);
  // Room again: the next answer is saved, the alert goes and the footer says so.
  await widget.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await widget.page.locator('[data-question=age] input').fill('53');
  await notice.waitFor({ state: 'detached' });
  assert.match(await widget.page.locator('.bpi-privacy').innerText(), /saved only in this browser/);
  await completeIntake(widget.page, fixture('clear').answers, { startFrom: 'step' });
  assert.equal(await widget.page.locator('.bpi-results').getAttribute('data-triage'), 'clear');
  widget.assertClean();
});
