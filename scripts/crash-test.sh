#!/usr/bin/env bash
# Crash test of `newsprism ingest`: starts a large ingest with per-article acknowledgements
# (--format jsonl prints a line only after the article's batch has committed), kill -9s it
# mid-run, checks that every acknowledged article is in the store, reruns the same command and
# checks that the store then holds every input exactly once.
#
# usage: scripts/crash-test.sh [DATA_DIR]   (default ../shared/data/semeval2023-task3)
#   NEWSPRISM_MODEL=FILE analyses with that model instead of the one built into the binary.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/semeval2023-task3}"
if [ ! -d "$data" ]; then
  echo "SKIPPED: no data at $data"
  exit 0
fi
(cd "$root" && cargo build --release -j "${CARGO_JOBS:-1}" -q -p newsprism --bin newsprism)
bin="$root/target/release/newsprism"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
db="$tmp/db"

# Reference: how many distinct articles a full, uninterrupted run stores.
"$bin" ingest "$data" --db "$tmp/ref" ${NEWSPRISM_MODEL:+--model "$NEWSPRISM_MODEL"} --batch 16 --format jsonl >"$tmp/ref.jsonl" 2>/dev/null || true
expected=$("$bin" search --db "$tmp/ref" --format json --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

"$bin" ingest "$data" --db "$db" ${NEWSPRISM_MODEL:+--model "$NEWSPRISM_MODEL"} --batch 16 --format jsonl >"$tmp/acks.jsonl" 2>"$tmp/err1" &
pid=$!
# Kill once a few batches are acknowledged, but before the end.
for _ in $(seq 1 600); do
  n=$(grep -c '"status"' "$tmp/acks.jsonl" || true)
  [ "$n" -ge 100 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
acked=$(grep -c '"status":"stored"' "$tmp/acks.jsonl" || true)
echo "killed ingest after $acked acknowledged stored articles (full run stores $expected)"

fail=0
# Every acknowledged id must be readable after the crash (opening also catches the index up).
python3 - "$tmp/acks.jsonl" >"$tmp/ids" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    try:
        r = json.loads(line)
    except ValueError:
        continue  # a line cut by the kill was never a complete acknowledgement
    if r.get("status") == "stored":
        print(r["id"])
PY
after=$("$bin" search --db "$db" --format json --limit 200 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "after the crash the store holds $after articles"
[ "$after" -ge "$acked" ] || { echo "FAIL: fewer stored ($after) than acknowledged ($acked)"; fail=1; }
[ "$after" -lt "$expected" ] || echo "note: the ingest finished before the kill; use a larger data set"
ids_in_store() { "$bin" search --db "$db" --format json --limit 200 --offset "$1" \
  | python3 -c 'import json,sys; [print(h["id"]) for h in json.load(sys.stdin)["hits"]]'; }
: >"$tmp/stored_ids"
for off in $(seq 0 200 $((after + 200))); do ids_in_store "$off" >>"$tmp/stored_ids"; done
missing=$(sort -u "$tmp/ids" | comm -23 - <(sort -u "$tmp/stored_ids") | wc -l)
if [ "$missing" -eq 0 ]; then echo "all $acked acknowledged articles are in the store"; else echo "FAIL: $missing acknowledged articles missing"; fail=1; fi

# Resume.
"$bin" ingest "$data" --db "$db" ${NEWSPRISM_MODEL:+--model "$NEWSPRISM_MODEL"} --batch 16 >"$tmp/resume.txt" 2>"$tmp/err2" || true
cat "$tmp/resume.txt"
final=$("$bin" search --db "$db" --format json --limit 1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "after the rerun the store holds $final articles (expected $expected)"
[ "$final" -eq "$expected" ] || { echo "FAIL: $final != $expected"; fail=1; }
if [ "$fail" -eq 0 ]; then echo "crash test: 1 passed, 0 failed"; else echo "crash test: 0 passed, 1 failed"; exit 1; fi
