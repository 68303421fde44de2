// The clinician page (clinician.html, its own bundle): a share link a person made opens
// in a fresh browser as the clinician's summary, with the same triage, flags, outlook and
// statuses as the native `assess`; a clinic key made here receives a link sealed to it,
// which only the clinic's computers open; answer files open into a list sorted by triage, a
// bad file is refused by name; the page works under the strict Content-Security-Policy
// and passes axe-core; and it prints an intake on A4.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';

import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';

import { ARTIFACTS_DIR, catalog, openWidget } from './harness.mjs';
import { fhirCommand } from './fhir.mjs';
import { assess, completeIntake, fixture } from './intake.mjs';

const ROOT_FIXTURES = new URL('../tests/fixtures/', import.meta.url).pathname;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** What the opened summary shows, read from its DOM hooks. */
async function shownSummary(page) {
  const root = page.locator('[data-clinician-summary]');
  await root.waitFor();
  return root.evaluate((el) => ({
    triage: el.dataset.triage,
    flags: [...el.querySelectorAll('[data-flag]')].map((f) => f.dataset.flag),
    outlook: el.querySelector('[data-outlook]')?.dataset.outlook ?? null,
    total: el.querySelector('[data-outlook-total]')?.dataset.outlookTotal ?? null,
    psychosocial: el.querySelector('[data-outlook-psychosocial]')?.dataset.outlookPsychosocial ?? null,
    techniques: [...el.querySelectorAll('[data-technique]')].map((t) => [t.dataset.technique, t.dataset.status, Number(t.dataset.fit)]),
    redFlags: [...el.querySelectorAll('[data-red-flag]')].map((r) => [r.dataset.redFlag, r.dataset.answer]),
  }));
}

/** What `assess` says the summary must show for an answer document. */
function expectedSummary(doc) {
  const a = assess(doc);
  return {
    triage: a.triage,
    flags: a.flags,
    outlook: a.stratification?.risk ?? null,
    total: a.stratification ? String(a.stratification.total) : null,
    psychosocial: a.stratification ? String(a.stratification.psychosocial) : null,
    techniques: a.techniques.map((t) => [t.id, t.status, t.fit]),
  };
}

/** Runs axe-core on the page, or only inside `within` (a selector; shadow roots included). */
async function assertAccessible(page, where, within = null) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async ([tags, selector]) => {
    const context = selector ? { include: [[selector]] } : document;
    const result = await window.axe.run(context, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, [WCAG_TAGS, within]);
  assert.deepEqual(violations, [], `axe-core on ${where}`);
}

test('a link a person made opens on the clinician page as what assess computes', async (t) => {
  const person = await openWidget(t);
  await person.goto('/');
  await completeIntake(person.page, fixture('emergency').answers);
  await person.page.locator('[data-action=share]').click();
  const link = await person.page.locator('[data-share-link]').inputValue();
  const payload = link.slice(link.indexOf('#'));

  // The clinic's own server, under the strict Content-Security-Policy: a link's data is
  // all in its fragment, so it opens on any origin serving the page.
  const clinic = await openWidget(t, { csp: true });
  await clinic.page.goto(`${clinic.server.origin}/clinician.html${payload}`);
  const shown = await shownSummary(clinic.page);
  const { redFlags, ...rest } = shown;
  assert.deepEqual(rest, expectedSummary(fixture('emergency')));
  const answers = fixture('emergency').answers;
  assert.ok(redFlags.length >= 13, `every red-flag question, found ${redFlags.length}`);
  for (const [id, answer] of redFlags) {
    const given = answers[id];
    assert.equal(answer, given === true ? 'yes' : given === false ? 'no' : 'unanswered', id);
  }
  assert.equal(await clinic.page.locator('.bpi-inbox-item').count(), 1);
  await clinic.screenshot('clinician-summary');

  // One A4 page for the clinician: the page's own print stylesheet hides the list.
  const pdf = join(ARTIFACTS_DIR, 'clinician-summary.pdf');
  await clinic.page.pdf({ path: pdf, format: 'A4', printBackground: false });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
  console.log(`clinician summary: ${pages} A4 pages`);
  assert.ok(pages >= 1 && pages <= 2, `the printed summary is ${pages} pages (the goal is one)`);
  assert.match(text, /Red-flag questions/);
  assert.match(text, /13 of 13 answered|\d+ of \d+ answered/);
  assert.doesNotMatch(text, /Opened intakes/, 'the list is not printed');
  person.assertClean();
  clinic.assertClean();
});

