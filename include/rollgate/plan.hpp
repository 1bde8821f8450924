// rollgate/plan.hpp — compiled plans.
#ifndef ROLLGATE_PLAN_HPP
#define ROLLGATE_PLAN_HPP

#include <rollgate/error.hpp>
#include <rollgate/plan_options.hpp>
#include <rollgate/time.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate {

/// A gate's kind (the plan's `kind`), value for value rollgate_gate_kind.
enum class GateKind {
  Must = ROLLGATE_GATE_MUST,          ///< must pass for the stage to be ready
  Should = ROLLGATE_GATE_SHOULD,      ///< counts toward the stage's score
  Advisory = ROLLGATE_GATE_ADVISORY,  ///< reported, never holds anything back
};

/// A stage of a compiled plan (rollgate_plan_stage()).  Strings are empty
/// where the plan leaves them out.
struct PlanStage {
  std::string id;           ///< After matrix expansion: "wave-north".
  std::string title;
  std::string owner;
  std::string description;
  std::string matrix_id;    ///< For an expansion, its matrix stage's id ("wave"); else empty.
  /// The stages this one waits for directly, as stage indices (ascending,
  /// no repeats): its `after` with matrix ids expanded, and in a sequential
  /// matrix the expansion before it.  The edges of the stage graph.
  std::vector<std::size_t> after;
  std::size_t gate_count = 0;      ///< Its gates, for Plan::gate().
  std::size_t approval_count = 0;  ///< Its approval requirements (roles).
};

/// A gate of a compiled plan (rollgate_plan_gate()).
struct PlanGate {
  std::string id;           ///< Full id, "pilot/uptime".
  std::string name;         ///< Id within its stage, "uptime".
  GateKind kind = GateKind::Must;
  std::string expression;   ///< The CEL text, after matrix substitution.
  std::string owner;
  std::string category;
  std::string description;
  double weight = 1.0;      ///< A should-gate's weight in its stage's score.
  std::optional<Duration> hold_for;  ///< How long the expression must hold; none when unset.
};

/// A fact declaration (rollgate_plan_fact()): enough to build a form.
struct FactDeclaration {
  std::string name;         ///< "pilot.departments"
  std::string type;         ///< As the plan writes it: "int", "list(string)", "map(string, int)".
  std::string owner;
  std::string unit;
  std::string description;
  /// How old an observation may be before it is stale (its own max_age, else
  /// the plan's default); none when neither is set.
  std::optional<Duration> max_age;
};

/// A compiled plan: stages, gates and fact declarations (docs/PLAN.md).
///
/// Immutable once compiled, so it may be shared by any number of threads and
/// sessions.  Copies share the same native plan (shared ownership); the
/// native plan is freed when the last copy goes.  A Session holds its own
/// reference, so it may outlive every Plan object.  A moved-from Plan is
/// empty: its accessors return "" / 0 and a Session made from it throws.
class Plan {
 public:
  /// Compiles a plan from its JSON text.
  /// @param json       the plan text (UTF-8)
  /// @param file_name  names the input in error locations
  /// @throws Error with ROLLGATE_EJSON (malformed JSON) or ROLLGATE_EPLAN
  ///         (invalid plan; problems() lists every problem with its JSON
  ///         pointer, line and column), or ROLLGATE_ENOMEM.
  static Plan compile(std::string_view json, std::string_view file_name = "") {
    const std::string file(file_name);
    rollgate_plan* out = nullptr;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_plan_compile(
        &out, json.data() ? json.data() : "", json.size(), file.c_str(), &err);
    check(status, err);
    return Plan(out);
  }

  /// Compiles a plan within `options` (rollgate_plan_compile_with()).
  /// @throws Error as compile() above, and with ROLLGATE_EINVAL for a
  ///         max_json_depth above 1000.
  static Plan compile(std::string_view json, std::string_view file_name, const PlanOptions& options) {
    const std::string file(file_name);
    const rollgate_plan_options c = options.to_c();
    rollgate_plan* out = nullptr;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_plan_compile_with(
        &out, json.data() ? json.data() : "", json.size(), file.c_str(), &c, &err);
    check(status, err);
    return Plan(out);
  }

  /// Takes ownership of a native plan (from rollgate_plan_compile()).
  explicit Plan(rollgate_plan* adopted)
      : plan_(adopted, [](rollgate_plan* p) { rollgate_plan_free(p); }) {}

  /// The plan's `name`.
  std::string name() const { return detail::to_string(rollgate_plan_name(plan_.get())); }

  /// The plan's digest, "sha256:" and 64 hex digits over its canonical form.
  std::string digest() const {
    return detail::to_string(rollgate_plan_digest(plan_.get()));
  }

  /// Number of stages after matrix expansion.
  std::size_t stage_count() const noexcept { return rollgate_plan_stage_count(plan_.get()); }

