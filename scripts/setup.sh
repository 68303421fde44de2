#!/usr/bin/env bash
# Installs what building, serving and testing the widget needs, at pinned versions, and
# skips whatever is already present. Safe to run again; takes seconds when nothing is missing.
#
#   Rust target wasm32-unknown-unknown, rustfmt, clippy   (rustup)
#   trunk 0.22.1                                           (cargo install, ~8 min cold)
#   wasm-bindgen-cli at Cargo.lock's wasm-bindgen version  (cargo install, ~3 min cold)
#   wasm-opt from binaryen, pinned in tools/package.json   (npm ci, local to tools/)
#   chromium, chromium-driver, zbar-tools, poppler-utils   (apt, only when missing)
#   fonts for Arabic and Chinese, for the browser tests    (apt, only when none is there)
#   playwright-core, pinned in e2e/package.json            (npm ci, local to e2e/)
#   survey-core, survey-js-ui, playwright-core for bench/  (npm ci, local to bench/)
#
# Nothing downloads a browser or a prebuilt binary from outside the package registries.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

started=$SECONDS
say "=== setup: checking tools in $ROOT"

step "node and npm"
command -v node >/dev/null || fail "node is missing: install node 20 or newer"
command -v npm >/dev/null || fail "npm is missing: install node 20 or newer"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail "node $(node --version) is too old: node 20 or newer is needed"
say "ok: node $(node --version), npm $(npm --version 2>/dev/null)"

step "Rust toolchain: $WASM_TARGET target, rustfmt, clippy"
command -v rustup >/dev/null || fail "rustup is missing: install it from https://rustup.rs"
if rustup target list --installed | grep -qx "$WASM_TARGET"; then
  say "ok: $WASM_TARGET is installed"
else
  say "installing the $WASM_TARGET target"
  rustup target add "$WASM_TARGET"
fi
installed_components="$(rustup component list --installed)"
for component in rustfmt clippy; do
  if grep -q "^$component" <<<"$installed_components"; then
    say "ok: $component is installed"
  else
    say "installing $component"
    rustup component add "$component"
  fi
done

step "crate dependencies (cargo fetch, so that later builds can run --offline)"
cargo fetch --quiet
say "ok: dependencies fetched"

step "trunk $TRUNK_VERSION"
trunk_found="$(version_of trunk)"
if [ "$trunk_found" = "trunk $TRUNK_VERSION" ]; then
  say "ok: $trunk_found"
else
  say "found '${trunk_found:-nothing}'; installing trunk $TRUNK_VERSION (several minutes)"
  # --ignore-rust-version: trunk 0.22.1 declares a newer rust-version than it needs.
  cargo install --locked --ignore-rust-version --force trunk --version "$TRUNK_VERSION"
fi

bindgen_version="$(wasm_bindgen_version)"
[ -n "$bindgen_version" ] || fail "Cargo.lock has no wasm-bindgen package"
step "wasm-bindgen-cli $bindgen_version (the version Cargo.lock resolved)"
bindgen_found="$(version_of wasm-bindgen)"
runner_found="$(version_of wasm-bindgen-test-runner)"
# The runner prints "wasm-bindgen-test-runner 0.2.x"; compare its second word.
if [ "$bindgen_found" = "wasm-bindgen $bindgen_version" ] &&
  [ "${runner_found#* }" = "$bindgen_version" ]; then
  say "ok: $bindgen_found and its test runner"
else
  say "found '${bindgen_found:-nothing}'; installing wasm-bindgen-cli $bindgen_version (a few minutes)"
  # Without --locked: that is the way this version has been verified to build here.
  cargo install --force wasm-bindgen-cli --version "$bindgen_version"
fi

# Installs an npm project's exact lockfile unless that same lockfile is already installed.
npm_ci_once() {
  local dir="$1"
  local stamp="$dir/node_modules/.installed-package-lock.json"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    say "ok: $dir/node_modules matches $dir/package-lock.json"
  else
    say "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
}

step "wasm-opt (binaryen from npm, in tools/)"
npm_ci_once tools
wasm_opt_found="$(version_of wasm-opt)"
wanted_wasm_opt="$(sed -n 's/^wasm_opt = "\(.*\)"/\1/p' Trunk.toml)"
# wasm-opt prints "wasm-opt version 132 (version_132)"; Trunk compares "version_132".
case "$wasm_opt_found" in
  "wasm-opt version ${wanted_wasm_opt#version_} "* | "wasm-opt version ${wanted_wasm_opt#version_}")
    say "ok: $wasm_opt_found at $(command -v wasm-opt)"
    ;;
  *)
    fail "wasm-opt on PATH is '${wasm_opt_found:-missing}', but Trunk.toml wants $wanted_wasm_opt: keep tools/package.json and Trunk.toml in step"
    ;;
esac

step "Debian packages: chromium, chromium-driver, zbar-tools (QR decoding), poppler-utils (PDF checks), fonts"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -x "$CHROMEDRIVER" ] || missing+=(chromium-driver)
command -v zbarimg >/dev/null || missing+=(zbar-tools)
{ command -v pdfinfo >/dev/null && command -v pdftotext >/dev/null; } || missing+=(poppler-utils)
# The widget uses the device's own fonts; the browser tests lay out Arabic and Chinese, so
# this machine needs a font for each (any will do; these two are small).
command -v fc-list >/dev/null || missing+=(fontconfig)
[ -n "$(fc-list :lang=ar 2>/dev/null)" ] || missing+=(fonts-dejavu-core)
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || missing+=(fonts-droid-fallback)
if [ ${#missing[@]} -eq 0 ]; then
  say "ok: $("$CHROMIUM" --version 2>/dev/null | head -n 1), zbarimg, pdfinfo, pdftotext, fonts for Arabic and Chinese"
else
  say "installing with apt: ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "not root and no sudo: install ${missing[*]} yourself"
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi
browser_major="$("$CHROMIUM" --version 2>/dev/null | grep -oE '[0-9]+' | head -n 1)"
driver_major="$("$CHROMEDRIVER" --version | grep -oE '[0-9]+' | head -n 1)"
[ "$browser_major" = "$driver_major" ] ||
  fail "chromium $browser_major and chromedriver $driver_major differ: update both packages together"
say "ok: $("$CHROMEDRIVER" --version | cut -d' ' -f1-2)"

step "e2e test dependencies (playwright-core, no browser download)"
npm_ci_once e2e

step "benchmark dependencies (SurveyJS to compare against, playwright-core; no browser download)"
npm_ci_once bench

say ""
say "=== setup: done in $((SECONDS - started)) s"
