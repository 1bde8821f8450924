// The plan loader's parts, shared by the files that implement it.  Not a
// public interface: load_plan() in loader.hpp is.
#pragma once

#include <boost/json/object.hpp>

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "json/located_json.hpp"
#include "json/object_reader.hpp"
#include "plan/loader.hpp"
#include "plan/matrix.hpp"
#include "plan/plan_limits.hpp"
#include "text/suggestion_budget.hpp"

namespace rollgate::plan::detail {

using json::ObjectReader;

// A matrix is for waves and regions, not for generating plans: a cartesian
// product past this is almost surely a mistake and would exhaust memory.
constexpr size_t kMaxMatrixExpansions = 1000;
// Every expansion copies its stage's strings (title, description, gates'
// expressions, its id) with the values substituted: a 20 kB plan can ask for
// gigabytes.  All the matrices of a plan together may make
// PlanLimits::max_matrix_text_bytes of text (docs/LIMITS.md).

// Why `id` cannot be an id (stage, gate, role, plan name, matrix value):
// a control character, which cuts short every string the C ABI returns
// (NUL) or garbles the text report, e.g. "contains the control character
// U+0000 at byte 7"; "" when it has none.
std::string control_character_problem(std::string_view id);

// A CEL identifier: a letter or '_', then letters, digits or '_'.
bool is_identifier(std::string_view s);

// Builds one Plan from a parsed plan document, collecting every problem.
// Its parts live in loader.cpp (the document, ids, after, freezes),
// fact_loader.cpp, stage_loader.cpp (stages, matrix, approvals),
// gate_loader.cpp and dependency_check.cpp.
class PlanLoader {
 public:
  // The loader may take the document's root for Plan::source (no copy).
  PlanLoader(json::Document& doc, const PlanLimits& limits)
      : doc_(doc), own_doc_(doc), limits_(limits), plan_(std::make_shared<Plan>()) {}

  LoadResult run();

 private:
  // Gates compile once every stage id is known, so that a gate may read
  // stages.<id> of any stage, earlier or later in the plan.
  struct PendingGate {
    int stage;
    size_t gate;
    size_t json_index;                       // in the stage's `gates` array
    const boost::json::object* raw_gate;     // as written, in doc_
    const boost::json::string* raw_expr;     // as written, in doc_
    const MatrixCombination* combination;    // in combinations_, or empty
  };

  struct PendingAfter {
    int stage;
    std::string id;
    std::string pointer;
  };

  void load_header(ObjectReader& root);
  void load_facts(const boost::json::object& facts, const std::string& pointer);
  void load_stage(const boost::json::object& raw, const std::string& pointer);
  std::vector<MatrixCombination> load_matrix(ObjectReader& stage);
  // The texts of one matrix key's values, or nullopt after reporting a
  // value that is no string or number, or that cannot be part of an id.
  std::optional<std::vector<std::string>> matrix_values(ObjectReader& stage, const boost::json::array& values,
                                                        const std::string& pointer);
  // Whether `bytes` more of expanded text fit the plan's budget
  // (max_matrix_text_bytes); reports at the stage's matrix when not.
  bool matrix_text_fits(ObjectReader& stage, size_t bytes);

