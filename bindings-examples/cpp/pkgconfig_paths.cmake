# Checks that the rollgate.pc found in PCDIR points at that installation:
# its -I directory holds rollgate.h and rollgate/rollgate.hpp, and its -L
# directory holds librollgate.
set(ENV{PKG_CONFIG_PATH} "${PCDIR}")
execute_process(COMMAND "${PKG_CONFIG}" --cflags-only-I rollgate
  RESULT_VARIABLE _rc1 OUTPUT_VARIABLE _cflags OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND "${PKG_CONFIG}" --libs-only-L rollgate
  RESULT_VARIABLE _rc2 OUTPUT_VARIABLE _libs OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT _rc1 EQUAL 0 OR NOT _rc2 EQUAL 0)
  message(FATAL_ERROR "pkg-config failed (${_rc1}, ${_rc2})")
endif()
message("cflags: ${_cflags}\nlibs: ${_libs}")
string(REGEX REPLACE "^-I" "" _incdir "${_cflags}")
string(REGEX REPLACE "^-L" "" _libdir "${_libs}")
set(_failed FALSE)
foreach(_f IN ITEMS "${_incdir}/rollgate.h" "${_incdir}/rollgate/rollgate.hpp")
  if(NOT EXISTS "${_f}")
    message(SEND_ERROR "rollgate.pc: missing ${_f}")
    set(_failed TRUE)
  endif()
endforeach()
file(GLOB _libfiles "${_libdir}/librollgate.*")
if(NOT _libfiles)
  message(SEND_ERROR "rollgate.pc: no librollgate in '${_libdir}'")
  set(_failed TRUE)
endif()
if(_failed)
  message(FATAL_ERROR "rollgate.pc does not describe the installation in ${PCDIR}/../..")
endif()
