# The text report, Markdown and the pictures (DOT, Mermaid, SVG), through
# the built binary: golden files compared byte for byte at a fixed --now
# (ROLLGATE_UPDATE_GOLDEN=1 rewrites them), colour only where it belongs,
# 80 columns, escaping, and SVG with one node per stage.  Included from
# tests/cli/CMakeLists.txt.
set(_render "${PROJECT_SOURCE_DIR}/tests/data/cli/render")
set(_golden "${PROJECT_SOURCE_DIR}/tests/data/cli/golden")
set(_soak "${PROJECT_SOURCE_DIR}/examples/bookme")
set(_drift "${PROJECT_SOURCE_DIR}/tests/data/cli/state")
set(_now 2026-11-23T09:00:00Z)
set(_bookme_inputs ${_bookme}/plan.json --facts ${_bookme}/facts.json --now ${_now})

# rollgate_golden_test(name golden-file exit ARGS ... [BEFORE ...]): the
# output of ARGS equals tests/data/cli/golden/<golden-file>; BEFORE runs
# first in the same scratch folder (${work} in the arguments).
function(rollgate_golden_test name golden exit_status)
  cmake_parse_arguments(T "" "" "ARGS;BEFORE" ${ARGN})
  string(MAKE_C_IDENTIFIER "${name}" _id)
  set(_work "${CMAKE_CURRENT_BINARY_DIR}/golden/${_id}")
  string(REPLACE "\${work}" "${_work}" _args "${T_ARGS}")
  string(REPLACE ";" "|" _args "${_args}")
  set(_defs -DCLI=$<TARGET_FILE:rollgate_cli> "-DARGS=${_args}" -DEXPECT_EXIT=${exit_status}
            -DGOLDEN=${_golden}/${golden} -DWORK=${_work} "-DTEST_NAME=cli: ${name}")
  if(T_BEFORE)
    string(REPLACE "\${work}" "${_work}" _before "${T_BEFORE}")
    string(REPLACE ";" "|" _before "${_before}")
    list(APPEND _defs "-DBEFORE=${_before}")
  endif()
  add_test(NAME "cli: ${name}" COMMAND ${CMAKE_COMMAND} ${_defs} -P "${CMAKE_CURRENT_SOURCE_DIR}/golden.cmake")
endfunction()

rollgate_golden_test("eval text of bookme without colour matches its golden file" bookme-eval.txt 1
  ARGS eval ${_bookme_inputs} --color never)
rollgate_golden_test("eval text of bookme with --color always matches its golden file" bookme-eval-color.txt 1
  ARGS eval ${_bookme_inputs} --color always)
rollgate_golden_test("eval --format markdown of bookme matches its golden file" bookme-eval.md 1
  ARGS eval ${_bookme_inputs} --format markdown)
rollgate_golden_test("eval --format dot of bookme matches its golden file" bookme-eval.dot 1
  ARGS eval ${_bookme_inputs} --format dot)
rollgate_golden_test("graph --format dot with facts draws the picture of eval --format dot" bookme-eval.dot 0
  ARGS graph ${_bookme_inputs} --format dot)
rollgate_golden_test("eval --format mermaid of bookme matches its golden file" bookme-eval.mmd 1
  ARGS eval ${_bookme_inputs} --format mermaid)
rollgate_golden_test("graph --format mermaid with facts draws the picture of eval --format mermaid" bookme-eval.mmd 0
  ARGS graph ${_bookme_inputs} --format mermaid)
rollgate_golden_test("graph of the plan alone is drawn without statuses" bookme-plan.dot 0
  ARGS graph ${_bookme}/plan.json --format dot)
rollgate_golden_test("graph --format mermaid of the plan alone is drawn without statuses" bookme-plan.mmd 0
  ARGS graph ${_bookme}/plan.json --format mermaid)
# The README's second evaluation: wave north's error rate drifts while it
# runs; drift and the changes come right after the header.
rollgate_golden_test("eval text with a state file shows drift and changes first" bookme-soak-drift.txt 1
  BEFORE eval ${_soak}/plan-with-soak.json --facts ${_soak}/facts-4.json --now 2026-11-16T10:00:00Z --state \${work}/state.json
  ARGS eval ${_soak}/plan-with-soak.json --facts ${_soak}/facts-5.json --now 2026-11-18T10:00:00Z --state \${work}/state.json --color never)
rollgate_golden_test("eval text of a what-if lists what the patch changes" what-if.txt 1
  ARGS eval ${_drift}/plan.json --facts ${_drift}/facts-good.json --now 2026-11-02T09:30:00Z --what-if ${_drift}/patch.json --color never)

# A plan whose title, stage titles, ids and owners carry markup.
set(_markup ${_render}/markup-plan.json --facts ${_render}/markup-facts.json --now ${_now})
set(_long ${_render}/long-texts-plan.json ${_render}/long-texts-facts.json)

# Missing Graphviz: a clear error naming the program, exit 2; a failing
# Graphviz: its own message.
foreach(_command IN ITEMS graph eval)
  add_test(NAME "cli: ${_command} --format svg without dot on PATH exits 2 naming the program to install"
    COMMAND ${CMAKE_COMMAND} -E env PATH=/nonexistent
            ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:rollgate_cli> "-DARGS=${_command}|${_bookme}/plan.json|--format|svg"
            -DEXPECT_EXIT=2 "-DEXPECT_STDERR=^rollgate: cannot draw SVG: the program 'dot' \\(Graphviz\\) was not found on PATH; install graphviz \\(Debian: apt-get install graphviz\\) or use --format dot\n$"
            -P "${CMAKE_CURRENT_SOURCE_DIR}/run_cli.cmake")
