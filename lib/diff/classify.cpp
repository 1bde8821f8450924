#include "diff/classify.hpp"

namespace rollgate::diff {

namespace {

ChangeClass tightened_if(bool tighter) { return tighter ? ChangeClass::Tightened : ChangeClass::Loosened; }

int rank(plan::GateKind kind) {
  switch (kind) {
    case plan::GateKind::Advisory:
      return 0;
    case plan::GateKind::Should:
      return 1;
    case plan::GateKind::Must:
      return 2;
  }
  return 0;
}

}  // namespace

const char* to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::Added:
      return "added";
    case ChangeKind::Removed:
      return "removed";
    case ChangeKind::Modified:
      return "modified";
  }
  return "modified";
}

const char* to_string(ChangeClass cls) {
  switch (cls) {
    case ChangeClass::Tightened:
      return "tightened";
    case ChangeClass::Loosened:
      return "loosened";
    case ChangeClass::Changed:
      return "changed";
  }
  return "changed";
}

ChangeClass by_presence(ChangeKind change) {
  if (change == ChangeKind::Modified) return ChangeClass::Changed;
  return tightened_if(change == ChangeKind::Added);
}

ChangeClass higher_is_tighter(double from, double to) { return tightened_if(to > from); }

ChangeClass longer_is_tighter(const std::optional<cel::Duration>& from,
                              const std::optional<cel::Duration>& to) {
  cel::Duration none{};
  return tightened_if(to.value_or(none) > from.value_or(none));
}

ChangeClass shorter_is_tighter(const std::optional<cel::Duration>& from,
                               const std::optional<cel::Duration>& to) {
  if (!from) return ChangeClass::Tightened;
  if (!to) return ChangeClass::Loosened;
  return tightened_if(*to < *from);
}

ChangeClass by_kind(plan::GateKind from, plan::GateKind to) { return tightened_if(rank(to) > rank(from)); }

ChangeClass by_on_unknown(plan::OnUnknown from, plan::OnUnknown to) {
  if (to == plan::OnUnknown::Ignore) return ChangeClass::Loosened;
  if (from == plan::OnUnknown::Ignore) return ChangeClass::Tightened;
  return ChangeClass::Changed;
}

ChangeClass by_join(plan::Join from, plan::Join to) {
  (void)from;
  return tightened_if(to == plan::Join::All);
}

ChangeClass by_order(bool from_sequential, bool to_sequential) {
  (void)from_sequential;
  return tightened_if(to_sequential);
}

}  // namespace rollgate::diff
