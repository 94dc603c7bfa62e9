#!/usr/bin/env bash
# Fails when a C++ source or header of the repository is not clang-format clean (STYLE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h')
[ ${#files[@]} -eq 0 ] && exit 0
clang-format --dry-run -Werror "${files[@]}"
