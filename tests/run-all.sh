#!/usr/bin/env bash
# Every test: the shared crate's rule tests (native) and the end-to-end tests through
# the test host on freshly built release components.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo components
cargo test --locked
