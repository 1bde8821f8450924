# `rollgate diff OLD NEW [--format text|json]` (DESIGN rule 20): exit 0 when
# nothing loosens, 1 when some change loosens, 2 when a plan cannot be read
# or is invalid.  Included from tests/cli/CMakeLists.txt.
set(_diff "${PROJECT_SOURCE_DIR}/tests/data/diff/cli")

rollgate_cli_test("diff of a plan with itself has no changes and exits 0" 0
  ARGS diff ${_diff}/old.json ${_diff}/old.json
  STDOUT "^plan diff sha256:[0-9a-f]+ .* sha256:[0-9a-f]+\nno changes\n$")
rollgate_cli_test("diff that only tightens exits 0 and lists each change" 0
  ARGS diff ${_diff}/old.json ${_diff}/tightened.json
  STDOUT "tightened  facts.uptime_pct  max_age: 86400s .* 43200s\ntightened  pilot/uptime  expr: uptime_pct >= 99.5 .* uptime_pct >= 99.9\ntightened  full  approvals.security added: .*\n3 changes: 0 loosened, 3 tightened, 0 changed\n$")
rollgate_cli_test("diff that loosens exits 1 with the loosened changes first" 1
  ARGS diff ${_diff}/old.json ${_diff}/loosened.json
  STDOUT "^plan diff [^\n]+\nloosened   pilot/uptime  expr: uptime_pct >= 99.5 .* uptime_pct >= 99.0\nloosened   pilot/uptime  hold_for: 259200s .* 86400s\n2 changes: 2 loosened")
rollgate_cli_test("diff --format json prints the JSON diff" 1
  ARGS diff ${_diff}/old.json ${_diff}/loosened.json --format json
  STDOUT "^\\{\n  \"old\": \"sha256:[0-9a-f]+\",\n  \"new\": \"sha256:[0-9a-f]+\",\n  \"changes\": \\[.*\"id\": \"pilot/uptime\",\n      \"field\": \"expr\",.*\"class\": \"loosened\".*\"loosened\": true\n\\}")
rollgate_cli_test("diff --format text is the default" 0
  ARGS diff ${_diff}/old.json ${_diff}/tightened.json --format text
  STDOUT "^plan diff ")
rollgate_cli_test("diff with an invalid plan exits 2 with the location" 2
  ARGS diff ${_diff}/old.json ${_diff}/invalid.json
  STDERR "invalid.json:4:[0-9]+: /stages/0/gates/0/expr: gate pilot/uptime: undeclared reference to 'uptme_pct'")
rollgate_cli_test("diff with a missing file exits 2" 2
  ARGS diff ${_diff}/no-such-plan.json ${_diff}/old.json
  STDERR "no-such-plan.json: cannot open the file")
