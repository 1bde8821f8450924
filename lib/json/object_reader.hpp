// Reads the members of one JSON object of an input document, checking
// names and types and recording a located Diagnostic for every problem, so
// that loaders can report all problems at once instead of the first.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cel/common/time.hpp"
#include "json/located_json.hpp"
#include "support/diagnostic.hpp"

namespace rollgate::json {

class ObjectReader {
 public:
  ObjectReader(const Document& doc, const boost::json::object& object, std::string pointer,
               std::vector<Diagnostic>& diagnostics);

  // Labels every diagnostic of this reader, e.g. ("gate", "pilot/uptime").
  void set_subject(std::string kind, std::string subject);

  // Reports every member not in `fields` as an unknown field, suggesting the
  // closest known one.
  void allow_only(std::initializer_list<std::string_view> fields);

  bool has(std::string_view field) const;
  const boost::json::value* get(std::string_view field) const;
  std::string pointer() const { return pointer_; }
  std::string pointer(std::string_view field) const { return pointer_append(pointer_, field); }

  // Typed getters: nullopt when absent (reported when `required`) or of the
  // wrong type (always reported).
  std::optional<std::string> string(std::string_view field, bool required = false);
  std::optional<double> number(std::string_view field, double min, double max);
  std::optional<int64_t> integer(std::string_view field, int64_t min, int64_t max);
  // Durations in rollgate's documents are ages and holds (max_age,
  // hold_for): a negative one is refused.
  std::optional<cel::Duration> duration(std::string_view field);
  std::optional<cel::Timestamp> timestamp(std::string_view field);
  // One of `choices`; reports anything else, listing the choices.
  std::optional<std::string> choice(std::string_view field,
                                    std::initializer_list<std::string_view> choices);
  const boost::json::array* array(std::string_view field, bool required = false);
  const boost::json::object* object(std::string_view field, bool required = false);
  // An array of strings (non-strings are reported and skipped).
  std::vector<std::string> string_list(std::string_view field);

  // Records a problem of `kind` located at `field`'s value ("" = the object
  // itself), labelled with the reader's subject.
  void error(DiagnosticKind kind, std::string_view field, std::string message);
  // Records a problem of `kind` at an arbitrary pointer of the document.
  void error_at(DiagnosticKind kind, std::string pointer, std::string message, bool at_key = false);
  // Records a problem already made (kind and location set), labelled with
  // the reader's subject.
  void add(Diagnostic d);

 private:
  void missing(std::string_view field);  // "missing required field 'x'"
  void wrong_type(std::string_view field, const char* wanted, const boost::json::value& v);

  const Document& doc_;
  const boost::json::object& object_;
  std::string pointer_;
  std::vector<Diagnostic>& diagnostics_;
  std::string subject_kind_;
  std::string subject_;
};

// "string", "number", "object", ... for messages.
const char* kind_name(const boost::json::value& v);

}  // namespace rollgate::json
