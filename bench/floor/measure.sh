#!/usr/bin/env bash
# What a framework costs before any product code: builds ./yew and ./plain (the same
# small app with Yew 0.23 and without a framework) with the widget's release profile,
# wasm-bindgen and the wasm-opt options of index.html, and prints the wasm and glue sizes,
# raw and brotli (quality 11, as e2e/size.mjs measures). Needs what scripts/setup.sh
# installs. Not part of scripts/test.sh: it answers a design question, see
# bench/README.md, "Where a third would have to come from".
#
#   bash bench/floor/measure.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
root="$(cd ../.. && pwd)"
export PATH="$root/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out="$root/target/floor"
mkdir -p "$out"
for app in yew plain; do
  CARGO_TARGET_DIR="$out/target" cargo build --quiet --locked --release --target wasm32-unknown-unknown \
    --manifest-path "$app/Cargo.toml"
  wasm-bindgen --target web --out-dir "$out/$app" "$out/target/wasm32-unknown-unknown/release/floor-$app.wasm"
  wasm-opt -Oz --low-memory-unused --converge --strip-producers --strip-target-features --strip-debug \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "$out/$app/floor-${app}_bg.wasm" -o "$out/$app/opt.wasm"
  terser --module --compress --mangle -o "$out/$app/glue.min.js" "$out/$app/floor-$app.js"
done
node - "$out" <<'JS'
const { readFileSync } = require('node:fs');
const { brotliCompressSync, constants } = require('node:zlib');
const out = process.argv[2];
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log('app     file          raw     brotli');
for (const app of ['yew', 'plain']) {
  for (const [label, file] of [['wasm', 'opt.wasm'], ['glue', 'glue.min.js']]) {
    const bytes = readFileSync(`${out}/${app}/${file}`);
    console.log(`${app.padEnd(7)} ${label.padEnd(8)} ${String(bytes.length).padStart(9)} ${String(brotli(bytes)).padStart(9)}`);
  }
}
JS
