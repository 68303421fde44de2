#!/usr/bin/env bash
# Builds the widget in release mode and serves it on http://127.0.0.1:8080, rebuilding on
# change, with the strict Content-Security-Policy of Trunk.toml. The demo clinic page,
# embedding the widget both ways, is at http://127.0.0.1:8080/demo/. Runs setup.sh first, so it also works on a fresh machine. Stop it with Ctrl-C.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

bash "$ROOT/scripts/setup.sh"

say ""
say "=== serving the release build on http://127.0.0.1:8080/ (demo clinic page: /demo/)"
# --offline: use the tools setup.sh installed, never download one.
# --no-autoreload: serve exactly the release build. Trunk's reload script does not survive
# release minification in 0.22.1 (it then logs a WebSocket error); reload the page by hand
# after Trunk rebuilds on a change.
exec trunk serve --release --offline --no-autoreload --disable-address-lookup \
  --address 127.0.0.1 --port 8080
