// rollgate/rollgate.hpp — the C++ API of rollgate.
//
// A header-only C++17 wrapper over the C ABI in <rollgate.h> (in the manner
// of wasmtime.hh over wasmtime's C API): the C++ API is exactly as stable as
// the C ABI, and librollgate exports only rollgate_* C symbols.  Standard
// library only.
//
//   auto plan = rollgate::Plan::compile(plan_json, "plan.json");
//   rollgate::Session session(plan);
//   session.set_inputs(facts_json, "facts.json");
//   rollgate::Report report = session.evaluate(std::chrono::system_clock::now());
//   std::cout << report.text();
//   return report.target_met() ? 0 : 1;
//
// Failures throw rollgate::Error (error.hpp), which carries the status code,
// the located message and every problem.  Ownership and threads: Plan is
// shared and immutable (any number of threads); Session is move-only and
// belongs to one thread at a time; Report is move-only and immutable, so any
// number of threads may read it at once.  report.stage("pilot").status reads
// one stage without JSON; plan.stages(), plan.facts() describe the plan.
#ifndef ROLLGATE_ROLLGATE_HPP
#define ROLLGATE_ROLLGATE_HPP

#include <rollgate/diff.hpp>
#include <rollgate/error.hpp>
#include <rollgate/plan.hpp>
#include <rollgate/report.hpp>
#include <rollgate/session.hpp>
#include <rollgate/version.hpp>

#endif  // ROLLGATE_ROLLGATE_HPP
