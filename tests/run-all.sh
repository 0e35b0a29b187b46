#!/usr/bin/env bash
# Every test: the shared crate's rule tests (native), the end-to-end tests through the
# test host on freshly built release components, and the same scenarios on real
# `spin up` when Spin is installed (CI always installs it), then Schemathesis against
# real `spin up` (tests/schemathesis.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo components
cargo test --locked -p ghiseu-core
cargo test --locked -p ghiseu-testhost --lib --bins --test e2e
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v npm >/dev/null; then
  GHISEU_COMPONENTS_BUILT=1 bash tests/browser.sh
else
  cat >&2 <<'MSG'

########################################################################################
#  THE BROWSER SUITE DID NOT RUN: it needs Debian's `chromium` and `chromium-driver`
#  and Node's `npm` (for axe-core). The citizen pages were NOT tried in a browser.
#  Install them (apt-get install chromium chromium-driver) and run
#  `bash tests/browser.sh`; CI does.
########################################################################################
MSG
fi
spin_bin="$(command -v spin || true)"
[ -z "$spin_bin" ] && [ -x "$HOME/.local/bin/spin" ] && spin_bin="$HOME/.local/bin/spin"
if [ -n "$spin_bin" ] && [ -e /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 ] \
  && command -v redis-server >/dev/null && { [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null; } \
  && command -v openssl >/dev/null; then
  sqld_bin="$(command -v sqld || true)"
  [ -z "$sqld_bin" ] && [ -x "$HOME/.local/bin/sqld" ] && sqld_bin="$HOME/.local/bin/sqld"
  if [ -n "$sqld_bin" ]; then
    PATH="$(dirname "$spin_bin"):$PATH" cargo test --locked -p ghiseu-testhost --test spin -- --skip libsql
    # The libSQL pass two at a time: each test runs its own sqld and Spin, and a dozen
    # of them at once on two cores make sqld interrupt statements (answered 429 busy).
    PATH="$(dirname "$spin_bin"):$PATH" cargo test --locked -p ghiseu-testhost --test spin -- libsql --test-threads=2
  else
    PATH="$(dirname "$spin_bin"):$PATH" cargo test --locked -p ghiseu-testhost --test spin -- --skip libsql
    cat >&2 <<'MSG'

########################################################################################
#  THE LIBSQL PASS OF THE REAL-SPIN SUITE DID NOT RUN: it needs `sqld` (the libSQL
#  server) on the PATH or in ~/.local/bin. The scenarios ran on Spin's embedded SQLite
#  only. Install sqld 0.24 and run `cargo test -p ghiseu-testhost --test spin -- libsql`;
#  CI does.
########################################################################################
MSG
  fi
  if python3 -c 'import ensurepip, venv' 2>/dev/null; then
    GHISEU_COMPONENTS_BUILT=1 bash tests/schemathesis.sh
  else
    cat >&2 <<'MSG'

########################################################################################
#  SCHEMATHESIS DID NOT RUN: it needs Python's venv (Debian: `apt-get install
#  python3-venv`). The OpenAPI document was NOT checked against real Spin.
#  Install it and run `bash tests/schemathesis.sh`; CI does.
########################################################################################
MSG
  fi
else
  cat >&2 <<'MSG'

########################################################################################
#  THE REAL-SPIN SUITE AND SCHEMATHESIS DID NOT RUN: they need `spin` 4.x on the PATH
#  (or in ~/.local/bin) and Debian's `faketime`, `redis-server`, `nginx` and `openssl`
#  packages (nginx runs deploy/nginx.conf in front of Spin), and python3-venv for
#  Schemathesis. Everything above ran on our test host only. Install them and run
#  `cargo test -p ghiseu-testhost --test spin` and `bash tests/schemathesis.sh`; CI does.
########################################################################################
MSG
fi
