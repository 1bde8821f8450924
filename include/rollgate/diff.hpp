// rollgate/diff.hpp — comparing two plans.
#ifndef ROLLGATE_DIFF_HPP
#define ROLLGATE_DIFF_HPP

#include <rollgate/error.hpp>
#include <rollgate/plan.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace rollgate {

/// How a document is rendered.
enum class Format { Json = ROLLGATE_FORMAT_JSON, Text = ROLLGATE_FORMAT_TEXT };

/// The changes between two plans (DESIGN rule 20; docs/DIFF.md).
struct Diff {
  /// The rendered diff: JSON {"old", "new", "changes", "loosened"}, or text
  /// for people (loosened changes first, one per line).
  std::string text;
  /// True when some change loosens a definition of good: what
  /// `rollgate diff` exits 1 for.
  bool loosened = false;
};

/// Compares `old_plan` with `new_plan` as written: every change to a
/// stage, gate, fact or plan field, classed as tightened, loosened or
/// changed.
/// @throws Error (ROLLGATE_EINVAL for an empty Plan, ROLLGATE_ENOMEM).
inline Diff diff(const Plan& old_plan, const Plan& new_plan, Format format = Format::Json) {
  char* raw = nullptr;
  std::size_t len = 0;
  std::int32_t loosened = 0;
  rollgate_error* err = nullptr;
  const rollgate_status status =
      rollgate_plan_diff(&raw, &len, &loosened, old_plan.native_handle(), new_plan.native_handle(),
                         static_cast<rollgate_format>(format), &err);
  std::unique_ptr<char, void (*)(char*)> buffer(raw, [](char* p) { rollgate_free(p); });
  check(status, err);
  return Diff{buffer ? std::string(buffer.get(), len) : std::string(), loosened != 0};
}

}  // namespace rollgate

#endif  // ROLLGATE_DIFF_HPP
