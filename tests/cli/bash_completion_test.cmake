# Sources the bash completion and asks it, as bash would on <Tab>, for the
# words that complete a command line; skipped without bash.
#   cmake -DFILE=completions/rollgate.bash -P bash_completion_test.cmake
cmake_minimum_required(VERSION 3.25)
find_program(BASH bash)
if(NOT BASH)
  message("bash completion check skipped: bash not found")
  return()
endif()

# expect_completion(<expected> <words...>): what bash offers for the last
# word of the command line (which may be "").
function(expect_completion expected)
  set(words "${ARGN}")
  list(TRANSFORM words PREPEND "'")
  list(TRANSFORM words APPEND "'")
  list(JOIN words " " words)
  execute_process(COMMAND ${BASH} --norc --noprofile -c
      "source '${FILE}' && COMP_WORDS=(${words}) && COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)) && _rollgate && echo \"\${COMPREPLY[*]}\""
    RESULT_VARIABLE status OUTPUT_VARIABLE offered ERROR_VARIABLE err)
  string(STRIP "${offered}" offered)
  if(NOT status EQUAL 0 OR NOT err STREQUAL "" OR NOT offered STREQUAL expected)
    message(FATAL_ERROR "completing [${words}] offered '${offered}', expected '${expected}' (exit ${status})\n${err}")
  endif()
endfunction()

expect_completion("eval explain expr" rollgate e)
expect_completion("--format" rollgate eval --fo)
expect_completion("text json markdown dot svg mermaid" rollgate eval --format "")
expect_completion("json" rollgate eval plan.json --format = j)
expect_completion("dot svg mermaid" rollgate graph --format "")
expect_completion("--plan" rollgate expr x --pl)
expect_completion("" rollgate eval plan.json --now "")
