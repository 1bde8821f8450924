#include "plan/definition_digest.hpp"

#include "plan/digest.hpp"
#include "support/sha256.hpp"

namespace rollgate::plan {

std::string definition_digest(std::string_view expr, GateKind kind, OnUnknown on_unknown) {
  // The canonical JSON of {"expr": .., "kind": .., "on_unknown": ..} (keys
  // sorted), hashed as it is written rather than built as a JSON object.
  std::string quoted;
  append_json_string(quoted, expr);
  Sha256 hasher;
  hasher.update("{\"expr\":");
  hasher.update(quoted);
  hasher.update(",\"kind\":\"");
  hasher.update(to_string(kind));
  hasher.update("\",\"on_unknown\":\"");
  hasher.update(to_string(on_unknown));
  hasher.update("\"}");
  std::string out;
  out.reserve(71);
  out += "sha256:";
  hasher.append_hex(out);
  return out;
}

}  // namespace rollgate::plan
