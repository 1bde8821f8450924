// Long fact values are shortened in the JSON report's evidence: a 10 MB
// fact read by six gates must not be repeated six times (issue 10).
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include <string>

#include "engine/evaluation.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/evidence_json.hpp"
#include "report/reports.hpp"
#include "report/value_json.hpp"
#include "report/value_preview.hpp"

namespace {

using rollgate::cel::Value;
using rollgate::report::kMaxEvidenceValueBytes;

std::string compact_json(const Value& v) {
  rollgate::report::JsonWriter w(/*compact=*/true);
  rollgate::report::write_value(w, v);
  return w.take();
}

// The report of a plan whose six gates read the fact `big` (declared
// `type`), given the facts document `facts`.
boost::json::object report_with(const std::string& type, const std::string& facts) {
  std::string gates;
  for (int i = 0; i < 6; ++i)
    gates += std::string(i ? "," : "") + R"({"id": "g)" + std::to_string(i) + R"(", "expr": "big == big"})";
  const std::string plan_text = R"({"rollgate": 1, "facts": {"big": {"type": ")" + type +
                                R"("}}, "stages": [{"id": "a", "gates": [)" + gates + "]}]}";
  auto plan = rollgate::plan::load_plan(plan_text, "plan.json").plan;
  REQUIRE(plan);
  auto inputs = rollgate::engine::load_inputs(*plan, facts, "facts.json");
  INFO(rollgate::to_string(inputs.errors));
  REQUIRE(inputs.inputs);
  auto e = rollgate::engine::evaluate(plan, std::make_shared<const rollgate::engine::Inputs>(*inputs.inputs),
                                      rollgate::cel::Timestamp{1795428000, 0});
  return boost::json::parse(rollgate::report::to_json(e)).as_object();
}

const boost::json::object& evidence_of_gate(const boost::json::object& report, size_t gate) {
  return report.at("stages").at(0).at("gates").at(gate).at("evidence").at(0).as_object();
}

}  // namespace

TEST_CASE("a value whose JSON fits the limit is written in evidence exactly as before") {
  const std::string text(kMaxEvidenceValueBytes - 2, 'x');  // with its quotes: exactly the limit
  auto report = report_with("string", R"({"facts": {"big": ")" + text + R"("}})");
  const auto& evidence = evidence_of_gate(report, 0);
  CHECK(evidence.at("value") == text.c_str());
  CHECK_FALSE(evidence.contains("value_truncated"));
}

TEST_CASE("a longer value is null in evidence, with its whole size and a prefix of its JSON") {
  const std::string text(kMaxEvidenceValueBytes - 1, 'x');  // one byte past the limit
  auto report = report_with("string", R"({"facts": {"big": ")" + text + R"("}})");
  for (size_t gate = 0; gate < 6; ++gate) {
    const auto& evidence = evidence_of_gate(report, gate);
    CHECK(evidence.at("value").is_null());
    CHECK(evidence.at("missing") == false);
    const auto& truncated = evidence.at("value_truncated").as_object();
    CHECK(truncated.at("bytes") == kMaxEvidenceValueBytes + 1);
    CHECK(truncated.at("prefix") == ("\"" + text).c_str());
  }
}

TEST_CASE("a 10 MB fact read by six gates leaves six 4 KiB prefixes in the evidence") {
  auto report = report_with("list(string)", R"({"facts": {"big": [")" + std::string(10 << 20, 'a') + R"(", "b"]}})");
  const auto& truncated = evidence_of_gate(report, 5).at("value_truncated").as_object();
  CHECK(truncated.at("bytes") == (10 << 20) + 8);  // ["…","b"]
  CHECK(truncated.at("prefix").as_string().size() == kMaxEvidenceValueBytes);
  CHECK(truncated.at("prefix").as_string().starts_with("[\"aaa"));
}

TEST_CASE("the preview of every kind of value measures and begins as write_value writes it") {
  using rollgate::cel::MapEntries;
  using rollgate::cel::ValueList;
  const Value values[] = {
      Value::null(),
      Value::boolean(true),
      Value::int64(-42),
      Value::uint64(18446744073709551615ull),
      Value::double_value(0.1),
      Value::double_value(-std::numeric_limits<double>::infinity()),
      Value::string("quote \" backslash \\ newline \n tab \t bell \x07 é"),
      Value::bytes(std::string(10000, '\xff') + "tail"),
      Value::timestamp({1795428000, 500000000}),
      Value::duration({259200, 0}),
      Value::list(ValueList{Value::string(std::string(5000, 'q')), Value::int64(1),
                            Value::list(ValueList{}), Value::map(MapEntries{})}),
      Value::map(MapEntries{{Value::int64(7), Value::string("seven")},
                            {Value::boolean(false), Value::double_value(2.0)},
                            {Value::string("k\"ey"), Value::list(ValueList{Value::null()})}}),
  };
  for (const Value& v : values) {
    const std::string whole = compact_json(v);
    INFO(whole.substr(0, 200));
    for (size_t keep : {size_t(0), size_t(1), size_t(7), size_t(4096), whole.size(), whole.size() + 10}) {
      rollgate::report::ValuePreview preview = rollgate::report::preview_json(v, keep);
      CHECK(preview.bytes == whole.size());
      CHECK(whole.starts_with(preview.prefix));
      CHECK(preview.prefix.size() <= keep);
      CHECK(preview.prefix.size() + 1 >= std::min(keep, whole.size()));  // at most one 2-byte é cut off
      CHECK(rollgate::report::json_longer_than(v, keep) == (whole.size() > keep));
    }
  }
}

TEST_CASE("a prefix never ends inside a multi-byte character") {
  const Value v = Value::string(std::string("a") + "\xe2\x82\xac\xe2\x82\xac");  // a€€
  // "a€€" in JSON: `"` `a` then 3 bytes per €: cuts at 3, 4 and 5 fall inside the first €.
  CHECK(rollgate::report::preview_json(v, 2).prefix == "\"a");
  CHECK(rollgate::report::preview_json(v, 3).prefix == "\"a");
  CHECK(rollgate::report::preview_json(v, 4).prefix == "\"a");
  CHECK(rollgate::report::preview_json(v, 5).prefix == "\"a\xe2\x82\xac");
  CHECK(rollgate::report::preview_json(v, 7).prefix == "\"a\xe2\x82\xac");
  CHECK(rollgate::report::preview_json(v, 8).prefix == "\"a\xe2\x82\xac\xe2\x82\xac");
}

TEST_CASE("a long list is found too long and measured exactly") {
  // A list of a million strings: json_longer_than looks at a few of them.
  rollgate::cel::ValueList items(1000000, Value::string("0123456789"));
  const Value v = Value::list(std::move(items));
  CHECK(rollgate::report::json_longer_than(v, 4096));
  CHECK(rollgate::report::preview_json(v, 16).bytes == 1000000 * 13 + 1);
}
