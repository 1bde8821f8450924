#include "engine/identical_values.hpp"

#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

namespace rollgate::engine {

namespace {

using Pair = std::pair<const cel::Value*, const cel::Value*>;

// Compares the parts of `a` and `b` that are not values themselves, and
// pushes their pairs of child values for comparing later.
bool same_shell(const cel::Value& a, const cel::Value& b, std::vector<Pair>& pending) {
  using Kind = cel::Value::Kind;
  if (a.kind() != b.kind()) return false;
  if (a.is_optional()) {
    if (a.has_optional_value() != b.has_optional_value()) return false;
    if (a.has_optional_value()) pending.emplace_back(&a.optional_value(), &b.optional_value());
    return true;
  }
  switch (a.kind()) {
    case Kind::Null: return true;
    case Kind::Bool: return a.as_bool() == b.as_bool();
    case Kind::Int: return a.as_int() == b.as_int();
    case Kind::Uint: return a.as_uint() == b.as_uint();
    case Kind::Double: return std::bit_cast<uint64_t>(a.as_double()) == std::bit_cast<uint64_t>(b.as_double());
    case Kind::String:
    case Kind::Bytes: return a.as_string() == b.as_string();
    case Kind::Timestamp: return a.as_timestamp() == b.as_timestamp();
    case Kind::Duration: return a.as_duration() == b.as_duration();
    case Kind::List: {
      const cel::ValueList& x = a.as_list();
      const cel::ValueList& y = b.as_list();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) pending.emplace_back(&x[i], &y[i]);
      return true;
    }
    case Kind::Map: {
      const cel::MapEntries& x = a.as_map();
      const cel::MapEntries& y = b.as_map();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        pending.emplace_back(&x[i].first, &y[i].first);
        pending.emplace_back(&x[i].second, &y[i].second);
      }
      return true;
    }
    case Kind::Type: return a.as_type() == b.as_type();
    case Kind::Error: return a.error_message() == b.error_message();
    case Kind::Unknown: return a.unknown_slots() == b.unknown_slots();
  }
  return false;
}

}  // namespace

bool identical_values(const cel::Value& a, const cel::Value& b) {
  std::vector<Pair> pending{{&a, &b}};
  while (!pending.empty()) {
    const auto [x, y] = pending.back();
    pending.pop_back();
    if (!same_shell(*x, *y, pending)) return false;
  }
  return true;
}

}  // namespace rollgate::engine
