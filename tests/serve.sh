#!/usr/bin/env bash
# Runs the app locally on the embedded SQLite and key-value defaults (state in .spin/):
# with real Spin when it is installed, otherwise with the test host's serve mode.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v spin >/dev/null 2>&1; then
  exec spin build --up "$@"
fi
cargo components
exec cargo run --locked -p ghiseu-testhost --bin ghiseu-serve
