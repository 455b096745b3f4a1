#!/usr/bin/env bash
# Installs what building and testing mof-check needs, from Debian's packages.
set -euo pipefail
packages=(cmake g++ make clang-format nlohmann-json3-dev libcli11-dev libfyaml-dev libsimdjson-dev libgtest-dev clang libclang-rt-dev
  groff chromium zsh fish)  # tests of the man page, the HTML report (headless chromium), completions
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
# The YAML test suite and JSONTestSuite, outside the repository; the tests
# read them from MOFCHECK_TEST_SUITES_DIR (CMake, same default) and fail when
# they are missing.
# The machine's own Node.js and npm when it has them, Debian's otherwise.
command -v npm >/dev/null || $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
bash "$(dirname "$0")/fetch-test-suites.sh" "${MOFCHECK_TEST_SUITES_DIR:-/usr/local/share/mofcheck-test-suites}"
