// The diff for people: what loosens first, since that is what needs the
// closest look.
#include <array>

#include "diff/diff.hpp"
#include "diff/json_values.hpp"

namespace rollgate::diff {

namespace {

const char* subject_word(Subject subject) {
  switch (subject) {
    case Subject::Plan:
      return "plan";
    case Subject::Fact:
      return "fact";
    case Subject::Stage:
      return "stage";
    case Subject::Gate:
      return "gate";
  }
  return "plan";
}

// "expr: a → b", "after added: pilot", or "gate removed".
std::string describe(const Change& c) {
  if (!c.field) return std::string(subject_word(c.subject)) + " " + to_string(c.change);
  switch (c.change) {
    case ChangeKind::Added:
      return *c.field + " added: " + one_line(c.to);
    case ChangeKind::Removed:
      return *c.field + " removed: " + one_line(c.from);
    case ChangeKind::Modified:
      break;
  }
  return *c.field + ": " + one_line(c.from) + " \u2192 " + one_line(c.to);
}

std::string padded(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

}  // namespace

std::string to_text(const PlanDiff& diff) {
  std::string out = "plan diff " + diff.old_digest + " \u2192 " + diff.new_digest + "\n";
  constexpr std::array<ChangeClass, 3> kOrder{ChangeClass::Loosened, ChangeClass::Tightened,
                                              ChangeClass::Changed};
  std::array<size_t, 3> counts{};
  for (size_t k = 0; k < kOrder.size(); ++k) {
    for (const Change& c : diff.changes) {
      if (c.cls != kOrder[k]) continue;
      ++counts[k];
      out += padded(to_string(c.cls), 11) + c.id + "  " + describe(c) + "\n";
    }
  }
  if (diff.changes.empty()) return out + "no changes\n";
  size_t total = diff.changes.size();
  out += std::to_string(total) + (total == 1 ? " change: " : " changes: ") + std::to_string(counts[0]) +
         " loosened, " + std::to_string(counts[1]) + " tightened, " + std::to_string(counts[2]) +
         " changed\n";
  return out;
}

}  // namespace rollgate::diff
