// Reports the raw and brotli-compressed size of the built site's wasm, JS and CSS, and
// fails when a compressed total exceeds its budget. Three bundles, three budgets: the
// person's widget; the clinician page (clinician-*: its own binary, issue 14), which a
// person never downloads; and the sealer (sealer-*), which the widget fetches only when a
// person sends their answers to a clinic that set its key.
// Usage: node e2e/size.mjs [dist=../dist]

import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

// The budget is 150 KB in decimal kilobytes, the stricter reading of the requirement.
const BUDGET_BROTLI_BYTES = 150_000;
// The clinician page: the widget's Yew and views, plus the clinician's summary and inbox,
// FHIR export, and the clinic key (made, backed up, restored, kept in IndexedDB).
const CLINICIAN_BUDGET_BROTLI_BYTES = 140_000;
const isClinician = (file) => /(^|\/)clinician[-.]/.test(file);
// The sealer: the share link decoder, Web Crypto calls and the sealed envelope, no Yew.
const SEALER_BUDGET_BROTLI_BYTES = 25_000;
const isSealer = (file) => /(^|\/)sealer[-.]/.test(file);
const KINDS = { '.wasm': 'wasm', '.js': 'js', '.css': 'css' };

const dist = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // Skip Trunk's staging directory (.stage) and other hidden entries: they are not served.
    // demo/ is a clinic's page, not part of the widget.
    if (entry.name.startsWith('.') || entry.name === 'demo') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function brotliSize(bytes, kind) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_MODE]:
        kind === 'wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

const rows = [];
for await (const path of walk(dist)) {
  const kind = KINDS[extname(path).toLowerCase()];
  if (!kind) continue;
  const bytes = await readFile(path);
  rows.push({ file: relative(dist, path), kind, raw: bytes.length, brotli: brotliSize(bytes, kind) });
}
if (!rows.some((row) => row.kind === 'wasm')) {
  console.error(`error: no .wasm file under ${dist}: run the release build first`);
  process.exit(1);
}

rows.sort((a, b) => a.kind.localeCompare(b.kind) || a.file.localeCompare(b.file));
const pad = (value, width) => String(value).padStart(width);
const line = (name, raw, brotli) => `${pad(raw, 10)} ${pad(brotli, 10)}  ${name}`;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

let failed = false;
for (const [name, ofBundle, budget] of [
  ['the widget', rows.filter((row) => !isClinician(row.file) && !isSealer(row.file)), BUDGET_BROTLI_BYTES],
  ['the clinician page', rows.filter((row) => isClinician(row.file)), CLINICIAN_BUDGET_BROTLI_BYTES],
  ['the sealer', rows.filter((row) => isSealer(row.file)), SEALER_BUDGET_BROTLI_BYTES],
]) {
  if (ofBundle.length === 0) {
    console.log(`${name}: no files (a debug build leaves the clinician page and the sealer out)\n`);
    continue;
  }
  console.log(`bundle size of ${name} in ${dist}`);
  console.log(line('file', 'raw B', 'brotli B'));
  for (const row of ofBundle) console.log(line(row.file, row.raw, row.brotli));
  console.log('');
  for (const kind of ['wasm', 'js', 'css']) {
    const ofKind = ofBundle.filter((row) => row.kind === kind);
    const raw = ofKind.reduce((sum, row) => sum + row.raw, 0);
    const brotli = ofKind.reduce((sum, row) => sum + row.brotli, 0);
    console.log(line(`${kind} total`, raw, brotli));
  }
  const totalRaw = ofBundle.reduce((sum, row) => sum + row.raw, 0);
  const totalBrotli = ofBundle.reduce((sum, row) => sum + row.brotli, 0);
  console.log(line('total', totalRaw, totalBrotli));
  console.log(
    `\n${name}: brotli total ${kb(totalBrotli)} of the ${kb(budget)} budget ` +
      `(${((100 * totalBrotli) / budget).toFixed(0)} %)\n`,
  );
  if (totalBrotli > budget) {
    console.error(`error: ${name} is ${totalBrotli} bytes brotli, over the ${budget} byte budget`);
    failed = true;
  }
}
if (failed) process.exit(1);
