#!/usr/bin/env bash
# rollgate's one set-up script.  On a fresh Debian 12 machine it installs
# what is missing (as root, with apt-get), builds, and then either
#   ./setup.sh run    runs the `rollgate` command line on examples/bookme, or
#   ./setup.sh test   runs every test suite through ctest.
# Both use the CMake preset "release" (build/release).  `test` then does what
# CI does besides (.ci/run runs `./setup.sh test` and nothing else):
#   - the preset "tsan": the tests that use threads, under ThreadSanitizer;
#   - the preset "gcc-o3": a Release (-O3) build of the library and the C
#     tests, warnings as errors, and those tests;
#   - the preset "asan": clang with AddressSanitizer, UBSan and libFuzzer,
#     the whole suite (docs/RELIABILITY.md says which tests it leaves to
#     release) and a 20-second fuzz smoke of each target.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the build and the tests need: compilers and build tools,
# Boost 1.81 (JSON compiled in, Graph header-only), doctest, Python for the
# ctypes binding tests, pkg-config for the installed-package test, tzdata
# for CEL time-zone functions, CLI11 (header-only) for the command line's
# arguments, --help and completion, and Graphviz, whose `dot` draws `rollgate graph --format svg`.
packages=(g++ cmake ninja-build pkg-config python3 tzdata
          libboost-json1.81-dev libboost-graph1.81-dev doctest-dev
          libcli11-dev graphviz)
# What only the tests need: libabigail's abidiff for the ABI check (tests/abi),
# for the Python package tests venv, pip, setuptools, wheel and mypy, groff
# to check that the man page renders without a warning, valgrind (memcheck
# tests), clang (the asan preset and libFuzzer), RE2 (the oracle of the
# differential test of matches()), and for the portal
# (bindings-examples/portal) Flask, psycopg, a PostgreSQL server its tests
# start themselves, chromium and node for its browser tests.
test_packages=(abigail-tools libre2-dev python3-venv python3-pip python3-setuptools
               python3-wheel python3-mypy groff-base valgrind clang
               python3-flask python3-psycopg postgresql chromium)

install_missing_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup.sh: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  cmake --preset release >/dev/null
  cmake --build --preset release -j "$(nproc)"
}

# Configures, builds and tests one preset (the build presets of tsan and
# gcc-o3 build only what their tests need).
build_and_test() {
  local preset=$1 started=$SECONDS
  echo "setup.sh: preset $preset" >&2
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$(nproc)"
  ctest --preset "$preset"
  echo "setup.sh: preset $preset took $((SECONDS - started)) s" >&2
}

# The portal's browser tests drive Debian's chromium with playwright-core
# from npm, installed into an ignored folder beside them (no browser
# download: playwright-core brings none).
install_playwright() {
  local folder=bindings-examples/portal/.npm
  [ -d "$folder/node_modules/playwright-core" ] && return 0
  # Node and npm come from Debian's nodejs and npm where nothing else
  # provides them (a Node.js installed another way conflicts with the
  # Debian npm package, so the command is checked, not the package).
  command -v npm >/dev/null || install_missing_packages nodejs npm
  echo "setup.sh: installing playwright-core into $folder" >&2
  npm install --prefix "$folder" --no-audit --no-fund --silent playwright-core@1.65.2 >/dev/null
}

run_tests() {
  local started=$SECONDS
  ctest --preset release
  echo "setup.sh: the release tests took $((SECONDS - started)) s" >&2
  build_and_test tsan
  build_and_test gcc-o3
  build_and_test asan
}

run_example() {
  local status=0
  ./build/release/bin/rollgate eval examples/bookme/plan.json \
      --facts examples/bookme/facts.json --now 2026-11-23T09:00:00Z || status=$?
  case $status in
    0) echo "(rollgate exited 0: the target is ready or done)" ;;
    1) echo "(rollgate exited 1: the target is not ready yet; that is the expected answer for this example)" ;;
    *) echo "setup.sh: rollgate failed with exit status $status" >&2; exit "$status" ;;
  esac
}

case "${1:-}" in
  run)  install_missing_packages "${packages[@]}"; build; run_example ;;
  test) install_missing_packages "${packages[@]}" "${test_packages[@]}"; install_playwright; build; run_tests ;;
  *)    echo "usage: $0 run|test" >&2; exit 2 ;;
esac
