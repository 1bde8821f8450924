#include "engine/inputs_loader.hpp"

#include "engine/fact_conversion.hpp"
#include "json/located_json.hpp"
#include "json/object_reader.hpp"
#include "json/problem_limit.hpp"
#include "text/suggest.hpp"

namespace rollgate::engine {

namespace {

using json::ObjectReader;

// DESIGN rule 4: an object is the {value, ...} wrapper when it has a
// "value" member, or when the declared type could not be an object anyway.
bool is_wrapper(const boost::json::value& entry, const cel::Type& type) {
  const auto* obj = entry.if_object();
  if (!obj) return false;
  if (obj->contains("value")) return true;
  return type.kind() != cel::Type::Kind::Map && type.kind() != cel::Type::Kind::Dyn;
}

// `d` at `pointer` of `doc` (its key's position with at_key).
Diagnostic located(Diagnostic d, const json::Document& doc, std::string pointer, bool at_key = false) {
  Diagnostic at = doc.diagnostic_at(DiagnosticKind::BadValue, std::move(pointer), "", at_key);
  d.file = std::move(at.file);
  d.pointer = std::move(at.pointer);
  d.line = at.line;
  d.column = at.column;
  return d;
}

// Reads one fact entry (FactText::Value: a value only, never a wrapper);
// returns nullopt for a missing fact (null value).
std::optional<FactInput> read_fact(const json::Document& doc, const plan::FactDecl& decl,
                                   const boost::json::value& entry, const std::string& pointer,
                                   std::vector<Diagnostic>& errors, FactText form = FactText::Entry) {
  const boost::json::value* value = &entry;
  std::string value_pointer = pointer;
  FactInput fact;
  if (form == FactText::Entry && is_wrapper(entry, decl.type)) {
    ObjectReader reader(doc, entry.get_object(), pointer, errors);
    reader.set_subject("fact", decl.name);
    reader.allow_only({"value", "observed_at", "source", "evidence"});
    fact.observed_at = reader.timestamp("observed_at");
    fact.source = reader.string("source").value_or("");
    fact.evidence = reader.string("evidence").value_or("");
    for (const auto& [field, text] : {std::pair{"source", &fact.source}, std::pair{"evidence", &fact.evidence}})
      if (std::string problem = fact_note_problem(field, *text); !problem.empty())
        reader.error(DiagnosticKind::Limit, field, std::move(problem));
    value = reader.get("value");
    value_pointer = reader.pointer("value");
  }
  if (!value || value->is_null()) return std::nullopt;
  auto converted = json_to_value(*value, decl.type, json::WrittenAt(doc.map, value_pointer));
  if (auto* e = std::get_if<ConversionError>(&converted)) {
    errors.push_back(located(fact_value_problem(decl, *e), doc, value_pointer + e->pointer));
    return std::nullopt;
  }
  fact.value = std::get<cel::Value>(std::move(converted));
  return fact;
}

class InputsLoader {
 public:
  // Starts from `base`: empty inputs for a facts document, the session's
  // inputs for a what-if patch.
  InputsLoader(const plan::Plan& plan, const json::Document& doc, Inputs base)
      : plan_(plan), doc_(doc), inputs_(std::move(base)) {
    inputs_.facts.resize(plan.facts.size());
    inputs_.progress.resize(plan.stages.size());
  }

  InputsResult run() {
    InputsResult result;
    const auto* root = doc_.root.if_object();
    if (!root) {
      errors_.push_back(doc_.diagnostic_at(DiagnosticKind::WrongType, "", "a facts document must be a JSON object"));
    } else {
      ObjectReader reader(doc_, *root, "", errors_);
      reader.allow_only({"facts", "progress", "approvals"});
      if (const auto* facts = reader.object("facts")) load_facts(*facts);
      if (const auto* progress = reader.object("progress")) load_progress(*progress);
      if (const auto* approvals = reader.array("approvals")) load_approvals(*approvals);
    }
    result.errors = std::move(errors_);
    json::keep_first_problems(result.errors, doc_.file);
    if (result.errors.empty()) {
      inputs_.approvals_by_stage = ApprovalIndex::build(inputs_.approvals, plan_.stages.size());
      result.inputs = std::move(inputs_);
    }
    return result;
  }

