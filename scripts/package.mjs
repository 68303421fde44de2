// Turns Trunk's output in dist/ into the widget's release:
//   index.html   the standalone page, with Trunk's inline loader replaced by boot.js so
//                that it runs under a strict Content-Security-Policy
//   boot.js      the loader a clinic's snippet points at (from web/boot.js)
//   embed.html   the page an iframe shows (it reports its height to the parent)
//   sw.js        the service worker that caches the release for offline use
//   i18n/<lang>.json   the catalogs of the languages other than English (English is in
//                the wasm), fetched when a person first chooses one
//   manifest.webmanifest, icon.svg, icon-192.png, icon-512.png   installability (copied
//                from web/; the PNGs are committed, drawn once from icon.svg's design)
//   demo/        a demo clinic page embedding the widget both ways (from demo/)
//   fhir/questionnaire.json   the intake as a FHIR R4 Questionnaire (the `fhir` command)
//   clinician.html (+ clinician-*.js, *_bg.wasm, *.css)   the clinician page, its own
//                bundle (the `clinician` binary), cached by the worker on first use
//   sealer-*.js, sealer-*_bg.wasm   seals a person's answers to their clinic's key (the
//                `sealer` binary), fetched by boot.js when a person first sends
//   back-pain-intake-offline.html   everything in one file that works from file://
//   prerender/<lang>.json   the widget's first screen in each language (the `prerender`
//                command), which boot.js draws before the wasm arrives; the English one is
//                also written into index.html, embed.html and the offline edition
// It also shortens wasm-bindgen's import and closure names in the wasm and its glue
// (scripts/shorten.mjs), writes the glue into boot.js, minifies every script with terser,
// and updates the integrity hash Trunk wrote for the wasm.
// Usage: node scripts/package.mjs [dir]; Trunk runs it as a post_build hook on its staging
// directory (TRUNK_STAGING_DIR), so `trunk build` and `trunk serve` both ship the result.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { shortenNames } from './shorten.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// terser, from tools/ (setup.sh installs it with wasm-opt).
const { minify } = createRequire(join(ROOT, 'tools', 'package.json'))('terser');
const DIST = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? join(ROOT, 'dist'));
const WEB = join(ROOT, 'web');