test('answer files open into a list in triage order, and a bad file is refused by name', async (t) => {
  // No CSP here: axe-core is injected as an inline script (the test above runs the page
  // under the strict policy).
  const clinic = await openWidget(t);
  await clinic.page.goto(`${clinic.server.origin}/clinician.html`);
  await clinic.page.locator('.bpi-inbox').waitFor();
  await assertAccessible(clinic.page, 'the empty clinician page');
  const file = (name, doc) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await clinic.page.locator('[data-open-files]').setInputFiles([
    file('clear.json', fixture('clear')),
    file('broken.json', { format: 2, answers: { age: 400 } }),
    file('emergency.json', fixture('emergency')),
    file('caution.json', fixture('caution')),
  ]);
  await clinic.page.locator('[data-notice=clinician-problems]').waitFor();
  assert.match(await clinic.page.locator('[data-notice=clinician-problems]').innerText(), /broken\.json/);
  const order = await clinic.page.locator('.bpi-inbox-item').evaluateAll((items) => items.map((i) => i.dataset.triage));
  assert.deepEqual(order, ['emergency', 'caution', 'clear'], 'most serious first');
  // The last file opened is on screen; choosing another in the list shows it.
  assert.equal((await shownSummary(clinic.page)).triage, 'caution');
  await clinic.page.locator('.bpi-inbox-item[data-triage=emergency]').click();
  await clinic.page.locator('[data-clinician-summary][data-triage=emergency]').waitFor();
  assert.equal(await clinic.page.locator('.bpi-inbox-item[data-triage=emergency]').getAttribute('aria-current'), 'true');
  await assertAccessible(clinic.page, 'the clinician page with three intakes');
  clinic.assertClean();
});

// French, and Arabic, which the page sets right to left (and checks with axe-core).
for (const [locale, lang, dir] of [['fr-FR', 'fr', 'ltr'], ['ar', 'ar', 'rtl']]) {
  test(`the clinician page speaks the browser's language when the widget has it (${locale})`, async (t) => {
    const clinic = await openWidget(t, { locale });
    await clinic.page.goto(`${clinic.server.origin}/clinician.html#r=${readFileSync(join(ROOT_FIXTURES, 'share-v1-caution.txt'), 'utf8').trim().slice(3)}`);
    const texts = catalog(lang);
    const page = clinic.page.locator(`.bpi-clinician-page[lang="${lang}"]`);
    await page.waitFor();
    assert.equal(await page.getAttribute('dir'), dir);
    assert.equal(await clinic.page.locator('h1').innerText(), texts['ui.clinician.page_title']);
    assert.equal(await clinic.page.locator('.bpi-clinician-title').innerText(), texts['ui.clinician.title']);
    if (dir === 'rtl') await assertAccessible(clinic.page, 'the clinician page in Arabic');
    clinic.assertClean();
  });
}

