// Sharing, printing, export and import in Chromium: a link made in one browser profile
// opens identically in a fresh one without touching its saved answers; an altered link is
// refused with a notice; a passphrase link opens with the right passphrase only; the QR
// code decodes to the link; the printed summary is at most two pages; an exported file
// imports, and a bad file changes nothing.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { ARTIFACTS_DIR, openWidget } from './harness.mjs';
import { completeIntake, fixture, shownResults } from './intake.mjs';

const STORAGE_KEY = 'backpain-intake.v1';

const saved = (page) => page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);

/** Completes the intake and makes a share link, optionally protected. */
async function makeLink(widget, name, passphrase) {
  await widget.goto('/');
  await completeIntake(widget.page, fixture(name).answers);
  await widget.page.locator('[data-action=share]').click();
  const field = widget.page.locator('[data-share-link]');
  await field.waitFor();
  if (passphrase) {
    const before = await field.inputValue();
    await widget.page.locator('#bpi-share-passphrase').fill(passphrase);
    await widget.page.locator('[data-action=protect]').click();
    await widget.page.waitForFunction((old) => document.querySelector('[data-share-link]')?.value !== old, before);
  }
  return field.inputValue();
}

test('a link made in one browser opens identically in a fresh one, which keeps its own answers', async (t) => {
  const maker = await openWidget(t);
  const link = await makeLink(maker, 'caution');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#r=[A-Za-z0-9_-]+$/);
  console.log(`share link: ${link.length} characters`);
  const made = await shownResults(maker.page);

  const opener = await openWidget(t, { server: maker.server });
  await opener.page.goto(link);
  await opener.page.locator('[data-shared=open]').waitFor();
  assert.deepEqual(await shownResults(opener.page), made);
  assert.equal(await saved(opener.page), null, 'opening a link saves nothing');
  assert.equal(await opener.page.locator('[data-action=checkin]').count(), 0, 'read-only');
  await opener.screenshot('shared-result');

  // "Save this to my device" makes it the opener's own session.
  await opener.page.locator('[data-action=save-shared]').click();
  await opener.page.locator('[data-notice=shared-saved]').waitFor();
  const own = JSON.parse(await saved(opener.page));
  assert.deepEqual(own.intake.answers, fixture('caution').answers);
  assert.equal(new URL(opener.page.url()).hash, '', 'the link leaves the address once saved');
  maker.assertClean();
  opener.assertClean();
});

test('an altered link is refused with a notice and the saved answers stay as they were', async (t) => {
  const widget = await openWidget(t);
  const link = await makeLink(widget, 'clear');
  const before = await saved(widget.page);
  const payloadAt = link.indexOf('#r=') + 3;
  const flipped = link[payloadAt + 6] === 'A' ? 'B' : 'A';
  const altered = `${link.slice(0, payloadAt + 6)}${flipped}${link.slice(payloadAt + 7)}`;
  await widget.page.goto(altered);
  const notice = widget.page.locator('[data-notice=share-invalid]');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.innerText(), /cut short or changed/);
  assert.equal(await saved(widget.page), before, 'saved answers untouched');
  await widget.page.locator('.bpi-results[data-triage=clear]').waitFor();
  widget.assertClean();
});

test('a passphrase link opens with the right passphrase only', async (t) => {
  const maker = await openWidget(t);
  const link = await makeLink(maker, 'emergency', 'blue heron river');
  const made = await shownResults(maker.page);
  const opener = await openWidget(t, { server: maker.server });
  await opener.page.goto(link);
  await opener.page.locator('[data-shared=locked]').waitFor();
  await opener.page.locator('#bpi-unlock-passphrase').fill('blue heron lake');
  await opener.page.locator('[data-action=unlock]').click();
  await opener.page.locator('[data-notice=share-wrong-passphrase]').waitFor();
  assert.equal(await opener.page.locator('[data-shared=open]').count(), 0);
  await opener.page.locator('#bpi-unlock-passphrase').fill('blue heron river');
  await opener.page.locator('[data-action=unlock]').click();
  await opener.page.locator('[data-shared=open]').waitFor();
  assert.deepEqual(await shownResults(opener.page), made);
  // The wrong-passphrase alert has gone, and the opened result's heading has the focus.
  await opener.page.locator('[data-notice=share-wrong-passphrase]').waitFor({ state: 'detached' });
  await opener.page.waitForFunction(() => document.activeElement?.hasAttribute('data-focus-heading'));
  maker.assertClean();
  opener.assertClean();
});

