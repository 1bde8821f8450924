# --limit NAME=N with the plan and document limits (docs/LIMITS.md, "Input
# limits") on every command that reads a plan: a plan past one exits 2 with
# the problem located and the limit named (issue 10).
set(_bookme ${PROJECT_SOURCE_DIR}/examples/bookme)

rollgate_cli_test("check --limit max_stages refuses a plan of more stages at its stages array, and only there" 2
  ARGS check ${_bookme}/plan.json --limit max_stages=2
  STDERR "^[^\n]*plan.json:35:13: /stages: error: the plan has 4 stages, more than the limit of 2 \\(max_stages\\)\n")
rollgate_cli_test("diff --limit max_gates refuses a plan of more gates at the stage that goes past" 2
  ARGS diff ${_bookme}/plan.json ${_bookme}/plan.json --limit max_gates=1
  STDERR "plan.json:37:16: /stages/0/gates: stage readiness: the plan has more than 1 gates after matrix expansion \\(max_gates\\)")
rollgate_cli_test("graph --limit max_id_bytes refuses a longer id without quoting it" 2
  ARGS graph ${_bookme}/plan.json --format dot --limit max_id_bytes=3
  STDERR "plan.json:3:11: /name: the plan's name of 16 bytes, longer than the limit of 3 \\(max_id_bytes\\)")
rollgate_cli_test("eval --limit max_document_bytes refuses a longer plan before reading it" 2
  ARGS eval ${_bookme}/plan.json --facts ${_bookme}/facts.json --now 2026-11-23T09:00:00Z --limit max_document_bytes=2000
  STDERR "plan.json: the document is 5595 bytes long, more than the limit of 2000 \\(max_document_bytes\\)")
rollgate_cli_test("explain --limit max_json_depth refuses a plan nested deeper where it goes past" 2
  ARGS explain ${_bookme}/plan.json wave-west --limit max_json_depth=3
  STDERR "plan.json:37:16: JSON nested more than 3 deep")
rollgate_cli_test("expr --limit max_expression_bytes bounds the plan's gates" 2
  ARGS expr "true" --plan ${_bookme}/plan.json --limit max_expression_bytes=10
  STDERR "plan.json:38:42: /stages/0/gates/0/expr: gate readiness/calendar-sync: an expression of 23 bytes, longer than the limit of 10 \\(max_expression_bytes\\)")
rollgate_cli_test("--limit with a misspelt plan limit suggests the closest" 2
  ARGS check ${_bookme}/plan.json --limit max_stage=5
  STDERR "--limit max_stage=5: no limit is named 'max_stage' \\(did you mean 'max_stages'\\?\\)")