  /// Stage ids in plan order (matrix expansions in value order).
  std::vector<std::string> stage_ids() const {
    std::vector<std::string> ids;
    const std::size_t n = stage_count();
    ids.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      ids.push_back(detail::to_string(rollgate_plan_stage_id(plan_.get(), i)));
    }
    return ids;
  }

  /// The plan's `target` (a stage or matrix id); empty when the plan names
  /// none (then every stage is the target).
  std::string target() const { return detail::to_string(rollgate_plan_target(plan_.get())); }

  /// The index (plan order) of the stage `id` (after matrix expansion), in
  /// constant time.
  /// @throws Error with ROLLGATE_EINPUT when there is no such stage (its
  ///         problem's suggestion is the closest id), ROLLGATE_EINVAL for an
  ///         empty Plan.
  std::size_t stage_index(std::string_view id) const {
    std::size_t index = ROLLGATE_NO_INDEX;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_plan_stage_find(
        &index, plan_.get(), id.data() ? id.data() : "", id.size(), &err);
    check(status, err);
    return index;
  }

  /// Stage `index` (plan order, below stage_count()).
  /// @throws Error (ROLLGATE_EINVAL for an index out of range or an empty Plan).
  PlanStage stage(std::size_t index) const {
    rollgate_plan_stage_info info = ROLLGATE_PLAN_STAGE_INFO_INIT;
    rollgate_error* err = nullptr;
    check(rollgate_plan_stage(&info, plan_.get(), index, &err), err);
    PlanStage out;
    out.id = detail::to_string(info.id);
    out.title = detail::to_string(info.title);
    out.owner = detail::to_string(info.owner);
    out.description = detail::to_string(info.description);
    out.matrix_id = detail::to_string(info.matrix_id);
    if (info.after_count != 0) out.after.assign(info.after, info.after + info.after_count);
    out.gate_count = info.gate_count;
    out.approval_count = info.approval_count;
    return out;
  }

  /// The stage `id` (after matrix expansion).
  /// @throws Error as stage_index().
  PlanStage stage(std::string_view id) const { return stage(stage_index(id)); }

  /// Gate `index` (below the stage's gate_count) of stage `stage`.
  /// @throws Error (ROLLGATE_EINVAL for an index out of range or an empty Plan).
  PlanGate gate(std::size_t stage, std::size_t index) const {
    rollgate_plan_gate_info info = ROLLGATE_PLAN_GATE_INFO_INIT;
    rollgate_error* err = nullptr;
    check(rollgate_plan_gate(&info, plan_.get(), stage, index, &err), err);
    PlanGate out;
    out.id = detail::to_string(info.id);
    out.name = detail::to_string(info.name);
    out.kind = static_cast<GateKind>(info.kind);
    out.expression = detail::to_string(info.expression);
    out.owner = detail::to_string(info.owner);
    out.category = detail::to_string(info.category);
    out.description = detail::to_string(info.description);
    out.weight = info.weight;
    if (info.has_hold_for) out.hold_for = Duration{info.hold_for_seconds, info.hold_for_nanos};
    return out;
  }

  /// Every fact declaration, in declaration order.
  /// @throws Error (ROLLGATE_ENOMEM).
  std::vector<FactDeclaration> facts() const {
    std::vector<FactDeclaration> out;
    const std::size_t n = rollgate_plan_fact_count(plan_.get());
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(fact_at(i));
    return out;
  }

  /// The declaration of fact `name`, in constant time.
  /// @throws Error with ROLLGATE_EINPUT when the plan does not declare it
  ///         (its problem's suggestion is the closest declared name).
  FactDeclaration fact(std::string_view name) const {
    std::size_t index = ROLLGATE_NO_INDEX;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_plan_fact_find(
        &index, plan_.get(), name.data() ? name.data() : "", name.size(), &err);
    check(status, err);
    return fact_at(index);
  }

  /// The native handle, borrowed: valid while this Plan (or a copy) lives.
  const rollgate_plan* native_handle() const noexcept { return plan_.get(); }

 private:
  FactDeclaration fact_at(std::size_t index) const {
    rollgate_fact_info info = ROLLGATE_FACT_INFO_INIT;
    rollgate_error* err = nullptr;
    check(rollgate_plan_fact(&info, plan_.get(), index, &err), err);
    FactDeclaration out;
    out.name = detail::to_string(info.name);
    out.type = detail::to_string(info.type);
    out.owner = detail::to_string(info.owner);
    out.unit = detail::to_string(info.unit);
    out.description = detail::to_string(info.description);
    if (info.has_max_age) out.max_age = Duration{info.max_age_seconds, info.max_age_nanos};
    return out;
  }

  std::shared_ptr<rollgate_plan> plan_;
};

}  // namespace rollgate

#endif  // ROLLGATE_PLAN_HPP
