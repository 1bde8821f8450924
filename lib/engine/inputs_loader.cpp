#include "engine/inputs_loader.hpp"

#include "engine/fact_conversion.hpp"
#include "json/located_json.hpp"
#include "json/object_reader.hpp"
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

// Reads one fact entry; returns nullopt for a missing fact (null value).
std::optional<FactInput> read_fact(const json::Document& doc, const plan::FactDecl& decl,
                                   const boost::json::value& entry, const std::string& pointer,
                                   std::vector<Diagnostic>& errors) {
  const boost::json::value* value = &entry;
  std::string value_pointer = pointer;
  FactInput fact;
  if (is_wrapper(entry, decl.type)) {
    ObjectReader reader(doc, entry.get_object(), pointer, errors);
    reader.set_subject("fact", decl.name);
    reader.allow_only({"value", "observed_at", "source", "evidence"});
    fact.observed_at = reader.timestamp("observed_at");
    fact.source = reader.string("source").value_or("");
    fact.evidence = reader.string("evidence").value_or("");
    value = reader.get("value");
    value_pointer = reader.pointer("value");
  }
  if (!value || value->is_null()) return std::nullopt;
  auto converted = json_to_value(*value, decl.type);
  if (auto* e = std::get_if<ConversionError>(&converted)) {
    Diagnostic d = doc.diagnostic_at(value_pointer + e->pointer, e->message);
    d.subject_kind = "fact";
    d.subject = decl.name;
    errors.push_back(std::move(d));
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
      errors_.push_back(doc_.diagnostic_at("", "a facts document must be a JSON object"));
    } else {
      ObjectReader reader(doc_, *root, "", errors_);
      reader.allow_only({"facts", "progress", "approvals"});
      if (const auto* facts = reader.object("facts")) load_facts(*facts);
      if (const auto* progress = reader.object("progress")) load_progress(*progress);
      if (const auto* approvals = reader.array("approvals")) load_approvals(*approvals);
    }
    result.errors = std::move(errors_);
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
                                   text::did_you_mean(name, declared_));
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
        errors_.push_back(doc_.diagnostic_at(pointer, "progress names unknown stage '" + id + "'" +
                                                          text::did_you_mean(id, stage_names()), true));
        continue;
      }
      const auto* entry = member.value().if_object();
      if (!entry) {
        errors_.push_back(doc_.diagnostic_at(pointer, "progress of a stage must be an object such as {\"state\": \"done\"}"));
        continue;
      }
      ObjectReader reader(doc_, *entry, pointer, errors_);
      reader.set_subject("stage", id);
      reader.allow_only({"state", "started_at", "done_at", "requested_by", "reason"});
      StageProgress p;
      std::optional<std::string> state = reader.choice(
          "state", {"not_started", "in_progress", "done", "held", "cancelled", "rolled_back"});
      if (!reader.has("state")) reader.error("", "missing required field 'state'");
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
      for (int s : *stages) inputs_.progress.set(size_t(s), p);
    }
  }

  void load_approvals(const boost::json::array& approvals) {
    for (size_t i = 0; i < approvals.size(); ++i) {
      std::string pointer = json::pointer_append("/approvals", i);
      const auto* entry = approvals[i].if_object();
      if (!entry) {
        errors_.push_back(doc_.diagnostic_at(pointer, "an approval must be an object with stage, role and by"));
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
        reader.error("stage", "approval names unknown stage '" + a.stage_ref + "'" +
                                  text::did_you_mean(a.stage_ref, stage_names()));
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

InputsResult load_onto(const plan::Plan& plan, Inputs base, std::string_view text, std::string_view file) {
  json::ParseResult parsed = json::parse(text, file);
  if (!parsed.document) {
    InputsResult result;
    result.errors = std::move(parsed.errors);
    result.malformed_json = true;
    return result;
  }
  return InputsLoader(plan, *parsed.document, std::move(base)).run();
}

}  // namespace

InputsResult load_inputs(const plan::Plan& plan, std::string_view text, std::string_view file) {
  return load_onto(plan, Inputs{}, text, file);
}

InputsResult load_patch(const plan::Plan& plan, const Inputs& base, std::string_view text,
                        std::string_view file) {
  // The facts document's own rules are the patch's: a fact entry replaces
  // the fact (null removes it), a progress entry replaces the stage's whole
  // progress, approvals are appended.
  return load_onto(plan, base, text, file);
}

FactResult load_fact(const plan::FactDecl& decl, std::string_view text) {
  FactResult result;
  json::ParseResult parsed = json::parse(text, "fact " + decl.name);
  if (!parsed.document) {
    result.errors = std::move(parsed.errors);
    result.malformed_json = true;
    return result;
  }
  result.fact = read_fact(*parsed.document, decl, parsed.document->root, "", result.errors);
  return result;
}

}  // namespace rollgate::engine
