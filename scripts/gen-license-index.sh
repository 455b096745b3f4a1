#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates data/license-index.txt, the fingerprints of the SPDX License
# List texts that mof-check's license text matcher compares against.
# Input: the npm package spdx-license-list (it ships every license's text in
# spdx-full.json). Pass the unpacked package folder, or let the script fetch
# it with `npm pack` into a temporary folder (never into the repository).
#   scripts/gen-license-index.sh [PACKAGE_DIR] [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=6.12.0
pkg=${1:-}
build=${2:-$root/build}
if [ -z "$pkg" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "spdx-license-list@$version" >/dev/null && tar xzf spdx-license-list-*.tgz)
  pkg=$tmp/package
fi
actual=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$pkg/package.json")
cmake --build "$build" --target mofcheck_gen_license_index -j2 >/dev/null
out=$root/data/license-index.txt
"$build/mofcheck_gen_license_index" "$pkg/spdx-full.json" "$root/data/license-texts.json" \
  "npm spdx-license-list $actual (spdx-full.json, $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$pkg/spdx-full.json") licenses)" \
  >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(grep -c '^L' "$out") entries, $(wc -c <"$out") bytes)"
