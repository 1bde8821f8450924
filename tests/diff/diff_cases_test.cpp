// Data-driven plan diff cases: tests/data/diff/cases/*.json.
//
//   { "cases": [ { "name", "old": plan, "new": plan,
//                  "changes": [ {id, field, from?, to?, change, class} ],
//                  "loosened": bool } ],
//     "exprs": [ { "name", "from", "to", "class": c|null, "kind"? } ] }
//
// A case checks the JSON diff's whole `changes` list in order; an expected
// change without "from" / "to" leaves those unchecked.  An expr case
// compiles the gate a/g with each expression over fixed facts and expects
// one `expr` change of that class (null: none).
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include <filesystem>

#include "diff/diff.hpp"
#include "plan/loader.hpp"
#include "read_file.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::shared_ptr<const rollgate::plan::Plan> compile(const json::value& plan, const std::string& what) {
  rollgate::plan::LoadResult loaded = rollgate::plan::load_plan(json::serialize(plan), what);
  INFO(what << ": " << rollgate::to_string(loaded.errors));
  CHECK(loaded.plan);
  return loaded.plan;
}

json::object diff_json(const json::value& old_plan, const json::value& new_plan) {
  auto from = compile(old_plan, "old.json");
  auto to = compile(new_plan, "new.json");
  if (!from || !to) return {};
  return json::parse(rollgate::diff::to_json(rollgate::diff::diff_plans(*from, *to))).as_object();
}

void check_change(const json::object& actual, const json::object& expected) {
  // Not a structured binding: INFO captures it in a lambda, which clang 14
  // does not allow.
  for (const json::key_value_pair& entry : expected) {
    const json::string_view key = entry.key();
    const json::value& value = entry.value();
    INFO("field '" << std::string(key) << "' of " << json::serialize(actual));
    const json::value* got = actual.if_contains(key);
    CHECK(got);
    if (got) CHECK(json::serialize(*got) == json::serialize(value));
  }
}

void run_case(const json::object& c) {
  json::object diff = diff_json(c.at("old"), c.at("new"));
  if (diff.empty()) return;
  const json::array& expected = c.at("changes").as_array();
  const json::array& actual = diff.at("changes").as_array();
  INFO("changes: " << json::serialize(actual));
  CHECK(actual.size() == expected.size());
  for (size_t i = 0; i < std::min(actual.size(), expected.size()); ++i)
    check_change(actual[i].as_object(), expected[i].as_object());
  CHECK(diff.at("loosened") == c.at("loosened"));
}

json::value expr_plan(const json::value& expr, const json::object& c) {
  json::object gate{{"id", "g"}, {"expr", expr}};
  if (const json::value* kind = c.if_contains("kind")) gate["kind"] = *kind;
  return json::object{
      {"rollgate", 1},
      {"facts", json::parse(R"J({"x": {"type": "double"}, "y": {"type": "double"}, "n": {"type": "int"},
                                "d": {"type": "list(string)"}, "s": {"type": "string"},
                                "pilot.advisors": {"type": "int"}})J")},
      {"stages", json::array{json::object{{"id", "a"}, {"gates", json::array{gate}}}}}};
}

void run_expr_case(const json::object& c) {
  json::object diff = diff_json(expr_plan(c.at("from"), c), expr_plan(c.at("to"), c));
  if (diff.empty()) return;
  const json::array& actual = diff.at("changes").as_array();
  INFO("changes: " << json::serialize(actual));
  if (c.at("class").is_null()) {
    CHECK(actual.empty());
    return;
  }
  REQUIRE(actual.size() == 1);
  check_change(actual[0].as_object(), json::object{{"id", "a/g"}, {"field", "expr"}, {"from", c.at("from")},
                                                   {"to", c.at("to")}, {"change", "modified"},
                                                   {"class", c.at("class")}});
  CHECK(diff.at("loosened").as_bool() == (c.at("class") == "loosened"));
}

}  // namespace

TEST_CASE("plan diff cases (tests/data/diff/cases)") {
  fs::path dir = fs::path(ROLLGATE_TEST_DATA_DIR) / "diff" / "cases";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 4);
  size_t count = 0;
  for (const fs::path& file : files) {
    json::object doc = json::parse(rollgate::testing::read_file(file.string())).as_object();
    if (const json::value* cases = doc.if_contains("cases")) {
      for (const json::value& c : cases->as_array()) {
        SUBCASE(std::string(c.at("name").as_string()).c_str()) { run_case(c.as_object()); }
        ++count;
      }
    }
    if (const json::value* exprs = doc.if_contains("exprs")) {
      for (const json::value& c : exprs->as_array()) {
        SUBCASE(std::string(c.at("name").as_string()).c_str()) { run_expr_case(c.as_object()); }
        ++count;
      }
    }
  }
  CHECK(count >= 60);
}
