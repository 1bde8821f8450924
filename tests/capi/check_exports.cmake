# Fails unless the shared library exports exactly the C ABI that rollgate.h
# declares:
#   - every defined dynamic symbol is a versioned rollgate_* function (or a
#     version node of capi/rollgate.map), nothing of Boost, RE2 or the C++
#     standard library;
#   - every function the header declares with ROLLGATE_API is exported (a
#     declaration without a definition, or one the map hides, is caught here
#     rather than by the first caller that links it);
#   - every exported rollgate_* function is declared in the header (one left
#     out of it would be ABI that nobody documents or tests).
# Usage: cmake -DNM=nm -DLIBRARY=librollgate.so -DHEADER=capi/rollgate.h -P check_exports.cmake
cmake_minimum_required(VERSION 3.25)

# --- the header's declarations ------------------------------------------
file(READ "${HEADER}" header)
# Comments mention ROLLGATE_API and rollgate_* names in prose: drop them
# first.  Semicolons would split the text into a CMake list: make them
# commas (no declaration needs either before its opening parenthesis).
string(REPLACE ";" "," header "${header}")
string(REGEX REPLACE "//[^\n]*" "" header "${header}")
set(code "")
while(TRUE)
  string(FIND "${header}" "/*" open)
  if(open EQUAL -1)
    string(APPEND code "${header}")
    break()
  endif()
  string(SUBSTRING "${header}" 0 ${open} before)
  string(APPEND code "${before} ")
  string(SUBSTRING "${header}" ${open} -1 header)
  string(FIND "${header}" "*/" close)
  if(close EQUAL -1)
    message(FATAL_ERROR "${HEADER}: unterminated comment")
  endif()
  math(EXPR close "${close} + 2")
  string(SUBSTRING "${header}" ${close} -1 header)
endwhile()

# "ROLLGATE_API <return type> <name>(", the name possibly on the next line.
# The macro's own definitions (`#define ROLLGATE_API __attribute__((...`)
# name no rollgate_ function and are skipped.
string(REGEX MATCHALL "ROLLGATE_API[^(,{}#]*\\(" declarations "${code}")
set(declared "")
foreach(declaration IN LISTS declarations)
  string(REGEX MATCH "([A-Za-z_][A-Za-z0-9_]*)[ \t\r\n]*\\($" _ "${declaration}")
  set(name "${CMAKE_MATCH_1}")
  if(name MATCHES "^__")
    continue()
  endif()
  if(NOT name MATCHES "^rollgate_")
    message(FATAL_ERROR "${HEADER} declares ROLLGATE_API '${name}', which is not named rollgate_*")
  endif()
  list(APPEND declared "${name}")
endforeach()
list(LENGTH declared declared_count)
list(REMOVE_DUPLICATES declared)
list(LENGTH declared unique_count)
if(NOT declared_count EQUAL unique_count)
  message(FATAL_ERROR "${HEADER} declares some function twice")
endif()
if(declared_count LESS 20)
  message(FATAL_ERROR "only ${declared_count} ROLLGATE_API declarations found in ${HEADER}: "
                      "has the declaration style changed?")
endif()

# --- the library's exports ------------------------------------------------
execute_process(COMMAND "${NM}" -D --defined-only "${LIBRARY}"
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "nm failed: ${err}")
endif()
string(REPLACE "\n" ";" lines "${out}")
set(exported "")
set(problems "")
foreach(line IN LISTS lines)
  if(line STREQUAL "")
    continue()
  endif()
  string(REGEX REPLACE "^.* " "" symbol "${line}")
  if(symbol MATCHES "^(rollgate_[a-z0-9_]+)@@?ROLLGATE_[0-9.]+$")
    list(APPEND exported "${CMAKE_MATCH_1}")
  elseif(NOT symbol MATCHES "^ROLLGATE_[0-9.]+$")
    string(APPEND problems "  exported but not part of the C ABI: ${symbol}\n")
  endif()
endforeach()

# --- compare ---------------------------------------------------------------
foreach(name IN LISTS declared)
  if(NOT name IN_LIST exported)
    string(APPEND problems "  declared in rollgate.h but not exported: ${name}\n")
  endif()
endforeach()
foreach(name IN LISTS exported)
  if(NOT name IN_LIST declared)
    string(APPEND problems "  exported but not declared in rollgate.h: ${name}\n")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "librollgate's exports differ from rollgate.h's declarations "
                      "(${declared_count} declared):\n${problems}")
endif()
list(LENGTH exported exported_count)
message(STATUS "${exported_count} rollgate_* functions exported, "
               "the ${declared_count} rollgate.h declares, and nothing else")
