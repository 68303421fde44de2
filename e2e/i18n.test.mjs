// Languages: English, Spanish, French, German, Brazilian Portuguese, Arabic and Simplified
// Chinese. The language comes from the person's own choice,
// else the clinic's data-lang, else the browser; the switcher changes it in place and it is
// remembered, and the standalone page's header follows it; dates follow it; a clinic can
// replace any text with data-texts.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { adopted, catalog, live, openWidget, pageHeader } from './harness.mjs';
import { assess, completeIntake, expectedResults, fixture, shownResults } from './intake.mjs';

const TEXTS = Object.fromEntries(['en', 'es', 'fr', 'de', 'pt-BR', 'ar', 'zh'].map((lang) => [lang, catalog(lang)]));

/** The welcome heading's text, once the widget shows it. */
async function welcomeTitle(page) {
  const heading = page.locator('.bpi-welcome h2').first();
  await heading.waitFor();
  return (await heading.textContent()).trim();
}

test('the switcher changes the language in place, and the choice is remembered', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  await widget.goto('/');
  assert.equal(await welcomeTitle(page), TEXTS.en['ui.welcome.title']);
  const options = await page.locator('select[data-action=lang] option').evaluateAll((os) => os.map((o) => [o.value, o.textContent, o.lang]));
  assert.deepEqual(options, [
    ['en', 'English', 'en'],
    ['es', 'Español', 'es'],
    ['fr', 'Français', 'fr'],
    ['de', 'Deutsch', 'de'],
    ['pt-BR', 'Português do Brasil', 'pt-BR'],
    ['ar', 'العربية', 'ar'],
    ['zh', '简体中文', 'zh'],
  ]);

  await page.locator('select[data-action=lang]').selectOption('es');
  await page.locator('.bpi-app[lang=es]').waitFor();
  assert.equal(await welcomeTitle(page), TEXTS.es['ui.welcome.title']);
  assert.equal((await page.locator('.bpi-lang span').textContent()).trim(), TEXTS.es['ui.lang.label']);
  // The page fetched Spanish when it was chosen, and no other catalog (the service worker
  // caches them all for offline use, but that is its own fetching, not the page's).
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/i18n/')));
  assert.deepEqual(fetched.map((n) => new URL(n).pathname), ['/i18n/es.json']);
  // The page around the widget follows it, with the same catalog (fetched once).
  assert.deepEqual(await pageHeader(page, 'es'), [TEXTS.es['page.title'], TEXTS.es['page.intro'], TEXTS.es['page.title']]);

  // A whole intake in Spanish gives the same assessment.
  const doc = fixture('caution');
  await completeIntake(page, doc.answers);
  assert.deepEqual(await shownResults(page), expectedResults(assess(doc)));
  assert.equal((await page.locator('.bpi-triage h2, .bpi-triage h3').first().textContent()).trim(), TEXTS.es['triage.caution.title']);

  await page.reload({ waitUntil: 'load' });
  await adopted(page);
  await page.locator('.bpi-app[lang=es] .bpi-results').waitFor();
  assert.equal((await pageHeader(page, 'es'))[0], TEXTS.es['page.title'], 'the remembered language is the page\'s too');
  await widget.screenshot('results-es');
  // And back to English: the page's own words again.
  await page.locator('select[data-action=lang]').selectOption('en');
  assert.deepEqual(await pageHeader(page, 'en'), [TEXTS.en['page.title'], TEXTS.en['page.intro'], TEXTS.en['page.title']]);
  widget.assertClean();
});

// Each language writes a date its own way: "5 nov. 2026", "2026年11月5日", "5 نوفمبر 2026".
for (const [locale, lang] of [['fr-FR', 'fr'], ['zh-CN', 'zh'], ['ar-EG', 'ar'], ['pt-PT', 'pt-BR'], ['de-AT', 'de']]) {
  test(`the browser language is used when the clinic sets none, and dates follow it (${locale})`, async (t) => {
    const widget = await openWidget(t, { locale });
    const { page } = widget;
    await widget.goto('/');
    await page.locator(`.bpi-app[lang="${lang}"]`).waitFor();
    assert.equal(await welcomeTitle(page), TEXTS[lang]['ui.welcome.title']);
    await completeIntake(page, fixture('clear').answers);

    // A check-in dated 5 November 2026 reads as a French date.
    const form = page.locator('.bpi-checkin-form');
    await form.locator('input[type=date]').fill('2026-11-05');
    const numbers = form.locator('input[type=number]');
    for (let i = 0; i < (await numbers.count()); i += 1) await numbers.nth(i).fill('3');
    await form.locator('button[type=submit]').click();
    const expected = TEXTS[lang]['date.format']
      .replace('{day}', '5')
      .replace('{month}', TEXTS[lang]['date.month.11'])
      .replace('{year}', '2026');
    await page.getByText(expected).first().waitFor();
    widget.assertClean();
  });
}

