// The parser against cel-go's parser cases (tests/data/cel-spec/
// parsing.json): valid expressions parse, invalid ones fail at the same
// line:column as the reference parser reports.
#include <boost/json.hpp>  // compiled once, in conformance_test.cpp

#include <doctest/doctest.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cel/syntax/parser.hpp"
#include "cel/syntax/source.hpp"

namespace json = boost::json;
using namespace rollgate::cel::detail;

namespace {

json::value load_cases() {
  std::ifstream in(std::string(ROLLGATE_TEST_DATA_DIR) + "/cel-spec/parsing.json");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return json::parse(buffer.str());
}

// Cases whose outcome depends on cel-go parser options this parser does not
// mirror: a recursion limit of 32, optional syntax ('?') and backquoted
// identifiers turned off.
bool depends_on_parser_options(const std::string& expected) {
  return expected.find(":-1:0:") != std::string::npos ||
         expected.find("unsupported syntax") != std::string::npos;
}

}  // namespace

TEST_CASE("cel-go's valid parser cases all parse") {
  const json::value cases = load_cases();
  int count = 0;
  for (const json::value& v : cases.at("valid").as_array()) {
    const std::string expr(v.as_string());
    const ParseResult r = parse(expr);
    INFO(expr << " => " << (r.error ? r.error->message : ""));
    CHECK_FALSE(r.error.has_value());
    ++count;
  }
  CHECK(count > 100);
}

TEST_CASE("cel-go's invalid parser cases fail at the reference line and column") {
  const json::value cases = load_cases();
  int checked = 0, skipped = 0;
  for (const json::value& v : cases.at("invalid").as_array()) {
    const std::string expr(v.at("expr").as_string());
    const std::string expected(v.at("error").as_string());
    const std::string first_line = expected.substr(0, expected.find('\n'));
    if (depends_on_parser_options(first_line)) {
      ++skipped;
      continue;
    }
    const ParseResult r = parse(expr);
    INFO(expr << "\nexpected: " << first_line);
    REQUIRE(r.error.has_value());
    const LineColumn at = locate(expr, r.error->offset);
    const std::string position =
        ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ":";
    INFO("got " << position << " " << r.error->message);
    CHECK(first_line.find(position) != std::string::npos);
    ++checked;
  }
  std::cout << "parsing.json: " << checked << " invalid cases checked, " << skipped
            << " left out (they depend on cel-go parser options)\n";
  CHECK(checked > 30);
}
