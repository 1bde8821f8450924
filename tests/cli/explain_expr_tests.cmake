# rollgate explain and rollgate expr, end to end through the built binary.
set(_explain "${PROJECT_SOURCE_DIR}/tests/data/cli/explain")
set(_explain_args ${_explain}/plan.json --facts ${_explain}/facts.json --now 2026-11-23T09:00:00Z)

rollgate_cli_test("explain of a gate marks the conjunct that failed and breaks the parenthesised one down" 1
  ARGS explain ${_explain_args} go/health --color never
  STDOUT "operands    true    uptime >= 99.5\n              unknown errors < 10\n[^\n]*fact 'errors' is stale \\(observed 2026-11-23T06:00:00Z, 3h\n[^\n]*\n            > false   tests.passed \\|\\| uptime > 99.99\n              > false   tests.passed\n")
rollgate_cli_test("explain shows each fact read with its time, staleness, source and evidence link" 1
  ARGS explain ${_explain_args} go/health --color never
  STDOUT "facts     tests.passed = false\n              source ci, https://ci.example/run/42, owner qa\n            errors = 3\n              stale, observed 2026-11-23 06:00 UTC \\(3h ago\\), source monitor\n")
rollgate_cli_test("explain of a stage says which approvals count and why the others are refused" 1
  ARGS explain ${_explain_args} go --color never
  STDOUT "kim as security[^\n]*refused, self-approval:\n *kim requested the stage\n *bob as ops[^\n]*refused, wrong role: the stage\n *requires security\n *carol as security[^\n]*refused, given after\n *the evaluation instant\n *dave as security[^\n]*refused, expired: older\n *than the requirement's max_age\n *erin as security[^\n]*counted")
rollgate_cli_test("explain of a stage lists its upstreams with their status and every gate" 1
  ARGS explain ${_explain_args} go --color never
  STDOUT "upstream  prep  done\n.*GATE go/health  must, owner sre")
rollgate_cli_test("explain exits 0 for a stage that may start" 0
  ARGS explain ${_explain_args} prep STDOUT "STAGE prep  Preparation\n  status    done")
rollgate_cli_test("explain --format json gives the operands and the refusals as JSON" 1
  ARGS explain ${_explain_args} go --format json
  STDOUT "\"subject\":\"go\".*\"by\":\"kim\",\"at\":\"2026-11-22T10:00:00Z\",\"counted\":false,\"why\":\"self-approval: kim requested the stage\".*\"operator\":\"&&\"")
rollgate_cli_test("explain of an unknown gate suggests the closest" 2
  ARGS explain ${_explain_args} go/helth STDERR "stage go has no gate 'helth' \\(did you mean 'go/health'\\?\\)")
rollgate_cli_test("explain of an unknown stage suggests the closest" 2
  ARGS explain ${_explain_args} og STDERR "the plan has no stage 'og' \\(did you mean 'go'\\?\\)")
rollgate_cli_test("explain with --progress reads progress kept apart from facts" 0
  ARGS explain ${_explain}/plan.json --progress ${_explain}/progress-started.json --now 2026-11-23T09:00:00Z go
  STDOUT "status    in_progress")

rollgate_cli_test("expr prints a value in CEL notation with its type and the facts it read" 0
  ARGS expr "pilot.departments.filter(d, d != 'bergen')" --plan ${_bookme}/plan.json --facts ${_bookme}/facts.json --now 2026-11-23T09:00:00Z
  STDOUT "^\\[\"oslo-sentrum\", \"tromso\"\\]\n  type: list\\(string\\)\n  reads pilot.departments = \\[\"oslo-sentrum\", \"bergen\", \"tromso\"\\]\n        owner pmo\n$")
rollgate_cli_test("expr of a condition that is false exits 1" 1
  ARGS expr "pilot.advisors > 100" --plan ${_bookme}/plan.json --facts ${_bookme}/facts.json --now 2026-11-23T09:00:00Z
  STDOUT "^false\n  type: bool\n  reads pilot.advisors = 9")
rollgate_cli_test("expr of a missing fact is unknown and says which" 1
  ARGS expr "adoption.south >= 0.6" --plan ${_bookme}/plan.json --facts ${_bookme}/facts.json --now 2026-11-23T09:00:00Z
  STDOUT "^unknown: fact 'adoption.south' is missing\n  type: bool\n  reads adoption.south is missing")
