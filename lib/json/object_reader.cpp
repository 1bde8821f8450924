#include "json/object_reader.hpp"

#include <algorithm>

#include "json/whole_number.hpp"
#include "text/suggest.hpp"
#include "support/gcc_restrict_false_positive.hpp"

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
    std::string match = text::closest_match(key, known);
    Diagnostic d = doc_.diagnostic_at(DiagnosticKind::UnknownField, pointer(key),
                                      "unknown field '" + std::string(key) + "'" +
                                          text::did_you_mean_words(match),
                                      /*at_key=*/true);
    d.suggestion = std::move(match);
    add(std::move(d));
  }
}

bool ObjectReader::has(std::string_view field) const { return get(field) != nullptr; }

const boost::json::value* ObjectReader::get(std::string_view field) const {
  return object_.if_contains(boost::json::string_view(field.data(), field.size()));
}

void ObjectReader::error(DiagnosticKind kind, std::string_view field, std::string message) {
  error_at(kind, field.empty() ? pointer_ : pointer(field), std::move(message));
}

void ObjectReader::error_at(DiagnosticKind kind, std::string at, std::string message, bool at_key) {
  add(doc_.diagnostic_at(kind, std::move(at), std::move(message), at_key));
}

void ObjectReader::add(Diagnostic d) {
  d.subject_kind = subject_kind_;
  d.subject = subject_;
  diagnostics_.push_back(std::move(d));
}

void ObjectReader::missing(std::string_view field) {
  error(DiagnosticKind::MissingField, "", "missing required field '" + std::string(field) + "'");
}

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
void ObjectReader::wrong_type(std::string_view field, const char* wanted, const boost::json::value& v) {
  error(DiagnosticKind::WrongType, field,
        "'" + std::string(field) + "' must be " + wanted + ", not " + kind_name(v));
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

std::optional<std::string> ObjectReader::string(std::string_view field, bool required) {
  const boost::json::value* v = get(field);
  if (!v) {
    if (required) missing(field);
    return std::nullopt;
  }
  if (!v->is_string()) {
    wrong_type(field, "a string", *v);
    return std::nullopt;
  }
  return std::string(v->get_string());
}

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
std::optional<double> ObjectReader::number(std::string_view field, double min, double max) {
  const boost::json::value* v = get(field);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    wrong_type(field, "a number", *v);
    return std::nullopt;
  }
  double d = v->to_number<double>();
  if (!(d >= min && d <= max)) {
    error(DiagnosticKind::OutOfRange, field,
          "'" + std::string(field) + "' must be between " + std::to_string(min) + " and " +
              std::to_string(max));
    return std::nullopt;
  }
  return d;
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
std::optional<int64_t> ObjectReader::integer(std::string_view field, int64_t min, int64_t max) {
  const boost::json::value* v = get(field);
  if (!v) return std::nullopt;
  int64_t value = 0;
  WholeNumber read = to_int64(*v, value, v->is_double() ? doc_.map.number_text(pointer(field)) : "");
  if (read != WholeNumber::Ok || value < min || value > max) {
    DiagnosticKind kind = read == WholeNumber::NotANumber || read == WholeNumber::NotWhole
                              ? DiagnosticKind::WrongType
                              : DiagnosticKind::OutOfRange;
    error(kind, field,
          "'" + std::string(field) + "' must be a whole number from " + std::to_string(min) + " to " +
              std::to_string(max));
    return std::nullopt;
  }
  return value;
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

std::optional<cel::Duration> ObjectReader::duration(std::string_view field) {
  std::optional<std::string> text = string(field);
  if (!text) return std::nullopt;
  std::optional<cel::Duration> d = cel::parse_duration(*text);
  if (!d) {
    error(DiagnosticKind::BadValue, field,
          "'" + *text + "' is not a duration (write it as CEL does: \"72h\", \"30m\", \"1.5h\")");
  } else if (*d < cel::Duration{}) {
    // Appended rather than "'" + std::string(...): GCC 12 at -O3 reports a
    // false -Wrestrict in that operator+ (support/gcc_restrict_false_positive.hpp).
    error(DiagnosticKind::OutOfRange, field,
          std::string("'").append(field).append("' must not be negative, not '").append(*text).append("'"));
    return std::nullopt;
  }
  return d;
}

std::optional<cel::Timestamp> ObjectReader::timestamp(std::string_view field) {
  std::optional<std::string> text = string(field);
  if (!text) return std::nullopt;
  std::optional<cel::Timestamp> t = cel::parse_timestamp(*text);
  if (!t)
    error(DiagnosticKind::BadValue, field,
          "'" + *text + "' is not an RFC 3339 timestamp (e.g. \"2026-11-22T10:00:00Z\")");
  return t;
}

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
std::optional<std::string> ObjectReader::choice(std::string_view field,
                                                std::initializer_list<std::string_view> choices) {
  std::optional<std::string> text = string(field);
  if (!text) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *text) != choices.end()) return text;
  std::string listed;
  for (std::string_view c : choices) listed += (listed.empty() ? "" : ", ") + std::string(c);
  error(DiagnosticKind::BadValue, field,
        "'" + std::string(field) + "' must be one of " + listed + ", not '" + *text + "'");
  return std::nullopt;
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

const boost::json::array* ObjectReader::array(std::string_view field, bool required) {
  const boost::json::value* v = get(field);
  if (!v) {
    if (required) missing(field);
    return nullptr;
  }
  if (!v->is_array()) {
    wrong_type(field, "an array", *v);
    return nullptr;
  }
  return &v->get_array();
}

const boost::json::object* ObjectReader::object(std::string_view field, bool required) {
  const boost::json::value* v = get(field);
  if (!v) {
    if (required) missing(field);
    return nullptr;
  }
  if (!v->is_object()) {
    wrong_type(field, "an object", *v);
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
    else
      error_at(DiagnosticKind::WrongType, pointer_append(pointer(field), i),
               std::string("must be a string, not ") + kind_name(item));
  }
  return out;
}

}  // namespace rollgate::json
