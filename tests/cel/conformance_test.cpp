// Runs the `core` tests of the official CEL conformance suite
// (tests/data/cel-spec/conformance.json) for the sections listed in
// tests/data/cel-spec/enabled.txt, and prints a summary.
#include <boost/json.hpp>
#include <boost/json/src.hpp>  // the one test file that compiles Boost.JSON

#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "cel/compiler.hpp"
#include "cel/common/type_names.hpp"
#include "cel/common/value_ops.hpp"
#include "test_helpers.hpp"

namespace json = boost::json;
using namespace rollgate::cel;

namespace {

const std::string kDataDir = std::string(ROLLGATE_TEST_DATA_DIR) + "/cel-spec/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// enabled.txt: "suite" or "suite/section" per line, "-suite/section/test"
// to leave one test out (with the reason after a '#').
struct Selection {
  std::set<std::string> enabled;
  std::set<std::string> excluded;

  bool runs(const std::string& suite, const std::string& section,
            const std::string& test) const {
    if (excluded.count(suite + "/" + section + "/" + test)) return false;
    return enabled.count(suite) || enabled.count(suite + "/" + section);
  }
};

Selection read_selection() {
  Selection s;
  std::istringstream lines(read_file(kDataDir + "enabled.txt"));
  std::string line;
  while (std::getline(lines, line)) {
    line = line.substr(0, line.find('#'));
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
      line.pop_back();
    if (line.empty()) continue;
    if (line[0] == '-') s.excluded.insert(line.substr(1));
    else s.enabled.insert(line);
  }
  return s;
}

std::string base64_decode(const std::string& in) {
  std::string out;
  int bits = 0, value = 0;
  for (const char c : in) {
    int d = -1;
    if (c >= 'A' && c <= 'Z') d = c - 'A';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 26;
    else if (c >= '0' && c <= '9') d = c - '0' + 52;
    else if (c == '+' || c == '-') d = 62;
    else if (c == '/' || c == '_') d = 63;
    if (d < 0) continue;
    value = (value << 6) | d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

double json_double(const json::value& v) {
  if (v.is_string()) {
    const std::string s(v.as_string());
    if (s == "NaN") return std::nan("");
    if (s == "Infinity") return INFINITY;
    if (s == "-Infinity") return -INFINITY;
    return std::stod(s);
  }
  return v.to_number<double>();
}

std::optional<Value> to_value(const json::object& o);

std::optional<Value> object_value(const json::object& o) {
  const std::string type(o.at("@type").as_string());
  const std::string text(o.at("value").as_string());
  if (type.ends_with("google.protobuf.Timestamp"))
    if (auto t = parse_timestamp(text)) return Value::timestamp(*t);
  if (type.ends_with("google.protobuf.Duration"))
    if (auto d = parse_duration(text)) return Value::duration(*d);
  return std::nullopt;
}

std::optional<Value> to_value(const json::object& o) {
  if (o.contains("nullValue")) return Value::null();
  if (auto* b = o.if_contains("boolValue")) return Value::boolean(b->as_bool());
  if (auto* i = o.if_contains("int64Value"))
    return Value::int64(std::stoll(std::string(i->as_string())));
  if (auto* u = o.if_contains("uint64Value"))
    return Value::uint64(std::stoull(std::string(u->as_string())));
  if (auto* d = o.if_contains("doubleValue")) return Value::double_value(json_double(*d));
  if (auto* s = o.if_contains("stringValue")) return Value::string(std::string(s->as_string()));
  if (auto* b = o.if_contains("bytesValue"))
    return Value::bytes(base64_decode(std::string(b->as_string())));
  if (auto* l = o.if_contains("listValue")) {
    ValueList items;
    if (auto* values = l->as_object().if_contains("values"))
      for (const json::value& item : values->as_array()) {
        auto v = to_value(item.as_object());
        if (!v) return std::nullopt;
        items.push_back(*v);
      }
    return Value::list(std::move(items));
  }
  if (auto* m = o.if_contains("mapValue")) {
    MapEntries entries;
    if (auto* list = m->as_object().if_contains("entries"))
      for (const json::value& entry : list->as_array()) {
        auto k = to_value(entry.at("key").as_object());
        auto v = to_value(entry.at("value").as_object());
        if (!k || !v) return std::nullopt;
        entries.emplace_back(*k, *v);
      }
    return Value::map(std::move(entries));
  }
  if (auto* t = o.if_contains("typeValue"))
    return Value::string("type:" + std::string(t->as_string()));
  if (auto* obj = o.if_contains("objectValue")) return object_value(obj->as_object());
  return std::nullopt;
}

std::optional<Type> to_type(const json::object& t) {
  if (auto* p = t.if_contains("primitive")) {
    const std::string name(p->as_string());
    if (name == "BOOL") return Type::boolean();
    if (name == "INT64") return Type::int64();
    if (name == "UINT64") return Type::uint64();
    if (name == "DOUBLE") return Type::double_type();
    if (name == "STRING") return Type::string();
    if (name == "BYTES") return Type::bytes();
    return std::nullopt;
  }
  if (auto* l = t.if_contains("listType")) {
    auto element = to_type(l->at("elemType").as_object());
    if (!element) return std::nullopt;
    return Type::list(*element);
  }
  if (auto* m = t.if_contains("mapType")) {
    auto key = to_type(m->at("keyType").as_object());
    auto value = to_type(m->at("valueType").as_object());
    if (!key || !value) return std::nullopt;
    return Type::map(*key, *value);
  }
  if (t.contains("null")) return Type::null_type();
  if (auto* msg = t.if_contains("messageType")) {
    if (msg->as_string() == "google.protobuf.Duration") return Type::duration();
    if (msg->as_string() == "google.protobuf.Timestamp") return Type::timestamp();
  }
  if (t.contains("dyn")) return Type::dyn();
  return std::nullopt;
}

// Exact equality for expectations: same kinds all the way down (1 is not
// 1u here), NaN equal to NaN, type values by name.
bool same_value(const Value& actual, const Value& expected) {
  if (expected.kind() == Value::Kind::String &&
      expected.as_string().starts_with("type:")) {
    return actual.kind() == Value::Kind::Type &&
           "type:" + detail::type_value_name(actual.as_type()) == expected.as_string();
  }
  if (actual.kind() != expected.kind()) return false;
  switch (actual.kind()) {
    case Value::Kind::Double:
      if (std::isnan(actual.as_double())) return std::isnan(expected.as_double());
      return actual.as_double() == expected.as_double();
    case Value::Kind::List: {
      const auto& a = actual.as_list();
      const auto& e = expected.as_list();
      if (a.size() != e.size()) return false;
      for (size_t i = 0; i < a.size(); ++i)
        if (!same_value(a[i], e[i])) return false;
      return true;
    }
    case Value::Kind::Map: {
      if (actual.as_map().size() != expected.as_map().size()) return false;
      for (const auto& [key, value] : expected.as_map()) {
        const Value* found = actual.find(key);
        if (found == nullptr || !same_value(*found, value)) return false;
      }
      return true;
    }
    default: return detail::values_equal(actual, expected);
  }
}

struct Outcome {
  bool passed = false;
  std::string detail;
};

Outcome run_test(const json::object& test) {
  Environment env;
  std::vector<Value> slots;
  std::map<std::string, Type> declared;
  if (auto* type_env = test.if_contains("typeEnv"))
    for (const json::value& decl : type_env->as_array()) {
      const auto& d = decl.as_object();
      if (!d.contains("ident")) continue;
      auto type = to_type(d.at("ident").at("type").as_object());
      if (!type) return {false, "unsupported declared type"};
      declared.emplace(std::string(d.at("name").as_string()), *type);
    }
  std::map<std::string, Value> bound;
  if (auto* bindings = test.if_contains("bindings"))
    for (const auto& [name, binding] : bindings->as_object()) {
      auto value = to_value(binding.at("value").as_object());
      if (!value) return {false, "unsupported binding value"};
      bound.emplace(std::string(name), *value);
      declared.emplace(std::string(name), Type::dyn());
    }
  for (const auto& [name, type] : declared) {
    env.add_variable(name, type);
    const auto it = bound.find(name);
    slots.push_back(it != bound.end() ? it->second : Value::error("unbound " + name));
  }

  detail::CompileOptions options;
  options.check_types = !test.contains("disableCheck") || !test.at("disableCheck").as_bool();
  options.macros = !test.contains("disableMacros") || !test.at("disableMacros").as_bool();
  const std::string expr(test.at("expr").as_string());
  const CompileResult compiled = detail::compile_with(expr, env, options);
  if (!compiled.ok()) return {false, "compile error: " + compiled.issues[0].message};
  const Value result = compiled.program->evaluate(slots);

  if (test.contains("evalError") || test.contains("anyEvalErrors"))
    return {result.is_error(), "expected an error, got " + result.debug_string()};
  if (test.contains("unknown") || test.contains("anyUnknowns"))
    return {result.is_unknown(), "expected unknown, got " + result.debug_string()};
  const json::object* expected_json = nullptr;
  if (auto* v = test.if_contains("value")) expected_json = &v->as_object();
  const auto expected = expected_json ? to_value(*expected_json) : Value::boolean(true);
  if (!expected) return {false, "unsupported expected value"};
  return {same_value(result, *expected),
          "expected " + expected->debug_string() + ", got " + result.debug_string()};
}

}  // namespace

TEST_CASE("the enabled sections of the CEL conformance suite pass") {
  const json::value suite = json::parse(read_file(kDataDir + "conformance.json"));
  const Selection selection = read_selection();
  REQUIRE_FALSE(selection.enabled.empty());
  int passed = 0, failed = 0, skipped = 0;
  std::map<std::string, std::pair<int, int>> per_suite;  // passed, failed
  for (const json::value& s : suite.at("suites").as_array()) {
    const std::string suite_name(s.at("name").as_string());
    for (const json::value& sec : s.at("sections").as_array()) {
      const std::string section(sec.at("name").as_string());
      for (const json::value& t : sec.at("tests").as_array()) {
        const auto& test = t.as_object();
        const std::string name(test.at("name").as_string());
        const bool core = test.contains("core") && test.at("core").as_bool();
        if (!core || !selection.runs(suite_name, section, name)) {
          ++skipped;
          continue;
        }
        const Outcome outcome = run_test(test);
        auto& counts = per_suite[suite_name];
        if (outcome.passed) {
          ++passed;
          ++counts.first;
        } else {
          ++failed;
          ++counts.second;
        }
        INFO(suite_name << "/" << section << "/" << name << ": `"
                        << test.at("expr").as_string() << "` " << outcome.detail);
        CHECK(outcome.passed);
      }
    }
  }
  std::cout << "CEL conformance (core tests of enabled sections): " << passed
            << " passed, " << failed << " failed, " << skipped
            << " not run (not core, or not enabled)\n";
  for (const auto& [name, counts] : per_suite)
    std::cout << "  " << name << ": " << counts.first << " passed, " << counts.second
              << " failed\n";
}
