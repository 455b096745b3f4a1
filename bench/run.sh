#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Benchmarks mof-check against the machine's floor and against jq on the same
# data, side by side in one run, and prints every target as a ratio:
#   a. one manifest, whole process: mof-check FILE vs a static C++ hello world
#      (built here, the floor of a process) and vs jq . FILE
#   b. 100,000 NDJSON records on standard input, MOT-shaped (the measured
#      distribution) and the older synthetic set: --format jsonl and csv with
#      the default --jobs and with --jobs 1, vs jq -c .release.name
#   c. peak memory of the jsonl stream at 10,000, 100,000 and 1,000,000 records
#   d. 3,000 manifest files in one call vs jq -c .release.name on the same files
#   e. 10,000 MOT-style YAML records as one stream vs the same records as NDJSON
# Needs Debian's g++, jq, hyperfine, time (/usr/bin/time) and python3 (for the
# data generator). Not part of the test suite. The machine should be quiet:
# compare the ratios of one run rather than absolute times across runs.
#
#   bench/run.sh [--only CASES] [MOF_CHECK_BINARY]
# Without a binary it builds a Release one in bench/out/build. Data and
# results go to bench/out/ (results.md); the data is kept for the next run.
# --only runs the cases named by their letters, e.g. --only bd.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
for tool in jq hyperfine python3 /usr/bin/time g++; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install jq hyperfine time g++)" >&2; exit 2; }
done

cases=abcde
if [ "${1:-}" = "--only" ]; then
  cases=${2:?--only needs the letters of the cases, e.g. --only bd}
  shift 2
fi
has() { [[ $cases == *$1* ]]; }
bin=${1:-}
if [ -z "$bin" ]; then
  cmake -S . -B "$out/build" -DCMAKE_BUILD_TYPE=Release -DMOFCHECK_BUILD_TESTS=OFF >/dev/null
  cmake --build "$out/build" -j2 >/dev/null
  bin=$out/build/mof-check
fi

# The floor: a static C++ program that writes one line through iostreams.
if [ ! -x "$out/hello" ]; then
  printf '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n' > "$out/hello.cpp"
  g++ -O2 -static -o "$out/hello" "$out/hello.cpp"
fi

gen=bench/gen-manifests.py
[ -f "$out/one.json" ] || python3 "$gen" one "$out/one.json"
[ -f "$out/r100k.jsonl" ] || python3 "$gen" ndjson 100000 > "$out/r100k.jsonl"
[ -f "$out/r10k.jsonl" ] || head -n 10000 "$out/r100k.jsonl" > "$out/r10k.jsonl"
[ -f "$out/r10k.yml" ] || python3 "$gen" yaml-stream 10000 > "$out/r10k.yml"
[ -f "$out/s100k.jsonl" ] || python3 "$gen" --shape synthetic ndjson 100000 > "$out/s100k.jsonl"
[ -d "$out/files3k" ] || python3 "$gen" files 3000 "$out/files3k" --seed 2

# Runs the commands in rounds, each round running every command in turn, so
# that a machine whose speed drifts (shared cores, clock changes) slows every
# command alike and the ratios stay fair; one warm-up round first. The rounds
# are merged into one hyperfine-style export: the median over all runs, the
# mean user and system time.
hf() {  # name, rounds, runs per round, commands...
  local name=$1 rounds=$2 runs=$3 r
  shift 3
  # -i: most MOT-shaped records fail the gate, so mof-check exits 1 by design.
  hyperfine --style basic -i $shell_opt --runs 1 "$@" >/dev/null 2>&1  # the warm-up round
  for ((r = 1; r <= rounds; r++)); do
    hyperfine --style basic -i $shell_opt --runs "$runs" --export-json "$out/$name.round$r.json" "$@" >/dev/null 2>&1
  done
  jq -s '{results: [range(0; .[0].results | length) as $i
      | [.[].results[$i]] as $r
      | ([$r[].times[]] | sort) as $t
      | {command: $r[0].command,
         median: (if ($t | length) % 2 == 1 then $t[($t | length) / 2 | floor]
                  else ($t[($t | length) / 2 - 1] + $t[($t | length) / 2]) / 2 end),
         user: ([$r[].user] | add / length), system: ([$r[].system] | add / length)}]}' \
    "$out/$name".round*.json > "$out/$name.json"
  rm -f "$out/$name".round*.json
}
# median wall ms, mean user+sys ms of command $2 in hyperfine export $1
row() {
  jq -r --argjson i "$2" '.results[$i] | "| `\(.command)` | \(.median * 1000 | . * 100 | round / 100) | \((.user + .system) * 1000 | . * 100 | round / 100) |"' "$out/$1.json"
}
median() { jq --argjson i "$2" '.results[$i].median' "$out/$1.json"; }
ratio() { jq -n "$1 / $2 * 100 | round / 100"; }
rate() { jq -n "$1 / $2 | round"; }
met() { if jq -en "$1" >/dev/null; then echo "met"; else echo "NOT met"; fi; }

