#!/usr/bin/env bash
# Rewrites the expected files of golden CLI cases from the built binary, after
# a deliberate change of output. Review `git diff tests/cli` before committing.
#   scripts/update-golden.sh [-b BUILD_DIR] [CASE...]   (no CASE: every case)
set -euo pipefail
cd "$(dirname "$0")/.."
build=build
if [ "${1:-}" = "-b" ]; then build=$2; shift 2; fi
binary="$build/mof-check"
[ -x "$binary" ] || { echo "update-golden: $binary not built (cmake --build $build)" >&2; exit 2; }
if [ $# -eq 0 ]; then
  set -- $(for d in tests/cli/*/; do [ -f "$d/cmd" ] && basename "$d"; done)
fi
for case in "$@"; do
  dir="tests/cli/${case%/}"
  [ -f "$dir/cmd" ] || { echo "update-golden: no case $dir" >&2; exit 2; }
  cmake -DBINARY="$PWD/$binary" -DCASE_DIR="$PWD/$dir" -DUPDATE=1 -P tests/cli/run_case.cmake
done
