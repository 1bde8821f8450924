#!/usr/bin/env bash
# bench/cli_scale.sh: the command line on a generated plan of 1M gates in
# 100k stages (issue 9): how long each subcommand takes and its peak memory,
# side by side in one run.  Every subcommand is linear in the plan; most of
# the time is compiling the plan, which `check` alone shows.
#
#   bench/cli_scale.sh [GATES] [BUILD_DIR]      (defaults: 1000000, build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
gates=${1:-1000000}
build=${2:-build/release}
cmake --build "$build" --target rollgate_cli rollgate_sbs_gen >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/bench/rollgate_sbs_gen" "$gates" "$work" >&2
cli="$build/bin/rollgate"
plan="$work/plan.json"
facts=(--facts "$work/facts.json" --now 2026-11-23T09:00:00Z)
middle=$(python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['stages']; print(s[len(s)//2]['id'])" "$plan")

run() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$cli" "$@" >"$work/out" 2>/dev/null || true
  read -r seconds kb < <(tail -n 1 "$work/time")
  printf '| %s | %s s | %d MB | %d KB |\n' "$name" "$seconds" $((kb / 1024)) $(( $(stat -c %s "$work/out") / 1024 ))
}

echo "| command | wall time | peak memory | output |"
echo "|---|---|---|---|"
run "check" check "$plan"
run "eval --format json --detail summary --compact" eval "$plan" "${facts[@]}" --format json --detail summary --compact
run "eval (text)" eval "$plan" "${facts[@]}" --color never
run "eval --format markdown" eval "$plan" "${facts[@]}" --format markdown
run "eval --format dot" eval "$plan" "${facts[@]}" --format dot
run "explain (one stage, 10 gates)" explain "$plan" "$middle" "${facts[@]}" --color never
run "expr 'i0 + 1'" expr 'i0 + 1' --plan "$plan" "${facts[@]}"
