// Reading members of the JSON documents the library writes (reports,
// expression probes, inputs) without throwing on an absent or null one:
// the command line renders what is there.
#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <string_view>

namespace rollgate::cli {

// The string member `key`, or "" when it is absent, null or not a string.
inline std::string text_of(const boost::json::object& o, std::string_view key) {
  const boost::json::value* value = o.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

// The bool member `key`, false when it is absent or not a bool.
inline bool bool_of(const boost::json::object& o, std::string_view key) {
  const boost::json::value* value = o.if_contains(key);
  return value && value->is_bool() && value->get_bool();
}

}  // namespace rollgate::cli