  // The plan's sizes (size_limits.cpp).  Each reports a limit problem at
  // the place that goes past its limit and says whether all is within it.
  //
  // Whether `text`, the `what` ("a stage id") at `pointer`, has at most
  // `limit` bytes; `limit_name` is the option.  The text is not quoted.
  bool length_fits(ObjectReader& reader, const std::string& pointer, std::string_view text, size_t limit,
                   std::string_view what, std::string_view limit_name);
  bool id_fits(ObjectReader& reader, std::string_view field, std::string_view id, std::string_view what) {
    return length_fits(reader, reader.pointer(field), id, limits_.max_id_bytes, what, "max_id_bytes");
  }
  // A name or title read from `field` ("" when absent or too long: reported).
  std::string bounded_name(ObjectReader& reader, std::string_view field);
  std::string bounded_title(ObjectReader& reader, std::string_view field);
  std::vector<std::string> bounded_names(ObjectReader& reader, std::string_view field);
  // Whether the stages as written expand to at most max_stages, their
  // matrices to at most max_matrix_expansions: counted from each matrix's
  // value counts before any stage is loaded, so that a plan past them is
  // refused without building the expansions that fit.
  bool expansions_fit(const boost::json::array& stages);
  // Whether a stage's `count` gates fit max_gates; counts them when they do.
  bool gates_fit(ObjectReader& reader, size_t count);
  // A limit problem at the root's member `key` ("stages", "facts"),
  // located without indexing the document: for a plan past its size
  // limits the index would cost more than the limit saves.
  Diagnostic at_root_member(std::string_view key, std::string message) const;
  void load_expansion(const boost::json::object& stage_json, const std::string& pointer,
                      std::string id, const std::string& group_id,
                      const MatrixCombination& combination);
  void load_gates(ObjectReader& reader, Stage& stage, const boost::json::object& raw_stage,
                  const MatrixCombination& combination);
  void compile_gate(Gate& gate, const PendingGate& pending);
  void declare_stage_variables();
  void compile_pending_gates();
  void load_approvals(ObjectReader& reader, Stage& stage);
  // `written` is the stage's id as written (the matrix id of an expansion),
  // the subject of a duplicate.
  void register_stage_id(const std::string& id, std::vector<int> stages,
                         const std::string& pointer, const std::string& written);
  // `self` is left out of suggestions: a stage after itself is no fix.
  std::vector<int> resolve_stage_ref(const std::string& id, const std::string& pointer,
                                     const std::string& what, const std::string& self = "");
  void resolve_after();
  void load_freezes(ObjectReader& root);
  void check_cycles();
  void finish_graph();
  Diagnostic located(DiagnosticKind kind, std::string pointer, std::string message,
                     const std::string& subject_kind = "", const std::string& subject = "",
                     bool at_key = false) const;
  // The CEL compiler's problems with a gate's expression as diagnostics.
  void report_compile_issues(const cel::CompileResult& compiled, const PendingGate& pending);
  // A gate's subject in diagnostics: "stage/gate" with the stage's id and
  // the gate's id as written (a matrix stage's own id, not an expansion's).
  std::string gate_subject(const PendingGate& pending) const;
  std::string expr_pointer(const PendingGate& pending) const;

  const json::Document& doc_;
  json::Document& own_doc_;
  const PlanLimits limits_;
  size_t gate_count_ = 0;          // loaded so far, expansions' included
  bool past_size_limit_ = false;   // stages past max_stages or max_gates are not loaded
  std::vector<Diagnostic> errors_;
  std::shared_ptr<Plan> plan_;
  std::vector<PendingAfter> pending_after_;
  std::vector<PendingGate> pending_gates_;
  std::vector<std::string> stage_pointers_;  // per expanded stage: /stages/i
  std::string target_pointer_;
  size_t matrix_expanded_bytes_ = 0;  // made by the matrices loaded so far
  // Did-you-mean: the stage ids, listed once on the first unknown one, and
  // the plan's budget for comparing names (unknown stage ids and the
  // gates' undeclared names alike).
  std::vector<std::string> stage_names_;
  text::SuggestionBudget suggestions_;
  // The matrix combinations pending gates refer to (stable addresses).
  std::deque<MatrixCombination> combinations_;
  // Compiled programs by expression text: programs are immutable, so gates
  // with the same expression (matrix expansions, repeated checks) share one.
  // Keyed by views of Gate::expr, which stay put while gates compile.
  std::unordered_map<std::string_view, std::shared_ptr<const cel::Program>> programs_;
};

}  // namespace rollgate::plan::detail
