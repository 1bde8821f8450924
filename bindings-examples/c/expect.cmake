# Runs one command and checks its exit status and output (stdout + stderr).
#
#   cmake -DPROGRAM=exe [-DARG1=.. -DARG2=.. -DARG3=..] -DEXPECT_EXIT=n
#         [-DEXPECT_1=regex -DEXPECT_2=regex ...] -P expect.cmake
#
# Every EXPECT_<n> must match the combined output (CTest's
# PASS_REGULAR_EXPRESSION passes when any one regex matches and ignores the
# exit status, which is too weak for checking located errors).
set(_args)
foreach(_i RANGE 1 3)
  if(DEFINED ARG${_i})
    list(APPEND _args "${ARG${_i}}")
  endif()
endforeach()
execute_process(COMMAND "${PROGRAM}" ${_args}
  RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _err)
set(_all "${_out}${_err}")
list(JOIN _args " " _shown)
message("---- output of ${PROGRAM} ${_shown}\n${_all}---- exit status ${_rc}")
set(_failed FALSE)
if(NOT "${_rc}" STREQUAL "${EXPECT_EXIT}")
  message(SEND_ERROR "expected exit status ${EXPECT_EXIT}, got ${_rc}")
  set(_failed TRUE)
endif()
foreach(_i RANGE 1 9)
  if(DEFINED EXPECT_${_i})
    if(NOT _all MATCHES "${EXPECT_${_i}}")
      message(SEND_ERROR "output does not match: ${EXPECT_${_i}}")
      set(_failed TRUE)
    endif()
  endif()
endforeach()
if(_failed)
  message(FATAL_ERROR "check failed")
endif()
