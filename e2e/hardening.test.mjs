// The attacks and accidents of the hardening probe (issue "Hardening"), each tried for
// real: the embed page opened with hostile words and an emergency number in its address,
// at the top level and framed by a stranger; the whole flow under Trusted Types; a saved
// value of megabytes under the storage key; and a wasm that traps at start.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';

import { adopted, openWidget } from './harness.mjs';
import { answerStep, assess, completeIntake, expectedResults, fixture, shownResults } from './intake.mjs';
import { TRUSTED_TYPES_CSP } from './server.mjs';

const STORAGE_KEY = 'backpain-intake.v1';
const FRAME = 'iframe#victim';

// A stranger's page: a server of its own on this machine, so another origin (Chromium
// does not let a page it cannot place on the local network frame a loopback one).
async function strangerServer(t, body) {
  const server = createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return `http://localhost:${server.address().port}`;
}

/** The spoof of the probe: wording that hides an emergency, and a number that is not one. */
const SPOOF = {
  'emergency-number': '555000',
  texts: JSON.stringify({ 'triage.emergency.title': 'Nothing serious. Relax.', 'ui.welcome.title': 'Welcome from the attacker' }),
};

function spoofedAddress(origin) {
  const url = new URL('/embed.html', origin);
  for (const [key, value] of Object.entries(SPOOF)) url.searchParams.set(key, value);
  return url.href;
}

/** Completes an emergency intake on the standalone page, so the person has a saved emergency result. */
async function saveEmergencyResult(widget) {
  await widget.goto('/');
  await completeIntake(widget.page, fixture('emergency').answers);
  assert.equal(await widget.page.locator('.bpi-results').getAttribute('data-triage'), 'emergency');
}

/**
 * Serves a page on another origin that frames the embed page at `src` and answers its
 * request for configuration with the spoof, as a hostile page running its own copy of
 * the loader would. Returns the page's address, which the browser may then visit.
 */
async function serveAttacker(t, widget, src) {
  const page = `<!doctype html><title>A stranger's page</title>
    <iframe id="victim" title="intake" src="${src}" style="width:800px;height:900px"></iframe>
    <script>
      const frame = document.getElementById('victim');
      addEventListener('message', (event) => {
        if (event.source === frame.contentWindow && event.data && event.data.bpiReady) {
          frame.contentWindow.postMessage({ bpiConfig: ${JSON.stringify(SPOOF)} }, '*');
        }
      });
    </script>`;
  const origin = await strangerServer(t, page);
  await widget.context.route(`${origin}/**`, (route) => route.continue());
  return origin;
}

/** Resolves once `host` is marked refused: the embed page decided not to show the widget. */
function refused(scope) {
  return scope.locator('[data-backpain-intake][data-refused]').waitFor({ state: 'attached' });
}

async function assertOnlyExplanation(scope) {
  assert.equal(await scope.locator('.bpi-app').count(), 0, 'no widget is shown');
  const text = await scope.locator('body').innerText();
  assert.match(text, /part of a clinic's website/);
  assert.doesNotMatch(text, /555000|Relax|attacker/);
}

test('the embed page opened on its own shows only its explanation, whatever its address says', async (t) => {
  const widget = await openWidget(t);
  await saveEmergencyResult(widget);
  await widget.page.goto(spoofedAddress(widget.origin), { waitUntil: 'load' });
  await refused(widget.page);
  await assertOnlyExplanation(widget.page);
  // The person's own result is still theirs, untouched.
  assert.ok(await widget.page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY));
  widget.assertClean();
});

test('the embed page framed by another origin shows only its explanation', async (t) => {
  const widget = await openWidget(t);
  await saveEmergencyResult(widget);
  const attacker = await serveAttacker(t, widget, spoofedAddress(widget.origin));
  await widget.page.goto(`${attacker}/`, { waitUntil: 'load' });
  const frame = widget.page.frameLocator(FRAME);
  await refused(frame);
  await assertOnlyExplanation(frame);
  widget.assertClean();
});

