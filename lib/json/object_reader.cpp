#include "json/object_reader.hpp"

#include <algorithm>
#include <cmath>

#include "text/suggest.hpp"

namespace rollgate::json {

const char* kind_name(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null: return "null";
    case boost::json::kind::bool_: return "boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_: return "number";
    case boost::json::kind::string: return "string";
    case boost::json::kind::array: return "array";
    case boost::json::kind::object: return "object";
  }
  return "value";
}

ObjectReader::ObjectReader(const Document& doc, const boost::json::object& object,
                           std::string pointer, std::vector<Diagnostic>& diagnostics)
    : doc_(doc), object_(object), pointer_(std::move(pointer)), diagnostics_(diagnostics) {}

void ObjectReader::set_subject(std::string kind, std::string subject) {
  subject_kind_ = std::move(kind);
  subject_ = std::move(subject);
}

void ObjectReader::allow_only(std::initializer_list<std::string_view> fields) {
  for (const auto& member : object_) {
    std::string_view key(member.key().data(), member.key().size());
    if (std::find(fields.begin(), fields.end(), key) != fields.end()) continue;
    const std::vector<std::string> known(fields.begin(), fields.end());
    error_at(pointer(key), "unknown field '" + std::string(key) + "'" + text::did_you_mean(key, known),
             /*at_key=*/true);
  }
}

bool ObjectReader::has(std::string_view field) const { return get(field) != nullptr; }

const boost::json::value* ObjectReader::get(std::string_view field) const {
  return object_.if_contains(boost::json::string_view(field.data(), field.size()));
}

void ObjectReader::error(std::string_view field, std::string message) {
  error_at(field.empty() ? pointer_ : pointer(field), std::move(message));
}

void ObjectReader::error_at(std::string at, std::string message, bool at_key) {
  Diagnostic d = doc_.diagnostic_at(std::move(at), std::move(message), at_key);
  d.subject_kind = subject_kind_;
  d.subject = subject_;
  diagnostics_.push_back(std::move(d));
}

std::optional<std::string> ObjectReader::string(std::string_view field, bool required) {
  const boost::json::value* v = get(field);
  if (!v) {
    if (required) error("", "missing required field '" + std::string(field) + "'");
    return std::nullopt;
  }
  if (!v->is_string()) {
    error(field, "'" + std::string(field) + "' must be a string, not " + kind_name(*v));
    return std::nullopt;
  }
  return std::string(v->get_string());
}

std::optional<double> ObjectReader::number(std::string_view field, double min, double max) {
  const boost::json::value* v = get(field);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    error(field, "'" + std::string(field) + "' must be a number, not " + kind_name(*v));
    return std::nullopt;
  }
  double d = v->to_number<double>();
  if (!(d >= min && d <= max)) {
    error(field, "'" + std::string(field) + "' must be between " + std::to_string(min) +
                     " and " + std::to_string(max));
    return std::nullopt;
  }
  return d;
}

std::optional<int64_t> ObjectReader::integer(std::string_view field, int64_t min, int64_t max) {
  const boost::json::value* v = get(field);
  if (!v) return std::nullopt;
  std::optional<int64_t> value;
  if (v->is_int64()) value = v->get_int64();
  else if (v->is_uint64() && v->get_uint64() <= uint64_t(INT64_MAX)) value = int64_t(v->get_uint64());
  else if (v->is_double() && std::trunc(v->get_double()) == v->get_double() &&
           std::abs(v->get_double()) < 9.0e15)
    value = int64_t(v->get_double());
  if (!value || *value < min || *value > max) {
    error(field, "'" + std::string(field) + "' must be a whole number from " +
                     std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return value;
}

std::optional<cel::Duration> ObjectReader::duration(std::string_view field) {
  std::optional<std::string> text = string(field);
  if (!text) return std::nullopt;
  std::optional<cel::Duration> d = cel::parse_duration(*text);
  if (!d) error(field, "'" + *text + "' is not a duration (write it as CEL does: \"72h\", \"30m\", \"1.5h\")");
  return d;
}

std::optional<cel::Timestamp> ObjectReader::timestamp(std::string_view field) {
  std::optional<std::string> text = string(field);
  if (!text) return std::nullopt;
  std::optional<cel::Timestamp> t = cel::parse_timestamp(*text);
  if (!t) error(field, "'" + *text + "' is not an RFC 3339 timestamp (e.g. \"2026-11-22T10:00:00Z\")");
  return t;
}

std::optional<std::string> ObjectReader::choice(std::string_view field,
                                                std::initializer_list<std::string_view> choices) {
  std::optional<std::string> text = string(field);
  if (!text) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *text) != choices.end()) return text;
  std::string listed;
  for (std::string_view c : choices) listed += (listed.empty() ? "" : ", ") + std::string(c);
  error(field, "'" + std::string(field) + "' must be one of " + listed + ", not '" + *text + "'");
  return std::nullopt;
}

const boost::json::array* ObjectReader::array(std::string_view field, bool required) {
  const boost::json::value* v = get(field);
  if (!v) {
    if (required) error("", "missing required field '" + std::string(field) + "'");
    return nullptr;
  }
  if (!v->is_array()) {
    error(field, "'" + std::string(field) + "' must be an array, not " + kind_name(*v));
    return nullptr;
  }
  return &v->get_array();
}

const boost::json::object* ObjectReader::object(std::string_view field, bool required) {
  const boost::json::value* v = get(field);
  if (!v) {
    if (required) error("", "missing required field '" + std::string(field) + "'");
    return nullptr;
  }
  if (!v->is_object()) {
    error(field, "'" + std::string(field) + "' must be an object, not " + kind_name(*v));
    return nullptr;
  }
  return &v->get_object();
}

std::vector<std::string> ObjectReader::string_list(std::string_view field) {
  std::vector<std::string> out;
  const boost::json::array* items = array(field);
  if (!items) return out;
  for (size_t i = 0; i < items->size(); ++i) {
    const boost::json::value& item = (*items)[i];
    if (item.is_string()) out.emplace_back(item.get_string());
    else error_at(pointer_append(pointer(field), i), std::string("must be a string, not ") + kind_name(item));
  }
  return out;
}

}  // namespace rollgate::json
