// A small JSON writer with stable layout (two-space indentation, or none at
// all when compact; members in the order written) and doubles in shortest
// round-trip form, so the same report always gives the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate::report {

class JsonWriter {
 public:
  JsonWriter() = default;
  // Compact: no whitespace between tokens.
  explicit JsonWriter(bool compact) : compact_(compact) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);

  void string(std::string_view s);
  void number(double d);  // NaN and infinities as the strings proto3 uses
  // As number(), but an integral value keeps a fraction ("3.0"), so that a
  // JSON reader reads it back as a double.
  void double_number(double d);
  void integer(int64_t i);
  void unsigned_integer(uint64_t u);
  void boolean(bool b);
  void null();
  // A string, or null for an empty one (an optional text field).
  void string_or_null(std::string_view s) {
    if (s.empty()) null();
    else string(s);
  }

  // Convenience: key then value.
  void member(std::string_view name, std::string_view s) { key(name); string(s); }
  void member(std::string_view name, const char* s) { key(name); string(s); }
  void member(std::string_view name, bool b) { key(name); boolean(b); }

  std::string take();

 private:
  void before_value();
  void newline();
  struct Level {
    bool object;
    int count;
  };
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
  bool compact_ = false;
};

std::string json_quote(std::string_view s);
// Appends `s` to `out` as a JSON string.
void append_json_quoted(std::string& out, std::string_view s);
// Appends `s` to `out` escaped as inside a JSON string, without the quotes:
// byte by byte, so a string escaped in pieces reads the same.
void append_json_escaped(std::string& out, std::string_view s);
std::string shortest_double(double d);
// A double as JsonWriter::number() writes it: shortest form, or the string
// proto3 uses for NaN and the infinities ("\"NaN\"").
std::string json_number_text(double d);

}  // namespace rollgate::report
