#include "report/json_writer.hpp"

#include <charconv>
#include <cmath>

namespace rollgate::report {

std::string json_quote(std::string_view s) {
  std::string out;
  append_json_quoted(out, s);
  return out;
}

void append_json_quoted(std::string& out, std::string_view s) {
  out += '"';
  append_json_escaped(out, s);
  out += '"';
}

void append_json_escaped(std::string& out, std::string_view s) {
  // Runs of characters that need no escape are appended at once.
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char* hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[(c >> 4) & 0xf];
          out += hex[c & 0xf];
        }
    }
  }
  out.append(s.data() + plain, s.size() - plain);
}

std::string shortest_double(double d) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
  return std::string(buffer, result.ptr);
}

std::string json_number_text(double d) {
  if (std::isnan(d)) return "\"NaN\"";
  if (std::isinf(d)) return d > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  return shortest_double(d);
}

void JsonWriter::newline() {
  if (compact_) return;
  out_ += '\n';
  out_.append(levels_.size() * 2, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;
  if (levels_.back().count++ > 0) out_ += ',';
  newline();
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  levels_.push_back({true, 0});
}

void JsonWriter::end_object() {
  bool empty = levels_.back().count == 0;
  levels_.pop_back();
  if (!empty) newline();
  out_ += '}';
}

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  levels_.push_back({false, 0});
}

void JsonWriter::end_array() {
  bool empty = levels_.back().count == 0;
  levels_.pop_back();
  if (!empty) newline();
  out_ += ']';
}

void JsonWriter::key(std::string_view name) {
  before_value();
  append_json_quoted(out_, name);
  out_ += compact_ ? ":" : ": ";
  after_key_ = true;
}

void JsonWriter::string(std::string_view s) {
  before_value();
  append_json_quoted(out_, s);
}

void JsonWriter::number(double d) {
  before_value();
  out_ += json_number_text(d);
}

void JsonWriter::double_number(double d) {
  if (!std::isfinite(d)) return number(d);
  before_value();
  std::string text = shortest_double(d);
  out_ += text;
  if (text.find_first_of(".eE") == std::string::npos) out_ += ".0";
}

void JsonWriter::integer(int64_t i) {
  before_value();
  out_ += std::to_string(i);
}

void JsonWriter::unsigned_integer(uint64_t u) {
  before_value();
  out_ += std::to_string(u);
}

void JsonWriter::boolean(bool b) {
  before_value();
  out_ += b ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

std::string JsonWriter::take() {
  std::string out = std::move(out_);
  out_.clear();
  levels_.clear();
  return out;
}

}  // namespace rollgate::report
