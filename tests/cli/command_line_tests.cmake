# The frame of the command line (lib/cli/command_line.cpp): `check`, --help,
# usage errors with suggestions, exit statuses, and the generated man page
# and bash completion.  Included from tests/cli/CMakeLists.txt.
set(_check "${PROJECT_SOURCE_DIR}/tests/data/cli/check")

# The regex that matches `text` and nothing else, for outputs pinned whole.
function(rollgate_literal_regex out text)
  string(REGEX REPLACE "([][.*+?^$(){}|\\\\])" "\\\\\\1" escaped "${text}")
  set(${out} "${escaped}" PARENT_SCOPE)
endfunction()

# --- check -----------------------------------------------------------------

rollgate_cli_test("check of a valid plan prints its size on stdout and exits 0" 0
  ARGS check ${_bookme}/plan.json
  STDOUT "^[^\n]*/examples/bookme/plan\\.json: ok \\(6 stages, 27 gates, 22 facts\\)\n$")
rollgate_cli_test("check counts one stage, gate and fact in the singular" 0
  ARGS check ${_data}/cli/ready-plan.json
  STDOUT "ready-plan\\.json: ok \\(1 stage, 1 gate, 1 fact\\)\n$")

# The column is in code points (an é and a tab come before it) and the
# caret sits under the undeclared name.
rollgate_literal_regex(_undeclared
"${_check}/undeclared-fact.json:7:40: /stages/0/gates/0/expr: error: undeclared reference to 'pilot.departmnts' (did you mean 'pilot.departments'?)
 7 |  { \"id\": \"départements\", \"expr\": \"size(pilot.departmnts) >= 2\" } ] } ] }
   |                                        ^
")
rollgate_cli_test("check shows an undeclared fact with its source line and a caret, and exits 2" 2
  ARGS check ${_check}/undeclared-fact.json
  STDOUT "^$" STDERR "^${_undeclared}$")

rollgate_literal_regex(_several
"${_check}/several-problems.json:5:22: /stages/0/titel: error: unknown field 'titel' (did you mean 'title'?)
 5 |     { \"id\": \"pilot\", \"titel\": \"Pilot\",
   |                      ^
${_check}/several-problems.json:6:45: /stages/0/gates/0/expr: error: undeclared reference to 'uptme_pct' (did you mean 'uptime_pct'?)
 6 |       \"gates\": [ { \"id\": \"uptime\", \"expr\": \"uptme_pct >= 99.5\" } ] },
   |                                             ^
${_check}/several-problems.json:7:31: /stages/1/after/0: error: 'after' names unknown stage 'pilto' (did you mean 'pilot'?)
 7 |     { \"id\": \"wave\", \"after\": [\"pilto\"] } ] }
   |                               ^
")
rollgate_cli_test("check shows every problem of a plan and checks the plans after it" 2
  ARGS check ${_check}/several-problems.json ${_bookme}/plan.json
  STDOUT "^[^\n]*/examples/bookme/plan\\.json: ok \\(6 stages, 27 gates, 22 facts\\)\n$"
  STDERR "^${_several}$")
rollgate_cli_test("check of two invalid plans shows the problems of both" 2
  ARGS check ${_check}/undeclared-fact.json ${_check}/several-problems.json
  STDERR "undeclared-fact\\.json:7:40: .*several-problems\\.json:5:22: .*several-problems\\.json:7:31: ")

rollgate_literal_regex(_malformed
"${_check}/malformed.json:3:3: error: malformed JSON: syntax error
 3 |   \"stages\": [ { \"id\": \"pilot\" } ] }
   |   ^
")
rollgate_cli_test("check locates malformed JSON with a caret" 2
  ARGS check ${_check}/malformed.json STDERR "^${_malformed}$")

rollgate_literal_regex(_long_line
"${_check}/long-line.json:1:378: /stages/5/gates/0/expr: error: undeclared reference to 'missing_fact'
 1 | …age-5\",\"gates\":[{\"id\":\"g\",\"expr\":\"ok && missing_fact\"}]}]}
   |                                          ^
")
rollgate_cli_test("check cuts a long source line around the column, with an ellipsis" 2
  ARGS check ${_check}/long-line.json STDERR "^${_long_line}$")

rollgate_cli_test("check of a file that cannot be read says so and still checks the others" 2
  ARGS check ${_check}/no-such-plan.json ${_data}/cli/ready-plan.json
  STDOUT "ready-plan\\.json: ok " STDERR "^[^\n]*/no-such-plan\\.json: cannot open the file\n$")

add_test(NAME "cli: check --format json writes one JSON object with every problem's fields"
  COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:rollgate_cli> -DINVALID=${_check}/undeclared-fact.json
          -DVALID=${_bookme}/plan.json -P "${CMAKE_CURRENT_SOURCE_DIR}/check_json_test.cmake")

# --- help ------------------------------------------------------------------

rollgate_cli_test("--help lists the subcommands with EXAMPLES and EXIT STATUS" 0
  ARGS --help
  STDOUT "^rollgate - .*Usage: rollgate SUBCOMMAND.*Subcommands:\n  check .*  diff .*\nEXAMPLES\n.*\nEXIT STATUS\n  0  .*\n  3  Internal error")
foreach(_command IN ITEMS check eval explain graph expr diff)
  rollgate_cli_test("${_command} --help has a description, the options, EXAMPLES and EXIT STATUS" 0
    ARGS ${_command} --help
    STDOUT "^rollgate ${_command} - [^\n]+\n\nUsage: rollgate ${_command} .*Options:\n  -h,--help .*\nEXAMPLES\n  rollgate ${_command} .*\nEXIT STATUS\n  0  .*\n  1  .*\n  2  Bad input or usage.*\n  3  Internal error")
endforeach()
rollgate_cli_test("check --help says what its JSON looks like" 0
  ARGS check --help STDOUT "\\{\"plans\": \\[\\{\"path\", \"valid\",")

# --- usage errors ----------------------------------------------------------

rollgate_cli_test("no subcommand exits 2 listing them" 2
  ARGS "" STDERR "^rollgate: a subcommand is required: check, eval, explain, graph, expr, diff\n")
rollgate_cli_test("an unknown subcommand exits 2 with a suggestion" 2
  ARGS evl ${_bookme}/plan.json
  STDERR "^rollgate: unknown subcommand 'evl' \\(did you mean 'eval'\\?\\)\nrun 'rollgate --help' for")
rollgate_cli_test("a subcommand with two letters swapped is one edit from the one meant" 2
  ARGS evla ${_bookme}/plan.json
  STDERR "^rollgate: unknown subcommand 'evla' \\(did you mean 'eval'\\?\\)\n")
rollgate_cli_test("a subcommand cut short is completed in the suggestion" 2
  ARGS expl STDERR "^rollgate: unknown subcommand 'expl' \\(did you mean 'explain'\\?\\)\n")
rollgate_cli_test("an unknown option exits 2 with a suggestion and the help to run" 2
  ARGS eval ${_bookme}/plan.json --fromat json
  STDERR "^rollgate eval: unknown option '--fromat' \\(did you mean '--format'\\?\\)\nrun 'rollgate eval --help' for the options and examples\n$")
rollgate_cli_test("an unknown option unlike every option gets no suggestion" 2
  ARGS check ${_bookme}/plan.json --zzz STDERR "^rollgate check: unknown option '--zzz'\nrun 'rollgate check --help'")
rollgate_cli_test("an extra argument exits 2" 2
  ARGS eval ${_bookme}/plan.json ${_bookme}/facts.json STDERR "^rollgate eval: unexpected argument '[^']*facts\\.json'\n")
rollgate_cli_test("a bad --format exits 2 naming the option and the allowed values" 2
  ARGS eval ${_bookme}/plan.json --format=xml
  STDERR "^rollgate eval: --format: xml not in \\{text,json,markdown,dot,svg,mermaid\\}\nrun 'rollgate eval --help'")
rollgate_cli_test("graph's --format has its own values" 2
  ARGS graph ${_bookme}/plan.json --format pdf STDERR "--format: pdf not in \\{dot,svg,mermaid\\}")
rollgate_cli_test("a bad --color exits 2 naming the allowed values" 2
  ARGS eval ${_bookme}/plan.json --color sometimes STDERR "--color: sometimes not in \\{auto,always,never\\}")
rollgate_cli_test("graph without --format exits 2" 2
  ARGS graph ${_bookme}/plan.json STDERR "^rollgate graph: --format is required\n")
rollgate_cli_test("an option without its value exits 2" 2
  ARGS eval ${_bookme}/plan.json --now STDERR "^rollgate eval: --now: 1 required TIME missing\n")

# --- exit statuses of bad input (an internal error, 3, cannot be caused
# from outside without injecting a fault) ------------------------------------

rollgate_cli_test("an invalid plan is bad input: exit 2, the located problem and the status" 2
  ARGS eval ${_data}/bad-plans/cycle.json
  STDERR "^[^\n]*cycle\\.json:3:27: /stages/0/after: stage a: dependency cycle[^\n]*\nrollgate: invalid plan\n$")
rollgate_cli_test("a file that cannot be read is bad input: exit 2" 2
  ARGS diff ${_check}/no-such-plan.json ${_bookme}/plan.json
  STDERR "^rollgate: [^\n]*/no-such-plan\\.json: cannot open the file\n$")

# --- generated files -------------------------------------------------------

add_test(NAME "cli: docs/rollgate.1 is what rollgate --generate man writes"
  COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:rollgate_cli> -DKIND=man -DFILE=${PROJECT_SOURCE_DIR}/docs/rollgate.1
          -P "${CMAKE_CURRENT_SOURCE_DIR}/generated_file_test.cmake")
add_test(NAME "cli: the man page renders without a groff warning"
  COMMAND ${CMAKE_COMMAND} -DFILE=${PROJECT_SOURCE_DIR}/docs/rollgate.1
          -P "${CMAKE_CURRENT_SOURCE_DIR}/man_page_render_test.cmake")
set_tests_properties("cli: the man page renders without a groff warning"
  PROPERTIES SKIP_REGULAR_EXPRESSION "man page check skipped")
add_test(NAME "cli: completions/rollgate.bash is what rollgate --generate bash-completion writes"
  COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:rollgate_cli> -DKIND=bash-completion
          -DFILE=${PROJECT_SOURCE_DIR}/completions/rollgate.bash
          -P "${CMAKE_CURRENT_SOURCE_DIR}/generated_file_test.cmake")
add_test(NAME "cli: the bash completion offers subcommands, options and their values"
  COMMAND ${CMAKE_COMMAND} -DFILE=${PROJECT_SOURCE_DIR}/completions/rollgate.bash
          -P "${CMAKE_CURRENT_SOURCE_DIR}/bash_completion_test.cmake")
set_tests_properties("cli: the bash completion offers subcommands, options and their values"
  PROPERTIES SKIP_REGULAR_EXPRESSION "bash completion check skipped")
add_test(NAME "cli: every --help screen fits 80 columns"
  COMMAND ${CMAKE_COMMAND} -DCLI=$<TARGET_FILE:rollgate_cli> -P "${CMAKE_CURRENT_SOURCE_DIR}/help_width_test.cmake")