test('data-lang takes any tag of a shipped language', async (t) => {
  const widget = await openWidget(t, { locale: 'en-GB' });
  const { page } = widget;
  const tags = [['pt-BR', 'pt-BR'], ['PT', 'pt-BR'], ['zh-Hans-CN', 'zh'], ['ar-EG', 'ar'], ['de-CH', 'de'], ['it', 'en']];
  await page.route('**/clinic-tags.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
        <script type="module" src="/boot.js"></script></head><body><main>
        ${tags.map(([tag], i) => `<div data-backpain-intake data-lang="${tag}" data-storage-key="tags-${i}"></div>`).join('')}
        </main></body></html>`,
    }),
  );
  await page.goto(new URL('/clinic-tags.html', widget.server.url).href, { waitUntil: 'load' });
  for (const [i, [tag, lang]] of tags.entries()) {
    const host = page.locator('div[data-backpain-intake]').nth(i);
    await live(host, lang);
    const app = host.locator('.bpi-app');
    assert.equal((await app.locator('.bpi-welcome h2').textContent()).trim(), TEXTS[lang]['ui.welcome.title'], tag);
    assert.equal(await app.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr', tag);
  }
  await adopted(page);
  widget.assertClean();
});

test('the clinic sets the language and replaces texts through the snippet', async (t) => {
  const widget = await openWidget(t, { locale: 'en-GB' });
  const { page } = widget;
  // A clinic's page: the snippet with data-lang and data-texts (one text for every
  // language, one for French only, one bad key that is ignored with a warning).
  const texts = JSON.stringify({
    'ui.welcome.title': 'Before your massage at Riverside',
    fr: { 'ui.welcome.title': 'Avant votre massage chez Riverside' },
    'no.such.key': 'ignored',
  });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.route('**/clinic-test.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clinic</title>
        <script type="module" src="/boot.js"></script></head><body><main>
        <div data-backpain-intake data-lang="fr" data-storage-key="clinic-test"
             data-texts='${texts.replaceAll("'", '&#39;')}'></div></main></body></html>`,
    }),
  );
  await page.goto(new URL('/clinic-test.html', widget.server.url).href, { waitUntil: 'load' });
  await page.locator('.bpi-app[lang=fr]').waitFor();
  assert.equal(await welcomeTitle(page), 'Avant votre massage chez Riverside');
  assert.ok(warnings.some((w) => w.includes('data-texts') && w.includes('no.such.key')), `warned: ${warnings}`);

  await page.locator('select[data-action=lang]').selectOption('en');
  await page.locator('.bpi-app[lang=en]').waitFor();
  assert.equal(await welcomeTitle(page), 'Before your massage at Riverside');
  widget.assertClean();
});

test('a language that cannot be fetched leaves the widget working and says so', async (t) => {
  // No service worker: it would answer from its cache.
  const widget = await openWidget(t, { serviceWorkers: 'block' });
  const { page } = widget;
  await widget.goto('/');
  await page.route('**/i18n/fr.json', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
  await page.locator('select[data-action=lang]').selectOption('fr');
  await page.locator('[data-notice=lang-unavailable]').waitFor();
  assert.equal(await page.locator('.bpi-app').getAttribute('lang'), 'en');
  assert.equal(await page.locator('select[data-action=lang]').inputValue(), 'en');
  assert.equal(await welcomeTitle(page), TEXTS.en['ui.welcome.title']);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'the page stays English too');
  // Once the catalog can be had, choosing the language again fetches it again.
  await page.unroute('**/i18n/fr.json');
  await page.locator('select[data-action=lang]').selectOption('fr');
  await page.locator('.bpi-app[lang=fr]').waitFor();
  assert.equal(await welcomeTitle(page), TEXTS.fr['ui.welcome.title']);
  assert.equal((await pageHeader(page, 'fr'))[0], TEXTS.fr['page.title']);
  // The refused fetch is this test's doing; nothing else may have failed.
  widget.recorded.failedRequests = widget.recorded.failedRequests.filter((r) => !r.includes('/i18n/fr.json'));
  widget.recorded.consoleErrors = widget.recorded.consoleErrors.filter((e) => !e.includes('503'));
  widget.assertClean();
});

test('a language chosen while another is still on its way wins', async (t) => {
  // No service worker: the catalogs must come from the network, one held back.
  const widget = await openWidget(t, { serviceWorkers: 'block' });
  const { page } = widget;
  await widget.goto('/');
  let releaseFrench;
  const frenchHeld = new Promise((resolve) => {
    releaseFrench = resolve;
  });
  await page.route('**/i18n/fr.json', async (route) => {
    await frenchHeld;
    await route.continue();
  });
  const select = page.locator('select[data-action=lang]');
  await select.selectOption('fr');
  await select.selectOption('es');
  await page.locator('.bpi-app[lang=es]').waitFor();
  releaseFrench();
  // French arrives late; once it has been read (the page's resource entry, then two
  // frames for the promise chain into the wasm), Spanish is still on screen.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/i18n/fr.json')));
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  assert.equal(await page.locator('.bpi-app').getAttribute('lang'), 'es');
  assert.equal(await select.inputValue(), 'es');
  assert.equal(await welcomeTitle(page), TEXTS.es['ui.welcome.title']);
  widget.assertClean();
});
