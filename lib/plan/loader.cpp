#include "plan/loader.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdint>
#include <set>

#include "json/problem_limit.hpp"
#include "plan/digest.hpp"
#include "plan/plan_loader.hpp"
#include "text/suggest.hpp"

namespace rollgate::plan {

namespace detail {

bool is_identifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

Diagnostic PlanLoader::located(DiagnosticKind kind, std::string pointer, std::string message,
                               const std::string& subject_kind, const std::string& subject,
                               bool at_key) const {
  Diagnostic d = doc_.diagnostic_at(kind, std::move(pointer), std::move(message), at_key);
  d.subject_kind = subject_kind;
  d.subject = subject;
  return d;
}

LoadResult PlanLoader::run() {
  LoadResult result;
  const boost::json::object* root_object = doc_.root.if_object();
  if (!root_object) {
    errors_.push_back(located(DiagnosticKind::WrongType, "", "a plan must be a JSON object"));
    result.errors = std::move(errors_);
    return result;
  }
  ObjectReader root(doc_, *root_object, "", errors_);
  root.allow_only({"rollgate", "name", "title", "description", "owners", "target", "defaults",
                   "facts", "stages", "freezes"});
  load_header(root);

  if (const boost::json::object* facts = root.object("facts")) load_facts(*facts, "/facts");
  plan_->now_slot = plan_->environment.add_variable("now", cel::Type::timestamp());

  if (const boost::json::array* stages = root.array("stages", /*required=*/true)) {
    if (stages->empty()) root.error(DiagnosticKind::BadValue, "stages", "a plan needs at least one stage");
    if (stages->size() > limits_.max_stages) {
      errors_.push_back(at_root_member("stages", "the plan has " + std::to_string(stages->size()) +
                                                     " stages, more than the limit of " +
                                                     std::to_string(limits_.max_stages) + " (max_stages)"));
      past_size_limit_ = true;
    }
    if (!past_size_limit_) expansions_fit(*stages);
    for (size_t i = 0; i < stages->size() && !past_size_limit_; ++i) {
      std::string pointer = json::pointer_append("/stages", i);
      if (const auto* stage = (*stages)[i].if_object()) load_stage(*stage, pointer);
      else errors_.push_back(located(DiagnosticKind::WrongType, pointer, "a stage must be a JSON object"));
    }
  }
  resolve_after();
  declare_stage_variables();
  compile_pending_gates();
  if (std::optional<std::string> target = root.string("target")) {
    plan_->target_id = *target;
    plan_->target = resolve_stage_ref(*target, "/target", "target");
  }
  load_freezes(root);
  if (errors_.empty()) check_cycles();
  if (errors_.empty()) finish_graph();

  // In reading order; problems with no position (none expected) last.
  std::stable_sort(errors_.begin(), errors_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    auto key = [](const Diagnostic& d) { return std::pair(d.line ? d.line : INT32_MAX, d.column); };
    return key(a) < key(b);
  });
  // A matrix stage's copies repeat the problems of the stage they copy.
  std::set<std::pair<std::string, std::string>> seen;
  for (Diagnostic& d : errors_)
    if (seen.emplace(d.pointer, d.message).second) result.errors.push_back(std::move(d));
  json::keep_first_problems(result.errors, doc_.file);
  if (result.errors.empty()) {
    plan_->build_indexes();  // hashed name look-ups from here on
    plan_->digest = plan_digest(doc_.root);
    // The document is not needed past this point: its root moves into the
    // plan rather than being copied.
    plan_->source = std::make_shared<const boost::json::value>(std::move(own_doc_.root));
    result.plan = std::move(plan_);
  }
  return result;
}

void PlanLoader::load_header(ObjectReader& root) {
  if (const boost::json::value* version = root.get("rollgate")) {
    if (!(version->is_int64() && version->get_int64() == 1))
      root.error(DiagnosticKind::UnsupportedVersion, "rollgate",
                 "unsupported plan format version (this library reads \"rollgate\": 1)");
  } else {
    root.error(DiagnosticKind::MissingField, "",
               "missing required field 'rollgate' (the plan format version, 1)");
  }
  plan_->name = root.string("name").value_or("");
  if (!id_fits(root, "name", plan_->name, "the plan's name")) plan_->name.clear();
  if (std::string problem = control_character_problem(plan_->name); !problem.empty())
    root.error(DiagnosticKind::BadValue, "name", "the plan's name " + problem);
  plan_->title = bounded_title(root, "title");
  plan_->description = root.string("description").value_or("");
  plan_->owners = bounded_names(root, "owners");
  if (const boost::json::object* defaults = root.object("defaults")) {
    ObjectReader reader(doc_, *defaults, "/defaults", errors_);
    reader.allow_only({"max_age"});
    plan_->default_max_age = reader.duration("max_age");
  }
}

void PlanLoader::register_stage_id(const std::string& id, std::vector<int> stages,
                                   const std::string& pointer, const std::string& written) {
  if (!plan_->stage_groups.emplace(id, std::move(stages)).second)
    errors_.push_back(
        located(DiagnosticKind::DuplicateId, pointer, "duplicate stage id '" + id + "'", "stage", written));
}

std::vector<int> PlanLoader::resolve_stage_ref(const std::string& id, const std::string& pointer,
                                               const std::string& what, const std::string& self) {
  if (const std::vector<int>* stages = plan_->find_stage_group(id)) return *stages;
  // Stages past max_stages or max_gates were not loaded: the id may well
  // be one of them, and the plan is refused already.
  if (past_size_limit_) return {};
  if (id.size() > limits_.max_id_bytes) {  // no stage has it; not quoted, nor compared for a suggestion
    errors_.push_back(located(DiagnosticKind::Limit, pointer,
                              what + " names a stage id of " + std::to_string(id.size()) +
                                  " bytes, longer than the limit of " + std::to_string(limits_.max_id_bytes) +
                                  " (max_id_bytes)"));
    return {};
  }
  // Every stage is registered by now: the ids are listed once per document.
  if (stage_names_.empty()) stage_names_ = plan_->stage_group_names();
  std::string match = text::closest_match(id, stage_names_, suggestions_, self);
  Diagnostic d = located(DiagnosticKind::UnknownId, pointer,
                         what + " names unknown stage '" + id + "'" + text::did_you_mean_words(match));
  d.suggestion = std::move(match);
  errors_.push_back(std::move(d));
  return {};
}

void PlanLoader::resolve_after() {
  for (const PendingAfter& pending : pending_after_) {
    Stage& stage = plan_->stages[size_t(pending.stage)];
    size_t before = errors_.size();
    std::vector<int> stages = resolve_stage_ref(pending.id, pending.pointer, "'after'", stage.group_id);
    for (size_t i = before; i < errors_.size(); ++i) {
      errors_[i].subject_kind = "stage";
      errors_[i].subject = stage.group_id;  // as written: a matrix stage's own id
    }
    if (stages.empty()) continue;
    bool repeated = std::any_of(stage.after.begin(), stage.after.end(),
                                [&](const Upstream& u) { return u.id == pending.id; });
    if (!repeated) stage.after.push_back({pending.id, std::move(stages)});
  }
}

void PlanLoader::load_freezes(ObjectReader& root) {
  const boost::json::array* freezes = root.array("freezes");
  if (!freezes) return;
  for (size_t i = 0; i < freezes->size(); ++i) {
    std::string pointer = json::pointer_append("/freezes", i);
    const boost::json::object* f = (*freezes)[i].if_object();
    if (!f) {
      root.error_at(DiagnosticKind::WrongType, pointer, "a freeze must be an object with 'from' and 'to'");
      continue;
    }
    ObjectReader fr(doc_, *f, pointer, errors_);
    fr.allow_only({"from", "to", "reason", "stages"});
    Freeze freeze;
    std::optional<cel::Timestamp> from = fr.timestamp("from");
    std::optional<cel::Timestamp> to = fr.timestamp("to");
    if (!fr.has("from")) fr.error(DiagnosticKind::MissingField, "", "missing required field 'from'");
    if (!fr.has("to")) fr.error(DiagnosticKind::MissingField, "", "missing required field 'to'");
    freeze.reason = fr.string("reason").value_or("");
    std::vector<std::string> ids = fr.string_list("stages");
    for (size_t j = 0; j < ids.size(); ++j)
      for (int s : resolve_stage_ref(ids[j], json::pointer_append(fr.pointer("stages"), j), "freeze"))
        freeze.stages.push_back(s);
    if (!from || !to) continue;
    if (!(*from < *to)) {
      fr.error(DiagnosticKind::BadValue, "to", "a freeze must end ('to') after it starts ('from')");
      continue;
    }
    freeze.from = *from;
    freeze.to = *to;
    plan_->freezes.push_back(std::move(freeze));
  }
}

}  // namespace detail

LoadResult load_plan(std::string_view text, std::string_view file, const PlanLimits& limits) {
  json::ParseResult parsed = json::parse(text, file, limits.document);
  if (!parsed.document) {
    LoadResult result;
    result.errors = std::move(parsed.errors);
    result.malformed_json = true;
    return result;
  }
  return detail::PlanLoader(*parsed.document, limits).run();
}

}  // namespace rollgate::plan
