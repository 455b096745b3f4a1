#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The generated bash completion (build/completions/mof-check.bash): source it,
# set COMP_WORDS and COMP_CWORD as bash does on <TAB>, call the function, and
# compare COMPREPLY.   bash_completion_test.sh SCRIPT FIXTURE_DIR
set -u
script=$1
cd "$2" || exit 1
# shellcheck disable=SC1090
source "$script" || { echo "cannot source $script"; exit 1; }
failed=0
# complete WORD... : completes the last word; prints the sorted replies on one line.
complete_words() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMPREPLY=()
  _mof_check
  printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
expect() {
  local want=$1
  shift
  local got
  got=$(complete_words "$@")
  if [[ $got != "$want" ]]; then
    echo "FAIL: '$*<TAB>' completed to '$got', expected '$want'"
    failed=1
  fi
}
expect "--format" mof-check --fo
expect "csv github html json jsonl junit markdown sarif text" mof-check check --format ""
expect "html" mof-check check --format h
expect "csv github html json jsonl junit markdown sarif text" mof-check --format ""
expect "json jsonl" mof-check check --format = js
expect "I II III" mof-check --min-class I
expect "components" mof-check comp
expect "--fail-on-downgrade" mof-check diff --fail
expect "code data document" mof-check licenses --type ""
expect "svg" mof-check badge --format sv
# Files for check's arguments and FILE options; folders for scan and --paths.
expect "a-alpha.json" mof-check a-al
expect "a-alpha.json" mof-check check --config a-
expect "sub" mof-check scan s
expect "sub" mof-check check --paths s
# A value with no list (a number, a name) offers nothing.
expect "" mof-check check --jobs ""
exit $failed