 private:
  void load_facts(const boost::json::object& facts) {
    for (const auto& member : facts) {
      std::string name(member.key());
      std::string pointer = json::pointer_append("/facts", name);
      const plan::FactDecl* decl = plan_.find_fact(name);
      if (!decl) {
        if (declared_.empty())  // once, for the first undeclared fact
          for (const auto& f : plan_.facts) declared_.push_back(f.name);
        inputs_.warnings.push_back("fact '" + name + "' is not declared by the plan; ignored" +
                                   text::did_you_mean_words(text::closest_match(name, declared_, suggestions_)));
        continue;
      }
      size_t index = size_t(decl - plan_.facts.data());
      inputs_.facts.set(index, read_fact(doc_, *decl, member.value(), pointer, errors_));
    }
  }

  void load_progress(const boost::json::object& progress) {
    for (const auto& member : progress) {
      std::string id(member.key());
      std::string pointer = json::pointer_append("/progress", id);
      const std::vector<int>* stages = plan_.find_stage_group(id);
      if (!stages) {
        errors_.push_back(located(unknown_stage("progress", id, stage_names(), suggestions_), doc_, pointer, /*at_key=*/true));
        continue;
      }
      const auto* entry = member.value().if_object();
      if (!entry) {
        Diagnostic d = doc_.diagnostic_at(DiagnosticKind::WrongType, pointer,
                                          "progress of a stage must be an object such as {\"state\": \"done\"}");
        d.subject_kind = "stage";
        d.subject = id;
        errors_.push_back(std::move(d));
        continue;
      }
      ObjectReader reader(doc_, *entry, pointer, errors_);
      reader.set_subject("stage", id);
      reader.allow_only({"state", "started_at", "done_at", "requested_by", "reason"});
      StageProgress p;
      std::optional<std::string> state = reader.choice(
          "state", {"not_started", "in_progress", "done", "held", "cancelled", "rolled_back"});
      if (!reader.has("state")) reader.error(DiagnosticKind::MissingField, "", "missing required field 'state'");
      p.state = state == "in_progress" ? ProgressState::InProgress
                : state == "done"      ? ProgressState::Done
                : state == "held"      ? ProgressState::Held
                : state == "cancelled" ? ProgressState::Cancelled
                : state == "rolled_back" ? ProgressState::RolledBack
                                         : ProgressState::NotStarted;
      p.started_at = reader.timestamp("started_at");
      p.done_at = reader.timestamp("done_at");
      p.requested_by = reader.string("requested_by").value_or("");
      p.reason = reader.string("reason").value_or("");
      // One node for every expansion of a matrix id.
      auto shared = std::make_shared<const StageProgress>(std::move(p));
      for (int s : *stages) inputs_.progress.set(size_t(s), shared);
    }
  }

  void load_approvals(const boost::json::array& approvals) {
    for (size_t i = 0; i < approvals.size(); ++i) {
      std::string pointer = json::pointer_append("/approvals", i);
      const auto* entry = approvals[i].if_object();
      if (!entry) {
        errors_.push_back(doc_.diagnostic_at(DiagnosticKind::WrongType, pointer,
                                             "an approval must be an object with stage, role and by"));
        continue;
      }
      ObjectReader reader(doc_, *entry, pointer, errors_);
      reader.allow_only({"stage", "role", "by", "at", "note"});
      Approval a;
      a.stage_ref = reader.string("stage", true).value_or("");
      a.role = reader.string("role", true).value_or("");
      a.by = reader.string("by", true).value_or("");
      a.at = reader.timestamp("at");
      a.note = reader.string("note").value_or("");
      if (a.stage_ref.empty()) continue;
      const std::vector<int>* stages = plan_.find_stage_group(a.stage_ref);
      if (!stages) {
        errors_.push_back(located(unknown_stage("approval", a.stage_ref, stage_names(), suggestions_), doc_,
                                  reader.pointer("stage")));
        continue;
      }
      a.stages = *stages;
      inputs_.approvals.push_back(std::move(a));
    }
  }

