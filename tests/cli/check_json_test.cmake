# `rollgate check --format json` writes one JSON object that CMake's own
# JSON parser reads, with each plan's verdict and each problem's fields.
#   cmake -DCLI=... -DINVALID=<plan with one problem> -DVALID=<plan> -P check_json_test.cmake
cmake_minimum_required(VERSION 3.25)
execute_process(COMMAND ${CLI} check --format json ${INVALID} ${VALID}
  RESULT_VARIABLE status OUTPUT_VARIABLE json ERROR_VARIABLE err)
if(NOT status EQUAL 2 OR NOT err STREQUAL "")
  message(FATAL_ERROR "exit status ${status}, expected 2 with nothing on stderr:\n${err}")
endif()

# expect(<value> <path...>): the member at that path of the output.
function(expect expected)
  string(JSON actual ERROR_VARIABLE problem GET "${json}" ${ARGN})
  if(problem OR NOT actual STREQUAL expected)
    message(FATAL_ERROR "${ARGN}: '${actual}', expected '${expected}' ${problem}\n${json}")
  endif()
endfunction()

string(JSON plan_count ERROR_VARIABLE problem LENGTH "${json}" plans)
if(problem OR NOT plan_count EQUAL 2)
  message(FATAL_ERROR "not an object with two plans: ${problem}\n${json}")
endif()
expect("${INVALID}" plans 0 path)
expect("OFF" plans 0 valid)
string(JSON type TYPE "${json}" plans 0 stages)
if(NOT type STREQUAL "NULL")
  message(FATAL_ERROR "an invalid plan's stages are ${type}, expected null\n${json}")
endif()
expect("7" plans 0 problems 0 line)
expect("40" plans 0 problems 0 column)
expect("/stages/0/gates/0/expr" plans 0 problems 0 pointer)
expect("cel-type" plans 0 problems 0 kind)
expect("pilot.departments" plans 0 problems 0 suggestion)
expect("pilot/départements" plans 0 problems 0 subject)
expect("gate" plans 0 problems 0 subject_kind)
expect("ON" plans 1 valid)
expect("6" plans 1 stages)
expect("27" plans 1 gates)
expect("22" plans 1 facts)
