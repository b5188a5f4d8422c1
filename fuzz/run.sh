#!/usr/bin/env bash
# Run one fuzz target for a while, on a corpus seeded from fixtures/ and
# fuzz/seeds/:
#
#   fuzz/run.sh TARGET [SECONDS] [-- more libFuzzer options]
#
# Targets: lint_text lint_markdown config facts rule_pack lsp. The corpus grows in
# fuzz/corpus/TARGET (not committed); a crash is saved in
# fuzz/artifacts/TARGET/ and ends the run with a non-zero exit.
#
# Toolchain: libFuzzer needs a few unstable compiler flags only for the
# AddressSanitizer, so with a nightly toolchain the targets build with ASan;
# with stable alone they build without a sanitizer (`-s none`), which still
# finds every panic, hang and out-of-memory in safe Rust (GALLEY_FUZZ_TOOLCHAIN
# overrides the choice: `nightly` or `stable`).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: fuzz/run.sh TARGET [SECONDS] [-- libFuzzer options]}
seconds=${2:-600}
shift $(($# < 2 ? $# : 2))
[[ ${1:-} == -- ]] && shift

toolchain=${GALLEY_FUZZ_TOOLCHAIN:-}
if [[ -z $toolchain ]]; then
    if cargo +nightly --version >/dev/null 2>&1; then toolchain=nightly; else toolchain=stable; fi
fi
if [[ $toolchain == nightly ]]; then
    fuzz=(cargo +nightly fuzz)
    sanitizer=address
else
    fuzz=(cargo fuzz)
    sanitizer=none
fi

corpus=fuzz/corpus/$target
mkdir -p "$corpus"
seed() {
    for f in "$@"; do
        if [[ -f $f && ! -e $corpus/$(basename "$f") ]]; then cp "$f" "$corpus/"; fi
    done
}
case $target in
    lint_text) seed fixtures/*.txt ;;
    lint_markdown) seed fixtures/*.md fixtures/*.txt tests/nvim/article.md ;;
    config) seed fuzz/seeds/config/* tests/nvim/galley.toml ;;
    facts) seed fuzz/seeds/facts/* ;;
    rule_pack) seed fuzz/seeds/rule_pack/* rules/*.toml ;;
    lsp) seed fuzz/seeds/lsp/* ;;
    *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
esac

echo "fuzzing $target for ${seconds}s ($toolchain, sanitizer: $sanitizer)" >&2
exec "${fuzz[@]}" run --release --sanitizer "$sanitizer" "$target" "$corpus" -- \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 "$@"
