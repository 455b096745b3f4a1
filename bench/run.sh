#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks mof-check against jq on the same data, side by side, in one run:
#   a. one manifest, whole process: mof-check FILE vs jq . FILE
#   b. 100,000 NDJSON manifests on standard input: --format jsonl (and csv) vs jq -c '.release.name'
#   c. peak memory of that stream for 10,000 and 100,000 records
#   d. 3,000 manifest files in one call vs jq -c '.release.name' on the same files
# Needs Debian's jq, hyperfine, time (/usr/bin/time) and python3 (for the data
# generator). Not part of the test suite.
#
#   bench/run.sh [MOF_CHECK_BINARY]
# Without a binary it builds a Release one in bench/out/build. Data and
# results go to bench/out/ (results.md); the data is kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
for tool in jq hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install jq hyperfine time)" >&2; exit 2; }
done

bin=${1:-}
if [ -z "$bin" ]; then
  cmake -S . -B "$out/build" -DCMAKE_BUILD_TYPE=Release -DMOFCHECK_BUILD_TESTS=OFF >/dev/null
  cmake --build "$out/build" -j2 >/dev/null
  bin=$out/build/mof-check
fi

gen=bench/gen-manifests.py
[ -f "$out/one.json" ] || python3 "$gen" one "$out/one.json"
[ -f "$out/s100k.jsonl" ] || python3 "$gen" ndjson 100000 > "$out/s100k.jsonl"
[ -f "$out/s10k.jsonl" ] || head -n 10000 "$out/s100k.jsonl" > "$out/s10k.jsonl"
[ -d "$out/files3k" ] || python3 "$gen" files 3000 "$out/files3k" --seed 2

hf() {  # name, then hyperfine arguments
  local name=$1
  shift
  hyperfine --style basic --export-json "$out/$name.json" "$@" >/dev/null
}
# median wall ms, mean user+sys ms of command $2 in hyperfine export $1
row() {
  jq -r --argjson i "$2" '.results[$i] | "| `\(.command)` | \(.median * 1000 | . * 100 | round / 100) | \((.user + .system) * 1000 | . * 100 | round / 100) |"' "$out/$1.json"
}
median() { jq --argjson i "$2" '.results[$i].median' "$out/$1.json"; }

echo "bench: a. one manifest" >&2
hf a -N --warmup 20 --runs 200 "$bin $out/one.json" "jq . $out/one.json"
echo "bench: b. 100,000 NDJSON records on standard input" >&2
hf b --warmup 1 --runs 5 \
  "$bin --format jsonl - < $out/s100k.jsonl > /dev/null" \
  "$bin --format csv - < $out/s100k.jsonl > /dev/null" \
  "jq -c .release.name < $out/s100k.jsonl > /dev/null"
echo "bench: d. 3,000 files" >&2
hf d --warmup 2 --runs 10 \
  "$bin --format jsonl $out/files3k > /dev/null" \
  "$bin --format jsonl --jobs 1 $out/files3k > /dev/null" \
  "jq -c .release.name $out/files3k/*/*.json > /dev/null"
echo "bench: c. peak memory" >&2
mem() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
mem10=$(mem "$bin" --format jsonl "$out/s10k.jsonl")
mem100=$(mem "$bin" --format jsonl "$out/s100k.jsonl")
memcsv=$(mem "$bin" --format csv "$out/s100k.jsonl")
memjq=$(mem jq -c .release.name "$out/s100k.jsonl")

ratio() { jq -n "$1 / $2 * 100 | round / 100"; }
records=100000
{
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(uname -sr), $(jq --version), $("$bin" --version)"
  echo
  echo "| command | median wall ms | user+sys ms |"
  echo "| --- | --- | --- |"
  row a 0; row a 1; row b 0; row b 1; row b 2; row d 0; row d 1; row d 2
  echo
  echo "- a. one manifest: mof-check takes $(ratio "$(median a 0)" "$(median a 1)") of jq's time (target <= 0.25)"
  echo "- b. stream, jsonl: $(jq -n "$records / $(median b 0) | round") manifests/s; $(ratio "$(median b 0)" "$(median b 2)") of jq's time (target <= 1, > 60000/s)"
  echo "- c. peak RSS, jsonl: 10,000 records ${mem10} KB, 100,000 records ${mem100} KB; csv 100,000: ${memcsv} KB; jq: ${memjq} KB (target < 32768 KB, flat)"
  echo "- d. 3,000 files: $(ratio "$(median d 0)" "$(median d 2)") of jq's time with the default --jobs, $(ratio "$(median d 1)" "$(median d 2)") with --jobs 1 (target <= 1)"
} | tee "$out/results.md"
