// Clinical safety v2 in the browser: an emergency, an urgent, a medical-review and a
// pregnant person complete the intake and see what `assess` computes, with nothing on
// screen that reads as a go-ahead where a doctor comes first; a clinic's data-texts can
// never change safety wording; and answers saved, exported or shared before v2 still
// open and ask the new questions.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { adopted, catalog, openWidget } from './harness.mjs';
import { assess, completeIntake, currentStep, expectedResults, fixture, shownResults } from './intake.mjs';

const EN = catalog('en');
const FIXTURES = new URL('../tests/fixtures/', import.meta.url);
const read = (name) => readFileSync(new URL(name, FIXTURES), 'utf8').trim();

/** The clear person's answers with some changed. */
function answersWith(changes) {
  return { ...fixture('clear').answers, ...changes };
}

/** Opens the demo clinic page (booking link, phone, emergency number 999) on its snippet. */
async function openDemo(widget) {
  await widget.page.goto(new URL('/demo/', widget.server.url).href, { waitUntil: 'load' });
  await widget.page.locator('.bpi-welcome').waitFor();
}

/** Completes the intake and checks the page against `assess`; returns the results root. */
async function completeAndCompare(page, answers, triage) {
  await completeIntake(page, answers);
  const shown = await shownResults(page);
  assert.deepEqual(shown, expectedResults(assess({ format: 2, answers })));
  assert.equal(shown.triage, triage);
  return page.locator('.bpi-results');
}

/** The texts of the elements matching `selector` inside `scope`. */
function textsOf(scope, selector) {
  return scope.locator(selector).evaluateAll((nodes) => nodes.map((n) => n.textContent.trim()));
}

/** Nothing reads as a go-ahead: no recommended card, no booking link, no session plan. */
async function assertNothingRecommended(results) {
  assert.equal(await results.locator('[data-status=recommended]').count(), 0, 'no card is recommended');
  assert.deepEqual(
    (await textsOf(results, '.bpi-status')).filter((s) => s === EN['status.recommended']),
    [],
    'no "Recommended" badge',
  );
  assert.equal(await results.locator('[data-action=book]').count(), 0, 'no booking link');
  assert.equal(await results.locator('.bpi-plan-section--first_session').count(), 0, 'no session plan');
  const often = await results.locator('.bpi-plan-booking dd').first().innerText();
  assert.equal(often, EN['frequency.after_medical_advice']);
}

/** The outlook is not shown as advice: only the note that it can wait. */
async function assertOutlookOnHold(results) {
  const outlook = results.locator('.bpi-outlook');
  assert.equal(await outlook.locator('.bpi-withheld').innerText(), EN['ui.results.outlook.on_hold']);
  const text = await outlook.innerText();
  for (const key of ['outlook.low.body', 'outlook.medium.body', 'outlook.high.body', 'ui.results.outlook.care']) {
    assert.ok(!text.includes(EN[key]), `${key} is not on screen`);
  }
}

test('an emergency names a number to call with no clinic configuration, and nothing else reads as advice', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  const results = await completeAndCompare(widget.page, answersWith({ rf_both_legs: true }), 'emergency');
  const body = await results.locator('.bpi-triage-body').innerText();
  assert.equal(body, EN['triage.emergency.body']);
  assert.match(body, /112, 999 or 911/);
  assert.deepEqual(await textsOf(results, '.bpi-flags--emergency li'), [EN['flag.rf_both_legs']]);
  await assertNothingRecommended(results);
  await assertOutlookOnHold(results);
  await widget.screenshot('safety-emergency');
  widget.assertClean();
});

test('urgent: see a doctor today, where to go out of hours, no booking on the clinic page', async (t) => {
  const widget = await openWidget(t);
  await openDemo(widget);
  const answers = answersWith({ conditions: ['leg_swelling_new'] });
  const results = await completeAndCompare(widget.page, answers, 'urgent');
  assert.match(await results.locator('.bpi-triage-body').innerText(), /out-of-hours/);
  assert.deepEqual(await textsOf(results, '.bpi-flags--urgent li'), [EN['flag.leg_swelling_new']]);
  await assertNothingRecommended(results);
  await assertOutlookOnHold(results);
  assert.equal(await results.locator('.bpi-clinic .bpi-note').innerText(), EN['ui.clinic.doctor_first']);
  widget.assertClean();
});

test('medical review: the comparison reads "after your doctor\'s OK", with no booking or plan', async (t) => {
  const widget = await openWidget(t);
  await openDemo(widget);
  const results = await completeAndCompare(widget.page, answersWith({ rf_numbness_one_leg: true }), 'medical_review');
  await assertNothingRecommended(results);
  assert.equal(await results.locator('.bpi-ranking .bpi-withheld').innerText(), EN['ui.results.ranking.after_doctor']);
  const badges = await textsOf(results, '.bpi-card .bpi-status');
  assert.equal(badges.length, 8);
  for (const badge of badges) {
    assert.ok([EN['ui.results.status_after_doctor'], EN['status.avoid']].includes(badge), badge);
  }
  // The outlook is still advice here: it is not "care now".
  assert.equal(await results.locator('.bpi-outlook .bpi-withheld').count(), 0);
  await widget.screenshot('safety-medical-review');
  widget.assertClean();
});

