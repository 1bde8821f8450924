#include <doctest/doctest.h>

#include <string>

#include "json/located_json.hpp"
#include "json/problem_limit.hpp"

using rollgate::json::kMaxReportedProblems;

TEST_CASE("a document with more problems than are reported gives the first ones and a count of the rest") {
  std::string text = "{\"k\": 0";
  for (int i = 0; i < 250; ++i) text += ",\n\"k\": 0";
  text += "}";
  auto r = rollgate::json::parse(text, "dups.json");
  REQUIRE(r.errors.size() == kMaxReportedProblems + 1);
  CHECK(r.errors[0].line == 2);
  CHECK(r.errors[kMaxReportedProblems - 1].line == int(kMaxReportedProblems) + 1);
  const rollgate::Diagnostic& rest = r.errors.back();
  CHECK(rest.kind == "limit");
  CHECK(rest.file == "dups.json");
  CHECK(rest.line == 0);
  CHECK(rest.message == "and 150 more problems (only the first 100 are reported)");
}

TEST_CASE("up to the limit every problem is reported and none is added") {
  std::vector<rollgate::Diagnostic> problems(kMaxReportedProblems);
  rollgate::json::keep_first_problems(problems, "f.json");
  CHECK(problems.size() == kMaxReportedProblems);
  problems.emplace_back();
  rollgate::json::keep_first_problems(problems, "f.json");
  REQUIRE(problems.size() == kMaxReportedProblems + 1);
  CHECK(problems.back().message == "and 1 more problem (only the first 100 are reported)");
}