if has a; then
echo "bench: a. one manifest" >&2
shell_opt=-N hf a 10 30 "$out/hello" "$bin $out/one.json" "jq . $out/one.json"
fi
echo "bench: b. 100,000 NDJSON records on standard input" >&2
stream_cmds() {  # file
  echo "$bin --format jsonl - < $1 > /dev/null"
  echo "$bin --format jsonl --jobs 1 - < $1 > /dev/null"
  echo "$bin --format csv - < $1 > /dev/null"
  echo "$bin --format csv --jobs 1 - < $1 > /dev/null"
  echo "jq -c .release.name < $1 > /dev/null"
}
mapfile -t real < <(stream_cmds "$out/r100k.jsonl")
mapfile -t synthetic < <(stream_cmds "$out/s100k.jsonl")
if has b; then shell_opt= hf b 5 1 "${real[@]}" "${synthetic[@]}"; fi
if has d; then
  echo "bench: d. 3,000 files" >&2
  shell_opt= hf d 10 1 \
    "$bin --format jsonl $out/files3k > /dev/null" \
    "$bin --format jsonl --jobs 1 $out/files3k > /dev/null" \
    "jq -c .release.name $out/files3k/*/*.json > /dev/null"
fi
if has e; then
  echo "bench: e. 10,000 YAML records" >&2
  shell_opt= hf e 5 1 \
    "$bin --format jsonl $out/r10k.yml > /dev/null" \
    "$bin --format jsonl $out/r10k.jsonl > /dev/null"
fi
if has c; then
echo "bench: c. peak memory" >&2
# (|| true: a run whose gate fails exits 1; its peak is measured all the same)
mem() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -n 1; }
mem10=$(mem "$bin" --format jsonl "$out/r10k.jsonl")
mem100=$(mem "$bin" --format jsonl "$out/r100k.jsonl")
# 1,000,000 records: the 100,000 ten times over, streamed.
mem1m=$({ for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$out/r100k.jsonl"; done |
  /usr/bin/time -f %M "$bin" --format jsonl - >/dev/null || true; } 2>&1 | tail -n 1)
memcsv=$(mem "$bin" --format csv "$out/r100k.jsonl")
memjq=$(mem jq -c .release.name "$out/r100k.jsonl")
fi

records=100000
{
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(uname -sr), $(jq --version), $("$bin" --version)"
  echo
  echo "| command | median wall ms | user+sys ms |"
  echo "| --- | --- | --- |"
  if has a; then for i in 0 1 2; do row a $i; done; fi
  if has b; then for i in 0 1 2 3 4 5 6 7 8 9; do row b $i; done; fi
  if has d; then for i in 0 1 2; do row d $i; done; fi
  if has e; then for i in 0 1; do row e $i; done; fi
  echo
  if has a; then
  a_hello=$(ratio "$(median a 1)" "$(median a 0)")
  a_jq=$(ratio "$(median a 1)" "$(median a 2)")
  echo "- a. one manifest: ${a_hello} x the static hello world (target <= 1.6: $(met "$a_hello <= 1.6")), ${a_jq} of jq . FILE (target <= 0.25: $(met "$a_jq <= 0.25"))"
  fi
  if has b; then
  b_jq=$(ratio "$(median b 4)" "$(median b 0)")
  b_rate=$(rate $records "$(median b 0)")
  b_csv=$(rate $records "$(median b 2)")
  echo "- b. MOT-shaped stream, jsonl: ${b_jq} x faster than jq -c .release.name (target >= 2.5: $(met "$b_jq >= 2.5")); ${b_rate} records/s (target >= 150000: $(met "$b_rate >= 150000")); --jobs 1: $(rate $records "$(median b 1)")/s"
  echo "- b. MOT-shaped stream, csv: ${b_csv} records/s (target >= 300000: $(met "$b_csv >= 300000")); --jobs 1: $(rate $records "$(median b 3)")/s"
  echo "- b. synthetic stream (the earlier generator): jsonl $(rate $records "$(median b 5)")/s ($(ratio "$(median b 9)" "$(median b 5)") x faster than jq), csv $(rate $records "$(median b 7)")/s; --jobs 1: jsonl $(rate $records "$(median b 6)")/s, csv $(rate $records "$(median b 8)")/s"
  fi
  if has c; then
  echo "- c. peak RSS, jsonl: 10,000 records ${mem10} KB, 100,000 ${mem100} KB, 1,000,000 ${mem1m} KB; csv 100,000: ${memcsv} KB; jq: ${memjq} KB (target < 16384 KB and flat: $(met "$mem1m < 16384 and $mem1m <= $mem10 * 1.1"))"
  fi
  if has d; then
  d_jq=$(ratio "$(median d 0)" "$(median d 2)")
  echo "- d. 3,000 files: ${d_jq} of jq's time with the default --jobs (target <= 0.6: $(met "$d_jq <= 0.6")), $(ratio "$(median d 1)" "$(median d 2)") with --jobs 1; default / --jobs 1: $(ratio "$(median d 0)" "$(median d 1)") (target <= 1: $(met "$(median d 0) <= $(median d 1)"))"
  fi
  if has e; then
  e_json=$(ratio "$(median e 0)" "$(median e 1)")
  echo "- e. 10,000 YAML records as one stream: ${e_json} x the same records as NDJSON (target <= 3: $(met "$e_json <= 3"))"
  fi
} | tee "$out/results.md"
