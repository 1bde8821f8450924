# The README shows what `./setup.sh run` prints: the block under that heading
# must be the committed golden text report of the bundled example
# (tests/data/cli/golden/bookme-eval.txt), so it cannot go stale.
#   cmake -DREADME=... -DGOLDEN=... -P readme_report_test.cmake
file(READ "${README}" readme)
file(READ "${GOLDEN}" golden)
set(heading "## What `./setup.sh run` prints\n\n```\n")
string(FIND "${readme}" "${heading}" start)
if(start EQUAL -1)
  message(FATAL_ERROR "README.md has no block under '## What `./setup.sh run` prints'")
endif()
string(LENGTH "${heading}" heading_length)
math(EXPR start "${start} + ${heading_length}")
string(SUBSTRING "${readme}" ${start} -1 rest)
string(FIND "${rest}" "```\n" end)
string(SUBSTRING "${rest}" 0 ${end} block)
if(NOT block STREQUAL golden)
  message(FATAL_ERROR "README.md's report differs from ${GOLDEN}; paste the golden file "
                      "(or `./setup.sh run`'s output) into README.md.\nREADME:\n${block}\ngolden:\n${golden}")
endif()
