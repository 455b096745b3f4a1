#!/usr/bin/env bash
# Installs what building and testing mof-check needs, from Debian's packages.
set -euo pipefail
packages=(cmake g++ make clang-format nlohmann-json3-dev libcli11-dev libyaml-cpp-dev libsimdjson-dev libgtest-dev clang libclang-rt-dev)
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
