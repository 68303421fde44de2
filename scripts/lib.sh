# shellcheck shell=bash
# Shared by setup.sh, serve.sh and test.sh: the project root, the PATH the tools live on,
# and small helpers. Source it; do not run it.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

# npm-installed wasm-opt first (so that no other wasm-opt, such as the one the wasm-opt crate
# installs into ~/.cargo/bin, shadows it), then cargo-installed trunk and wasm-bindgen.
export PATH="$ROOT/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Pinned versions. wasm-bindgen's version is not here: it comes from Cargo.lock.
# shellcheck disable=SC2034 # used by the scripts that source this file
TRUNK_VERSION="0.22.1"
# shellcheck disable=SC2034
WASM_TARGET="wasm32-unknown-unknown"
CHROMIUM="/usr/bin/chromium"
CHROMEDRIVER="/usr/bin/chromedriver"
export CHROMIUM CHROMEDRIVER

say() { printf '%s\n' "$*"; }
step() { printf '\n--- %s\n' "$*"; }
fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# Prints the version of wasm-bindgen that Cargo.lock resolved.
wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { in_bindgen = 0 }
    /^name = "wasm-bindgen"$/ { in_bindgen = 1 }
    in_bindgen && /^version = / { gsub(/version = |"/, ""); print; exit }
  ' "$ROOT/Cargo.lock"
}

# Prints the first line of `<cmd> --version`, or nothing when the command is missing.
version_of() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | head -n 1 || true
}
