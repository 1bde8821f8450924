#include "diff/same_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace rollgate::diff {

namespace {

bool same_object(const boost::json::object& a, const boost::json::object& b) noexcept {
  if (a.size() != b.size()) return false;
  for (const boost::json::key_value_pair& member : a) {  // by reference: no copy
    const boost::json::value* other = b.if_contains(member.key());
    if (!other || !same_json(member.value(), *other)) return false;
  }
  return true;
}

bool same_array(const boost::json::array& a, const boost::json::array& b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same_json(a[i], b[i])) return false;
  return true;
}

}  // namespace

bool same_json(const boost::json::value& a, const boost::json::value& b) noexcept {
  if (a.is_object() && b.is_object()) return same_object(a.get_object(), b.get_object());
  if (a.is_array() && b.is_array()) return same_array(a.get_array(), b.get_array());
  if (a.is_structured() || b.is_structured()) return false;
  return a == b;  // scalars: Boost compares them without allocating
}

}  // namespace rollgate::diff