const files = readdirSync(DIST);
const find = (pattern) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one file matching ${pattern} in ${DIST}, found ${found}`);
  return found[0];
};
const glue = find(/^backpain-intake-[0-9a-f]+\.js$/);
const wasm = find(/^backpain-intake-[0-9a-f]+_bg\.wasm$/);
const css = find(/^widget-[0-9a-f]+\.css$/);

/**
 * The glue without its `initSync` export, which nothing here calls (boot.js and the
 * single-file edition use the default, asynchronous init), so terser drops it.
 */
function withoutInitSync(code) {
  const list = /export\s*\{([^}]*)\}/.exec(code);
  if (!list || !/\binitSync\b/.test(list[1])) throw new Error(`no initSync in the export list of ${glue}`);
  const kept = list[1].split(',').filter((entry) => !/\binitSync\b/.test(entry));
  return code.slice(0, list.index) + `export { ${kept.join(',')} }` + code.slice(list.index + list[0].length);
}

/**
 * The glue with wasm-bindgen's `debugString` (how a JS value reads in Rust's `{:?}`) cut
 * to its type's name. Rust code formats a JS value so only for diagnostics no person
 * reads (the messages of panics, which this build never prints: a trap shows the
 * last-resort screen). Its 40 lines were 235 bytes of boot.js, brotli. Glue without it
 * is left as it is.
 */
function withoutDebugStrings(code) {
  const start = code.indexOf('function debugString(');
  if (start < 0) return code;
  let depth = 0;
  for (let at = code.indexOf('{', start); at < code.length; at += 1) {
    if (code[at] === '{') depth += 1;
    else if (code[at] === '}' && --depth === 0) {
      return `${code.slice(0, start)}function debugString(val) { return typeof val; }${code.slice(at + 1)}`;
    }
  }
  throw new Error('debugString in the glue has no end');
}

/**
 * The glue with wasm-bindgen's two long console warnings said in a few words: one for a
 * server that sends the wasm without its MIME type (the glue then instantiates it the
 * slower way), one for old-style arguments to its init function, which boot.js never
 * passes (62 bytes of boot.js, brotli). Glue without them is left as it is.
 */
function withShortWarnings(code) {
  return code
    .replace(/`WebAssembly\.instantiateStreaming` failed because your server[^"]*Original error:\\n/, () => 'wasm not served as application/wasm, so instantiated the slower way:')
    .replace('using deprecated parameters for the initialization function; pass a single object instead', () => 'pass one object');
}

/** Minifies a script: `module` for an ES module, else a classic script (the worker). */
async function compact(source, module) {
  // Functions that use no `this` become arrows, and object members methods: none of these
  // scripts, nor wasm-bindgen's glue of the widget, the clinician page or the sealer, calls
  // such a function with `new` (60 bytes of boot.js, brotli).
  const compress = { passes: 2, ecma: 2020, unsafe_arrows: true, unsafe_methods: true };
  const result = await minify(source, { module, toplevel: true, ecma: 2020, compress, mangle: true });
  return result.code;
}

// Short names in the module and its glue, and Trunk's integrity hash made to match. The glue
// goes into boot.js (below), not into a file of its own: one request less, and the two
// compress better together. Trunk's modulepreload of it goes with it.
let index = readFileSync(join(DIST, 'index.html'), 'utf8');
const short = shortenNames(readFileSync(join(DIST, wasm)), readFileSync(join(DIST, glue), 'utf8'));
writeFileSync(join(DIST, wasm), short.wasm);
const glueCode = await compact(withShortWarnings(withoutDebugStrings(withoutInitSync(short.glue))), true);
rmSync(join(DIST, glue));
const preload = new RegExp(`<link[^>]*href=["']?\\./${glue.replace('.', '\\.')}["']?[^>]*>`);
if (!preload.test(index)) throw new Error(`no modulepreload of ${glue} in index.html`);
index = index.replace(preload, '');
{
  const pattern = new RegExp(`(href=["']?\\./${wasm.replace('.', '\\.')}["']?[^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`);
  if (!pattern.test(index)) throw new Error(`no integrity hash for ${wasm} in index.html`);
  const digest = createHash('sha384').update(readFileSync(join(DIST, wasm))).digest('base64');
  index = index.replace(pattern, `$1sha384-${digest}`);
}

// The widget's first screen, prerendered in every language by the native view code
// (src/view/prerender.rs, the `prerender` command): HTML for the pages, a tree for boot.js.
// A debug `trunk serve` skips it (the widget then shows once the wasm has started).
const prerendered = process.env.TRUNK_PROFILE === 'debug' ? null : JSON.parse(
  execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'prerender'], { cwd: ROOT, maxBuffer: 16 << 20 }),
);
if (prerendered) {
  mkdirSync(join(DIST, 'prerender'), { recursive: true });
  for (const [lang, { tree }] of Object.entries(prerendered)) {
    writeFileSync(join(DIST, 'prerender', `${lang}.json`), JSON.stringify(tree));
  }
}
/** The widget's element in a page, with the English first screen in it (when built). */
function withFirstScreen(page) {
  const host = /<div([^>]*\bdata-backpain-intake\b[^>]*)><\/div>/;
  if (!host.test(page)) throw new Error('no empty element with data-backpain-intake in the page');
  if (!prerendered) return page;
  return page.replace(host, (_, attributes) => `<div${attributes}>${firstScreen(prerendered.en.html)}</div>`);
}
/** The prerendered screens in their own root, which the widget's takes the place of. */
function firstScreen(screens) {
  return `<div class="bpi-root" data-prerendered>${screens}</div>`;
}

