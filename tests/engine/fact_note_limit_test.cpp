// A fact's source and evidence are repeated in the evidence of every gate
// that reads it, so each is bounded (kMaxFactNoteBytes): a longer one is
// refused where it is written, and within the limit nothing changes
// (issue 10: a report bounded by its plan).
#include <doctest/doctest.h>

#include <string>

#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"

using rollgate::engine::kMaxFactNoteBytes;

namespace {

const rollgate::plan::Plan& plan() {
  static const auto loaded = rollgate::plan::load_plan(
      R"({"rollgate": 1, "facts": {"n": {"type": "int"}},
          "stages": [{"id": "a", "gates": [{"id": "g", "expr": "n > 1"}]}]})",
      "plan.json");
  REQUIRE(loaded.plan);
  return *loaded.plan;
}

std::string facts_with(const std::string& field, size_t bytes) {
  return R"({"facts": {"n": {"value": 5, ")" + field + R"(": ")" + std::string(bytes, 'x') + R"("}}})";
}

}  // namespace

TEST_CASE("a fact's source or evidence past kMaxFactNoteBytes is refused at the field") {
  for (const std::string field : {"source", "evidence"}) {
    CAPTURE(field);
    auto r = rollgate::engine::load_inputs(plan(), facts_with(field, kMaxFactNoteBytes + 1), "facts.json");
    REQUIRE_FALSE(r.inputs);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].kind == "limit");
    CHECK(r.errors[0].pointer == "/facts/n/" + field);
    CHECK(r.errors[0].subject == "n");
    CHECK(r.errors[0].line == 1);
    CHECK(r.errors[0].message == "a " + field + " of 4097 bytes, longer than the limit of 4096");
  }
}

TEST_CASE("a fact's source and evidence within kMaxFactNoteBytes are kept whole") {
  auto r = rollgate::engine::load_inputs(plan(), facts_with("source", kMaxFactNoteBytes), "facts.json");
  REQUIRE(r.inputs);
  CHECK(r.inputs->facts[0]->source.size() == kMaxFactNoteBytes);
}
