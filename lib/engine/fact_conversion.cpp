#include "engine/fact_conversion.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <charconv>
#include <cmath>
#include <limits>

#include "json/located_json.hpp"
#include "json/whole_number.hpp"
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

Result mismatch(const boost::json::value& json, const cel::Type& type, std::string hint = "",
                DiagnosticKind kind = DiagnosticKind::WrongType) {
  std::string shown = shown_value(json);
  if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
  return ConversionError{"", "expected " + type.to_string() + ", got " + shown + hint, kind};
}

// Why a number is no int or uint fact (json/whole_number.hpp).
Result not_whole_number(const boost::json::value& j, const cel::Type& type, json::WholeNumber read,
                        std::string_view written) {
  const bool is_unsigned = type.kind() == Kind::Uint;
  switch (read) {
    case json::WholeNumber::NotWhole:
      return mismatch(j, type, is_unsigned ? " (uint facts take whole numbers from 0)"
                                           : " (int facts take whole numbers only)");
    case json::WholeNumber::OutOfRange:
      return mismatch(j, type, " (" + json::out_of_range_reason(j, is_unsigned, written) + ")",
                      DiagnosticKind::OutOfRange);
    default: return mismatch(j, type);
  }
}

// A double is read again from its text when there is one.
std::string_view written_number(const boost::json::value& j, const json::WrittenAt& at) {
  return j.is_double() ? at.number_text() : std::string_view();
}

Result to_int(const boost::json::value& j, const cel::Type& type, const json::WrittenAt& at) {
  int64_t value = 0;
  const std::string_view written = written_number(j, at);
  json::WholeNumber read = json::to_int64(j, value, written);
  if (read == json::WholeNumber::Ok) return cel::Value::int64(value);
  return not_whole_number(j, type, read, written);
}

Result to_uint(const boost::json::value& j, const cel::Type& type, const json::WrittenAt& at) {
  uint64_t value = 0;
  const std::string_view written = written_number(j, at);
  json::WholeNumber read = json::to_uint64(j, value, written);
  if (read == json::WholeNumber::Ok) return cel::Value::uint64(value);
  return not_whole_number(j, type, read, written);
}

// JSON has no infinity: a double that is one was written past the largest
// double (1e400) and overflowed while parsed; it is refused rather than
// taken as infinity without a word.
bool overflowed(const boost::json::value& j) { return j.is_double() && std::isinf(j.get_double()); }

ConversionError overflow_error(const json::WrittenAt& at) {
  const std::string_view written = at.number_text();
  return ConversionError{"",
                         (written.empty() ? std::string("a number") : "the number " + std::string(written)) +
                             " is beyond the range of a double (about ±1.8e308)",
                         DiagnosticKind::OutOfRange};
}

Result to_double(const boost::json::value& j, const cel::Type& type, const json::WrittenAt& at) {
  if (overflowed(j)) return overflow_error(at);
  if (j.is_number()) return cel::Value::double_value(j.to_number<double>());
  if (j.is_string()) {  // proto3 JSON spells the non-finite doubles as strings
    std::string_view s(j.get_string().data(), j.get_string().size());
    if (s == "NaN") return cel::Value::double_value(std::numeric_limits<double>::quiet_NaN());
    if (s == "Infinity") return cel::Value::double_value(std::numeric_limits<double>::infinity());
    if (s == "-Infinity") return cel::Value::double_value(-std::numeric_limits<double>::infinity());
  }
  return mismatch(j, type);
}

Result to_list(const boost::json::value& j, const cel::Type& type, const json::WrittenAt& at) {
  if (!j.is_array()) return mismatch(j, type);
  cel::ValueList items;
  const boost::json::array& arr = j.get_array();
  for (size_t i = 0; i < arr.size(); ++i) {
    Result item = json_to_value(arr[i], type.element(), at.element(i));
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
      // Keys are written as whole numbers, without fraction or exponent.
      if (parsed.is_double()) return std::nullopt;
      if (key_type.kind() == Kind::Int) {
        if (int64_t i = 0; json::to_int64(parsed, i) == json::WholeNumber::Ok) return cel::Value::int64(i);
      } else if (uint64_t u = 0; json::to_uint64(parsed, u) == json::WholeNumber::Ok) {
        return cel::Value::uint64(u);
      }
      return std::nullopt;
    }
    default: return std::nullopt;
  }
}

