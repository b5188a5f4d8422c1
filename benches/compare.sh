#!/usr/bin/env bash
# Whole-process timings of `galley check` against peer prose linters
# (write-good, proselint, Harper's CLI) on the same files, with hyperfine,
# and the ratios of their medians.
#
#   benches/compare.sh [SPEECH_FOLDER]
#
# SPEECH_FOLDER defaults to ../shared/corpus/sotu (next to the repository). The peers are slow, so
# they run on a 1 MB subset of it (whole files, in name order) and on one
# short article, with few repetitions; galley also runs on the whole folder
# with one and two threads. Peers are installed under $PEERS_DIR (default
# /tmp/peers) by ../shared/bench/setup-peers.sh when missing; hyperfine
# comes from the Debian package. Peak memory is one run under
# /usr/bin/time. On a shared machine, read the medians and the load
# printed at the start and the end.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/../shared/corpus/sotu}
peers=${PEERS_DIR:-/tmp/peers}
work=$(mktemp -d /tmp/galley-compare-XXXXXX)
trap 'rm -rf "$work"' EXIT

if ! command -v hyperfine >/dev/null; then
    apt-get install -y hyperfine >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y hyperfine >/dev/null; }
fi
if [ ! -x "$peers/venv/bin/proselint" ] || [ ! -f "$peers/node/write-good-json.js" ]; then
    PEERS_DIR=$peers bash "$here/../shared/bench/setup-peers.sh" >/dev/null
fi
(cd "$here" && cargo build --release --quiet)
galley=$here/target/release/galley
seed=$here/fixtures/geneva_2022_seed.txt

# The 1 MB subset: whole speeches in name order.
mkdir -p "$work/subset"
size=0
for file in $(ls "$corpus"/*.txt | sort); do
    [ "$size" -ge 1000000 ] && break
    cp "$file" "$work/subset/"
    size=$((size + $(stat -c %s "$file")))
done
corpus_size=$(cat "$corpus"/*.txt "$corpus"/*.md 2>/dev/null | wc -c)
seed_size=$(stat -c %s "$seed")

echo "load: $(uptime)"
echo "subset: $(ls "$work/subset" | wc -l) files, $size bytes; collection: $corpus_size bytes"

# time NAME RUNS COMMAND: the median in seconds of RUNS runs (after
# $WARMUP warm-up runs, default 1).
median() {
    local name=$1 runs=$2
    shift 2
    hyperfine -N -i --warmup "${WARMUP:-1}" --runs "$runs" --export-json "$work/$name.json" \
        --style none "$*" >/dev/null 2>&1
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' \
        "$work/$name.json"
}

# peak NAME COMMAND: maximum resident set size in MB of one run.
peak() {
    /usr/bin/time -f %M -o "$work/peak" "$@" >/dev/null 2>&1 || true
    awk 'END {printf "%.0f", $1 / 1024}' "$work/peak"
}

declare -A commands=(
    [galley]="$galley check --format json"
    [write-good]="node $peers/node/write-good-json.js"
    [proselint]="$peers/venv/bin/proselint check -o json"
    [harper]="$peers/venv/bin/harper lint --no-color --format json"
)
order=(galley write-good proselint harper)

printf '\n%-12s %12s %10s %10s %14s %10s\n' tool "1 MB median" "MB/s" "peak MB" "seed median" "x galley"
for tool in "${order[@]}"; do
    if [ "$tool" = galley ]; then runs=10; else runs=3; fi
    subset_time=$(median "$tool-subset" "$runs" ${commands[$tool]} "$work/subset")
    seed_time=$(median "$tool-seed" "$runs" ${commands[$tool]} "$seed")
    memory=$(peak ${commands[$tool]} "$work/subset")
    if [ "$tool" = galley ]; then galley_subset=$subset_time; galley_seed=$seed_time; fi
    python3 - "$tool" "$subset_time" "$seed_time" "$size" "$memory" "$galley_subset" "$galley_seed" <<'EOF'
import sys
tool, subset, seed, size, memory, g_subset, g_seed = sys.argv[1:]
subset, seed, size, g_subset, g_seed = map(float, (subset, seed, size, g_subset, g_seed))
ratio = "" if tool == "galley" else f"{subset / g_subset:.0f}x / {seed / g_seed:.0f}x"
print(f"{tool:<12} {subset * 1000:10.1f}ms {size / subset / 1e6:10.2f} {memory:>10} {seed * 1000:12.1f}ms {ratio:>10}")
EOF
done
echo "(x galley: the peer's median over galley's, on the 1 MB subset / on the seed article)"

echo
printf '%-30s %10s %10s %10s\n' "galley on the collection" median "MB/s" "peak MB"
# Fifteen runs after three warm-ups: the machine settles after the peers'
# runs, and a median of five moved by several percent from one call to the
# next.
for threads in 1 2; do
    t=$(WARMUP=3 median "galley-all-$threads" 15 "$galley" check --format json --threads "$threads" "$corpus")
    memory=$(peak "$galley" check --format json --threads "$threads" "$corpus")
    python3 -c 'import sys; t=float(sys.argv[1]); n=float(sys.argv[2]); label="--threads " + sys.argv[3]; print(f"{label:<30} {t*1000:8.0f}ms {n/t/1e6:10.1f} {sys.argv[4]:>10}")' \
        "$t" "$corpus_size" "$threads" "$memory"
done
t1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/galley-all-1.json")
t2=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/galley-all-2.json")
python3 -c 'import sys; print(f"two threads: {float(sys.argv[1])/float(sys.argv[2]):.2f}x one thread")' "$t1" "$t2"
echo "seed article ($seed_size bytes), start to exit: $(python3 -c 'import sys; print(f"{float(sys.argv[1])*1000:.2f} ms")' "$galley_seed") median"
echo "load: $(uptime)"
