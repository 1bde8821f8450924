#!/bin/sh
# ctest's smoke run of the side-by-side benchmark (bench/run.sh): the C ABI
# and hand-written engines on the 1k-gate workload, a few evaluations each;
# they must agree on every gate that passes and on every stage status.  No
# timing is asserted.  The npm engines are never run here (CI may have no
# network): bench/run.sh runs them.
#   sh bench/sbs/smoke.sh BIN_DIR WORK_DIR
set -eu
bin="$1"; work="$2"
mkdir -p "$work"
"$bin/rollgate_sbs_gen" 1000 "$work"
hand="$("$bin/rollgate_sbs_hand" 1000 --quick)"
capi="$("$bin/rollgate_sbs_capi" "$work" --quick)"
echo "$hand"; echo "$capi"
pick() { echo "$1" | tr ' ' '\n' | grep -E '^(true_gates|stages_(done|blocked|waiting|ready))=' | tr '\n' ' '; }
h="$(pick "$hand")"; c="$(pick "$capi")"
echo "hand-written: $h"; echo "rollgate:     $c"
if [ "$h" != "$c" ] || [ -z "$h" ]; then echo "the engines disagree"; exit 1; fi
echo "(the npm engines are not run by ctest: bench/run.sh runs them when bench/js/node_modules is installed)"
echo "agree"
