#!/usr/bin/env bash
# Lighthouse (mobile profile: simulated slow 4G and 4x CPU slowdown) on the home page and
# a day's booking form with the bot defence on, so the proof of work runs as it does for
# a citizen. Prints Total Blocking Time, Time to Interactive and the performance score
# of each run and their median: a measurement, never a pass or fail.
# Usage: bash tests/lighthouse.sh [runs] [extra Lighthouse flags, e.g. --throttling-method=devtools]
# Needs Debian's `chromium` (or CHROME_PATH) and Node's npm, which installs Lighthouse
# (pinned) into target/npm on the first run. The app runs on the test host's serve mode
# (the pages are the same bytes as on Spin) with its state in .spin/, like tests/serve.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
LIGHTHOUSE_VERSION=13.5.0
runs="${1:-3}"
shift || true
lighthouse="target/npm/node_modules/.bin/lighthouse"
if ! grep -qs "\"version\": \"$LIGHTHOUSE_VERSION\"" target/npm/node_modules/lighthouse/package.json; then
  mkdir -p target/npm
  npm install --silent --no-audit --no-fund --prefix target/npm "lighthouse@$LIGHTHOUSE_VERSION"
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
base="http://127.0.0.1:$port"
[ "${GHISEU_COMPONENTS_BUILT:-}" = 1 ] || cargo components
cargo build --locked -p ghiseu-testhost --bin ghiseu-serve
# The office's default difficulty, signed with a throwaway secret; the binary itself,
# not `cargo run`, so that killing it at the end stops the server.
SPIN_VARIABLE_CHALLENGE_SECRET="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" GHISEU_LISTEN="127.0.0.1:$port" \
  "${CARGO_TARGET_DIR:-target}/debug/ghiseu-serve" >target/lighthouse-serve.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -fs -o /dev/null "$base/api/health" && break; sleep 0.2; done

# The first open day with a free seat for a passport in the next ten days.
day="$(curl -fs "$base/api/availability?service=passport&from=$(date -u -d '+1 day' +%F)&to=$(date -u -d '+10 days' +%F)" \
  | node -e 'const b = JSON.parse(require("fs").readFileSync(0)); const d = b.days.find((d) => d.slots.some((s) => s.bookable)); console.log(d.date)')"

mkdir -p target/lighthouse
for page in home day; do
  case $page in
    home) url="$base/?lang=ro" ;;
    day) url="$base/api/availability?service=passport&date=$day&lang=ro" ;;
  esac
  echo "$page: $url"
  for run in $(seq "$runs"); do
    "$lighthouse" "$url" --quiet --only-categories=performance --output=json \
      --output-path="target/lighthouse/$page-$run.json" --chrome-flags="--headless=new --no-sandbox" "$@"
  done
  node - "$page" "$runs" <<'JS'
const [page, runs] = process.argv.slice(2);
const fs = require("fs");
const rows = [];
for (let run = 1; run <= Number(runs); run++) {
  const r = JSON.parse(fs.readFileSync(`target/lighthouse/${page}-${run}.json`));
  const ms = (id) => (r.audits[id] && r.audits[id].numericValue != null ? Math.round(r.audits[id].numericValue) : NaN);
  rows.push({ tbt: ms("total-blocking-time"), tti: ms("interactive"), score: Math.round(r.categories.performance.score * 100) });
  console.log(`  run ${run}: TBT ${rows[run - 1].tbt} ms, TTI ${rows[run - 1].tti} ms, performance ${rows[run - 1].score}`);
}
const median = (k) => rows.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(rows.length / 2)];
console.log(`  median: TBT ${median("tbt")} ms, TTI ${median("tti")} ms, performance ${median("score")}`);
JS
done
