// What a scenario or story step expects of a JSON report, checked key by
// key.  Shared by the scenario suite (tests/data/scenarios) and the example
// stories (examples/*/story.json).
//
//   "stages": {"id": "status"}, "gates": {"stage/gate": "status"},
//   "scores": {"id": number|null}, "next": [ids],
//   "target": {"key": value, ...} (each key compared with ==),
//   "blockers": [ids in rank order], "holds_back": {"blocker id": [ids]},
//   "owners": {"blocker id": owner}, "messages": {"stage/gate": "substring"},
//   "reasons": {"stage": "substring"}, "warnings": count,
//   "warnings_contain": ["substring"], "drift": [exact drift[] list],
//   "stage_drift": {"id": bool}, "transitions": [exact transitions[] list],
//   "since": {"stage or stage/gate": T}, "remaining": {"stage/gate": duration},
//   "what_if": [exact what_if.changes list]
#pragma once

#include <doctest/doctest.h>

#include <boost/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rollgate::testing {

namespace json = boost::json;


// A failed precondition ends this scenario only, not the others.
#define CHECK_OR_RETURN(cond) \
  do {                        \
    CHECK(cond);              \
    if (!(cond)) return;      \
  } while (0)

inline const json::object* find_by_id(const json::array& items, std::string_view id) {
  for (const auto& item : items)
    if (item.at("id").as_string() == id) return &item.as_object();
  return nullptr;
}

inline std::vector<std::string> strings(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& item : v.as_array()) out.emplace_back(item.as_string());
  return out;
}

inline const json::object* find_gate(const json::object& report, std::string_view full_id) {
  size_t slash = full_id.find('/');
  const json::object* stage = find_by_id(report.at("stages").as_array(), full_id.substr(0, slash));
  if (!stage) return nullptr;
  return find_by_id(stage->at("gates").as_array(), full_id.substr(slash + 1));
}

inline bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// A stage's or gate's member `key`, by "stage" or "stage/gate" id.
inline const json::value* member_of(const json::object& report, std::string_view id,
                                    std::string_view key) {
  const json::object* item = id.find('/') == std::string_view::npos
                                 ? find_by_id(report.at("stages").as_array(), id)
                                 : find_gate(report, id);
  return item ? item->if_contains(key) : nullptr;
}

// Exact lists compare whole, so a missing or an extra entry both fail.
inline void check_exact(const json::value& got, const json::value& want, const char* what) {
  INFO(what << ": got " << json::serialize(got) << ", expected " << json::serialize(want));
  CHECK(got == want);
}

// Rules 15-21: drift, transitions, since, remaining, what-if changes.
inline void check_history(const json::object& report, const json::object& expect) {
  if (auto* drift = expect.if_contains("drift")) check_exact(report.at("drift"), *drift, "drift");
  if (auto* transitions = expect.if_contains("transitions"))
    check_exact(report.at("transitions"), *transitions, "transitions");
  if (auto* what_if = expect.if_contains("what_if")) {
    const json::value* got = report.if_contains("what_if");
    CHECK_OR_RETURN(got);
    check_exact(got->at("changes"), *what_if, "what_if.changes");
  }
  for (const char* key : {"stage_drift", "since", "remaining"}) {
    const json::value* wanted = expect.if_contains(key);
    if (!wanted) continue;
    std::string field = std::string(key) == "stage_drift" ? "drift" : key;
    for (const auto& member : wanted->as_object()) {
      INFO(key << " of " << std::string(member.key()));
      const json::value* got = member_of(report, member.key(), field);
      CHECK_OR_RETURN(got);
      CHECK(*got == member.value());
    }
  }
}

