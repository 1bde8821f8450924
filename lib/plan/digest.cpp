#include "plan/digest.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>

#include "support/sha256.hpp"

namespace rollgate::plan {

namespace {

// Where a value stands in a plan document, as far as key order cares: a
// stage's `matrix` keeps its keys in written order, because that order
// makes the expansion ids (w-1-x is not w-x-1; DESIGN rules 3 and 15).
enum class Place { Other, PlanRoot, StageList, Stage, Matrix };

Place member_place(Place parent, std::string_view key) {
  if (parent == Place::PlanRoot && key == "stages") return Place::StageList;
  if (parent == Place::Stage && key == "matrix") return Place::Matrix;
  return Place::Other;
}

void write_canonical(const boost::json::value& v, std::string& out, Place place) {
  if (const auto* obj = v.if_object()) {
    std::vector<const boost::json::key_value_pair*> members;
    for (const auto& m : *obj) members.push_back(&m);
    if (place != Place::Matrix)
      std::sort(members.begin(), members.end(),
                [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    for (size_t i = 0; i < members.size(); ++i) {
      if (i) out += ',';
      out += boost::json::serialize(boost::json::value(members[i]->key()));
      out += ':';
      write_canonical(members[i]->value(), out, member_place(place, members[i]->key()));
    }
    out += '}';
  } else if (const auto* arr = v.if_array()) {
    Place element = place == Place::StageList ? Place::Stage : Place::Other;
    out += '[';
    for (size_t i = 0; i < arr->size(); ++i) {
      if (i) out += ',';
      write_canonical((*arr)[i], out, element);
    }
    out += ']';
  } else {
    out += boost::json::serialize(v);
  }
}

}  // namespace

std::string canonical_json(const boost::json::value& value) {
  std::string out;
  write_canonical(value, out, Place::Other);
  return out;
}

std::string plan_digest(const boost::json::value& plan) {
  std::string canonical;
  write_canonical(plan, canonical, Place::PlanRoot);
  return "sha256:" + sha256_hex(canonical);
}

}  // namespace rollgate::plan