rollgate_cli_test("expr without a plan evaluates plain CEL" 0
  ARGS expr "duration('90m') + duration('1h')" STDOUT "^duration\\(\"9000s\"\\)\n  type: duration\n$")
rollgate_cli_test("expr locates a type error with a caret" 2
  ARGS expr "size(pilot.departmnts) >= 2" --plan ${_bookme}/plan.json
  STDERR "expr:1:6: error: undeclared reference to 'pilot.departmnts' \\(did you mean 'pilot.departments'\\?\\)\n 1 \\| size\\(pilot.departmnts\\) >= 2\n   \\|      \\^\n")
rollgate_cli_test("expr locates a syntax error with a caret" 2
  ARGS expr "(1 + 2" STDERR "expr:1:7: error: Syntax error: [^\n]*\n 1 \\| \\(1 \\+ 2\n   \\|       \\^\n")
rollgate_cli_test("expr of a runtime error exits 1 with the error" 1
  ARGS expr "1 / 0" STDOUT "^error: division by zero\n")
rollgate_cli_test("expr --facts without --plan is a usage error" 2
  ARGS expr "ok" --facts ${_bookme}/facts.json STDERR "--facts needs --plan")
rollgate_cli_test("expr --format json gives the value as JSON" 0
  ARGS expr "[1, 2].map(x, x * 2)" --format json STDOUT "\"type\": \"list\\(int\\)\".*\"value\": \\[\n    2,\n    4\n  \\]")

# --progress: progress and approvals kept apart from facts, merged over them.
rollgate_cli_test("eval --progress merges the progress document over the facts document's" 1
  ARGS eval ${_bookme}/plan.json --facts ${_bookme}/facts.json --progress ${_data}/cli/progress/wave-south-started.json
       --now 2026-11-23T09:00:00Z --format json --compact
  STDOUT "\"id\":\"wave-north\",[^{]*\"status\":\"done\".*\"id\":\"wave-south\",[^{]*\"status\":\"in_progress\"")
rollgate_cli_test("a progress document naming an unknown stage exits 2 with its location" 2
  ARGS eval ${_bookme}/plan.json --progress ${_data}/cli/progress/unknown-stage.json --now 2026-11-23T09:00:00Z
  STDERR "unknown-stage.json:1:15: /progress/wave-sooth: [^\n]*wave-sooth[^\n]*did you mean 'wave-south'")

add_test(NAME "cli: the README shows the text report the bundled example gives today"
  COMMAND ${CMAKE_COMMAND} -DREADME=${PROJECT_SOURCE_DIR}/README.md
          -DGOLDEN=${PROJECT_SOURCE_DIR}/tests/data/cli/golden/bookme-eval.txt
          -P ${CMAKE_CURRENT_SOURCE_DIR}/readme_report_test.cmake)

# --limit NAME=N: the evaluation options from the command line (issue 10).
rollgate_cli_test("--limit sets a per-gate limit: the gate is an error naming it" 1
  ARGS expr "[1, 2, 3].map(x, 'abc' + string(x))" --limit max_bytes=20
  STDOUT "^error: max_bytes limit exceeded: more than 20 bytes built\n")
rollgate_cli_test("--limit sets a whole-evaluation bound: the evaluation stops and exits 2" 2
  ARGS eval ${_bookme}/plan.json --facts ${_bookme}/facts.json --now 2026-11-23T09:00:00Z --limit max_total_cost=5
  STDERR "evaluation stopped: max_total_cost limit exceeded: more than 5 steps")
rollgate_cli_test("--limit with an unknown name suggests the closest" 2
  ARGS eval ${_bookme}/plan.json --limit max_byts=20
  STDERR "--limit max_byts=20: no limit is named 'max_byts' \\(did you mean 'max_bytes'\\?\\)")
rollgate_cli_test("--limit with a value that is not a whole number is refused" 2
  ARGS explain ${_bookme}/plan.json wave-west --limit max_cost=-1
  STDERR "--limit max_cost=-1: '-1' is not a whole number")
