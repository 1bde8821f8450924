# Renders the man page with groff, every warning turned on (-ww), and fails
# on any diagnostic; skipped (saying "man page check skipped") without groff.
#   cmake -DFILE=docs/rollgate.1 -P man_page_render_test.cmake
cmake_minimum_required(VERSION 3.25)
find_program(GROFF groff)
if(NOT GROFF)
  message("man page check skipped: groff not found (Debian: apt-get install groff-base)")
  return()
endif()
execute_process(COMMAND ${GROFF} -man -Tutf8 -ww -z "${FILE}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE warnings)
if(NOT status EQUAL 0 OR NOT warnings STREQUAL "")
  message(FATAL_ERROR "groff -man -Tutf8 -ww ${FILE} (exit ${status}):\n${warnings}")
endif()