test('"Export for a records system" writes a FHIR response that validates and reads back', async (t) => {
  const clinic = await openWidget(t);
  await clinic.page.goto(`${clinic.server.origin}/clinician.html`);
  await clinic.page.locator('.bpi-inbox').waitFor();
  const doc = fixture('caution');
  await clinic.page.locator('[data-open-files]').setInputFiles([
    { name: 'caution.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) },
  ]);
  await clinic.page.locator('[data-clinician-summary][data-triage=caution]').waitFor();
  const [download] = await Promise.all([
    clinic.page.waitForEvent('download'),
    clinic.page.locator('[data-action=export-fhir]').click(),
  ]);
  assert.match(download.suggestedFilename(), /^back-pain-intake-\d{4}-\d{2}-\d{2}\.fhir\.json$/);
  const response = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(response.resourceType, 'QuestionnaireResponse');
  assert.equal(response.status, 'completed');
  assert.deepEqual(new JSONSchemaValidator().validate(response), [], 'valid FHIR R4');
  assert.deepEqual(fhirCommand(['answers'], response), fhirCommand(['normalise'], doc), 'reads back to the same answers');
  clinic.assertClean();
});

test('a protected link opens after its passphrase, and dropped files open like chosen ones', async (t) => {
  const clinic = await openWidget(t);
  // Made by the v1 widget with the passphrase "blue heron river" (fixed salt and nonce).
  const sealed = readFileSync(join(ROOT_FIXTURES, 'share-v1-caution-sealed.txt'), 'utf8').trim();
  await clinic.page.goto(`${clinic.server.origin}/clinician.html${sealed}`);
  const passphrase = clinic.page.locator('#bpi-unlock-passphrase');
  await passphrase.fill('red fox');
  await clinic.page.locator('[data-action=unlock]').click();
  await clinic.page.locator('[data-notice=clinician-problems]').waitFor();
  assert.equal(await clinic.page.locator('[data-clinician-summary]').count(), 0, 'a wrong passphrase opens nothing');
  await passphrase.fill('blue heron river');
  await clinic.page.locator('[data-action=unlock]').click();
  // A v1 link lacks the questions v2 added: incomplete, with every red flag accounted for.
  const summary = clinic.page.locator('[data-clinician-summary][data-triage=incomplete]');
  await summary.waitFor();
  assert.ok((await summary.locator('[data-red-flag][data-answer=unanswered]').count()) >= 1);
  assert.equal(await clinic.page.locator('#bpi-unlock-passphrase').count(), 0, 'the form goes once it opens');

  // Dropping files on the page opens them as choosing them does.
  await clinic.page.evaluate((docs) => {
    const transfer = new DataTransfer();
    for (const [name, doc] of docs) transfer.items.add(new File([JSON.stringify(doc)], name, { type: 'application/json' }));
    document.querySelector('.bpi-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, [['emergency.json', fixture('emergency')], ['clear.json', fixture('clear')]]);
  await clinic.page.locator('.bpi-inbox-item').nth(2).waitFor();
  const order = await clinic.page.locator('.bpi-inbox-item').evaluateAll((items) => items.map((i) => i.dataset.triage));
  assert.deepEqual(order, ['emergency', 'incomplete', 'clear']);
  clinic.assertClean();
});

test('a clinic key receives a sealed intake that only the clinic\'s own computers can read', async (t) => {
  // The clinic makes its key on the clinician page, and keeps the backup file it downloads.
  const clinic = await openWidget(t, { serviceWorkers: 'block' });
  const { origin } = clinic;
  await clinic.page.goto(`${origin}/clinician.html`);
  await clinic.page.locator('[data-no-clinic-key]').waitFor();
  await clinic.page.locator('#bpi-key-passphrase').fill('river stone lantern');
  const [download] = await Promise.all([
    clinic.page.waitForEvent('download'),
    clinic.page.locator('[data-action=create-key]').click(),
  ]);
  const backup = join(await mkdtemp(join(tmpdir(), 'bpi-key-')), download.suggestedFilename());
  await download.saveAs(backup);
  assert.match(download.suggestedFilename(), /^clinic-key-[0-9A-F]{4}-[0-9A-F]{4}\.json$/);
  // The private key is in it only encrypted: its bytes are not a PKCS #8 key (DER, which
  // starts 30 81 87 02 01 00 for a P-256 one).
  const wrapped = Buffer.from(JSON.parse(readFileSync(backup, 'utf8')).privateKey, 'base64url');
  assert.ok(wrapped.length > 16);
  assert.notDeepEqual([...wrapped.subarray(0, 6)], [0x30, 0x81, 0x87, 0x02, 0x01, 0x00], 'not a plain PKCS #8 key');
  await clinic.page.locator('[data-notice=key-created]').waitFor();
  const key = await clinic.page.locator('[data-clinic-key-value]').getAttribute('data-clinic-key-value');
  assert.match(key, /^[A-Za-z0-9_-]{87}$/, 'an uncompressed P-256 point, base64url');
  await assertAccessible(clinic.page, 'the clinician page with its new key');

  // The key goes into the demo clinic's snippet, with the clinic's address for e-mail.
  const person = await openWidget(t, { server: clinic.server, serviceWorkers: 'block' });
  await person.page.route('**/demo/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      '<div data-backpain-intake',
      `<div data-backpain-intake data-clinic-key="${key}" data-clinic-email="front-desk@riverside-physio.example"`,
    );
    await route.fulfill({ response, body });
  });
  await person.page.goto(`${origin}/demo/`);
  await person.page.locator('.bpi-welcome').first().waitFor();
  const doc = fixture('caution');
  await completeIntake(person.page, doc.answers);
  await assertAccessible(person.page, 'the offer to send to the clinic', 'div[data-backpain-intake]');
  await person.page.locator('#bpi-send-initials').fill('J. R.');
  await person.page.locator('[data-action=send-to-clinic]').click();
  const link = await person.page.locator('[data-sealed-link]').getAttribute('data-sealed-link');
  assert.ok(link.startsWith(`${origin}/clinician.html#s=`), link);
  assert.ok(person.recorded.requests.some((url) => /\/sealer-[0-9a-f]+_bg\.wasm$/.test(url)), 'the sealer was fetched when sending');
  const mail = await person.page.locator('[data-action=send-email]').getAttribute('href');
  assert.ok(mail.startsWith('mailto:front-desk@riverside-physio.example?subject='), mail);
  assert.ok(decodeURIComponent(mail).includes(link), 'the e-mail holds the sealed link');
  const fragment = link.slice(link.indexOf('#'));
  await assertAccessible(person.page, 'the sealed link ready to send', 'div[data-backpain-intake]');
  await person.screenshot('send-to-clinic');

  // On the computer that made the key, it opens as what assess computes, with the initials.
  await clinic.page.goto(`${origin}/clinician.html${fragment}`);
  assert.deepEqual((({ redFlags, ...rest }) => rest)(await shownSummary(clinic.page)), expectedSummary(doc));
  assert.match(await clinic.page.locator('.bpi-clinician-meta').innerText(), /J\. R\./);
  assert.match(await clinic.page.locator('.bpi-inbox-item').innerText(), /J\. R\./);
  // A typical intake prints on one A4 page, every caution written once.
  const pdf = join(ARTIFACTS_DIR, 'clinician-summary-caution.pdf');
  await clinic.page.pdf({ path: pdf, format: 'A4', printBackground: false });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
  assert.equal(pages, 1, 'the caution intake prints on one A4 page');
  assert.match(text, /13 of 13 answered, none positive/);
  assert.match(text, /Sent on|Sent \d/);
  assert.doesNotMatch(text, /Clinic key|data-clinic-key/, 'the key panel is not printed');

  // On a second computer, once the key is restored from its backup file.
  const second = await openWidget(t, { server: clinic.server, serviceWorkers: 'block' });
  await second.page.goto(`${origin}/clinician.html`);
  await second.page.locator('[data-no-clinic-key]').waitFor();
  await second.page.locator('#bpi-restore-file').setInputFiles(backup);
  await second.page.locator('#bpi-restore-passphrase').fill('river stone wrong');
  await second.page.locator('[data-action=restore-key]').click();
  await second.page.locator('[data-notice=key-problem]').waitFor();
  await second.page.locator('#bpi-restore-passphrase').fill('river stone lantern');
  await second.page.locator('[data-action=restore-key]').click();
  await second.page.locator('[data-notice=key-restored]').waitFor();
  assert.equal(await second.page.locator('[data-clinic-key-value]').getAttribute('data-clinic-key-value'), key);
  // The kept key offers its backup again, the same file.
  const [again] = await Promise.all([
    second.page.waitForEvent('download'),
    second.page.locator('[data-action=download-backup]').first().click(),
  ]);
  const copy = join(await mkdtemp(join(tmpdir(), 'bpi-key-')), again.suggestedFilename());
  await again.saveAs(copy);
  assert.equal(again.suggestedFilename(), download.suggestedFilename());
  assert.deepEqual(JSON.parse(readFileSync(copy, 'utf8')), JSON.parse(readFileSync(backup, 'utf8')));
  await second.page.goto(`${origin}/clinician.html${fragment}`);
  assert.deepEqual((({ redFlags, ...rest }) => rest)(await shownSummary(second.page)), expectedSummary(doc));

  // Another clinic's computer, with a key of its own, cannot read it, and says so.
  const other = await openWidget(t, { server: clinic.server, serviceWorkers: 'block' });
  await other.page.goto(`${origin}/clinician.html`);
  await other.page.locator('#bpi-key-passphrase').fill('another clinic passphrase');
  await Promise.all([other.page.waitForEvent('download'), other.page.locator('[data-action=create-key]').click()]);
  await other.page.locator('[data-notice=key-created]').waitFor();
  await other.page.goto(`${origin}/clinician.html${fragment}`);
  const problems = other.page.locator('[data-notice=clinician-problems]');
  await problems.waitFor();
  assert.match(await problems.innerText(), new RegExp(catalog('en')['share_error.other_key'].slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await other.page.locator('[data-clinician-summary]').count(), 0, 'nothing opened');

  // The person's own widget cannot read it either, and keeps the person's own answers.
  await person.page.goto(`${origin}/${fragment}`);
  const notice = person.page.locator('[data-notice=share-invalid]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /Only the clinic's own computer can open it/);
  assert.equal(await person.page.locator('[data-shared]').count(), 0);

  for (const side of [clinic, person, second, other]) side.assertClean();
});

test('a clinic key off the curve seals nothing, and the person is told', async (t) => {
  // The base point of P-256 with its last bit changed: the form of a key, but no point.
  const point = Buffer.from(
    '04' +
      '6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296' +
      '4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F4',
    'hex',
  ).toString('base64url');
  const person = await openWidget(t, { serviceWorkers: 'block' });
  await person.page.route('**/demo/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<div data-backpain-intake', `<div data-backpain-intake data-clinic-key="${point}"`);
    await route.fulfill({ response, body });
  });
  await person.page.goto(`${person.origin}/demo/`);
  await person.page.locator('.bpi-welcome').first().waitFor();
  await completeIntake(person.page, fixture('clear').answers);
  await person.page.locator('[data-action=send-to-clinic]').click();
  await person.page.locator('[data-notice=send-failed]').waitFor();
  assert.equal(await person.page.locator('[data-sealed-link]').count(), 0, 'no link was made');
  assert.equal(await person.page.locator('[data-action=share]').count(), 1, 'a plain share link is still offered');
  person.assertClean();
});

test('sending again works once the sealer can be fetched, after a first try that could not', async (t) => {
  const person = await openWidget(t, { serviceWorkers: 'block' });
  const clinic = await openWidget(t, { server: person.server, serviceWorkers: 'block' });
  await clinic.page.goto(`${clinic.origin}/clinician.html`);
  await clinic.page.locator('#bpi-key-passphrase').fill('river stone lantern');
  await Promise.all([clinic.page.waitForEvent('download'), clinic.page.locator('[data-action=create-key]').click()]);
  const key = await clinic.page.locator('[data-clinic-key-value]').getAttribute('data-clinic-key-value');
  await person.page.route('**/demo/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('<div data-backpain-intake', `<div data-backpain-intake data-clinic-key="${key}"`);
    await route.fulfill({ response, body });
  });
  // The first request for the sealer fails, as it would offline.
  let refused = 0;
  await person.page.route(/\/sealer-[0-9a-f]+\.js/, (route) => (refused++ ? route.fallback() : route.abort('internetdisconnected')));
  await person.page.goto(`${person.origin}/demo/`);
  await completeIntake(person.page, fixture('clear').answers);
  await person.page.locator('[data-action=send-to-clinic]').click();
  await person.page.locator('[data-notice=send-failed]').waitFor();
  await person.page.locator('[data-action=send-to-clinic]').click();
  const link = await person.page.locator('[data-sealed-link]').getAttribute('data-sealed-link');
  assert.ok(link.includes('/clinician.html#s='), link);
  assert.equal(refused, 2, 'asked for twice: refused, then served');
  // The refused request is the one failure this test makes on purpose.
  person.recorded.failedRequests = person.recorded.failedRequests.filter((line) => !/\/sealer-/.test(line));
  person.recorded.consoleErrors = person.recorded.consoleErrors.filter((line) => !/sealer|Failed to fetch|ERR_INTERNET_DISCONNECTED/i.test(line));
  person.assertClean();
  clinic.assertClean();
});
