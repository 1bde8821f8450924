# `rollgate eval --state FILE` over several instants, as a CI pipeline runs
# it: the state file is created, carried and replaced; a what-if leaves it
# alone; bad or future state exits 2 naming the file and field and leaves
# the file byte for byte as it was; --fail-on-drift turns drift into exit 1.
#   cmake -DCLI=... -DDATA=tests/data/cli/state -DWORK=<scratch dir> -P state_sequence.cmake
set(plan "${DATA}/plan.json")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(state "${WORK}/state.json")

# Runs the CLI; checks the exit status and that stdout/stderr match.
function(step name expect_exit stdout_regex stderr_regex)
  execute_process(COMMAND ${CLI} ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status STREQUAL expect_exit)
    message(FATAL_ERROR "${name}: exit ${status}, expected ${expect_exit}\nstdout:\n${out}\nstderr:\n${err}")
  endif()
  if(NOT out MATCHES "${stdout_regex}")
    message(FATAL_ERROR "${name}: stdout does not match '${stdout_regex}':\n${out}")
  endif()
  if(NOT err MATCHES "${stderr_regex}")
    message(FATAL_ERROR "${name}: stderr does not match '${stderr_regex}':\n${err}")
  endif()
endfunction()

function(expect_same_file name a b)
  file(SHA256 "${a}" ha)
  file(SHA256 "${b}" hb)
  if(NOT ha STREQUAL hb)
    file(READ "${a}" ta)
    file(READ "${b}" tb)
    message(FATAL_ERROR "${name}: the state file changed:\nbefore:\n${tb}\nafter:\n${ta}")
  endif()
endfunction()

# 1. No state file yet: a first evaluation; the soak starts; the file is made.
step("first evaluation" 1 "TARGET switch: soaking" ""
  eval ${plan} --facts ${DATA}/facts-good.json --now 2026-11-01T09:00:00Z --state ${state})
if(NOT EXISTS "${state}")
  message(FATAL_ERROR "the state file was not written")
endif()
file(READ "${state}" saved)
if(NOT saved MATCHES "\"rollgate_state\": 1,.*\"switch/uptime\": {\n      \"status\": \"soaking\"")
  message(FATAL_ERROR "unexpected state:\n${saved}")
endif()

# 2. A day later the soak has held: the target is ready; the changes come
#    first after the header.
step("soak completes" 0 "TARGET switch: ready \\(met\\)\n\nCHANGES since the previous evaluation\n  switch: soaking -> ready\n  switch/uptime: soaking -> pass\n" ""
  eval ${plan} --facts ${DATA}/facts-good.json --now 2026-11-02T09:00:00Z --state ${state})

# 3. A what-if reports what the patch changes and writes no state.
file(COPY_FILE "${state}" "${WORK}/before.json")
step("what-if" 1 "\"what_if\": {\n    \"changes\": \\[\n      {\n        \"id\": \"switch\",\n        \"from\": \"ready\",\n        \"to\": \"blocked\"" ""
  eval ${plan} --facts ${DATA}/facts-good.json --now 2026-11-02T09:30:00Z --state ${state}
  --what-if ${DATA}/patch.json --format json)
expect_same_file("what-if" "${state}" "${WORK}/before.json")

# 4. State from the future: exit 2 naming the file and field; file untouched.
step("state from the future" 2 "" "state.json:5:19: /evaluated_at: the state was saved at 2026-11-02T09:00:00Z, after the evaluation instant 2026-11-01T00:00:00Z"
  eval ${plan} --facts ${DATA}/facts-good.json --now 2026-11-01T00:00:00Z --state ${state})
expect_same_file("state from the future" "${state}" "${WORK}/before.json")

# 5. The switch is done; then its error count regresses: drift, first in the
#    text report.  The target stays done (exit 0) unless --fail-on-drift.
step("switch done" 0 "TARGET switch: done" ""
  eval ${plan} --facts ${DATA}/facts-done-good.json --now 2026-11-02T10:00:00Z --state ${state})
file(COPY_FILE "${state}" "${WORK}/done.json")
step("drift" 0 "^drift-demo\nevaluated at [^\n]*\nTARGET switch: done \\(met\\)\n\nCHANGES since the previous evaluation\n  drift: switch/errors fail since 2026-11-02 11:00 UTC\n" ""
  eval ${plan} --facts ${DATA}/facts-done-bad.json --now 2026-11-02T11:00:00Z --state ${state})
# explain and graph read the state (the drift since 11:00 shows) and never
# write it.
file(COPY_FILE "${state}" "${WORK}/drifted.json")
step("explain shows the drift" 0 "  drift     switch/errors fail since 2026-11-02 11:00 UTC \\(30m ago\\)\n" ""
  explain ${plan} switch --facts ${DATA}/facts-done-bad.json --now 2026-11-02T11:30:00Z --state ${state} --color never)
expect_same_file("explain" "${state}" "${WORK}/drifted.json")
step("graph with state" 0 "digraph" ""
  graph ${plan} --facts ${DATA}/facts-done-bad.json --now 2026-11-02T11:30:00Z --state ${state} --format dot)
expect_same_file("graph" "${state}" "${WORK}/drifted.json")
file(COPY_FILE "${WORK}/done.json" "${state}")
step("--fail-on-drift" 1 "\"drift\": \\[\n    {\n      \"stage\": \"switch\",\n      \"gate\": \"switch/errors\"" ""
  eval ${plan} --facts ${DATA}/facts-done-bad.json --now 2026-11-02T11:00:00Z --state ${state}
  --fail-on-drift --format json)

# 6. Bad state files: exit 2 with file and field; the file is left as it was.
foreach(bad IN ITEMS empty-state future-version-state other-plan-state)
  file(COPY_FILE "${DATA}/${bad}.json" "${WORK}/${bad}.json")
endforeach()
step("empty state" 2 "" "empty-state.json: the state file is empty"
  eval ${plan} --now 2026-11-03T09:00:00Z --state ${WORK}/empty-state.json)
expect_same_file("empty state" "${WORK}/empty-state.json" "${DATA}/empty-state.json")
step("unknown version" 2 "" "future-version-state.json:1:21: /rollgate_state: unknown state version 2"
  eval ${plan} --now 2026-11-03T09:00:00Z --state ${WORK}/future-version-state.json)
expect_same_file("unknown version" "${WORK}/future-version-state.json" "${DATA}/future-version-state.json")
step("another plan's state" 2 "" "other-plan-state.json:[0-9]+:[0-9]+: /name: the state belongs to plan 'another-plan', not to plan 'drift-demo'"
  eval ${plan} --now 2026-11-03T09:00:00Z --state ${WORK}/other-plan-state.json)
expect_same_file("another plan's state" "${WORK}/other-plan-state.json" "${DATA}/other-plan-state.json")
