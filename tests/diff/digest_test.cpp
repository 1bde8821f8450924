// The plan digest keeps a matrix's key order (DESIGN rules 3 and 15): it
// decides the expansion ids, so it is content, not layout.
#include <doctest/doctest.h>

#include "plan/loader.hpp"

namespace {

std::string digest_of(const std::string& text) {
  rollgate::plan::LoadResult loaded = rollgate::plan::load_plan(text, "plan.json");
  INFO(rollgate::to_string(loaded.errors));
  REQUIRE(loaded.plan);
  return loaded.plan->digest;
}

}  // namespace

TEST_CASE("two plans differing only in matrix key order have different digests") {
  std::string a =
      digest_of(R"({"rollgate": 1, "stages": [{"id": "w", "matrix": {"n": [1, 2], "x": ["a"]}}]})");
  std::string b =
      digest_of(R"({"rollgate": 1, "stages": [{"id": "w", "matrix": {"x": ["a"], "n": [1, 2]}}]})");
  CHECK(a != b);
}

TEST_CASE("two plans differing only in layout and other key order share a digest") {
  std::string a = digest_of(R"({"rollgate": 1, "name": "p", "facts": {"u": {"type": "double", "unit": "%"}},
    "stages": [{"id": "w", "title": "W ${n}", "matrix": {"n": [1, 2], "x": ["a"]},
                "gates": [{"id": "g", "expr": "u >= 1.0", "kind": "should"}]}]})");
  std::string b = digest_of(R"({"stages":[{"gates":[{"kind":"should","expr":"u >= 1.0","id":"g"}],
    "matrix":{"n":[1,2],"x":["a"]},"title":"W ${n}","id":"w"}],"facts":{"u":{"unit":"%","type":"double"}},
    "name":"p","rollgate":1})");
  CHECK(a == b);
}

TEST_CASE("fact declarations are sorted like every object but a matrix") {
  std::string a = digest_of(
      R"({"rollgate": 1, "facts": {"b": {"type": "int"}, "a": {"type": "int"}}, "stages": [{"id": "s"}]})");
  std::string b = digest_of(
      R"({"rollgate": 1, "facts": {"a": {"type": "int"}, "b": {"type": "int"}}, "stages": [{"id": "s"}]})");
  CHECK(a == b);
}
