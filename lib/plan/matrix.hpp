// Matrix stages: one stage expanded into one copy per combination of
// values, with ${key} replaced in every string of the copy.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
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
