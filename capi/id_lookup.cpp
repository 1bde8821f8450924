#include "id_lookup.hpp"

#include <string>
#include <vector>

#include "capi_internal.hpp"
#include "text/suggest.hpp"

namespace rollgate::capi {

namespace {

// How many expansions of a matrix id a message names before "and N more".
constexpr size_t kExpansionsNamed = 10;

std::string quoted_stage_ids(const plan::Plan& plan, const std::vector<int>& stages) {
  std::string out;
  for (size_t i = 0; i < stages.size() && i < kExpansionsNamed; ++i)
    out += (i ? ", '" : "'") + plan.stages[size_t(stages[i])].id + "'";
  if (stages.size() > kExpansionsNamed) out += " and " + std::to_string(stages.size() - kExpansionsNamed) + " more";
  return out;
}

Diagnostic unknown_stage(const plan::Plan& plan, std::string_view id) {
  Diagnostic d;
  d.kind = to_string(DiagnosticKind::UnknownId);
  d.subject_kind = "stage";
  d.subject = std::string(id);
  // The error path alone pays for looking at every id.
  std::vector<std::string> ids;
  ids.reserve(plan.stages.size());
  for (const plan::Stage& stage : plan.stages) ids.push_back(stage.id);
  d.suggestion = text::closest_match(id, ids);
  if (const std::vector<int>* expansions = plan.find_stage_group(id)) {
    d.message = "'" + d.subject + "' is a matrix stage: name one of its expansions, " +
                quoted_stage_ids(plan, *expansions);
  } else {
    d.message = "the plan has no stage '" + d.subject + "'" + text::did_you_mean(id, ids);
  }
  return d;
}

Diagnostic undeclared_fact(const plan::Plan& plan, std::string_view name) {
  Diagnostic d;
  d.kind = to_string(DiagnosticKind::UndeclaredFact);
  d.subject_kind = "fact";
  d.subject = std::string(name);
  std::vector<std::string> names;
  names.reserve(plan.facts.size());
  for (const plan::FactDecl& fact : plan.facts) names.push_back(fact.name);
  d.suggestion = text::closest_match(name, names);
  d.message = "fact '" + d.subject + "' is not declared by the plan" + text::did_you_mean(name, names);
  return d;
}

}  // namespace

rollgate_status find_stage(size_t* index, const plan::Plan& plan, std::string_view id, rollgate_error** err) {
  int found = plan.find_stage(id);
  if (found >= 0) {
    *index = size_t(found);
    return ROLLGATE_OK;
  }
  *index = ROLLGATE_NO_INDEX;
  return fail(err, ROLLGATE_EINPUT, std::vector<Diagnostic>{unknown_stage(plan, id)});
}

rollgate_status find_fact(size_t* index, const plan::Plan& plan, std::string_view name, rollgate_error** err) {
  if (const plan::FactDecl* fact = plan.find_fact(name)) {
    *index = size_t(fact - plan.facts.data());
    return ROLLGATE_OK;
  }
  *index = ROLLGATE_NO_INDEX;
  return fail(err, ROLLGATE_EINPUT, std::vector<Diagnostic>{undeclared_fact(plan, name)});
}

}  // namespace rollgate::capi
