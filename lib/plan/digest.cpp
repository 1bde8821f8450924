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

bool json_string_is_plain(std::string_view s) {
  // As boost::json::serialize writes strings: only '"', '\\' and control
  // characters are escaped.
  for (const char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\') return false;
  return true;
}

// Canonical text goes to `out`; with a hasher, `out` is a buffer handed to
// the hasher whenever it grows large, so that the whole text never exists.
struct Sink {
  std::string& out;
  Sha256* hasher = nullptr;

  void maybe_flush() {
    if (hasher && out.size() >= (1u << 16)) {
      hasher->update(out);
      out.clear();
    }
  }
};

void write_canonical(const boost::json::value& v, Sink& sink, Place place) {
  std::string& out = sink.out;
  if (const auto* obj = v.if_object()) {
    std::vector<const boost::json::key_value_pair*> members;
    members.reserve(obj->size());
    for (const auto& m : *obj) members.push_back(&m);
    if (place != Place::Matrix)
      std::sort(members.begin(), members.end(),
                [](const auto* a, const auto* b) { return a->key() < b->key(); });
    out += '{';
    for (size_t i = 0; i < members.size(); ++i) {
      if (i) out += ',';
      const boost::json::string_view key = members[i]->key();
      append_json_string(out, std::string_view(key.data(), key.size()));
      out += ':';
      write_canonical(members[i]->value(), sink, member_place(place, key));
    }
    out += '}';
  } else if (const auto* arr = v.if_array()) {
    Place element = place == Place::StageList ? Place::Stage : Place::Other;
    out += '[';
    for (size_t i = 0; i < arr->size(); ++i) {
      if (i) out += ',';
      write_canonical((*arr)[i], sink, element);
    }
    out += ']';
  } else if (const auto* s = v.if_string()) {
    append_json_string(out, std::string_view(s->data(), s->size()));
  } else if (v.is_int64()) {
    out += std::to_string(v.get_int64());
  } else if (v.is_uint64()) {
    out += std::to_string(v.get_uint64());
  } else if (v.is_bool()) {
    out += v.get_bool() ? "true" : "false";
  } else if (v.is_null()) {
    out += "null";
  } else {
    out += boost::json::serialize(v);
  }
  sink.maybe_flush();
}

}  // namespace


void append_json_string(std::string& out, std::string_view s) {
  if (!json_string_is_plain(s)) {  // rare: let Boost.JSON escape it
    out += boost::json::serialize(boost::json::string_view(s.data(), s.size()));
    return;
  }
  out += '"';
  out += s;
  out += '"';
}

std::string canonical_json(const boost::json::value& value) {
  std::string out;
  Sink sink{out};
  write_canonical(value, sink, Place::Other);
  return out;
}

std::string plan_digest(const boost::json::value& plan) {
  Sha256 hasher;
  std::string buffer;
  buffer.reserve(1u << 17);
  Sink sink{buffer, &hasher};
  write_canonical(plan, sink, Place::PlanRoot);
  hasher.update(buffer);
  std::string out = "sha256:";
  hasher.append_hex(out);
  return out;
}

}  // namespace rollgate::plan
