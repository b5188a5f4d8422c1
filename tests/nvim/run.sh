#!/usr/bin/env bash
# End-to-end test of `galley lsp` in a real editor: Neovim's built-in LSP
# client, headless. Builds galley, opens a copy of tests/nvim/article.md and
# checks galley's diagnostics and code actions there (tests/nvim/check.lua).
# Needs Neovim 0.10 or later (`vim.lsp.start`, `client:stop()`); finds it as
# $NVIM, else `nvim` on PATH, else where tests/nvim/install.sh puts it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

nvim="$("$here/install.sh" --find)" || {
  echo "tests/nvim/run.sh: no Neovim 0.10+ found; run tests/nvim/install.sh" >&2
  exit 2
}
echo "using $("$nvim" --version | head -1) at $nvim"

cargo build --quiet --manifest-path "$repo/Cargo.toml"
galley="$repo/target/debug/galley"

work="$(mktemp -d "${TMPDIR:-/tmp}/galley-nvim-XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp "$here/article.md" "$here/galley.toml" "$work/"
# Keep Neovim's state (its LSP log among it) out of the user's home.
export XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
"$nvim" --headless --clean -l "$here/check.lua" "$galley" "$work/article.md"
