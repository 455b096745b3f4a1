#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each one in
# turn, one process at a time.
#
#   scripts/fuzz.sh [-t SECONDS] [-b BUILD_DIR] [TARGET...]
#
# TARGET is manifest_json, json_differential, manifest_yaml, spdx, framework or
# yaml_differential
# (default: all).
# Each run starts from fuzz/corpus/<target> (seeds from the test fixtures)
# plus the inputs earlier runs found (BUILD_DIR/fuzz-corpus/<target>), uses
# fuzz/dict/<target>.dict, and leaves a crash input in
# BUILD_DIR/fuzz-artifacts/<target>/. Copy a crash input to
# fuzz/regressions/<target>/ after fixing it: the unit tests replay those.
# Exits 1 when a target found a crash, leak or timeout.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
build=build-fuzz
while getopts "t:b:" opt; do
  case $opt in
    t) seconds=$OPTARG ;;
    b) build=$OPTARG ;;
    *) echo "usage: $0 [-t SECONDS] [-b BUILD_DIR] [TARGET...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(manifest_json json_differential manifest_yaml spdx framework yaml_differential)

CXX=${CXX:-clang++} cmake -S . -B "$build" -DMOFCHECK_BUILD_FUZZERS=ON -DMOFCHECK_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"${FUZZ_BUILD_JOBS:-2}" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

status=0
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  artifacts="$build/fuzz-artifacts/$t"
  mkdir -p "$corpus" "$artifacts"
  log="$build/fuzz-$t.log"
  echo "fuzz_$t: ${seconds}s (log: $log)"
  # -timeout: one input taking over 10 s counts as a hang; -rss_limit_mb: as
  # memory exhaustion. timeout(1) guards against a stuck run.
  if timeout --signal=KILL $((seconds + 120)) "$build/fuzz/fuzz_$t" "$corpus" "fuzz/corpus/$t" \
      -dict="fuzz/dict/$t.dict" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1 >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$log" | sed 's/^/  /'
  else
    status=1
    echo "  FAILED: see $log and $artifacts/" >&2
    { grep -E 'ERROR|SUMMARY|uncaught|abort|Dictionary' "$log" || true; } | head -5 | sed 's/^/  /' >&2
  fi
done
exit $status
