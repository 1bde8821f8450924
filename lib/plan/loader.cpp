#include "plan/loader.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "json/located_json.hpp"
#include "json/object_reader.hpp"
#include "plan/digest.hpp"
#include "plan/matrix.hpp"
#include "plan/stage_graph.hpp"
#include "text/suggest.hpp"

namespace rollgate::plan {

namespace {

using json::ObjectReader;

// A matrix is for waves and regions, not for generating plans: a cartesian
// product past this is almost surely a mistake and would exhaust memory.
constexpr size_t kMaxMatrixExpansions = 1000;

bool is_identifier(std::string_view s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// Fact names are CEL identifiers joined by dots; `now` and `stages` are the
// built-ins and may not be shadowed.
std::string fact_name_problem(std::string_view name) {
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t dot = name.find('.', start);
    std::string_view part = name.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!is_identifier(part))
      return "fact name '" + std::string(name) +
             "' must be CEL identifiers joined by dots (letters, digits, '_')";
    if (first && (part == "now" || part == "stages"))
      return "fact name '" + std::string(name) + "' may not begin with the built-in '" +
             std::string(part) + "'";
    first = false;
    if (dot == std::string_view::npos) return "";
    start = dot + 1;
  }
}

std::string matrix_value_text(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  if (v.is_int64()) return std::to_string(v.get_int64());
  if (v.is_uint64()) return std::to_string(v.get_uint64());
  return canonical_json(v);  // a double, as JSON writes it
}

class PlanLoader {
 public:
  explicit PlanLoader(const json::Document& doc) : doc_(doc), plan_(std::make_shared<Plan>()) {}

  LoadResult run();

 private:
  struct PendingAfter {
    int stage;
    std::string id;
    std::string pointer;
  };

  void load_header(ObjectReader& root);
  void load_facts(const boost::json::object& facts, const std::string& pointer);
  void load_stage(const boost::json::object& raw, const std::string& pointer);
  std::vector<MatrixCombination> load_matrix(ObjectReader& stage);
  void load_expansion(const boost::json::object& stage_json, const std::string& pointer,
                      std::string id, const std::string& group_id,
                      const MatrixCombination& combination);
  void load_gates(ObjectReader& reader, Stage& stage, const boost::json::object& raw_stage,
                  const MatrixCombination& combination);
  void compile_gate(Gate& gate, const std::string& expr_pointer, std::string_view raw_expr,
                    const MatrixCombination& combination);
  void load_approvals(ObjectReader& reader, Stage& stage);
  void register_stage_id(const std::string& id, std::vector<int> stages,
                         const std::string& pointer);
  // `self` is left out of suggestions: a stage after itself is no fix.
  std::vector<int> resolve_stage_ref(const std::string& id, const std::string& pointer,
                                     const std::string& what, const std::string& self = "");
  void resolve_after();
  void load_freezes(ObjectReader& root);
  void check_cycles();
  void finish_graph();
  Diagnostic located(std::string pointer, std::string message, const std::string& kind,
                     const std::string& subject, bool at_key = false) const;

