// Plans that would crash the C ABI's strings, turn ages negative, or expand
// past memory are refused where they are written (issue 10).
#include <doctest/doctest.h>

#include <boost/json/serialize.hpp>

#include <functional>
#include <string>

#include "json/located_json.hpp"
#include "plan/matrix.hpp"
#include "plan/plan_loader.hpp"
#include "plan_test_support.hpp"

using rollgate::testing::plan_errors;
using rollgate::testing::valid_plan;

namespace {

std::string repeated(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// A matrix stage `id` of `values` expansions whose description substitutes
// a `blob_bytes`-byte value `uses` times.
std::string matrix_stage(const std::string& id, int values, size_t blob_bytes, size_t uses) {
  std::string numbers;
  for (int i = 1; i <= values; ++i) numbers += (i > 1 ? "," : "") + std::to_string(i);
  return R"({"id": ")" + id + R"(", "matrix": {"n": [)" + numbers + R"(], "blob": [")" +
         std::string(blob_bytes, 'x') + R"("]}, "description": ")" + repeated("${blob}", uses) + R"("})";
}

}  // namespace

TEST_CASE("a matrix whose substituted text would pass 64 MiB is refused at its matrix, before it is built") {
  // 1,000 expansions x 1,000 uses x 8,000 bytes = 8 GB from a 20 kB plan.
  auto errors = plan_errors(R"({"rollgate": 1, "stages": [)" + matrix_stage("wave", 1000, 8000, 1000) + "]}");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].kind == "limit");
  CHECK(errors[0].pointer == "/stages/0/matrix");
  CHECK(errors[0].line == 1);
  CHECK(errors[0].message.find("expanded text") != std::string::npos);
  CHECK(errors[0].message.find("67108864 bytes (64 MiB)") != std::string::npos);
}

TEST_CASE("matrix values copied into every combination count toward the expanded text") {
  // 1,000 combinations each copying a 100 kB value: 100 MB of bindings
  // alone, whatever the stage's strings.
  auto errors = plan_errors(R"({"rollgate": 1, "stages": [)" + matrix_stage("wave", 1000, 100000, 0) + "]}");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].kind == "limit");
  CHECK(errors[0].pointer == "/stages/0/matrix");
}

TEST_CASE("the expanded-text budget is the plan's: a later matrix is refused once earlier ones spent it") {
  // Each stage: 10 x 40 x 100 kB = 40 MB, within 64 MiB alone.
  auto errors = plan_errors(R"({"rollgate": 1, "stages": [)" + matrix_stage("a", 10, 100000, 40) + "," +
                            matrix_stage("b", 10, 100000, 40) + "]}");
  // The first stage's expansion ids (its 100 kB value in each) are past
  // max_id_bytes; the second stage is refused for the budget alone.
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message.find("max_id_bytes") != std::string::npos);
  CHECK(errors[1].pointer == "/stages/1/matrix");
  CHECK(errors[1].message.find("earlier matrices") != std::string::npos);
}

TEST_CASE("a matrix within the budget expands as before") {
  auto plan = valid_plan(R"({"rollgate": 1, "stages": [)" + matrix_stage("wave", 100, 1000, 100) + "]}");
  REQUIRE(plan->stages.size() == 100);
  CHECK(plan->stages[0].description.size() == 100 * 1000);
}

TEST_CASE("an expansion's size is known before it is made, placeholders and unbound names included") {
  const char* stage_text = R"({"id": "w", "title": "${a} and ${a}, ${b}", "x": ["${nope}", "${a${a}"],
                               "gates": [{"id": "g-${b}", "expr": "${a} == ${a}"}], "note": "${"})";
  auto parsed = rollgate::json::parse(stage_text, "s.json");
  REQUIRE(parsed.document);
  const auto& stage = parsed.document->root.get_object();
  const rollgate::plan::MatrixCombination combination{{"a", "north"}, {"b", "7"}, {"a", "south-east"}};
  std::vector<rollgate::plan::UnboundPlaceholder> unbound;
  const boost::json::value expanded = rollgate::plan::substitute_all(parsed.document->root, combination, "id", unbound);
  size_t made = 0;
  std::function<void(const boost::json::value&)> count = [&](const boost::json::value& v) {
    if (v.is_string()) made += v.get_string().size();
    else if (v.is_array()) for (const auto& item : v.get_array()) count(item);
    else if (v.is_object()) for (const auto& m : v.get_object()) count(m.value());
  };
  for (const auto& member : expanded.get_object())
    if (member.key() != "id") count(member.value());  // the stage's id is not copied, a gate's is
  CHECK(rollgate::plan::ExpansionSize(stage, "id").bytes(combination) == made);
  CHECK(unbound.size() == 2);  // ${nope} and ${a${a}
}

