#!/usr/bin/env bash
# Generate practice cases from the tagged articles (ours in eval/articles and
# the shared ones), run galley on them and score the result.
#
#   eval/practice.sh [FIRST_SEED LAST_SEED] [--tier core|hard]
#
# Needs the evaluation kit in ../shared/eval (corrupt.py, score.py); writes
# only under ${PRACTICE_DIR:-/tmp/galley-practice}.
set -euo pipefail
cd "$(dirname "$0")/.."
first=${1:-1}
last=${2:-10}
tier=${3:---tier}
level=${4:-core}
kit=../shared/eval
out=${PRACTICE_DIR:-/tmp/galley-practice}
rm -rf "$out" && mkdir -p "$out"
for seed in $(seq "$first" "$last"); do
    tmp=$(mktemp -d)
    python3 "$kit/corrupt.py" -q --seed "$seed" --clean eval/articles/*.tagged.txt "$kit"/articles/*.tagged.txt "$tmp" >/dev/null
    for f in "$tmp"/*; do
        name=s${seed}_$(basename "$f")
        if [[ $name == *.gold.json ]]; then
            # The gold file names its article; follow the rename.
            python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); g["file"]=sys.argv[2]; json.dump(g,open(sys.argv[3],"w"))' \
                "$f" "${name%.gold.json}.txt" "$out/$name"
        else
            cp "$f" "$out/$name"
        fi
    done
    rm -rf "$tmp"
done
cargo build --release -q
./target/release/galley check --format json "$out" > "$out.json" || true
python3 "$kit/score.py" "$out" "$out.json" "$tier" "$level"
