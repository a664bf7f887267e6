#!/usr/bin/env bash
# Browser test of the newsprism web UI: ingests the fixtures (one of them malicious), starts
# `newsprism serve` on a free loopback port, drives headless Chromium through search, facets, an
# article, an outlet and the malicious article, and saves screenshots in tests/browser/screenshots.
# Exits 0 with a loud SKIPPED line only when Chromium or playwright-core cannot be installed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

skip() {
  echo "=================================================================="
  echo "SKIPPED: $*"
  echo "=================================================================="
  exit 0
}

if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing chromium (Debian package)..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || skip "could not apt-get install chromium (no network?)"
  else
    skip "/usr/bin/chromium is missing and cannot be installed here (need root and apt-get)"
  fi
fi
command -v node >/dev/null 2>&1 || skip "node is not installed"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || skip "npm ci failed (no network?)"

# CI passes the binary `cargo test` already built (NEWSPRISM_BIN); otherwise build it here.
bin="${NEWSPRISM_BIN:-}"
if [ -z "$bin" ]; then
  echo "building newsprism..."
  (cd "$root" && cargo build -j "${CARGO_JOBS:-2}" -q -p newsprism)
  bin="$root/target/debug/newsprism"
fi

work="$(mktemp -d)"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" ingest "$here/fixtures" --db "$work/db" ${NEWSPRISM_MODEL:+--model "$NEWSPRISM_MODEL"}
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"$bin" serve --db "$work/db" --addr "127.0.0.1:$port" &
pid=$!

out="$here/screenshots"
rm -rf "$out"
(cd "$here" && BASE="http://127.0.0.1:$port" OUT="$out" timeout 300 node ui.test.mjs)