TEST_CASE("substitute_text makes the same text as substitute") {
  const rollgate::plan::MatrixCombination bindings{{"r", "eu"}, {"t", "12"}};
  for (const char* text : {"", "plain", "${r}", "a${r}b${t}c", "$${r}}", "${r", "${x}${r}", "${r${t}}"})
    CHECK(rollgate::plan::substitute_text(text, bindings) == rollgate::plan::substitute(text, bindings).text);
}

TEST_CASE("ids with control characters are refused where they are written, without quoting them") {
  auto errors = plan_errors(R"({"rollgate": 1, "name": "n\u0007", "stages": [
    {"id": "can\u0000ary", "gates": [{"id": "x", "expr": "true"}]},
    {"id": "wave", "matrix": {"region": ["eu", "u\u0000s"]}},
    {"id": "fleet", "gates": [{"id": "g\u001f", "expr": "true"}], "approvals": [{"role": "sre\u007f"}]}]})");
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].pointer == "/name");
  CHECK(errors[0].message == "the plan's name contains the control character U+0007 at byte 1");
  CHECK(errors[1].pointer == "/stages/0/id");
  CHECK(errors[1].message == "a stage id contains the control character U+0000 at byte 3");
  CHECK(errors[1].subject.empty());  // the id, with its NUL, names nothing
  CHECK(errors[2].pointer == "/stages/1/matrix/region/1");
  CHECK(errors[2].message.find("U+0000 at byte 1") != std::string::npos);
  CHECK(errors[3].pointer == "/stages/2/gates/0/id");
  CHECK(errors[3].message == "a gate id contains the control character U+001F at byte 1");
  CHECK(errors[4].pointer == "/stages/2/approvals/0/role");
  CHECK(errors[4].message == "a role contains the control character U+007F at byte 3");
  for (const rollgate::Diagnostic& d : errors) {
    CHECK(d.kind == "bad-value");
    CHECK(d.line > 0);
    CHECK(d.to_string().find('\0') == std::string::npos);
  }
}

TEST_CASE("ids of printable characters, non-ASCII ones too, are accepted") {
  auto plan = valid_plan(R"({"rollgate": 1, "name": "rollout ü", "stages": [
    {"id": "wave", "matrix": {"region": ["zürich", "東京"]}, "gates": [{"id": "ok ✓", "expr": "true"}]}]})");
  CHECK(plan->stages[1].id == "wave-東京");
}

TEST_CASE("a negative max_age or hold_for is refused at each place it is written; zero is allowed") {
  auto errors = plan_errors(R"({"rollgate": 1, "defaults": {"max_age": "-1s"},
    "facts": {"e": {"type": "double", "max_age": "-30m"}},
    "stages": [{"id": "a", "approvals": [{"role": "sre", "max_age": "-72h"}],
                "gates": [{"id": "g", "expr": "e < 1.0", "hold_for": "-0.5s"}]}]})");
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].pointer == "/defaults/max_age");
  CHECK(errors[0].message == "'max_age' must not be negative, not '-1s'");
  CHECK(errors[1].pointer == "/facts/e/max_age");
  CHECK(errors[2].pointer == "/stages/0/approvals/0/max_age");
  CHECK(errors[3].pointer == "/stages/0/gates/0/hold_for");
  CHECK(errors[3].message == "'hold_for' must not be negative, not '-0.5s'");
  for (const rollgate::Diagnostic& d : errors) CHECK(d.kind == "out-of-range");
  auto plan = valid_plan(R"({"rollgate": 1, "defaults": {"max_age": "0s"},
    "stages": [{"id": "a", "gates": [{"id": "g", "expr": "true", "hold_for": "0s"}]}]})");
  CHECK(plan->default_max_age->seconds == 0);
}

TEST_CASE("a matrix value past the range of a double is refused, not made an id of infinity") {
  auto errors = plan_errors(R"({"rollgate": 1, "stages": [{"id": "w", "matrix": {"x": [1, -1e400]}}]})");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].kind == "out-of-range");
  CHECK(errors[0].pointer == "/stages/0/matrix/x/1");
  CHECK(errors[0].message == "matrix value -1e400 is beyond the range of a double (about 1.8e308)");
}

TEST_CASE("a plan with more problems than are reported lists the first 100 and counts the rest") {
  std::string unknown;
  for (int i = 0; i < 300; ++i) unknown += ", \"extra" + std::to_string(i) + "\": 1";
  auto errors = plan_errors(R"({"rollgate": 1, "stages": [{"id": "a")" + unknown + "}]}");
  REQUIRE(errors.size() == 101);
  CHECK(errors[0].kind == "unknown-field");
  CHECK(errors.back().kind == "limit");
  CHECK(errors.back().message == "and 200 more problems (only the first 100 are reported)");
}
