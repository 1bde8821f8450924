#include "plan/definition_digest.hpp"

#include <boost/json/value.hpp>

#include "plan/digest.hpp"
#include "support/sha256.hpp"

namespace rollgate::plan {

std::string definition_digest(std::string_view expr, GateKind kind, OnUnknown on_unknown) {
  boost::json::object definition;
  definition["expr"] = expr;
  definition["kind"] = to_string(kind);
  definition["on_unknown"] = to_string(on_unknown);
  return "sha256:" + sha256_hex(canonical_json(definition));
}

}  // namespace rollgate::plan