test('a page the embed page names configures it, but never its safety wording', async (t) => {
  const widget = await openWidget(t);
  const attacker = await serveAttacker(t, widget, `${widget.origin}/embed.html`);
  // The clinic lists its own site, here the stranger's origin, in embed.html's meta element.
  await widget.context.route(`${widget.origin}/embed.html*`, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      '<meta name="backpain-intake-parents" content="">',
      `<meta name="backpain-intake-parents" content="https://elsewhere.example ${attacker}">`,
    );
    assert.match(body, /localhost/, 'the built embed.html carries the meta element');
    await route.fulfill({ response, body });
  });
  await widget.page.goto(`${attacker}/`, { waitUntil: 'load' });
  const frame = widget.page.frameLocator(FRAME);
  // The framing page's configuration arrives: its wording where wording may change...
  assert.equal((await frame.locator('.bpi-welcome h2').textContent()).trim(), 'Welcome from the attacker');
  // ...and the emergency guidance in the widget's own words, with the number the framing
  // page chose (a clinic knows its local emergency number). (A frame under another
  // site has storage of its own, so this is a fresh intake.)
  await completeIntake(frame, fixture('emergency').answers);
  const triage = frame.locator('.bpi-results[data-triage=emergency] .bpi-triage');
  assert.doesNotMatch(await triage.innerText(), /Relax/);
  assert.match(await triage.innerText(), /emergency/i);
  assert.equal(await frame.locator('.bpi-triage a[href^="tel:"]').getAttribute('href'), 'tel:555000');
  widget.assertClean();
});