// The standalone page: Trunk's inline loader out (boot.js loads the module instead), and
// the first screen in.
const inline = /<script type=["']?module["']?>[\s\S]*?<\/script>/;
if (!inline.test(index)) throw new Error('Trunk\'s inline loader was not found in index.html');
index = index.replace(inline, '');
if (!index.includes('boot.js')) throw new Error('index.html does not load boot.js');
const bare = index;
index = withFirstScreen(index);
writeFileSync(join(DIST, 'index.html'), index);

// The other languages' catalogs, minified; a malformed one fails the build here.
const I18N = join(ROOT, 'data', 'i18n');
const catalogs = {};
mkdirSync(join(DIST, 'i18n'), { recursive: true });
for (const file of readdirSync(I18N).filter((f) => f.endsWith('.json') && f !== 'en.json').sort()) {
  const lang = file.slice(0, -'.json'.length);
  catalogs[lang] = JSON.stringify(JSON.parse(readFileSync(join(I18N, file), 'utf8')));
  writeFileSync(join(DIST, 'i18n', file), catalogs[lang]);
}
const english = JSON.parse(readFileSync(join(I18N, 'en.json'), 'utf8'));
/** Every shipped language's code, English first, for boot.js. */
const languages = () => JSON.stringify(['en', ...Object.keys(catalogs)]);
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// The iframe page: the same head, and in the body the element the widget mounts on,
// holding the page's explanation in every language. The explanation is all anyone sees
// who opens the page directly or frames it from a page that may not configure it (see
// web/boot.js). A clinic whose pages are on another origin than the widget's files lists
// those origins, separated by spaces, in the meta element (README, "Security").
const explanation = ['en', ...Object.keys(catalogs)]
  .map((lang) => `<p lang="${lang}" dir="auto">${escape(lang === 'en' ? english['page.embed_only'] : JSON.parse(catalogs[lang])['page.embed_only'])}</p>`)
  .join('');
// The English first screen waits with the explanation, the whole hidden until boot.js
// knows whether a page may configure the widget: then one of the two goes (and another
// language's screen may take the English one's place).
const firstHidden = prerendered ? firstScreen(prerendered.en.html) : '';
const embed = bare
  .replace(/<title>[^<]*<\/title>/, '<title>Back pain massage intake (embedded)</title><meta name="backpain-intake-parents" content="">')
  .replace(
    /<body>[\s\S]*<\/body>/,
    () => `<body><main><div data-backpain-intake data-isolation="none" data-frame hidden><div class="bpi-root">${explanation}</div>${firstHidden}</div></main></body>`,
  );
writeFileSync(join(DIST, 'embed.html'), embed);

// The loader, with the English texts of its last-resort screen and the other languages.
const failed = Object.fromEntries(Object.entries(english).filter(([key]) => key.startsWith('page.failed.')));
// The sealer (src/bin/sealer.rs), which boot.js fetches the first time a person sends
// their answers to a clinic; a debug `trunk serve` skips it, and sending then says it
// could not seal.
const sealer = process.env.TRUNK_PROFILE === 'debug' ? { glue: 'sealer-missing.js', wasm: 'sealer-missing.wasm' } : await buildSealer();
const glueModule = inlineModule(glueCode);
// Each value goes in through a function: a replacement string would read `$&`, `$'` and
// the like in it (which minified code can hold) as patterns.
const boot = readFileSync(join(WEB, 'boot.js'), 'utf8')
  .replace('__GLUE__', () => `{ default: ${glueModule.local('default')}, mount_widget: ${glueModule.local('mount_widget')} }`)
  .replace('// __GLUE_CODE__', () => glueModule.code)
  .replace('__WASM__', () => wasm)
  .replace('__SEALER_GLUE__', () => sealer.glue)
  .replace('__SEALER_WASM__', () => sealer.wasm)
  .replace('__CSS__', () => css)
  .replace('__FAILED__', () => JSON.stringify(failed))
  .replace('__LANGS__', () => languages());
writeFileSync(join(DIST, 'boot.js'), await compact(boot, true));

for (const name of ['manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png']) {
  cpSync(join(WEB, name), join(DIST, name));
}
cpSync(join(ROOT, 'demo'), join(DIST, 'demo'), { recursive: true });

// The FHIR R4 Questionnaire of the intake, for a clinic's records system: written by the
// native `fhir` command (src/clinic/fhir.rs) from data/questionnaire.json and the English
// catalog, so the widget and the file cannot disagree. Not cached by the worker: it is
// for records systems, not for the person. A debug `trunk serve` skips it (it would build
// the native command on every change); every release build writes it.
if (process.env.TRUNK_PROFILE !== 'debug') {
  mkdirSync(join(DIST, 'fhir'), { recursive: true });
  const questionnaire = execFileSync('cargo', ['run', '--release', '--quiet', '--bin', 'fhir', '--', 'questionnaire'], {
    cwd: ROOT,
    maxBuffer: 16 << 20,
  });
  writeFileSync(join(DIST, 'fhir', 'questionnaire.json'), questionnaire);
}

// The clinician page (issue 14): its own binary and bundle, so the person's widget never
// carries it. Built here, after Trunk has built the widget: cargo for the browser, then
// wasm-bindgen and wasm-opt with the widget's options, and the page, its loader and its
// styles beside index.html. A debug `trunk serve` skips it.
const clinician = process.env.TRUNK_PROFILE === 'debug' ? [] : await buildClinician();

// The worker caches exactly this release; its version is a hash of the files. It caches
// the first list when it installs, and the other languages' catalogs, the sealer and the
// clinician page when first used (a person never downloads the clinician's bundle).
const cached = [
  'index.html', 'embed.html', 'boot.js', wasm, css,
  'manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png',
];
const sealerFiles = process.env.TRUNK_PROFILE === 'debug' ? [] : [sealer.glue, sealer.wasm];
// The prerendered screens' trees are not cached: offline, a page shows its own (English)
// until the widget runs.
const later = [...Object.keys(catalogs).map((lang) => `i18n/${lang}.json`), ...sealerFiles, ...clinician];
const hash = createHash('sha256');
for (const name of [...cached, ...later]) hash.update(readFileSync(join(DIST, name)));
const version = hash.digest('hex').slice(0, 12);
const worker = readFileSync(join(WEB, 'sw.js'), 'utf8')
  .replace('__VERSION__', version)
  // index.html is the folder's address: cached once, as './'.
  .replace('__FILES__', JSON.stringify(['./', ...cached.filter((name) => name !== 'index.html')]))
  .replace('__LATER__', JSON.stringify(later))
  .replace('__HASHED__', JSON.stringify([wasm, css]));
writeFileSync(join(DIST, 'sw.js'), await compact(worker, false));

writeFileSync(join(DIST, 'back-pain-intake-offline.html'), singleFile());
console.log(`packaged ${DIST}: release ${version}; boot.js, sw.js, embed.html, clinician.html, sealer, demo/, back-pain-intake-offline.html`);

/**
 * The glue's code without its exports, to run inline in another script: `code`, and
 * `local(name)`, the local name of an export.
 */
function inlineModule(source) {
  const exports = /export\s*\{([^}]*)\};?\s*$/.exec(source);
  if (!exports) throw new Error(`no export list at the end of ${glue}`);
  const code = source.slice(0, exports.index).replace(/export\s+function\s+/g, 'function ');
  const local = (exported) => {
    if (new RegExp(`export\\s+function\\s+${exported}\\b`).test(source)) return exported;
    const entry = exports[1].split(',').map((e) => e.trim()).find((e) => e === exported || e.endsWith(` as ${exported}`));
    if (!entry) throw new Error(`${glue} does not export ${exported}`);
    return entry.split(/\s+as\s+/)[0];
  };
  return { code, local };
}

