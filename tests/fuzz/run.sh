#!/usr/bin/env bash
# Runs one fuzz target for a given time, under ASan and UBSan, from its seed
# corpus (docs/RELIABILITY.md "Fuzzing").
#
#   tests/fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
#
# TARGET: plan_loader facts_loader state_loader expression plan_diff
# capi_sequence regex (matches() against RE2; built when RE2 is installed).
# SECONDS defaults to 60.  Builds the asan preset (clang) the first time.
# The corpus grows in build/fuzz/corpus/TARGET and is kept between runs;
# a crash, leak or timeout is written to build/fuzz/findings/TARGET-*,
# which replays with
#   build/asan/tests/fuzz/rollgate_fuzz_TARGET FILE
# and belongs, once fixed, in tests/data/fuzz/TARGET/ (replayed by ctest in
# every build).
set -euo pipefail
cd "$(dirname "$0")/../.."

target=${1:?usage: tests/fuzz/run.sh TARGET [SECONDS] [libFuzzer flags...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))

exe=build/asan/tests/fuzz/rollgate_fuzz_$target
cmake --preset asan >/dev/null
cmake --build --preset asan --target "rollgate_fuzz_$target" rollgate_cli >/dev/null

seeds=build/asan/tests/fuzz/seeds
[ -d "$seeds/$target" ] || python3 tests/fuzz/make_seeds.py --source . --cli build/asan/bin/rollgate --out "$seeds" >/dev/null
corpus=build/fuzz/corpus/$target
mkdir -p "$corpus" build/fuzz/findings

dict=tests/fuzz/plan.dict
[ "$target" = expression ] && dict=tests/fuzz/cel.dict
[ "$target" = regex ] && dict=tests/fuzz/regex.dict

# Inputs up to 1 MB: every finding of issue 10 needed tens of kilobytes.
exec "$exe" "$corpus" "$seeds/$target" \
  -max_total_time="$seconds" -max_len=1048576 -timeout=10 -rss_limit_mb=4096 \
  -dict="$dict" -print_final_stats=1 -artifact_prefix="build/fuzz/findings/$target-" "$@"
