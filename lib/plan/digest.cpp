#include "plan/digest.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>

#include "support/sha256.hpp"

namespace rollgate::plan {

namespace {

void write_canonical(const boost::json::value& v, std::string& out) {
  if (const auto* obj = v.if_object()) {
    std::vector<const boost::json::key_value_pair*> members;
    for (const auto& m : *obj) members.push_back(&m);
    std::sort(members.begin(), members.end(),
              [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    for (size_t i = 0; i < members.size(); ++i) {
      if (i) out += ',';
      out += boost::json::serialize(boost::json::value(members[i]->key()));
      out += ':';
      write_canonical(members[i]->value(), out);
    }
    out += '}';
  } else if (const auto* arr = v.if_array()) {
    out += '[';
    for (size_t i = 0; i < arr->size(); ++i) {
      if (i) out += ',';
      write_canonical((*arr)[i], out);
    }
    out += ']';
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

std::string canonical_json(const boost::json::value& value) {
  std::string out;
  write_canonical(value, out);
  return out;
}

std::string plan_digest(const boost::json::value& plan) {
  return "sha256:" + sha256_hex(canonical_json(plan));
}

}  // namespace rollgate::plan
