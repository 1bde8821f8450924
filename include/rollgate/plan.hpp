// rollgate/plan.hpp — compiled plans.
#ifndef ROLLGATE_PLAN_HPP
#define ROLLGATE_PLAN_HPP

#include <rollgate/error.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate {

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
  static Plan compile(std::string_view json, std::string_view file_name = "plan.json") {
    const std::string file(file_name);
    rollgate_plan* out = nullptr;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_plan_compile(
        &out, json.data() ? json.data() : "", json.size(), file.c_str(), &err);
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

  /// The native handle, borrowed: valid while this Plan (or a copy) lives.
  const rollgate_plan* native_handle() const noexcept { return plan_.get(); }

 private:
  std::shared_ptr<rollgate_plan> plan_;
};

}  // namespace rollgate

#endif  // ROLLGATE_PLAN_HPP