endforeach()
add_test(NAME "cli: a dot that fails gives its message and exit 2"
  COMMAND ${CMAKE_COMMAND} -E env PATH=${_render}/failing-dot
          ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:rollgate_cli> "-DARGS=graph|${_bookme}/plan.json|--format|svg"
          -DEXPECT_EXIT=2 "-DEXPECT_STDERR=cannot draw SVG: 'dot' exited with status 1: Error: <stdin>: syntax error in line 1"
          -P "${CMAKE_CURRENT_SOURCE_DIR}/run_cli.cmake")

find_program(ROLLGATE_DOT dot)
if(ROLLGATE_DOT)
  rollgate_cli_test("eval --format svg prints the SVG of the stage graph" 1
    ARGS eval ${_bookme_inputs} --format svg STDOUT "^<\\?xml .*<svg .*class=\"node\".*</svg>\n$")
else()
  message(STATUS "Graphviz's dot not found: the SVG tests will report themselves skipped")
endif()

find_package(Python3 COMPONENTS Interpreter)
if(NOT Python3_Interpreter_FOUND)
  message(STATUS "python3 not found: the colour, width, escaping and SVG tests of the command line are left out")
  return()
endif()

set(_py ${Python3_EXECUTABLE})
add_test(NAME "cli: SVG of every bundled example is well-formed XML with one node per stage"
  COMMAND ${_py} ${CMAKE_CURRENT_SOURCE_DIR}/svg_nodes.py $<TARGET_FILE:rollgate_cli> ${PROJECT_SOURCE_DIR}/examples
          ${_render}/markup-plan.json ${_render}/markup-facts.json ${_long})
set_tests_properties("cli: SVG of every bundled example is well-formed XML with one node per stage"
  PROPERTIES SKIP_RETURN_CODE 77)

add_test(NAME "cli: every line of the text report fits 80 columns for every example and long texts"
  COMMAND ${_py} ${CMAKE_CURRENT_SOURCE_DIR}/text_fits.py $<TARGET_FILE:rollgate_cli> ${PROJECT_SOURCE_DIR}/examples
          ${_long} ${_render}/markup-plan.json ${_render}/markup-facts.json)

add_test(NAME "cli: a title with markup comes out as text in Markdown"
  COMMAND ${_py} ${CMAKE_CURRENT_SOURCE_DIR}/expect_text.py ${_render}/markup-markdown.expect
          $<TARGET_FILE:rollgate_cli> eval ${_markup} --format markdown)
add_test(NAME "cli: ids and titles with markup and quotes are escaped in DOT"
  COMMAND ${_py} ${CMAKE_CURRENT_SOURCE_DIR}/expect_text.py ${_render}/markup-dot.expect
          $<TARGET_FILE:rollgate_cli> graph ${_markup} --format dot)
add_test(NAME "cli: ids and titles with markup and quotes are escaped in Mermaid"
  COMMAND ${_py} ${CMAKE_CURRENT_SOURCE_DIR}/expect_text.py ${_render}/markup-mermaid.expect
          $<TARGET_FILE:rollgate_cli> eval ${_markup} --format mermaid)

# Colour on a terminal only: color_check.py runs the binary on a
# pseudo-terminal (or, with --pipe, a pipe) with the environment given.
function(rollgate_color_test name expect)
  cmake_parse_arguments(T "PIPE" "" "ENV;ARGS" ${ARGN})
  set(_mode "")
  if(T_PIPE)
    set(_mode --pipe)
  endif()
  add_test(NAME "cli: ${name}"
    COMMAND ${CMAKE_COMMAND} -E env ${T_ENV}
            ${_py} ${CMAKE_CURRENT_SOURCE_DIR}/color_check.py ${_mode} ${expect} $<TARGET_FILE:rollgate_cli> ${T_ARGS})
endfunction()

rollgate_color_test("on a terminal --color auto colours the text report" color
  ENV --unset=NO_COLOR TERM=xterm ARGS eval ${_bookme_inputs})
rollgate_color_test("NO_COLOR=1 with --color auto gives no colour escapes even on a terminal" plain
  ENV NO_COLOR=1 TERM=xterm ARGS eval ${_bookme_inputs})
rollgate_color_test("TERM=dumb with --color auto gives no colour escapes" plain
  ENV --unset=NO_COLOR TERM=dumb ARGS eval ${_bookme_inputs})
rollgate_color_test("--color never gives no colour escapes on a terminal" plain
  ENV --unset=NO_COLOR TERM=xterm ARGS eval ${_bookme_inputs} --color never)
rollgate_color_test("--color auto gives no colour escapes when piped" plain PIPE
  ENV --unset=NO_COLOR TERM=xterm ARGS eval ${_bookme_inputs})
rollgate_color_test("--color always colours even when piped with NO_COLOR set" color PIPE
  ENV NO_COLOR=1 TERM=xterm ARGS eval ${_bookme_inputs} --color always)