Result to_map(const boost::json::value& j, const cel::Type& type, const json::WrittenAt& at) {
  if (!j.is_object()) return mismatch(j, type);
  cel::MapEntries entries;
  for (const auto& member : j.get_object()) {
    std::string_view key(member.key().data(), member.key().size());
    std::string pointer = json::pointer_append("", key);
    std::optional<cel::Value> k = map_key(key, type.key());
    if (!k)
      return ConversionError{pointer, "key '" + std::string(key) + "' is not a " + type.key().to_string(),
                             DiagnosticKind::WrongType};
    Result v = json_to_value(member.value(), type.value(), at.member(key));
    if (auto* e = std::get_if<ConversionError>(&v)) {
      e->pointer = pointer + e->pointer;
      return v;
    }
    entries.emplace_back(std::move(*k), std::get<cel::Value>(std::move(v)));
  }
  return cel::Value::map(std::move(entries));
}

Result to_dyn(const boost::json::value& j, const json::WrittenAt& at) {
  switch (j.kind()) {
    case boost::json::kind::null: return cel::Value::null();
    case boost::json::kind::bool_: return cel::Value::boolean(j.get_bool());
    case boost::json::kind::int64: return cel::Value::int64(j.get_int64());
    case boost::json::kind::uint64: return cel::Value::uint64(j.get_uint64());
    case boost::json::kind::double_:
      if (overflowed(j)) return overflow_error(at);
      return cel::Value::double_value(j.get_double());
    case boost::json::kind::string: return cel::Value::string(std::string(j.get_string()));
    case boost::json::kind::array: return to_list(j, cel::Type::list(cel::Type::dyn()), at);
    case boost::json::kind::object:
      return to_map(j, cel::Type::map(cel::Type::string(), cel::Type::dyn()), at);
  }
  return cel::Value::null();
}

std::optional<std::string_view> string_of(const boost::json::value& j) {
  if (!j.is_string()) return std::nullopt;
  return std::string_view(j.get_string().data(), j.get_string().size());
}

}  // namespace

Result json_to_value(const boost::json::value& j, const cel::Type& type, const json::WrittenAt& at) {
  switch (type.kind()) {
    case Kind::Bool:
      if (j.is_bool()) return cel::Value::boolean(j.get_bool());
      return mismatch(j, type);
    case Kind::Int: return to_int(j, type, at);
    case Kind::Uint: return to_uint(j, type, at);
    case Kind::Double: return to_double(j, type, at);
    case Kind::String:
      if (auto s = string_of(j)) return cel::Value::string(std::string(*s));
      return mismatch(j, type);
    case Kind::Bytes:
      if (auto s = string_of(j))
        if (auto decoded = base64_decode(*s)) return cel::Value::bytes(std::move(*decoded));
      return mismatch(j, type, " (bytes are written in base64)",
                      j.is_string() ? DiagnosticKind::BadValue : DiagnosticKind::WrongType);
    case Kind::Timestamp:
      if (auto s = string_of(j))
        if (auto t = cel::parse_timestamp(*s)) return cel::Value::timestamp(*t);
      return mismatch(j, type, " (an RFC 3339 timestamp such as \"2026-11-22T10:00:00Z\")",
                      j.is_string() ? DiagnosticKind::BadValue : DiagnosticKind::WrongType);
    case Kind::Duration:
      if (auto s = string_of(j))
        if (auto d = cel::parse_duration(*s)) return cel::Value::duration(*d);
      return mismatch(j, type, " (a duration such as \"72h\" or \"30m\")",
                      j.is_string() ? DiagnosticKind::BadValue : DiagnosticKind::WrongType);
    case Kind::List: return to_list(j, type, at);
    case Kind::Map: return to_map(j, type, at);
    default: return to_dyn(j, at);
  }
}

}  // namespace rollgate::engine
