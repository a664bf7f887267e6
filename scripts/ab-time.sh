#!/usr/bin/env bash
# Times two newsprism binaries on the same command, interleaved, and prints the minimum and
# median wall and CPU (user) seconds of each. Shared machines change speed from minute to
# minute, often by a factor of two; running the two binaries in turn, several rounds, and
# comparing medians is what tells a change from the machine's mood (docs/speed.md).
#
# usage: scripts/ab-time.sh OLD_BINARY NEW_BINARY ROUNDS ARGS...
# e.g.:  cp target/release/newsprism /tmp/newsprism-before   # before the change
#        cargo build --release                                # after it
#        scripts/ab-time.sh /tmp/newsprism-before target/release/newsprism 6 \
#            analyze --format jsonl ../shared/data/semeval2023-task3
set -euo pipefail

if [ $# -lt 4 ]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
old=$1 new=$2 rounds=$3
shift 3
for bin in "$old" "$new"; do
    [ -x "$bin" ] || { echo "ab-time: not an executable: $bin" >&2; exit 2; }
done
case $rounds in '' | *[!0-9]*) echo "ab-time: ROUNDS must be a number: $rounds" >&2; exit 2 ;; esac

times=$(mktemp)
trap 'rm -f "$times"' EXIT
for _ in $(seq "$rounds"); do
    for which in old new; do
        bin=$old
        [ "$which" = new ] && bin=$new
        # GNU time's -f is not everywhere; bash's own `time` with TIMEFORMAT is.
        TIMEFORMAT="$which %R %U"
        # Exit 3 (some inputs skipped) still timed the whole batch; anything else is a failure.
        status=0
        { time "$bin" "$@" > /dev/null 2>&1; } 2>> "$times" || status=$?
        if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
            echo "ab-time: $bin $* exited $status" >&2
            exit 1
        fi
    done
done

# Minimum and median of one column for one binary.
stats() {
    awk -v w="$1" -v c="$2" '$1 == w { print $c }' "$times" | sort -g | awk '
        { v[NR] = $1 }
        END {
            if (NR == 0) exit
            med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "min %.2f  median %.2f", v[1], med
        }'
}
for which in old new; do
    printf '%s: wall %s   cpu %s   (%s runs)\n' "$which" "$(stats "$which" 2)" \
        "$(stats "$which" 3)" "$rounds"
done
