// Completing the intake through the DOM hooks of shared/design/architecture.md, and the
// native `assess` command as the oracle the results must agree with.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { assertAccessible } from './harness.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ASSESS = `${ROOT}target/release/assess`;

/** The answers of a fixture in tests/fixtures/. */
export function fixture(name) {
  return JSON.parse(readFileSync(`${ROOT}tests/fixtures/${name}.json`, 'utf8'));
}

/** What the native `assess` command prints for a document. */
export function assess(doc) {
  if (!existsSync(ASSESS)) {
    throw new Error(`${ASSESS} is missing: run \`cargo build --release --bin assess\` first`);
  }
  return JSON.parse(execFileSync(ASSESS, { input: JSON.stringify(doc) }).toString());
}

/**
 * Fills every visible question of the current step from `answers`, including questions
 * that appear only once an earlier answer is given (liked techniques after experience).
 */
export async function answerStep(page, answers) {
  const step = page.locator('.bpi-step');
  const done = new Set();
  for (;;) {
    const ids = await step.locator('[data-question]').evaluateAll((nodes) => nodes.map((n) => n.dataset.question));
    const next = ids.filter((id) => !done.has(id));
    if (next.length === 0) return;
    for (const id of next) {
      done.add(id);
      if (id in answers) await answerQuestion(step, id, answers[id]);
    }
  }
}

/** Answers one question through its DOM hooks: a choice input's value is its code. */
async function answerQuestion(step, id, value) {
  const question = step.locator(`[data-question="${id}"]`);
  if ((await question.locator('input[type=number]').count()) > 0) {
    await question.locator('input[type=number]').fill(String(value));
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      const none = question.locator('input[data-none]');
      if ((await none.count()) > 0) await none.check();
    }
    for (const code of value) await question.locator(`input[value="${code}"]`).check();
  } else {
    await question.locator(`input[value="${String(value)}"]`).check();
  }
}

/** The id of the step on screen, or null. */
export async function currentStep(page) {
  const step = page.locator('.bpi-step');
  return (await step.count()) > 0 ? step.getAttribute('data-step') : null;
}

/**
 * Walks the intake from the current step to the results: on each step calls
 * `beforeAnswer(step)`, answers it from `answers`, calls `afterAnswer(step)`, and presses
 * Next (or "See my results" on the last step). With `toResults: false` it stops on the
 * last step instead. Waits on the DOM changing step, never on time.
 */
export async function walkSteps(page, answers, { beforeAnswer, afterAnswer, toResults = true } = {}) {
  for (let guard = 0; guard < 10; guard += 1) {
    const step = await currentStep(page);
    if (step === null) break;
    if (beforeAnswer) await beforeAnswer(step);
    await answerStep(page, answers);
    if (afterAnswer) await afterAnswer(step);
    const results = page.locator('.bpi-step [data-action=results]');
    if ((await results.count()) > 0) {
      if (!toResults) return;
      await results.click();
      break;
    }
    await page.locator('.bpi-step [data-action=next]').click();
    await page.locator(`.bpi-step:not([data-step="${step}"]), .bpi-results`).first().waitFor();
  }
  await page.locator('.bpi-results[data-triage]').waitFor();
}

/** Starts from the welcome screen (unless told otherwise) and walks to the results. */
export async function completeIntake(page, answers, { startFrom = 'welcome', openDetails = true } = {}) {
  if (startFrom === 'welcome') await page.locator('.bpi-welcome [data-action=next]').click();
  await walkSteps(page, answers);
  if (openDetails) await openSections(page);
}

/**
 * Opens every closed section of the results (as a person reading all the details would),
 * through its toggle, and waits until each is open. `scope` is a page or a frame.
 */
export async function openSections(scope) {
  await scope.locator('[data-results-summary]').waitFor();
  const closed = scope.locator('[data-section] h3 > button[aria-expanded=false]');
  while ((await closed.count()) > 0) {
    await closed.first().click();
  }
}

/** The triage and every technique card's status and fit, as shown on the page. */
export async function shownResults(page) {
  const triage = await page.locator('.bpi-results').getAttribute('data-triage');
  const techniques = await page.locator('[data-technique]').evaluateAll((nodes) =>
    nodes.map((n) => ({ id: n.dataset.technique, status: n.dataset.status, fit: Number(n.dataset.fit) })),
  );
  const outlook = await page.locator('[data-outlook]').getAttribute('data-outlook').catch(() => null);
  return { triage, techniques, outlook };
}

/** The same, from `assess`. */
export function expectedResults(assessment) {
  return {
    triage: assessment.triage,
    techniques: assessment.techniques.map((t) => ({ id: t.id, status: t.status, fit: t.fit })),
    outlook: assessment.stratification?.risk ?? null,
  };
}

/**
 * A whole intake in `scope` (a page or a frame) with axe-core on every screen: the
 * welcome, each step as it opens and once answered, the results, and the results with
 * every section open. `within` limits axe to the widget where the page is a clinic's.
 */
export async function checkEveryScreen(scope, answers, label, within = null) {
  await assertAccessible(scope, `${label}: welcome`, within);
  await scope.locator('.bpi-welcome [data-action=next]').click();
  await walkSteps(scope, answers, {
    beforeAnswer: (step) => assertAccessible(scope, `${label}: step ${step}`, within),
    afterAnswer: (step) => assertAccessible(scope, `${label}: step ${step}, answered`, within),
  });
  await assertAccessible(scope, `${label}: results`, within);
  await openSections(scope);
  await assertAccessible(scope, `${label}: results, every section open`, within);
}
