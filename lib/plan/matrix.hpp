// Matrix stages: one stage expanded into one copy per combination of
// values, with ${key} replaced in every string of the copy.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rollgate::plan {

struct MatrixBinding {
  std::string key;
  std::string value;  // numbers as written in JSON: 1, 2.5
};
using MatrixCombination = std::vector<MatrixBinding>;

// A string after ${key} substitution.
struct Substitution {
  std::string text;
  // For each byte of `text` (and one past the end), the byte of the
  // original string it came from, so errors in substituted CEL can be
  // located in the plan file.
  std::vector<size_t> source_offsets;
  std::vector<std::string> unknown_keys;  // ${name}s with no binding
};

Substitution substitute(std::string_view text, const MatrixCombination& bindings);
// As substitute(), the text alone: no source offsets (8 bytes a byte) to
// build for text that is never located.
std::string substitute_text(std::string_view text, const MatrixCombination& bindings);

// The size of a stage's copies, known before any is made, so that a matrix
// whose substituted strings would take gigabytes is refused, not built.  One
// pass over the stage counts its string bytes and each ${name}'s uses; an
// expansion's size is then those bytes with every bound ${key} replaced by
// its value's length.  `skip_member` (the id) is left out, as in
// substitute_all().
class ExpansionSize {
 public:
  ExpansionSize(const boost::json::object& stage, std::string_view skip_member);

  // The bytes of all the strings of the expansion for `combination`.
  size_t bytes(const MatrixCombination& combination) const;

 private:
  void count(const boost::json::value& v);

  size_t written_bytes_ = 0;  // every string as written, placeholders included
  std::unordered_map<std::string, size_t> uses_;  // ${name} -> how many times
};

// A ${name} that names no binding, found anywhere in `value`.
struct UnboundPlaceholder {
  std::string pointer;  // relative to `value`, e.g. "/gates/0/expr"
  std::string name;
};

// A deep copy of `value` with every string substituted (object keys are
// left alone); `skip_member` names a top-level member copied unchanged.
boost::json::value substitute_all(const boost::json::value& value,
                                  const MatrixCombination& bindings,
                                  std::string_view skip_member,
                                  std::vector<UnboundPlaceholder>& unbound);

// Whether substitute_all() would change or report anything in `value` (an
// object):
// whether any string outside `skip_member` holds a "${...}".  When not, the
// value can be used as it is, without a copy.
bool has_placeholders(const boost::json::object& value, std::string_view skip_member);

// The id of one expansion: "<id>-<v1>-<v2>...".
std::string expansion_id(std::string_view id, const MatrixCombination& combination);

}  // namespace rollgate::plan
