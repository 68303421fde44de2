// Lighthouse 12.8 (its default mobile run: a mid-range phone on slow 4G, simulated)
// against the standalone page of the release build, in Debian's Chromium. dist/ is served
// on 127.0.0.1 by server.mjs, with brotli as a real host would send it.
//
//   node bench/lighthouse.mjs            (after a release build into dist/)
//
// Prints the four category scores and every audit that lost points. Exits 1 when
// accessibility, best practices or SEO is below 100: those audits read the page and do
// not depend on the machine. Performance is printed, not enforced, because it is timed on
// a shared machine (TBT especially moves with its load); the run is written to
// bench/results/lighthouse.json for the details.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { startServer } from './server.mjs';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const RESULTS = fileURLToPath(new URL('./results', import.meta.url));
const ENFORCED = ['accessibility', 'best-practices', 'seo'];
const server = await startServer({ root: DIST });
const profile = await mkdtemp(join(tmpdir(), 'bpi-lighthouse-'));
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: CHROMIUM_ARGS,
  userDataDir: profile,
});
let failed = false;
try {
  const result = await lighthouse(server.url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  const { lhr } = result;
  await mkdir(RESULTS, { recursive: true });
  await writeFile(join(RESULTS, 'lighthouse.json'), result.report);

  console.log(`Lighthouse ${lhr.lighthouseVersion}, ${lhr.configSettings.formFactor}, ${server.url}`);
  for (const [id, category] of Object.entries(lhr.categories)) {
    const score = Math.round(category.score * 100);
    const enforced = ENFORCED.includes(id);
    console.log(`  ${String(score).padStart(3)}  ${category.title}${enforced ? '' : ' (reported, not enforced)'}`);
    if (enforced && score < 100) failed = true;
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        console.log(`         ${audit.title}: ${audit.displayValue ?? ''} (score ${audit.score})`);
      }
    }
  }
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    console.log(`  ${lhr.audits[id].title}: ${lhr.audits[id].displayValue}`);
  }
  if (lhr.runtimeError) {
    console.error(`error: ${lhr.runtimeError.message}`);
    failed = true;
  }
} finally {
  await chrome.kill();
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
if (failed) {
  console.error('error: accessibility, best practices and SEO must all score 100');
  process.exit(1);
}
