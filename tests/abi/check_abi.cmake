# The C ABI against its committed libabigail baseline, tests/abi/librollgate.abi.
#
#   cmake -DLIBRARY=... -DBASELINE=... -DHEADER=/abs/capi/rollgate.h
#         [-DABIDW=abidw -DABIDIFF=abidiff -DREADELF=readelf] [-DMODE=update]
#         -P check_abi.cmake
#
# Both modes describe LIBRARY with abidw, keeping only what HEADER declares:
# its functions, and the types they use that HEADER defines (the structs'
# members, the enums' enumerators); the opaque handles stay opaque, so the
# engine behind them (capi/capi_internal.hpp and lib/) may change freely.
# Locations, paths and build directories are left out, so that the
# description changes only when the ABI does.
#   MODE=update  writes the description to BASELINE (tests/abi/update-baseline.sh);
#   otherwise    compares it with BASELINE and fails on ANY difference: a
#                removed or changed function or type, and also an added
#                function, struct member or enumerator.  Additions break no
#                old caller, but they are ABI too and are made on purpose,
#                with the baseline updated in the same change (README,
#                "Changing the ABI").
#
# abidiff's exit status is a bit set: 1 error, 2 usage error, 4 the ABIs
# differ, 8 some difference is incompatible.  Without --harmless it counts
# some additions (an enumerator) as no difference at all, hence the option;
# --no-default-suppression keeps system suppression files out.
#
# Skipped, saying "ABI check skipped: ...", when abidiff is missing, when the
# library has no DWARF (a Release build without -g: abidiff would compare
# the symbol table only and miss every type change), or when its DWARF names
# the header by a relative path (ccache's base_dir does that), which stops
# libabigail from telling the header's types from the others.
cmake_minimum_required(VERSION 3.25)

foreach(_tool IN ITEMS ABIDW ABIDIFF READELF)
  if(NOT ${_tool})
    string(TOLOWER "${_tool}" _name)
    find_program(${_tool} NAMES ${_name})
  endif()
endforeach()

function(skip_or_fail reason)
  if(MODE STREQUAL "update")
    message(FATAL_ERROR "cannot write the ABI baseline: ${reason}")
  endif()
  message("ABI check skipped: ${reason}")
endfunction()

if(NOT ABIDW OR NOT ABIDIFF)
  skip_or_fail("abidw or abidiff not found (Debian: apt-get install abigail-tools)")
  return()
endif()
if(NOT IS_ABSOLUTE "${HEADER}" OR NOT EXISTS "${HEADER}")
  message(FATAL_ERROR "HEADER must be the absolute path of capi/rollgate.h, not '${HEADER}'")
endif()

execute_process(COMMAND "${READELF}" --section-headers "${LIBRARY}"
  RESULT_VARIABLE status OUTPUT_VARIABLE sections ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "readelf failed on ${LIBRARY}: ${err}")
endif()
if(NOT sections MATCHES "\\.debug_info")
  skip_or_fail("${LIBRARY} has no debug info (build with -g, as the release preset's "
               "RelWithDebInfo does)")
  return()
endif()

# --- describe the library ----------------------------------------------------
if(MODE STREQUAL "update")
  set(description "${BASELINE}")
else()
  get_filename_component(_name "${LIBRARY}" NAME)
  set(description "${CMAKE_CURRENT_BINARY_DIR}/${_name}.abi")
endif()
execute_process(
  COMMAND "${ABIDW}" --exported-interfaces-only --header-file "${HEADER}" --drop-private-types
          --no-corpus-path --no-comp-dir-path --no-show-locs --type-id-style hash
          --out-file "${description}" "${LIBRARY}"
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "abidw failed on ${LIBRARY} (status ${status}): ${err}")
endif()
# The header's structs have members; when none is described, abidw did not
# recognise the header in the debug info.
file(STRINGS "${description}" members REGEX "<data-member")
file(STRINGS "${description}" functions REGEX "<elf-symbol name='rollgate_")
list(LENGTH members member_count)
list(LENGTH functions function_count)
if(member_count EQUAL 0)
  if(NOT MODE STREQUAL "update")
    file(REMOVE "${description}")
  endif()
  skip_or_fail("the debug info of ${LIBRARY} does not name ${HEADER} by that path "
               "(relative paths, as ccache's base_dir makes them?), so the header's "
               "types cannot be told from the others")
  return()
endif()
if(MODE STREQUAL "update")
  message(STATUS "${BASELINE}: ${function_count} rollgate_* functions and "
                 "${member_count} struct members, from ${LIBRARY}")
  return()
endif()

# --- compare with the baseline -----------------------------------------------
if(NOT EXISTS "${BASELINE}")
  message(FATAL_ERROR "no ABI baseline at ${BASELINE}: run tests/abi/update-baseline.sh")
endif()
execute_process(
  COMMAND "${ABIDIFF}" --no-default-suppression --harmless "${BASELINE}" "${description}"
  RESULT_VARIABLE status OUTPUT_VARIABLE report ERROR_VARIABLE report)
if(status EQUAL 0)
  message(STATUS "abidiff: no change against ${BASELINE} "
                 "(${function_count} functions, ${member_count} struct members)")
  return()
endif()

if(NOT status MATCHES "^[0-9]+$")
  set(meaning "abidiff did not run: ${status}")
else()
  math(EXPR error "${status} & 3")
  math(EXPR change "${status} & 4")
  math(EXPR incompatible "${status} & 8")
  if(error)
    set(meaning "abidiff failed (status ${status}); see its output")
  elseif(incompatible)
    set(meaning "an INCOMPATIBLE change (status ${status}): existing callers break. If it "
                "is deliberate, bump ROLLGATE_ABI_VERSION and ROLLGATE_VERSION_MINOR in "
                "capi/rollgate.h and run tests/abi/update-baseline.sh")
  elseif(change)
    set(meaning "a compatible change or an addition (status ${status}). If it is "
                "deliberate, run tests/abi/update-baseline.sh and commit the baseline with it")
  else()
    set(meaning "abidiff exited with status ${status}")
  endif()
endif()
message(FATAL_ERROR "librollgate's ABI differs from ${BASELINE}: ${meaning}\n\n${report}")
