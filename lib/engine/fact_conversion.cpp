#include "engine/fact_conversion.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>
#include <cmath>
#include <limits>

#include "json/located_json.hpp"
#include "support/base64.hpp"

namespace rollgate::engine {

namespace {

using Result = std::variant<cel::Value, ConversionError>;
using Kind = cel::Type::Kind;

// The value as the person wrote it: 3.5, not Boost's 3.5E0.
std::string shown_value(const boost::json::value& json) {
  if (!json.is_double()) return boost::json::serialize(json);
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, json.get_double());
  return std::string(buffer, result.ptr);
}

Result mismatch(const boost::json::value& json, const cel::Type& type, std::string hint = "") {
  std::string shown = shown_value(json);
  if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
  return ConversionError{"", "expected " + type.to_string() + ", got " + shown + hint};
}

// An integral JSON number as int64 (doubles count when exactly integral).
std::optional<int64_t> integral_int(const boost::json::value& j) {
  if (j.is_int64()) return j.get_int64();
  if (j.is_uint64() && j.get_uint64() <= uint64_t(std::numeric_limits<int64_t>::max()))
    return int64_t(j.get_uint64());
  if (j.is_double()) {
    double d = j.get_double();
    if (std::trunc(d) == d && d >= -9.2233720368547758e18 && d < 9.2233720368547758e18) return int64_t(d);
  }
  return std::nullopt;
}

std::optional<uint64_t> integral_uint(const boost::json::value& j) {
  if (j.is_uint64()) return j.get_uint64();
  if (j.is_int64() && j.get_int64() >= 0) return uint64_t(j.get_int64());
  if (j.is_double()) {
    double d = j.get_double();
    if (std::trunc(d) == d && d >= 0 && d < 1.8446744073709552e19) return uint64_t(d);
  }
  return std::nullopt;
}

Result to_double(const boost::json::value& j, const cel::Type& type) {
  if (j.is_number()) return cel::Value::double_value(j.to_number<double>());
  if (j.is_string()) {  // proto3 JSON spells the non-finite doubles as strings
    std::string_view s(j.get_string().data(), j.get_string().size());
    if (s == "NaN") return cel::Value::double_value(std::numeric_limits<double>::quiet_NaN());
    if (s == "Infinity") return cel::Value::double_value(std::numeric_limits<double>::infinity());
    if (s == "-Infinity") return cel::Value::double_value(-std::numeric_limits<double>::infinity());
  }
  return mismatch(j, type);
}

Result to_list(const boost::json::value& j, const cel::Type& type) {
  if (!j.is_array()) return mismatch(j, type);
  cel::ValueList items;
  const boost::json::array& arr = j.get_array();
  for (size_t i = 0; i < arr.size(); ++i) {
    Result item = json_to_value(arr[i], type.element());
    if (auto* e = std::get_if<ConversionError>(&item)) {
      e->pointer = json::pointer_append("", i) + e->pointer;
      return item;
    }
    items.push_back(std::get<cel::Value>(std::move(item)));
  }
  return cel::Value::list(std::move(items));
}

// JSON object keys are strings; a map with int, uint or bool keys reads them
// as proto3 JSON does ("1", "true").
std::optional<cel::Value> map_key(std::string_view key, const cel::Type& key_type) {
  switch (key_type.kind()) {
    case Kind::String:
    case Kind::Dyn: return cel::Value::string(std::string(key));
    case Kind::Bool:
      if (key == "true") return cel::Value::boolean(true);
      if (key == "false") return cel::Value::boolean(false);
      return std::nullopt;
    case Kind::Int:
    case Kind::Uint: {
      boost::system::error_code ec;
      boost::json::value parsed = boost::json::parse(key, ec);
      if (ec) return std::nullopt;
      if (key_type.kind() == Kind::Int) {
        if (auto i = integral_int(parsed); i && parsed.is_int64()) return cel::Value::int64(*i);
      } else if (auto u = integral_uint(parsed); u && !parsed.is_double()) {
        return cel::Value::uint64(*u);
      }
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

Result to_map(const boost::json::value& j, const cel::Type& type) {
  if (!j.is_object()) return mismatch(j, type);
  cel::MapEntries entries;
  for (const auto& member : j.get_object()) {
    std::string_view key(member.key().data(), member.key().size());
    std::string pointer = json::pointer_append("", key);
    std::optional<cel::Value> k = map_key(key, type.key());
    if (!k) return ConversionError{pointer, "key '" + std::string(key) + "' is not a " + type.key().to_string()};
    Result v = json_to_value(member.value(), type.value());
    if (auto* e = std::get_if<ConversionError>(&v)) {
      e->pointer = pointer + e->pointer;
      return v;
    }
    entries.emplace_back(std::move(*k), std::get<cel::Value>(std::move(v)));
  }
  return cel::Value::map(std::move(entries));
}

Result to_dyn(const boost::json::value& j) {
  switch (j.kind()) {
    case boost::json::kind::null: return cel::Value::null();
    case boost::json::kind::bool_: return cel::Value::boolean(j.get_bool());
    case boost::json::kind::int64: return cel::Value::int64(j.get_int64());
    case boost::json::kind::uint64: return cel::Value::uint64(j.get_uint64());
    case boost::json::kind::double_: return cel::Value::double_value(j.get_double());
    case boost::json::kind::string: return cel::Value::string(std::string(j.get_string()));
    case boost::json::kind::array: return to_list(j, cel::Type::list(cel::Type::dyn()));
    case boost::json::kind::object:
      return to_map(j, cel::Type::map(cel::Type::string(), cel::Type::dyn()));
  }
  return cel::Value::null();
}

std::optional<std::string_view> string_of(const boost::json::value& j) {
  if (!j.is_string()) return std::nullopt;
  return std::string_view(j.get_string().data(), j.get_string().size());
}

}  // namespace

Result json_to_value(const boost::json::value& j, const cel::Type& type) {
  switch (type.kind()) {
    case Kind::Bool:
      if (j.is_bool()) return cel::Value::boolean(j.get_bool());
      return mismatch(j, type);
    case Kind::Int:
      if (auto i = integral_int(j)) return cel::Value::int64(*i);
      return mismatch(j, type, j.is_number() ? " (int facts take whole numbers only)" : "");
    case Kind::Uint:
      if (auto u = integral_uint(j)) return cel::Value::uint64(*u);
      return mismatch(j, type, j.is_number() ? " (uint facts take whole numbers from 0)" : "");
    case Kind::Double: return to_double(j, type);
    case Kind::String:
      if (auto s = string_of(j)) return cel::Value::string(std::string(*s));
      return mismatch(j, type);
    case Kind::Bytes:
      if (auto s = string_of(j))
        if (auto decoded = base64_decode(*s)) return cel::Value::bytes(std::move(*decoded));
      return mismatch(j, type, " (bytes are written in base64)");
    case Kind::Timestamp:
      if (auto s = string_of(j))
        if (auto t = cel::parse_timestamp(*s)) return cel::Value::timestamp(*t);
      return mismatch(j, type, " (an RFC 3339 timestamp such as \"2026-11-22T10:00:00Z\")");
    case Kind::Duration:
      if (auto s = string_of(j))
        if (auto d = cel::parse_duration(*s)) return cel::Value::duration(*d);
      return mismatch(j, type, " (a duration such as \"72h\" or \"30m\")");
    case Kind::List: return to_list(j, type);
    case Kind::Map: return to_map(j, type);
    default: return to_dyn(j);
  }
}

}  // namespace rollgate::engine
