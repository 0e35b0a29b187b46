#!/usr/bin/env bash
# The browser suite alone: the citizen pages and the back office in real headless
# Chromium. Needs Debian's `chromium` and `chromium-driver` (apt-get install chromium
# chromium-driver) and Node's npm, which installs axe-core (pinned) into target/npm on
# the first run.
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.11.0
axe="target/npm/node_modules/axe-core/axe.min.js"
if ! grep -qs "\"version\": \"$AXE_VERSION\"" target/npm/node_modules/axe-core/package.json; then
  mkdir -p target/npm
  npm install --silent --no-audit --no-fund --prefix target/npm "axe-core@$AXE_VERSION"
fi
[ -e "$axe" ] || { echo "axe-core did not install" >&2; exit 1; }
[ "${GHISEU_COMPONENTS_BUILT:-}" = 1 ] || cargo components
cargo test --locked -p ghiseu-testhost --test browser "$@"