test('the QR code decodes to the share link', async (t) => {
  const widget = await openWidget(t);
  const link = await makeLink(widget, 'clear');
  const path = join(ARTIFACTS_DIR, 'share-qr.png');
  await widget.page.locator('.bpi-qr').screenshot({ path });
  const decoded = execFileSync('zbarimg', ['--raw', '-q', path]).toString().trim();
  assert.equal(decoded, link);
  widget.assertClean();
});

test('the printed summary is at most two pages with the triage and the top technique', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  await completeIntake(widget.page, fixture('caution').answers);
  const triageTitle = (await widget.page.locator('.bpi-triage h3').innerText()).trim();
  const topTechnique = (await widget.page.locator('[data-technique] .bpi-card-title').first().innerText()).trim();
  const pdf = join(ARTIFACTS_DIR, 'summary-caution.pdf');
  await widget.page.emulateMedia({ media: 'print' });
  await widget.page.pdf({ path: pdf, format: 'A4', printBackground: false });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
  console.log(`printed summary: ${pages} page(s)`);
  assert.ok(pages >= 1 && pages <= 2, `${pages} pages`);
  assert.ok(text.includes(triageTitle), `the PDF names the triage: ${triageTitle}`);
  assert.ok(text.includes(topTechnique), `the PDF names the top technique: ${topTechnique}`);
  widget.assertClean();
});

test('an exported file imports in a fresh browser; a bad or huge file changes nothing', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  await completeIntake(widget.page, fixture('caution').answers);
  const download = widget.page.waitForEvent('download');
  await widget.page.locator('[data-action=export]').click();
  const file = await (await download).path();
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.deepEqual(exported, { format: 2, answers: fixture('caution').answers });

  const other = await openWidget(t, { server: widget.server });
  await other.goto('/');
  await other.page.locator('[data-import-file]').setInputFiles(file);
  await other.page.locator('[data-notice=imported]').waitFor();
  assert.deepEqual(await shownResults(other.page), await shownResults(widget.page));

  // Bad files: nothing changes, and the notice says why.
  const before = await saved(other.page);
  const dir = await mkdtemp(join(tmpdir(), 'bpi-import-'));
  const cases = [
    ['not-json.json', 'this is not json', /not an answers file from this form/],
    ['foreign.json', JSON.stringify({ name: 'a recipe' }), /not an answers file from this form/],
    ['bad-age.json', JSON.stringify({ format: 1, answers: { age: 300 } }), /does not accept, at age\./],
    ['huge.json', `{"format": 1, "answers": {}, "x": "${'x'.repeat(300 * 1024)}"}`, /too large/],
    // In the person's language, naming the part of the file at fault.
    ['colour.json', JSON.stringify({ format: 2, answers: { favourite_colour: 'blue' } }), /algo que este formulario no acepta, en favourite_colour/, 'es'],
  ];
  for (const [name, content, reason, lang] of cases) {
    if (lang) {
      await other.page.locator('select[data-action=lang]').selectOption(lang);
      await other.page.locator(`.bpi-app[lang=${lang}]`).waitFor();
    }
    const path = join(dir, name);
    await writeFile(path, content);
    await other.page.locator('footer [data-import-file]').setInputFiles(path);
    const notice = other.page.locator('[data-notice=import-refused]');
    await notice.waitFor();
    assert.match(await notice.innerText(), reason, name);
    assert.equal(await saved(other.page), before, `${name} changed nothing`);
    await notice.locator('button').click();
    await notice.waitFor({ state: 'detached' });
  }
  widget.assertClean();
  other.assertClean();
});