test('pregnancy: heat and Thai are avoided, every technique asks for a pregnancy-trained therapist', async (t) => {
  const widget = await openWidget(t);
  await openDemo(widget);
  const results = await completeAndCompare(widget.page, answersWith({ pregnancy: 'pregnant_later' }), 'caution');
  for (const id of ['hot_stone', 'thai']) {
    assert.equal(await results.locator(`[data-technique=${id}]`).getAttribute('data-status'), 'avoid', id);
  }
  const cards = results.locator('.bpi-card');
  for (let i = 0; i < 8; i += 1) {
    const text = await cards.nth(i).innerText();
    assert.ok(text.includes(EN['caution.prenatal_trained_therapist']), await cards.nth(i).getAttribute('data-technique'));
  }
  // Massage may start, with care: the clinic's booking link is offered.
  assert.equal(await results.locator('[data-action=book]').count(), 1);
  widget.assertClean();
});

test("a clinic's data-texts cannot change safety wording, only the rest", async (t) => {
  const widget = await openWidget(t);
  const texts = JSON.stringify({
    'triage.emergency.title': 'Nothing serious. Relax.',
    'q.rf_bladder.label': 'Do you like tea?',
    es: { 'triage.emergency.body': 'Nada grave.' },
    'ui.welcome.title': 'Welcome to Riverside',
  });
  // The demo clinic page, with hostile wording in its snippet's data-texts.
  await widget.page.route('**/demo/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('data-storage-key=', `data-texts='${texts}' data-storage-key=`);
    await route.fulfill({ response, body: html });
  });
  const warnings = [];
  widget.page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await openDemo(widget);
  assert.equal(await widget.page.locator('#bpi-welcome-title').innerText(), 'Welcome to Riverside');
  const results = await completeAndCompare(widget.page, answersWith({ rf_bladder: true }), 'emergency');
  assert.equal(await results.locator('#bpi-triage-title').innerText(), EN['triage.emergency.title']);
  assert.equal(await results.locator('.bpi-triage-body').innerText(), EN['triage.emergency.body']);
  for (const key of ['triage.emergency.title', 'q.rf_bladder.label', 'triage.emergency.body']) {
    assert.ok(
      warnings.some((w) => w.includes(`${key} is safety wording, which a clinic cannot change`)),
      `${key} refused with a warning: ${warnings.join(' | ')}`,
    );
  }
  widget.assertClean();
});

test('answers saved before v2 open on the new safety questions, which say they are new', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  await widget.page.evaluate((saved) => localStorage.setItem('backpain-intake.v1', saved), read('saved-v1-results.json'));
  await widget.page.reload();
  await adopted(widget.page);
  const notice = widget.page.locator('[data-notice=new-questions]');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'status');
  assert.equal(await currentStep(widget.page), 'safety_check');
  const listed = await textsOf(widget.page, '.bpi-error-summary li');
  assert.deepEqual(listed, [EN['q.rf_sexual_function.label'], EN['q.rf_chest_abdomen.label']]);
  // Answering them and going on reaches the results, with nothing asked twice.
  for (const id of ['rf_sexual_function', 'rf_chest_abdomen']) {
    await widget.page.locator(`[data-question=${id}] input[value=false]`).check();
  }
  const answers = { ...fixture('clear').answers };
  await completeIntake(widget.page, answers, { startFrom: 'step' });
  assert.deepEqual(await shownResults(widget.page), expectedResults(assess(fixture('clear'))));
  const saved = await widget.page.evaluate(() => JSON.parse(localStorage.getItem('backpain-intake.v1')));
  assert.equal(saved.intake.format, 2);
  widget.assertClean();
});

test('a file exported before v2 imports onto the new questions', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  const dir = await mkdtemp(join(tmpdir(), 'bpi-v1-'));
  const path = join(dir, 'back-pain-intake-v1.json');
  await writeFile(path, read('answers-v1-caution.json'));
  await widget.page.locator('[data-import-file]').first().setInputFiles(path);
  await widget.page.locator('[data-notice=imported]').waitFor();
  await widget.page.locator('[data-notice=new-questions]').waitFor();
  assert.equal(await currentStep(widget.page), 'safety_check');
  assert.equal(await widget.page.locator('.bpi-error-summary li').count(), 2);
  widget.assertClean();
});

test('plain and passphrase links made before v2 open, show incomplete and name the new questions', async (t) => {
  const widget = await openWidget(t);
  const base = new URL('/', widget.server.url).href;
  await widget.page.goto(`${base}${read('share-v1-caution.txt')}`);
  const shared = widget.page.locator('[data-shared=open]');
  await shared.waitFor();
  await shared.locator('[data-notice=new-questions]').waitFor();
  const results = widget.page.locator('.bpi-results[data-triage=incomplete]');
  await results.waitFor();
  const missing = [EN['q.rf_sexual_function.label'], EN['q.rf_chest_abdomen.label']];
  assert.deepEqual(await textsOf(results, '.bpi-missing + ul li'), missing);
  await assertNothingRecommended(results);

  // Made by the v1 widget with the passphrase "blue heron river" (fixed salt and nonce).
  const other = await openWidget(t, { server: widget.server });
  await other.page.goto(`${base}${read('share-v1-caution-sealed.txt')}`);
  await other.page.locator('[data-shared=locked]').waitFor();
  await other.page.locator('#bpi-unlock-passphrase').fill('blue heron river');
  await other.page.locator('[data-action=unlock]').click();
  await other.page.locator('[data-shared=open] [data-notice=new-questions]').waitFor();
  assert.deepEqual(await shownResults(other.page), await shownResults(widget.page));
  widget.assertClean();
  other.assertClean();
});
