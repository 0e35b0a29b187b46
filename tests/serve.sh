#!/usr/bin/env bash
# Runs the app locally on the embedded SQLite and key-value defaults (state in .spin/):
# with real Spin when it is installed, otherwise with the test host's serve mode.
# The bot defence needs a secret to sign its challenges; a local run gets a fresh one
# unless SPIN_VARIABLE_CHALLENGE_SECRET is already set.
set -euo pipefail
cd "$(dirname "$0")/.."
export SPIN_VARIABLE_CHALLENGE_SECRET="${SPIN_VARIABLE_CHALLENGE_SECRET:-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}"
if command -v spin >/dev/null 2>&1; then
  exec spin build --up "$@"
fi
cargo components
exec cargo run --locked -p ghiseu-testhost --bin ghiseu-serve
