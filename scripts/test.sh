#!/usr/bin/env bash
# Runs every check the project has, in order, and stops at the first failure:
# formatting, clippy (host and wasm32), host tests, browser tests in headless Chromium, the
# release build, the bundle size budget, the end-to-end tests of the built site, and the
# benchmarks (against SurveyJS, and Lighthouse).
# Runs setup.sh first, so it also works on a fresh machine.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

stage_names=()
stage_seconds=()
stage_count=10
stage_number=0
stage_name=""
stage_started=$SECONDS
all_started=$SECONDS

finish_stage() {
  if [ -n "$stage_name" ]; then
    stage_names+=("$stage_name")
    stage_seconds+=($((SECONDS - stage_started)))
  fi
}

stage() {
  finish_stage
  stage_number=$((stage_number + 1))
  stage_name="$1"
  stage_started=$SECONDS
  printf '\n==================================================================\n'
  printf '=== [%d/%d] %s\n' "$stage_number" "$stage_count" "$stage_name"
  printf '==================================================================\n'
}

report() {
  local status=$?
  finish_stage
  printf '\n=== timings\n'
  local i
  for i in "${!stage_names[@]}"; do
    printf '%6d s  %s\n' "${stage_seconds[$i]}" "${stage_names[$i]}"
  done
  printf '%6d s  total\n' $((SECONDS - all_started))
  if [ "$status" -eq 0 ]; then
    printf '\n=== all checks passed\n'
  else
    printf '\n=== FAILED in stage: %s (exit %d)\n' "$stage_name" "$status" >&2
  fi
}
trap report EXIT

stage "setup"
bash "$ROOT/scripts/setup.sh"

stage "cargo fmt --check"
cargo fmt --all -- --check

stage "clippy (host and $WASM_TARGET)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target "$WASM_TARGET" --all-targets -- -D warnings

stage "host tests (cargo test)"
cargo test

stage "benchmark (cargo bench --bench assess: the time of one assess call)"
cargo bench --bench assess

stage "browser tests (cargo test --target $WASM_TARGET, headless Chromium)"
# The runner (.cargo/config.toml) finds chromedriver through CHROMEDRIVER and reads
# Chromium's flags from webdriver.json. Browser tests are #[wasm_bindgen_test]s in the
# library and in tests/browser_*.rs; the other test files are native, and plain #[test]s do
# not run on wasm32 anyway.
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver.json" \
  cargo test --target "$WASM_TARGET" --lib --test 'browser_*'

stage "release build (trunk build --release, wasm-opt -Oz)"
rm -rf "$ROOT/dist"
trunk build --release --offline

# The e2e tests compare the page with the native `assess` command.
cargo build --release --bin assess --bin fhir

stage "bundle size (brotli budget 150 KB)"
node "$ROOT/e2e/size.mjs" "$ROOT/dist"

stage "end-to-end tests (node --test, playwright-core, Chromium)"
mkdir -p "$ROOT/e2e/artifacts"
(cd "$ROOT/e2e" && node --test --test-reporter=spec ./*.test.mjs)

stage "benchmarks (bench/: against SurveyJS, and Lighthouse)"
# Both print what they measure. compare.mjs fails only on an error (a page that does not
# render, a failed request), not on its targets; lighthouse.mjs fails when accessibility,
# best practices or SEO is below 100 (performance is timed on a shared machine, so it is
# printed, not enforced).
node "$ROOT/bench/compare.mjs"
node "$ROOT/bench/lighthouse.mjs"

