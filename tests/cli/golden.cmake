# Runs the command line and compares its standard output byte for byte with
# a committed golden file; on a difference, prints it and how to regenerate.
# With ROLLGATE_UPDATE_GOLDEN=1 in the environment it rewrites the file.
#   cmake -DCLI=... -DARGS="a|b" -DGOLDEN=<file> -DEXPECT_EXIT=n -DWORK=<scratch dir>
#         [-DBEFORE="a|b"] [-DTEST_NAME=...] -P golden.cmake
# BEFORE runs first (its output ignored), e.g. an evaluation that leaves the
# state the compared one continues from; WORK is emptied before.
cmake_minimum_required(VERSION 3.25)
string(REPLACE "|" ";" ARGS "${ARGS}")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

if(DEFINED BEFORE)
  string(REPLACE "|" ";" BEFORE "${BEFORE}")
  execute_process(COMMAND ${CLI} ${BEFORE} RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
  if(status GREATER 1)
    message(FATAL_ERROR "the preparing run exited ${status}:\n${err}")
  endif()
endif()

set(actual "${WORK}/actual")
execute_process(COMMAND ${CLI} ${ARGS} RESULT_VARIABLE status OUTPUT_FILE "${actual}" ERROR_VARIABLE err)
if(NOT status STREQUAL EXPECT_EXIT)
  message(FATAL_ERROR "exit status ${status}, expected ${EXPECT_EXIT}\nstderr:\n${err}")
endif()

if("$ENV{ROLLGATE_UPDATE_GOLDEN}" STREQUAL "1")
  file(COPY_FILE "${actual}" "${GOLDEN}")
  message(STATUS "rewrote ${GOLDEN}")
  return()
endif()

execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${GOLDEN}" "${actual}" RESULT_VARIABLE differs)
if(differs)
  # The difference goes out as it is: message() would rewrap it.
  find_program(DIFF diff)
  if(DIFF)
    execute_process(COMMAND ${DIFF} -u "${GOLDEN}" "${actual}")
  else()
    execute_process(COMMAND ${CMAKE_COMMAND} -E cat "${actual}")
  endif()
  message(FATAL_ERROR "the output (above: its difference, or itself) differs from ${GOLDEN}.\n"
                      "If the change is intended, regenerate with\n"
                      "  ROLLGATE_UPDATE_GOLDEN=1 ctest -R '${TEST_NAME}'\n"
                      "and review the golden file's diff.")
endif()