  const json::Document& doc_;
  std::vector<Diagnostic> errors_;
  std::shared_ptr<Plan> plan_;
  std::vector<PendingAfter> pending_after_;
  std::vector<std::string> stage_pointers_;  // per expanded stage: /stages/i
  std::string target_pointer_;
};

Diagnostic PlanLoader::located(std::string pointer, std::string message, const std::string& kind,
                               const std::string& subject, bool at_key) const {
  Diagnostic d = doc_.diagnostic_at(std::move(pointer), std::move(message), at_key);
  d.subject_kind = kind;
  d.subject = subject;
  return d;
}

LoadResult PlanLoader::run() {
  LoadResult result;
  const boost::json::object* root_object = doc_.root.if_object();
  if (!root_object) {
    errors_.push_back(located("", "a plan must be a JSON object", "", ""));
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
    if (stages->empty()) root.error("stages", "a plan needs at least one stage");
    for (size_t i = 0; i < stages->size(); ++i) {
      std::string pointer = json::pointer_append("/stages", i);
      if (const auto* stage = (*stages)[i].if_object()) load_stage(*stage, pointer);
      else errors_.push_back(located(pointer, "a stage must be a JSON object", "", ""));
    }
  }
  resolve_after();
  if (std::optional<std::string> target = root.string("target")) {
    plan_->target_id = *target;
    plan_->target = resolve_stage_ref(*target, "/target", "target");
  }
  load_freezes(root);
  if (errors_.empty()) check_cycles();
  if (errors_.empty()) finish_graph();

  // A matrix stage's copies repeat the problems of the stage they copy.
  std::set<std::pair<std::string, std::string>> seen;
  for (Diagnostic& d : errors_)
    if (seen.emplace(d.pointer, d.message).second) result.errors.push_back(std::move(d));
  if (result.errors.empty()) {
    plan_->digest = plan_digest(doc_.root);
    result.plan = std::move(plan_);
  }
  return result;
}

void PlanLoader::load_header(ObjectReader& root) {
  if (const boost::json::value* version = root.get("rollgate")) {
    if (!(version->is_int64() && version->get_int64() == 1))
      root.error("rollgate", "unsupported plan format version (this library reads \"rollgate\": 1)");
  } else {
    root.error("", "missing required field 'rollgate' (the plan format version, 1)");
  }
  plan_->name = root.string("name").value_or("");
  plan_->title = root.string("title").value_or("");
  plan_->description = root.string("description").value_or("");
  plan_->owners = root.string_list("owners");
  if (const boost::json::object* defaults = root.object("defaults")) {
    ObjectReader reader(doc_, *defaults, "/defaults", errors_);
    reader.allow_only({"max_age"});
    plan_->default_max_age = reader.duration("max_age");
  }
}

void PlanLoader::load_facts(const boost::json::object& facts, const std::string& pointer) {
  for (const auto& member : facts) {
    std::string name(member.key());
    std::string fact_pointer = json::pointer_append(pointer, name);
    if (std::string problem = fact_name_problem(name); !problem.empty()) {
      errors_.push_back(located(fact_pointer, problem, "fact", name, /*at_key=*/true));
      continue;
    }
    const boost::json::object* decl = member.value().if_object();
    if (!decl) {
      errors_.push_back(located(fact_pointer, "a fact declaration must be an object such as "
                                              "{\"type\": \"double\"}", "fact", name));
      continue;
    }
    ObjectReader reader(doc_, *decl, fact_pointer, errors_);
    reader.set_subject("fact", name);
    reader.allow_only({"type", "owner", "unit", "description", "max_age"});
    FactDecl fact;
    fact.name = name;
    fact.owner = reader.string("owner").value_or("");
    fact.unit = reader.string("unit").value_or("");
    fact.description = reader.string("description").value_or("");
    fact.max_age = reader.duration("max_age");
    if (!fact.max_age) fact.max_age = plan_->default_max_age;
    std::optional<std::string> type_text = reader.string("type", /*required=*/true);
    if (!type_text) continue;
    std::optional<cel::Type> type = cel::parse_type(*type_text);
    if (!type) {
      reader.error("type", "unknown type '" + *type_text +
                               "' (bool, int, uint, double, string, bytes, timestamp, duration, "
                               "list(T), map(K, V) or dyn)");
      continue;
    }
    fact.type = *type;
    fact.slot = plan_->environment.add_variable(name, fact.type);
    plan_->facts.push_back(std::move(fact));
  }
}

void PlanLoader::register_stage_id(const std::string& id, std::vector<int> stages,
                                   const std::string& pointer) {
  if (!plan_->stage_groups.emplace(id, std::move(stages)).second)
    errors_.push_back(located(pointer, "duplicate stage id '" + id + "'", "stage", id));
}

void PlanLoader::load_stage(const boost::json::object& raw, const std::string& pointer) {
  ObjectReader reader(doc_, raw, pointer, errors_);
  reader.allow_only({"id", "title", "owner", "description", "after", "join", "gates",
                     "approvals", "min_score", "matrix", "order"});
  std::optional<std::string> id = reader.string("id", /*required=*/true);
  if (!id) return;
  reader.set_subject("stage", *id);
  if (id->empty() || id->find('/') != std::string::npos || id->find("${") != std::string::npos) {
    reader.error("id", "stage id '" + *id + "' must be non-empty and contain no '/' or '${'");
    return;
  }
  if (!reader.has("matrix")) {
    if (reader.has("order")) reader.error("order", "'order' needs a 'matrix'");
    register_stage_id(*id, {int(plan_->stages.size())}, reader.pointer("id"));
    load_expansion(raw, pointer, *id, *id, {});
    return;
  }
  std::vector<MatrixCombination> combinations = load_matrix(reader);
  bool sequential = reader.choice("order", {"sequential", "parallel"}).value_or("sequential") ==
                    "sequential";
  std::vector<int> expansions;
  for (const MatrixCombination& combination : combinations) {
    int index = int(plan_->stages.size());
    std::string expanded_id = expansion_id(*id, combination);
    register_stage_id(expanded_id, {index}, reader.pointer("id"));
    load_expansion(raw, pointer, expanded_id, *id, combination);
    if (sequential && !expansions.empty()) plan_->stages.back().previous_expansion = expansions.back();
    expansions.push_back(index);
  }
  register_stage_id(*id, std::move(expansions), reader.pointer("id"));
}

std::vector<MatrixCombination> PlanLoader::load_matrix(ObjectReader& stage) {
  std::vector<MatrixCombination> combinations{{}};
  const boost::json::object* matrix = stage.object("matrix");
  if (!matrix) return {};
  if (matrix->empty()) {
    stage.error("matrix", "a matrix needs at least one key");
    return {};
  }
  for (const auto& member : *matrix) {
    std::string key(member.key());
    std::string key_pointer = json::pointer_append(stage.pointer("matrix"), key);
    const boost::json::array* values = member.value().if_array();
    if (!is_identifier(key)) stage.error_at(key_pointer, "matrix key '" + key + "' must be an identifier", true);
    if (!values || values->empty()) {
      stage.error_at(key_pointer, "matrix key '" + key + "' needs a non-empty array of values");
      return {};
    }
    if (combinations.size() * values->size() > kMaxMatrixExpansions) {
      stage.error("matrix", "the matrix expands to more than " + std::to_string(kMaxMatrixExpansions) +
                                " stages");
      return {};
    }
    std::vector<MatrixCombination> next;
    for (const MatrixCombination& prefix : combinations) {
      for (size_t i = 0; i < values->size(); ++i) {
        const boost::json::value& v = (*values)[i];
        if (!v.is_string() && !v.is_number()) {
          stage.error_at(json::pointer_append(key_pointer, i), "matrix values must be strings or numbers");
          return {};
        }
        MatrixCombination combination = prefix;
        combination.push_back({key, matrix_value_text(v)});
        next.push_back(std::move(combination));
      }
    }
    combinations = std::move(next);
  }
  return combinations;
}

void PlanLoader::load_expansion(const boost::json::object& raw_stage, const std::string& pointer,
                                std::string id, const std::string& group_id,
                                const MatrixCombination& combination) {
  std::vector<UnboundPlaceholder> unbound;
  boost::json::value expanded_value = substitute_all(raw_stage, combination, "id", unbound);
  for (const UnboundPlaceholder& u : unbound)
    errors_.push_back(located(pointer + u.pointer, "'${" + u.name + "}' is not a matrix key of this stage",
                              "stage", id));
  const boost::json::object& expanded = expanded_value.get_object();

  ObjectReader reader(doc_, expanded, pointer, errors_);
  reader.set_subject("stage", id);
  Stage stage;
  stage.id = std::move(id);
  stage.group_id = group_id;
  stage.title = reader.string("title").value_or("");
  stage.owner = reader.string("owner").value_or("");
  stage.description = reader.string("description").value_or("");
  stage.join = reader.choice("join", {"all", "any"}).value_or("all") == "any" ? Join::Any : Join::All;
  stage.min_score = reader.number("min_score", 0.0, 1.0).value_or(0.0);
  int index = int(plan_->stages.size());
  std::vector<std::string> after = reader.string_list("after");
  for (size_t i = 0; i < after.size(); ++i)
    pending_after_.push_back({index, after[i], json::pointer_append(reader.pointer("after"), i)});
  load_gates(reader, stage, raw_stage, combination);
  load_approvals(reader, stage);
  plan_->stages.push_back(std::move(stage));
  stage_pointers_.push_back(pointer);
}

void PlanLoader::load_gates(ObjectReader& reader, Stage& stage, const boost::json::object& raw_stage,
                            const MatrixCombination& combination) {
  const boost::json::array* gates = reader.array("gates");
  if (!gates) return;
  const boost::json::array& raw_gates = raw_stage.at("gates").get_array();
  std::set<std::string> ids;
  for (size_t i = 0; i < gates->size(); ++i) {
    std::string pointer = json::pointer_append(reader.pointer("gates"), i);
    const boost::json::object* gate_json = (*gates)[i].if_object();
    if (!gate_json) {
      reader.error_at(pointer, "a gate must be a JSON object");
      continue;
    }
    ObjectReader gr(doc_, *gate_json, pointer, errors_);
    gr.set_subject("stage", stage.id);
    gr.allow_only({"id", "expr", "kind", "weight", "hold_for", "on_unknown", "owner",
                   "description", "category"});
    Gate gate;
    std::optional<std::string> id = gr.string("id", /*required=*/true);
    if (!id) continue;
    gate.id = *id;
    gate.full_id = stage.id + "/" + gate.id;
    gr.set_subject("gate", gate.full_id);
    if (gate.id.empty() || gate.id.find('/') != std::string::npos) gr.error("id", "gate id must be non-empty and contain no '/'");
    if (!ids.insert(gate.id).second) gr.error("id", "duplicate gate id '" + gate.id + "' in stage " + stage.id);
    std::string kind = gr.choice("kind", {"must", "should", "advisory"}).value_or("must");
    gate.kind = kind == "should" ? GateKind::Should : kind == "advisory" ? GateKind::Advisory : GateKind::Must;
    gate.weight = gr.number("weight", 0.0, 1e9).value_or(1.0);
    if (gr.has("weight") && gate.kind != GateKind::Should)
      gr.error("weight", "'weight' applies to should-gates only");
    gate.hold_for = gr.duration("hold_for");
    std::string on_unknown = gr.choice("on_unknown", {"hold", "block", "ignore"}).value_or("hold");
    gate.on_unknown = on_unknown == "block" ? OnUnknown::Block
                      : on_unknown == "ignore" ? OnUnknown::Ignore : OnUnknown::Hold;
    gate.owner = gr.string("owner").value_or("");
    gate.description = gr.string("description").value_or("");
    gate.category = gr.string("category").value_or("");
    std::optional<std::string> expr = gr.string("expr", /*required=*/true);
    if (expr) {
      gate.expr = *expr;
      const boost::json::value* raw_expr = raw_gates[i].get_object().if_contains("expr");
      const boost::json::string& raw = raw_expr->get_string();
      compile_gate(gate, gr.pointer("expr"), std::string_view(raw.data(), raw.size()), combination);
    }
    stage.gates.push_back(std::move(gate));
  }
}

void PlanLoader::compile_gate(Gate& gate, const std::string& expr_pointer, std::string_view raw_expr,
                              const MatrixCombination& combination) {
  Substitution sub = substitute(raw_expr, combination);
  cel::CompileResult compiled = cel::compile(sub.text, plan_->environment);
  for (const cel::CompileIssue& issue : compiled.issues) {
    size_t raw_offset = sub.source_offsets[std::min(issue.offset, sub.source_offsets.size() - 1)];
    json::TextPosition p = doc_.map.position_in_string(expr_pointer, raw_offset);
    Diagnostic d = located(expr_pointer, issue.message, "gate", gate.full_id);
    d.line = p.line;
    d.column = p.column;
    errors_.push_back(std::move(d));
  }
  if (!compiled.ok()) return;
  cel::Type::Kind kind = compiled.program->result_type().kind();
  if (kind != cel::Type::Kind::Bool && kind != cel::Type::Kind::Dyn) {
    errors_.push_back(located(expr_pointer,
                              "a gate must yield bool, but this expression yields " +
                                  compiled.program->result_type().to_string(),
                              "gate", gate.full_id));
    return;
  }
  gate.program = std::move(compiled.program);
}

void PlanLoader::load_approvals(ObjectReader& reader, Stage& stage) {
  const boost::json::array* approvals = reader.array("approvals");
  if (!approvals) return;
  for (size_t i = 0; i < approvals->size(); ++i) {
    std::string pointer = json::pointer_append(reader.pointer("approvals"), i);
    const boost::json::object* a = (*approvals)[i].if_object();
    if (!a) {
      reader.error_at(pointer, "an approval requirement must be an object such as {\"role\": \"security\"}");
      continue;
    }
    ObjectReader ar(doc_, *a, pointer, errors_);
    ar.set_subject("stage", stage.id);
    ar.allow_only({"role", "min", "max_age"});
    ApprovalRequirement requirement;
    std::optional<std::string> role = ar.string("role", /*required=*/true);
    if (!role) continue;
    requirement.role = *role;
    requirement.min = int(ar.integer("min", 1, 1000).value_or(1));
    requirement.max_age = ar.duration("max_age");
    stage.approvals.push_back(std::move(requirement));
  }
}

std::vector<int> PlanLoader::resolve_stage_ref(const std::string& id, const std::string& pointer,
                                               const std::string& what, const std::string& self) {
  if (const std::vector<int>* stages = plan_->find_stage_group(id)) return *stages;
  std::vector<std::string> candidates = plan_->stage_group_names();
  candidates.erase(std::remove(candidates.begin(), candidates.end(), self), candidates.end());
  errors_.push_back(located(pointer, what + " names unknown stage '" + id + "'" +
                                         text::did_you_mean(id, candidates),
                            "", ""));
  return {};
}

void PlanLoader::resolve_after() {
  for (const PendingAfter& pending : pending_after_) {
    Stage& stage = plan_->stages[size_t(pending.stage)];
    size_t before = errors_.size();
    std::vector<int> stages = resolve_stage_ref(pending.id, pending.pointer, "'after'", stage.group_id);
    for (size_t i = before; i < errors_.size(); ++i) {
      errors_[i].subject_kind = "stage";
      errors_[i].subject = stage.id;
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
      root.error_at(pointer, "a freeze must be an object with 'from' and 'to'");
      continue;
    }
    ObjectReader fr(doc_, *f, pointer, errors_);
    fr.allow_only({"from", "to", "reason", "stages"});
    Freeze freeze;
    std::optional<cel::Timestamp> from = fr.timestamp("from");
    std::optional<cel::Timestamp> to = fr.timestamp("to");
    if (!fr.has("from")) fr.error("", "missing required field 'from'");
    if (!fr.has("to")) fr.error("", "missing required field 'to'");
    freeze.reason = fr.string("reason").value_or("");
    std::vector<std::string> ids = fr.string_list("stages");
    for (size_t j = 0; j < ids.size(); ++j)
      for (int s : resolve_stage_ref(ids[j], json::pointer_append(fr.pointer("stages"), j), "freeze"))
        freeze.stages.push_back(s);
    if (!from || !to) continue;
    if (!(*from < *to)) {
      fr.error("to", "a freeze must end ('to') after it starts ('from')");
      continue;
    }
    freeze.from = *from;
    freeze.to = *to;
    plan_->freezes.push_back(std::move(freeze));
  }
}

UpstreamLists upstream_lists(const Plan& plan) {
  UpstreamLists upstreams(plan.stages.size());
  for (size_t s = 0; s < plan.stages.size(); ++s) {
    for (const Upstream& u : plan.stages[s].after)
      upstreams[s].insert(upstreams[s].end(), u.stages.begin(), u.stages.end());
    if (plan.stages[s].previous_expansion) upstreams[s].push_back(*plan.stages[s].previous_expansion);
  }
  return upstreams;
}

void PlanLoader::check_cycles() {
  for (const std::vector<int>& cycle : find_cycles(upstream_lists(*plan_))) {
    std::string named;
    for (int s : cycle) named += plan_->stages[size_t(s)].id + " -> ";
    named += plan_->stages[size_t(cycle.front())].id;
    const Stage& first = plan_->stages[size_t(cycle.front())];
    std::string pointer = stage_pointers_[size_t(cycle.front())] + "/after";
    if (!doc_.map.value_position(pointer).line) pointer = stage_pointers_[size_t(cycle.front())];
    errors_.push_back(located(pointer, "dependency cycle: " + named +
                                           " (each stage waits for the one before it)",
                              "stage", first.id));
  }
}

void PlanLoader::finish_graph() {
  UpstreamLists upstreams = upstream_lists(*plan_);
  plan_->successors.assign(plan_->stages.size(), {});
  for (size_t s = 0; s < upstreams.size(); ++s) {
    std::sort(upstreams[s].begin(), upstreams[s].end());
    upstreams[s].erase(std::unique(upstreams[s].begin(), upstreams[s].end()), upstreams[s].end());
    for (int u : upstreams[s]) plan_->successors[size_t(u)].push_back(int(s));
  }
}

}  // namespace

LoadResult load_plan(std::string_view text, std::string_view file) {
  json::ParseResult parsed = json::parse(text, file);
  if (!parsed.document) {
    LoadResult result;
    result.errors = std::move(parsed.errors);
    result.malformed_json = true;
    return result;
  }
  return PlanLoader(*parsed.document).run();
}

}  // namespace rollgate::plan
