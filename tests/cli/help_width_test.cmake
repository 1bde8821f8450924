# Every --help screen fits an 80-column terminal.
#   cmake -DCLI=... -P help_width_test.cmake
cmake_minimum_required(VERSION 3.25)
string(REPEAT "[^\n]" 81 too_wide)  # 81 characters on one line (help is ASCII)
foreach(command IN ITEMS "" check eval explain graph expr diff)
  execute_process(COMMAND ${CLI} ${command} --help RESULT_VARIABLE status OUTPUT_VARIABLE help)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "rollgate ${command} --help exited ${status}")
  endif()
  if(help MATCHES "[^\n]*${too_wide}[^\n]*")
    message(FATAL_ERROR "rollgate ${command} --help has a line wider than 80 columns:\n${CMAKE_MATCH_0}")
  endif()
endforeach()