/** A file name with a hash of its bytes, as Trunk names the widget's. */
function named(stem, ext, bytes) {
  return `${stem}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`;
}

/**
 * Builds one of the crate's other browser binaries (the clinician page, the sealer): cargo
 * for wasm32, then wasm-bindgen and wasm-opt with the widget's options. Writes its wasm
 * and its glue into DIST under hashed names, and returns the names.
 */
async function buildModule(bin) {
  const target = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');
  const quiet = { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] };
  execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', bin], quiet);
  const out = mkdtempSync(join(tmpdir(), `bpi-${bin}-`));
  try {
    const built = join(target, 'wasm32-unknown-unknown', 'release', `${bin}.wasm`);
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', bin, built], quiet);
    const bg = join(out, `${bin}_bg.wasm`);
    const wasmOpt = join(ROOT, 'tools', 'node_modules', '.bin', 'wasm-opt');
    execFileSync(wasmOpt, ['-Oz', '--low-memory-unused', '--converge', '--strip-producers', '--strip-target-features', bg, '-o', bg], quiet);
    // Not shortenNames: it expects the widget's glue (the names it shortens are measured
    // against the widget's budget); these modules have their own.
    const short = { wasm: readFileSync(bg), glue: readFileSync(join(out, `${bin}.js`), 'utf8') };
    const wasmName = named(bin, '_bg.wasm', short.wasm);
    writeFileSync(join(DIST, wasmName), short.wasm);
    const glueCode = await compact(withoutInitSync(short.glue), true);
    const glueName = named(bin, '.js', glueCode);
    writeFileSync(join(DIST, glueName), glueCode);
    return { glue: glueName, wasm: wasmName };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The sealer's files, built and written into DIST; returns their names. */
async function buildSealer() {
  return buildModule('sealer');
}

/** The clinician page's files, built and written into DIST; returns their names. */
async function buildClinician() {
  const { glue: glueName, wasm: wasmName } = await buildModule('clinician');
  const loader = await compact(readFileSync(join(WEB, 'clinician.js'), 'utf8').replace('__GLUE__', glueName).replace('__WASM__', wasmName), true);
  const loaderName = named('clinician-loader', '.js', loader);
  writeFileSync(join(DIST, loaderName), loader);
  const styles = readFileSync(join(ROOT, 'styles', 'clinician.css'), 'utf8');
  const cssName = named('clinician', '.css', styles);
  writeFileSync(join(DIST, cssName), styles);
  const page = readFileSync(join(WEB, 'clinician.html'), 'utf8')
    .replace('__WIDGET_CSS__', css)
    .replace('__CSS__', cssName)
    .replace('__LOADER__', loaderName);
  writeFileSync(join(DIST, 'clinician.html'), page);
  return ['clinician.html', loaderName, glueName, wasmName, cssName];
}

/**
 * One HTML file with the styles, the module and the wasm inside, for opening from disk
 * (a file:// page cannot fetch a .wasm file). The module's exports become plain names
 * in an inline module script that also starts the widget.
 */
function singleFile() {
  const { code, local } = inlineModule(glueCode);
  const bytes = readFileSync(join(DIST, wasm)).toString('base64');
  const styles = readFileSync(join(DIST, css), 'utf8');
  // The first screen works at once; the wasm's bytes are decoded after.
  const start = 'const hosts=[...document.querySelectorAll("[data-backpain-intake]")];' +
    'const roots=hosts.map((host)=>{const root=host.appendChild(document.createElement("div"));' +
    'const pre=host.querySelector(":scope>[data-prerendered]");if(pre)prepare(pre,root,host);return root});' +
    `const bytes=Uint8Array.from(atob("${bytes}"),c=>c.charCodeAt(0));` +
    `const catalogs=${JSON.stringify(catalogs)};` +
    'const catalog=(lang)=>lang in catalogs?Promise.resolve(catalogs[lang]):Promise.reject(new Error(lang));' +
    'const fail=()=>hosts.forEach((host,i)=>lastResort(host,roots[i],catalog));' +
    'const trapped=(event)=>(event.error||event.reason) instanceof WebAssembly.RuntimeError&&fail();' +
    'addEventListener("error",trapped);addEventListener("unhandledrejection",trapped);' +
    `try{await ${local('default')}({module_or_path:bytes});` +
    'for(const [i,host] of hosts.entries()){followPageLanguage(host,catalog);mount_widget(host,roots[i],catalog);' +
    'if(roots[i].pre)await takeOver(roots[i].pre,roots[i]);}}catch{fail()}';
  // The standalone page's header, which follows the widget's language as on index.html.
  const header = /<header[^>]*bpi-page-header[^>]*>[\s\S]*?<\/header>/.exec(index);
  if (!header) throw new Error('index.html has no page header');
  const region = (name) => {
    const found = new RegExp(`// #region ${name}[^\\n]*\\n([\\s\\S]*?)// #endregion`).exec(readFileSync(join(WEB, 'boot.js'), 'utf8'));
    if (!found) throw new Error(`web/boot.js has no ${name} region`);
    return found[1];
  };
  const follow = [null, region('followPageLanguage') + region('prerender')];
  const failedTexts = region('lastResort')
    .replace('__FAILED__', JSON.stringify(Object.fromEntries(Object.entries(english).filter(([key]) => key.startsWith('page.failed.')))))
    .replace('__LANGS__', languages());
  return '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<title>Back pain massage intake (offline)</title>' +
    `<style>${styles}</style></head><body>` +
    header[0] +
    withFirstScreen('<main><div data-backpain-intake data-isolation="none"></div></main>') +
    `<script type="module">${code}\n${follow[1]}\n${failedTexts}\n${start}</script></body></html>`;
}
