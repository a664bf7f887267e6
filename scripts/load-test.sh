#!/usr/bin/env bash
# Load test of the search API: ingests the SemEval training split into a fresh store, serves it on
# a free 127.0.0.1 port, fires search requests at a fixed rate (default 200/s for 30 s, open loop,
# at most 1,000 in flight) and prints the error count and latency percentiles.
# Target: 0 errors and p99 < 50 ms.
#
# usage: scripts/load-test.sh [DATA_DIR] [RATE] [SECONDS]
#   NEWSPRISM_MODEL=FILE analyses with that model instead of the one built into the binary.
#   DATA_DIR defaults to ../shared/data/semeval2023-task3 (relative to the repository root).
#   NEWSPRISM_LOAD_DB=DIR reuses (or keeps) a store instead of a temporary one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/semeval2023-task3}"
rate="${2:-200}"
secs="${3:-30}"
if [ ! -d "$data" ]; then
  echo "SKIPPED: no data at $data"
  exit 0
fi

echo "== building (release)"
(cd "$root" && cargo build --release -j "${CARGO_JOBS:-1}" -q -p newsprism --bin newsprism \
  && cargo build --release -j "${CARGO_JOBS:-1}" -q -p newsprism-server --example loadgen)
bin="$root/target/release/newsprism"
loadgen="$root/target/release/examples/loadgen"

tmp="$(mktemp -d)"
db="${NEWSPRISM_LOAD_DB:-$tmp/db}"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

echo "== ingesting $data into $db"
start=$(date +%s.%N)
"$bin" ingest "$data" --db "$db" ${NEWSPRISM_MODEL:+--model "$NEWSPRISM_MODEL"} || [ $? -eq 3 ]
end=$(date +%s.%N)
echo "ingest took $(echo "$end - $start" | bc 2>/dev/null || echo "?") s"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$bin" serve --db "$db" --addr "127.0.0.1:$port" 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done

# A mix of queries: common and rare words in several languages, phrases, filters, empty queries
# with facets only, later pages.
paths=(
  '/api/search?q=war'
  '/api/search?q=government'
  '/api/search?q=vaccines'
  '/api/search?q=election&lang=en'
  '/api/search?q=%22climate+change%22'
  '/api/search?q=Putin+Ukraine'
  '/api/search?q=migrants&sort=newest'
  '/api/search?q=guerre'
  '/api/search?q=gouvernement&lang=fr'
  '/api/search?q=Regierung'
  '/api/search?q=governo'
  '/api/search?q=wojna'
  '/api/search?q=%D0%B2%D0%BE%D0%B9%D0%BD%D0%B0'
  '/api/search?technique=Loaded_Language&lang=en'
  '/api/search?genre=opinion&page=3'
  '/api/search?q=the'
  '/api/search?frame=Political&technique=Doubt'
  '/api/search?q=president+-trump'
  '/api/search?q=zzzznotaword'
  '/api/search'
)
echo "== $rate requests/s for $secs s against 127.0.0.1:$port (${#paths[@]} query shapes)"
"$loadgen" "127.0.0.1:$port" "$rate" "$secs" "${paths[@]}"
