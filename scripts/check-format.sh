#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what .clang-format makes of it.
#   scripts/check-format.sh        check (CI runs this)
#   scripts/check-format.sh --fix  reformat in place
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "check-format: run scripts/check-format.sh --fix and commit the result" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted as .clang-format says"
