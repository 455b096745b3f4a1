#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The generated fish completion: fish loads it and `complete -C` lists what a
# command line completes to.   fish_completion_test.sh FISH SCRIPT FIXTURE_DIR
set -u
fish=$1 script=$2
cd "$3" || exit 1
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
failed=0
expect() {
  local want=$1 line=$2 got
  got=$(HOME=$home XDG_CONFIG_HOME=$home XDG_DATA_HOME=$home "$fish" --no-config -c \
    "source $(printf %q "$script"); complete -C $(printf %q "$line")" | cut -f1 | sort | tr '\n' ' ' | sed 's/ $//')
  if [[ $got != "$want" ]]; then
    echo "FAIL: '$line<TAB>' completed to '$got', expected '$want'"
    failed=1
  fi
}
expect "--format" "mof-check --fo"
expect "csv github html json jsonl junit markdown sarif text" "mof-check check --format "
expect "code data document" "mof-check licenses --type "
expect "components" "mof-check comp"
expect "a-alpha.json" "mof-check a-al"
expect "sub/" "mof-check scan s"
exit $failed
