#!/usr/bin/env bash
# Schemathesis (issue 26) on real `spin up`: installs the pinned Schemathesis (and its
# pinned dependencies, tests/schemathesis-requirements.txt) into
# target/schemathesis-venv, then runs tests/tests/schemathesis.rs, which starts Spin on
# the built components, seeds a booking, a complaint, an order and outbox rows, and runs
# `schemathesis run --checks all` against it with tests/schemathesis.toml. Any failure
# fails the run; there is no baseline of accepted failures.
# Needs Spin 4.x, Debian's faketime and python3-venv. Set GHISEU_COMPONENTS_BUILT=1 when
# `cargo components` has just run.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/schemathesis-venv
requirements=tests/schemathesis-requirements.txt
if ! cmp -s "$requirements" "$venv/installed.txt" 2>/dev/null; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --require-virtualenv -r "$requirements"
  cp "$requirements" "$venv/installed.txt"
fi
[ "${GHISEU_COMPONENTS_BUILT:-}" = 1 ] || cargo components
spin_bin="$(command -v spin || true)"
[ -z "$spin_bin" ] && [ -x "$HOME/.local/bin/spin" ] && spin_bin="$HOME/.local/bin/spin"
PATH="$(dirname "${spin_bin:-/nonexistent/spin}"):$PATH" SCHEMATHESIS="$PWD/$venv/bin/schemathesis" \
  cargo test --locked -p ghiseu-testhost --test schemathesis -- --nocapture