inline void check_report(const json::object& report, const json::object& expect) {
  if (auto* stages = expect.if_contains("stages")) {
    for (const auto& member : stages->as_object()) {
      const std::string id(member.key());
      const json::value& status = member.value();
      const json::object* stage = find_by_id(report.at("stages").as_array(), id);
      INFO("stage " << id);
      CHECK_OR_RETURN(stage);
      CHECK(stage->at("status") == status);
    }
  }
  if (auto* gates = expect.if_contains("gates")) {
    for (const auto& member : gates->as_object()) {
      const std::string id(member.key());
      const json::value& status = member.value();
      const json::object* gate = find_gate(report, id);
      INFO("gate " << id);
      CHECK_OR_RETURN(gate);
      CHECK(gate->at("status") == status);
    }
  }
  if (auto* scores = expect.if_contains("scores")) {
    for (const auto& member : scores->as_object()) {
      const std::string id(member.key());
      const json::value& score = member.value();
      const json::object* stage = find_by_id(report.at("stages").as_array(), id);
      INFO("score of " << id);
      CHECK_OR_RETURN(stage);
      if (score.is_null()) CHECK(stage->at("score").is_null());
      else CHECK(stage->at("score").to_number<double>() == doctest::Approx(score.to_number<double>()));
    }
  }
  if (auto* next = expect.if_contains("next")) CHECK(strings(report.at("next")) == strings(*next));
  if (auto* target = expect.if_contains("target")) {
    for (const auto& member : target->as_object()) {
      const std::string key(member.key());
      const json::value& value = member.value();
      INFO("target." << key);
      CHECK(report.at("target").at(key) == value);
    }
  }
  std::vector<std::string> blocker_ids;
  for (const auto& b : report.at("blockers").as_array()) blocker_ids.emplace_back(b.at("id").as_string());
  if (auto* blockers = expect.if_contains("blockers")) {
    std::string got;
    for (const std::string& id : blocker_ids) got += id + " ";
    INFO("blockers: " << got);
    CHECK(blocker_ids == strings(*blockers));
  }
  auto blocker = [&](std::string_view id) -> const json::object* {
    return find_by_id(report.at("blockers").as_array(), id);
  };
  if (auto* holds = expect.if_contains("holds_back")) {
    for (const auto& member : holds->as_object()) {
      const std::string id(member.key());
      const json::value& stages = member.value();
      INFO("blocker " << id);
      CHECK_OR_RETURN(blocker(id));
      CHECK(strings(blocker(id)->at("holds_back")) == strings(stages));
    }
  }
  if (auto* owners = expect.if_contains("owners")) {
    for (const auto& member : owners->as_object()) {
      const std::string id(member.key());
      const json::value& owner = member.value();
      INFO("owner of blocker " << id);
      CHECK_OR_RETURN(blocker(id));
      CHECK(blocker(id)->at("owner") == owner);
    }
  }
  if (auto* messages = expect.if_contains("messages")) {
    for (const auto& member : messages->as_object()) {
      const std::string id(member.key());
      const json::value& text = member.value();
      const json::object* gate = find_gate(report, id);
      CHECK_OR_RETURN(gate);
      std::string message(gate->at("message").as_string());
      INFO("message of " << id << ": " << message);
      CHECK(contains(message, text.as_string()));
    }
  }
  if (auto* reasons = expect.if_contains("reasons")) {
    for (const auto& member : reasons->as_object()) {
      const std::string id(member.key());
      const json::value& text = member.value();
      const json::object* stage = find_by_id(report.at("stages").as_array(), id);
      CHECK_OR_RETURN(stage);
      std::string all = json::serialize(stage->at("reasons"));
      INFO("reasons of " << id << ": " << all);
      CHECK(contains(all, text.as_string()));
    }
  }
  if (auto* warnings = expect.if_contains("warnings"))
    CHECK(report.at("warnings").as_array().size() == warnings->to_number<size_t>());
  if (auto* wanted = expect.if_contains("warnings_contain")) {
    std::string all = json::serialize(report.at("warnings"));
    INFO("warnings: " << all);
    for (const auto& text : wanted->as_array()) CHECK(contains(all, text.as_string()));
  }
  check_history(report, expect);
}

}  // namespace rollgate::testing