test('under Trusted Types the whole flow works with no violation: standalone, snippet and iframe', async (t) => {
  const widget = await openWidget(t, { csp: TRUSTED_TYPES_CSP });
  const { page, context } = widget;
  await context.addInitScript(() => {
    window.violations = [];
    addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.violatedDirective}: ${event.sample}`));
  });
  const violations = async () => {
    const all = [];
    for (const f of page.frames()) all.push(...((await f.evaluate(() => window.violations).catch(() => [])) ?? []));
    return all;
  };

  const response = await page.goto(widget.server.url, { waitUntil: 'load' });
  assert.match(response.headers()['content-security-policy'], /require-trusted-types-for 'script'/);
  await page.locator('.bpi-welcome').waitFor();
  for (const name of ['caution', 'emergency']) {
    // A reload while the page still loads (its icon) would cut that request short.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await adopted(page);
    const doc = fixture(name);
    await completeIntake(page, doc.answers);
    assert.deepEqual(await shownResults(page), expectedResults(assess(doc)), `${name}: the results screen is whole`);
  }
  await page.locator('[data-action=share]').click();
  await page.locator('[data-share-link]').waitFor();
  await page.locator('.bpi-share svg').waitFor();
  // The service worker registers through the loader's single-address policy.
  await page.waitForFunction(async () => Boolean(await navigator.serviceWorker.getRegistration()));
  assert.deepEqual(await violations(), [], 'the standalone page');

  await page.waitForLoadState('networkidle');
  await page.goto(new URL('/demo/', widget.server.url).href, { waitUntil: 'load' });
  await page.locator('.bpi-welcome').waitFor();
  await page.frameLocator('iframe[data-backpain-intake-frame]').locator('.bpi-results').waitFor();
  const doc = fixture('clear');
  await completeIntake(page, doc.answers);
  assert.deepEqual(await shownResults(page), expectedResults(assess(doc)), 'the snippet');
  assert.deepEqual(await violations(), [], 'the demo page, its snippet and its iframe');
  widget.assertClean();
});

for (const [name, kind] of [
  ['a 1.5 MB JSON array', 'array'],
  ['a 4 MB string', 'string'],
]) {
  test(`${name} under the storage key leaves a working widget that can clear it`, async (t) => {
    const widget = await openWidget(t);
    await widget.goto('/');
    await widget.page.evaluate(
      ([key, kind]) => localStorage.setItem(key, kind === 'array' ? `[${'0,'.repeat(750_000)}0]` : 'x'.repeat(4_000_000)),
      [STORAGE_KEY, kind],
    );
    await widget.page.reload();
    await adopted(widget.page);
    await widget.page.locator('.bpi-welcome').waitFor();
    const notice = widget.page.locator('[data-notice=storage-corrupt], [data-notice=storage-kept-unreadable]');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('role'), 'alert');
    // The person can answer, and can clear everything.
    await completeIntake(widget.page, fixture('clear').answers);
    await widget.page.locator('footer [data-action=clear]').click();
    await widget.page.locator('[data-action=clear-confirm]').click();
    await widget.page.locator('[data-notice=cleared]').waitFor();
    const left = await widget.page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(key)), STORAGE_KEY);
    assert.deepEqual(left, []);
    widget.assertClean();
  });
}

test('a wasm that traps at start leaves a last-resort screen that sets the saved answers aside', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  await widget.page.evaluate((key) => localStorage.setItem(key, '{"v":2,"intake":{"answers":{}}}'), STORAGE_KEY);
  // The first start traps, as the module did on a huge saved value before bounds were set.
  await widget.context.addInitScript(() => {
    if (sessionStorage.getItem('trapped')) return;
    const wrap = (original) =>
      async function (...args) {
        const result = await original.apply(this, args);
        const instance = result.instance ?? result;
        const exports = { ...instance.exports };
        for (const name of Object.keys(exports)) {
          if (name.includes('mount_widget')) {
            exports[name] = () => {
              sessionStorage.setItem('trapped', '1');
              throw new WebAssembly.RuntimeError('unreachable');
            };
          }
        }
        return result.instance ? { module: result.module, instance: { exports } } : { exports };
      };
    WebAssembly.instantiateStreaming = wrap(WebAssembly.instantiateStreaming);
    WebAssembly.instantiate = wrap(WebAssembly.instantiate);
  });
  await widget.page.reload();
  await adopted(widget.page);
  const screen = widget.page.locator('#backpain-intake [role=alert]');
  await screen.waitFor();
  assert.match(await screen.innerText(), /could not start/);
  await Promise.all([widget.page.waitForEvent('load'), screen.locator('[data-action=move]').click()]);
  await adopted(widget.page);
  await widget.page.locator('.bpi-welcome').waitFor();
  const kept = await widget.page.evaluate((key) => {
    const backups = Object.keys(localStorage).filter((k) => k.startsWith(`${key}.backup.`));
    return { current: localStorage.getItem(key), backups: backups.map((k) => localStorage.getItem(k)) };
  }, STORAGE_KEY);
  assert.deepEqual(kept, { current: null, backups: ['{"v":2,"intake":{"answers":{}}}'] });
  // The trap itself is the one error of this test.
  assert.deepEqual(widget.recorded.pageErrors, []);
});

test('two tabs answering different questions at the same moment both keep both answers', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  await widget.page.locator('.bpi-welcome [data-action=next]').click();
  const other = await widget.context.newPage();
  await other.goto(widget.page.url());
  await other.locator('.bpi-step[data-step=about_you]').waitFor();
  await widget.page.locator('.bpi-step[data-step=about_you]').waitFor();
  // Each tab holds back the other's storage events until both have answered: the two
  // writes cross, as two answers given in the same millisecond do.
  const hold = (page) =>
    page.evaluate(() => {
      window.held = [];
      window.holding = (event) => {
        event.stopImmediatePropagation();
        window.held.push({ key: event.key, oldValue: event.oldValue, newValue: event.newValue });
      };
      addEventListener('storage', window.holding, { capture: true });
    });
  const release = (page) =>
    page.evaluate(() => {
      removeEventListener('storage', window.holding, { capture: true });
      for (const init of window.held) dispatchEvent(new StorageEvent('storage', { ...init, storageArea: localStorage }));
    });
  await hold(widget.page);
  await hold(other);
  await answerStep(widget.page, { age: 47 });
  await answerStep(other, { occupation: 'desk' });
  await release(widget.page);
  await release(other);
  const both = (page) =>
    page.waitForFunction((key) => {
      const saved = JSON.parse(localStorage.getItem(key) || '{}');
      const answers = saved.intake?.answers ?? {};
      return answers.age === 47 && answers.occupation === 'desk';
    }, STORAGE_KEY);
  await both(widget.page);
  await both(other);
  // Both tabs show both answers.
  for (const page of [widget.page, other]) {
    await page.waitForFunction(
      () =>
        document.querySelector('[data-question=age] input[type=number]')?.value === '47' &&
        document.querySelector('[data-question=occupation] input[value=desk]')?.checked,
    );
  }
  widget.assertClean();
});

test('a second damaged link with the same fault says so again', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  const notice = widget.page.locator('[data-notice=share-invalid]');
  for (const damaged of ['#r=Av______8TASEBQ6KCAAAAAAAkBSVADS1eAj', '#r=Av______8TASEBQ6KCAAAAAAAkBSVADS1eAk']) {
    await widget.page.evaluate((hash) => (location.hash = hash), damaged);
    await notice.waitFor();
    assert.match(await notice.innerText(), /cut short or changed/);
    await notice.locator('button').click();
    await notice.waitFor({ state: 'detached' });
  }
  widget.assertClean();
});

test('years of check-ins load, and at the limit the form says so', async (t) => {
  const widget = await openWidget(t);
  await widget.goto('/');
  await completeIntake(widget.page, fixture('clear').answers);
  const withCheckins = (count) =>
    widget.page.evaluate(
      ([key, count]) => {
        const saved = JSON.parse(localStorage.getItem(key));
        saved.intake.checkins = Array.from({ length: count }, (_, week) => {
          const day = new Date(Date.UTC(2020, 0, 1 + 7 * week)).toISOString().slice(0, 10);
          return { date: day, pain_now: 5 - (week % 5), pain_worst_week: 6, sessions: 1 };
        });
        localStorage.setItem(key, JSON.stringify(saved));
      },
      [STORAGE_KEY, count],
    );
  // 500 weekly check-ins (nearly ten years) load as they are.
  await widget.page.waitForLoadState('networkidle');
  await withCheckins(500);
  await widget.page.reload();
  await adopted(widget.page);
  await widget.page.locator('.bpi-results').waitFor();
  assert.equal(await widget.page.locator('[data-notice=storage-corrupt]').count(), 0);
  assert.equal(await widget.page.locator('[data-remove-checkin]').count(), 500);
  assert.equal(await widget.page.locator('[data-action=checkin]').count(), 1, 'room for more');
  // At 1,000 the form gives way to a plain statement of the limit.
  await widget.page.waitForLoadState('networkidle');
  await withCheckins(1000);
  await widget.page.reload();
  await adopted(widget.page);
  await widget.page.locator('[data-notice=checkin-limit]').waitFor();
  assert.equal(await widget.page.locator('[data-action=checkin]').count(), 0);
  await widget.page.locator('[data-remove-checkin]').first().click();
  await widget.page.locator('[data-action=checkin]').waitFor();
  widget.assertClean();
});

test('a page\'s inherited custom properties and direction do not restyle the widget', async (t) => {
  const widget = await openWidget(t);
  // The probe's hostile page: the accent property the widget reads, and right-to-left,
  // both inherited by every element below, shadow roots included.
  const hostile = 'body { --bpi-clinic-accent: #ffff00; direction: rtl; }';
  const startButton = async () => {
    await widget.page.addStyleTag({ content: hostile });
    return widget.page.locator('.bpi-welcome [data-action=next]').first().evaluate((button) => {
      const style = getComputedStyle(button);
      return { background: style.backgroundColor, direction: style.direction };
    });
  };
  // The standalone page sets no accent: the widget's own, not the page's yellow.
  await widget.goto('/');
  assert.deepEqual(await startButton(), { background: 'rgb(31, 111, 139)', direction: 'ltr' });
  // The demo's snippet sets one (data-accent-color): that one, in its shadow root.
  await widget.page.goto(new URL('/demo/', widget.server.url).href, { waitUntil: 'load' });
  await widget.page.locator('.bpi-welcome').first().waitFor();
  assert.deepEqual(await startButton(), { background: 'rgb(138, 59, 18)', direction: 'ltr' });
  widget.assertClean();
});

test('two widgets with one storage key on a page keep their answers apart', async (t) => {
  const widget = await openWidget(t);
  const { page } = widget;
  // A clinic page with the snippet twice, both naming the same key.
  const body = `<!doctype html><html lang="en"><head><title>Two widgets</title><link rel="icon" href="/icon.svg">
    <script type="module" src="/boot.js"></script></head><body>
    <div id="first" data-backpain-intake data-storage-key="clinic"></div>
    <div id="second" data-backpain-intake data-storage-key="clinic"></div></body></html>`;
  await widget.context.route(`${widget.origin}/two.html`, (route) => route.fulfill({ contentType: 'text/html', body }));
  const warnings = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.goto(`${widget.origin}/two.html`, { waitUntil: 'load' });
  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.locator('.bpi-welcome').waitFor();
  await second.locator('.bpi-welcome').waitFor();
  await first.locator('.bpi-welcome [data-action=next]').click();
  await first.locator('[data-question=age] input').fill('61');
  await page.waitForFunction(() => localStorage.getItem('clinic') !== null);
  assert.equal(await page.evaluate(() => localStorage.getItem('clinic.2')), null, 'the second widget saved nothing');
  assert.ok(warnings.some((w) => w.includes('same storage key') && w.includes('clinic.2')), warnings.join('\n'));
  // After a reload each finds its own: the first its answer, the second a fresh start.
  await page.waitForLoadState('networkidle');
  await page.reload();
  await adopted(page);
  await first.locator('[data-question=age] input').waitFor();
  assert.equal(await first.locator('[data-question=age] input').inputValue(), '61');
  await second.locator('.bpi-welcome').waitFor();
  widget.assertClean();
});
