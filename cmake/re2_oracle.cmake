# RE2, for what compares matches() with it: the differential test
# (tests/regex_differential) and the benchmark (bench/regex_bench.cpp).
# The library itself does not use RE2.  Found with pkg-config (re2.pc),
# else as the header and library directly; sets ROLLGATE_RE2_ORACLE to a
# target to link, or leaves it empty when RE2 is not installed (then those
# two are not built, so that an ordinary build never fails for them).
# Included once per directory that needs it; the targets are made once.
set(ROLLGATE_RE2_ORACLE "")
if(TARGET rollgate_re2_oracle)
  set(ROLLGATE_RE2_ORACLE rollgate_re2_oracle)
  return()
endif()
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(ROLLGATE_RE2 QUIET IMPORTED_TARGET GLOBAL re2)
endif()
if(TARGET PkgConfig::ROLLGATE_RE2)
  add_library(rollgate_re2_oracle INTERFACE)
  target_link_libraries(rollgate_re2_oracle INTERFACE PkgConfig::ROLLGATE_RE2)
  set(ROLLGATE_RE2_ORACLE rollgate_re2_oracle)
else()
  find_path(ROLLGATE_RE2_INCLUDE_DIR re2/re2.h)
  find_library(ROLLGATE_RE2_LIBRARY re2)
  if(ROLLGATE_RE2_INCLUDE_DIR AND ROLLGATE_RE2_LIBRARY)
    find_package(Threads REQUIRED)
    add_library(rollgate_re2_oracle INTERFACE)
    target_include_directories(rollgate_re2_oracle INTERFACE "${ROLLGATE_RE2_INCLUDE_DIR}")
    target_link_libraries(rollgate_re2_oracle INTERFACE "${ROLLGATE_RE2_LIBRARY}" Threads::Threads)
    set(ROLLGATE_RE2_ORACLE rollgate_re2_oracle)
  endif()
endif()
if(NOT ROLLGATE_RE2_ORACLE)
  message(STATUS "rollgate: RE2 not found (libre2-dev): the regex differential test and benchmark are not built")
endif()
