#!/usr/bin/env bash
# Regenerates tests/abi/librollgate.abi, the libabigail baseline that the
# test "abi: librollgate's ABI equals tests/abi/librollgate.abi" compares the
# built library with.  Run it for a deliberate ABI change only, and commit
# the new baseline together with the change (README, "Changing the ABI").
#
#   tests/abi/update-baseline.sh              builds the release preset's
#                                             library (RelWithDebInfo, so
#                                             with DWARF) and describes it
#   tests/abi/update-baseline.sh LIBRARY.so   describes that library: it
#                                             must carry DWARF (-g) naming
#                                             its sources by absolute paths
#                                             (not built through ccache's
#                                             base_dir)
#
# What is described, and how, is in check_abi.cmake, which the test runs too.
set -euo pipefail
cd "$(dirname "$0")/../.."

library=${1:-}
if [ -z "$library" ]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target rollgate
  library=build/release/lib/librollgate.so
fi
cmake -DMODE=update -DLIBRARY="$library" -DBASELINE="$PWD/tests/abi/librollgate.abi" \
      -DHEADER="$PWD/capi/rollgate.h" -P tests/abi/check_abi.cmake
