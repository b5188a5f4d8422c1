#!/usr/bin/env bash
# The fuzz smoke run CI makes: every target for a few seconds (default 10),
# so that a crash any seed or quick mutation finds fails the build. The long
# runs (fuzz/run.sh TARGET 600) stay out of CI.
#
# Installs cargo-fuzz if missing. If the fuzzer cannot be installed or built
# here (no C++ compiler, no libFuzzer support in the toolchain), it says so
# and exits 0: that is a missing tool, not a bug in galley. A crash exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
targets=(lint_text lint_markdown config facts rule_pack lsp)

skip() {
    echo "fuzz smoke run skipped: $*" >&2
    exit 0
}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked >/dev/null 2>&1 || skip "cannot install cargo-fuzz"
fi
# The same choice as fuzz/run.sh makes (GALLEY_FUZZ_TOOLCHAIN overrides it).
toolchain=${GALLEY_FUZZ_TOOLCHAIN:-}
if [[ -z $toolchain ]]; then
    if cargo +nightly --version >/dev/null 2>&1; then toolchain=nightly; else toolchain=stable; fi
fi
export GALLEY_FUZZ_TOOLCHAIN=$toolchain
if [[ $toolchain == nightly ]]; then
    build=(cargo +nightly fuzz build --release --sanitizer address)
else
    build=(cargo fuzz build --release --sanitizer none)
fi
if ! "${build[@]}" >/tmp/galley-fuzz-build.log 2>&1; then
    tail -20 /tmp/galley-fuzz-build.log >&2
    # A compile error in the targets or in galley is a bug, not a missing tool.
    if grep -q "^error\[E[0-9]" /tmp/galley-fuzz-build.log; then
        echo "the fuzz targets do not compile" >&2
        exit 1
    fi
    skip "the fuzz targets do not build with this toolchain (${build[*]})"
fi
failed=0
for target in "${targets[@]}"; do
    if ! fuzz/run.sh "$target" "$seconds" 2>"/tmp/galley-fuzz-$target.log"; then
        grep -E -A30 "panicked|ERROR: libFuzzer|SUMMARY" "/tmp/galley-fuzz-$target.log" | head -60 >&2
        echo "fuzz target $target failed; the input is in fuzz/artifacts/$target/" >&2
        failed=1
    else
        grep -E "^Done [0-9]+ runs" "/tmp/galley-fuzz-$target.log" | sed "s/^/$target: /" >&2
    fi
done
exit $failed