  // Every stage id and matrix id, listed once, for did-you-mean.
  const std::vector<std::string>& stage_names() {
    if (stage_names_.empty()) stage_names_ = plan_.stage_group_names();
    return stage_names_;
  }

  const plan::Plan& plan_;
  const json::Document& doc_;
  Inputs inputs_;
  std::vector<Diagnostic> errors_;
  std::vector<std::string> declared_;     // fact names, for did-you-mean
  std::vector<std::string> stage_names_;  // stage and matrix ids, for did-you-mean
  text::SuggestionBudget suggestions_;    // the document's did-you-mean work
};

}  // namespace

const char* to_string(ProgressState state) {
  switch (state) {
    case ProgressState::NotStarted: return "not_started";
    case ProgressState::InProgress: return "in_progress";
    case ProgressState::Done: return "done";
    case ProgressState::Held: return "held";
    case ProgressState::Cancelled: return "cancelled";
    case ProgressState::RolledBack: return "rolled_back";
  }
  return "not_started";
}

namespace {

InputsResult load_onto(const plan::Plan& plan, Inputs base, std::string_view text, std::string_view file,
                       const json::DocumentLimits& limits) {
  json::ParseResult parsed = json::parse(text, file, limits);
  if (!parsed.document) {
    InputsResult result;
    result.errors = std::move(parsed.errors);
    result.malformed_json = true;
    return result;
  }
  return InputsLoader(plan, *parsed.document, std::move(base)).run();
}

}  // namespace

InputsResult load_inputs(const plan::Plan& plan, std::string_view text, std::string_view file,
                         const json::DocumentLimits& limits) {
  return load_onto(plan, Inputs{}, text, file, limits);
}

InputsResult load_patch(const plan::Plan& plan, const Inputs& base, std::string_view text,
                        std::string_view file, const json::DocumentLimits& limits) {
  // The facts document's own rules are the patch's: a fact entry replaces
  // the fact (null removes it), a progress entry replaces the stage's whole
  // progress, approvals are appended.
  return load_onto(plan, base, text, file, limits);
}

FactResult load_fact(const plan::FactDecl& decl, std::string_view text, FactText form) {
  // The text is the value alone: no file, positions within it, pointers
  // relative to it, and every problem names the fact.
  FactResult result;
  json::ParseResult parsed = json::parse(text, "");
  if (!parsed.document) {
    result.errors = std::move(parsed.errors);
    result.malformed_json = true;
  } else {
    result.fact = read_fact(*parsed.document, decl, parsed.document->root, "", result.errors, form);
  }
  for (Diagnostic& d : result.errors) {
    d.subject_kind = "fact";
    d.subject = decl.name;
  }
  return result;
}

std::string fact_note_problem(std::string_view field, std::string_view text) {
  if (text.size() <= kMaxFactNoteBytes) return "";
  return "a " + std::string(field) + " of " + std::to_string(text.size()) + " bytes, longer than the limit of " +
         std::to_string(kMaxFactNoteBytes);
}

Diagnostic fact_value_problem(const plan::FactDecl& decl, const ConversionError& e) {
  Diagnostic d;
  d.kind = to_string(e.kind);
  d.message = e.message;
  d.pointer = e.pointer;
  d.subject_kind = "fact";
  d.subject = decl.name;
  return d;
}

Diagnostic unknown_stage(std::string_view what, std::string_view id, const std::vector<std::string>& names,
                         text::SuggestionBudget& budget) {
  Diagnostic d;
  d.kind = to_string(DiagnosticKind::UnknownId);
  d.suggestion = text::closest_match(id, names, budget);
  d.message = std::string(what) + " names unknown stage '" + std::string(id) + "'" +
              text::did_you_mean_words(d.suggestion);
  d.subject_kind = "stage";
  d.subject = std::string(id);
  return d;
}

Diagnostic unknown_stage(std::string_view what, std::string_view id, const std::vector<std::string>& names) {
  text::SuggestionBudget budget;
  return unknown_stage(what, id, names, budget);
}

}  // namespace rollgate::engine
