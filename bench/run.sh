#!/usr/bin/env bash
# bench/run.sh: rollgate side by side with the engines people would pick
# instead (issue #7, item 5).  One command: builds what it needs, generates
# the workloads, runs every engine in a process of its own on the same gates,
# checks that they agree, and prints one table.
#
#   bench/run.sh [--sizes 1k,10k,100k,1M] [--quick] [--build-dir DIR]
#                [--timeout SECONDS] [--no-js] [--engines hand,rollgate,cel-js,bufbuild,python]
#
#   --sizes      workload sizes in gates (default 1k,10k,100k); 1M is a 100k-stage
#                plan whose rollgate evaluation may take very long before issue #7
#   --quick      0.1 s of measuring per engine and size instead of 1 s
#   --build-dir  where to build (default build/bench-sbs; Release, -O3) and
#                write the workloads (DIR/work/SIZE) and results (DIR/results.*)
#   --timeout    per engine process and size (default 1800 s); a process that
#                runs out is reported as "timeout" in the table
#   --no-js      skip the npm engines
#   --rollgate-compile-only  compile the plan only (sizes whose evaluation is
#                known to take hours)
#   --engines    run only these (default all; e.g. --sizes 1M --engines hand,cel-js)
#
# Engines, each in its own process per size:
#   rollgate  bench/sbs/capi_bench.cpp: librollgate through capi/rollgate.h
#   hand      bench/sbs/hand_bench.cpp: hand-written C++ over a pre-parsed form
#   cel-js    @marcbachmann/cel-js, bufbuild: @bufbuild/cel (bench/js, versions
#             pinned in package.json/package-lock.json, installed by `npm ci`
#             into bench/js/node_modules; skipped with a message when npm
#             cannot install them, e.g. without network)
#   python    bindings-examples/python through ctypes, at 10k gates only,
#             against the C ABI's number for the same workload
# Every time is process CPU time; the workload is described in
# bench/sbs/workload.hpp.  Results: docs/BENCHMARKS.md, "Side by side (issue #7)".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES="1k,10k,100k"
QUICK=""
BUILD="$ROOT/build/bench-sbs"
TIMEOUT=1800
JS=1
RG_ONLY=""
ENGINES="hand,rollgate,cel-js,bufbuild,python"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --quick) QUICK="--quick"; shift ;;
    --build-dir) BUILD="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --no-js) JS=0; shift ;;
    --engines) ENGINES="$2"; shift 2 ;;
    --rollgate-compile-only) RG_ONLY="--compile-only"; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

gates_of() {
  case "$1" in
    *[kK]) echo $(( ${1%[kK]} * 1000 )) ;;
    *M) echo $(( ${1%M} * 1000000 )) ;;
    *) echo "$1" ;;
  esac
}

echo "== building librollgate and the benchmark programs in $BUILD (Release)"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DROLLGATE_WERROR=OFF \
  -DROLLGATE_BUILD_TESTS=ON >"$BUILD.cmake.log" 2>&1 || { cat "$BUILD.cmake.log"; exit 1; }
cmake --build "$BUILD" --target rollgate rollgate_sbs_gen rollgate_sbs_capi rollgate_sbs_hand -j"$(nproc)" \
  >"$BUILD.build.log" 2>&1 || { tail -50 "$BUILD.build.log"; exit 1; }
LIB="$(find "$BUILD/lib" -maxdepth 1 -name 'librollgate.so*' -type f | head -1)"
BIN="$BUILD/bench"

if [ "$JS" = 1 ]; then
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "== skipping @marcbachmann/cel-js and @bufbuild/cel: node or npm is not installed"
    JS=0
  elif [ ! -d "$ROOT/bench/js/node_modules/@marcbachmann/cel-js" ] || [ ! -d "$ROOT/bench/js/node_modules/@bufbuild/cel" ]; then
    echo "== installing the pinned npm engines (npm ci in bench/js)"
    if ! (cd "$ROOT/bench/js" && npm ci --no-audit --no-fund >"$BUILD.npm.log" 2>&1); then
      echo "== skipping @marcbachmann/cel-js and @bufbuild/cel: npm ci failed (no network?), see $BUILD.npm.log"
      JS=0
    fi
  fi
fi

RESULTS="$BUILD/results.txt"
: >"$RESULTS"
wanted() { case ",$ENGINES," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
run() {  # label engine command...
  local label="$1" engine="$2"; shift 2
  local out rc=0
  wanted "$engine" || return 0
  out="$(timeout "$TIMEOUT" "$@" 2>"$BUILD/work/$label/$engine.log")" || rc=$?
  if [ $rc -eq 124 ]; then
    echo "size=$label RESULT engine=$engine timeout=$TIMEOUT" >>"$RESULTS"
    echo "   $engine: timed out after $TIMEOUT s"
  elif ! grep -q '^RESULT' <<<"$out"; then
    echo "size=$label RESULT engine=$engine failed=$rc" >>"$RESULTS"
    echo "   $engine: failed ($rc), see $BUILD/work/$label/$engine.log"; tail -3 "$BUILD/work/$label/$engine.log"
  else
    grep '^RESULT' <<<"$out" | sed "s/^/size=$label /" >>"$RESULTS"
    cat "$BUILD/work/$label/$engine.log" | sed 's/^/   /'
  fi
}
prepare() {  # label
  mkdir -p "$BUILD/work/$1"
  "$BIN/rollgate_sbs_gen" "$(gates_of "$1")" "$BUILD/work/$1" | sed 's/^/   /'
}

IFS=, read -r -a LABELS <<<"$SIZES"
for label in "${LABELS[@]}"; do
  echo "== $label gates"
  prepare "$label"
  run "$label" hand "$BIN/rollgate_sbs_hand" "$(gates_of "$label")" $QUICK
  run "$label" rollgate "$BIN/rollgate_sbs_capi" "$BUILD/work/$label" $QUICK $RG_ONLY
  if [ "$JS" = 1 ]; then
    for engine in cel-js bufbuild; do
      run "$label" "$engine" node --max-old-space-size=16384 "$ROOT/bench/js/cel_bench.mjs" "$engine" "$BUILD/work/$label" $QUICK
    done
  fi
done

if wanted python; then
echo "== python through ctypes vs C, 10k gates"
if [ ! -f "$BUILD/work/10k/plan.json" ]; then prepare 10k; fi
if ! grep -q '^size=10k RESULT engine=rollgate ' "$RESULTS"; then
  ENGINES="$ENGINES,rollgate" run 10k rollgate "$BIN/rollgate_sbs_capi" "$BUILD/work/10k" $QUICK
fi
ROLLGATE_LIBRARY="$LIB" PYTHONPATH="$ROOT/bindings-examples/python" \
  run 10k python python3 "$ROOT/bench/sbs/py_bench.py" "$BUILD/work/10k" $QUICK
fi

echo
python3 "$ROOT/bench/sbs/table.py" "$RESULTS" | tee "$BUILD/results.md"
