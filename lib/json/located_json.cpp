#include "json/located_json.hpp"

#include <boost/json/parse_options.hpp>
#include <boost/json/stream_parser.hpp>

#include <algorithm>
#include <unordered_set>

#include "json/problem_limit.hpp"
#include "text/utf8.hpp"

namespace rollgate::json {

namespace {

// Objects with at most this many keys look for duplicate keys linearly.
constexpr size_t kLinearKeys = 16;

unsigned hex4(std::string_view text, size_t at) {
  unsigned v = 0;
  for (size_t i = at; i < at + 4 && i < text.size(); ++i) {
    char c = text[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= unsigned(c - '0');
    else if (c >= 'a' && c <= 'f') v |= unsigned(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= unsigned(c - 'A' + 10);
  }
  return v;
}

// Decodes one escape or character of a JSON string starting at text[i]
// (inside the quotes), appending it to out; returns the index after it.
size_t decode_one(std::string_view text, size_t i, std::string& out) {
  if (text[i] != '\\') {
    out += text[i];
    return i + 1;
  }
  char e = text[i + 1];
  switch (e) {
    case 'b': out += '\b'; return i + 2;
    case 'f': out += '\f'; return i + 2;
    case 'n': out += '\n'; return i + 2;
    case 'r': out += '\r'; return i + 2;
    case 't': out += '\t'; return i + 2;
    case 'u': {
      unsigned cp = hex4(text, i + 2);
      size_t next = i + 6;
      if (cp >= 0xD800 && cp < 0xDC00 && next + 1 < text.size() &&
          text[next] == '\\' && text[next + 1] == 'u') {
        unsigned low = hex4(text, next + 2);
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        next += 6;
      }
      text::append_utf8(out, char32_t(cp));
      return next;
    }
    default: out += e; return i + 2;  // " \ /
  }
}

// The problem of a document longer than limits.max_bytes, found before it is
// read: named after its file, not located (a line would mean reading it).
Diagnostic too_long(size_t bytes, const DocumentLimits& limits, std::string_view file) {
  Diagnostic d;
  d.kind = to_string(DiagnosticKind::Limit);
  d.file = std::string(file);
  d.message = "the document is " + std::to_string(bytes) + " bytes long, more than the limit of " +
              std::to_string(limits.max_bytes) + " (" + std::string(limits.max_bytes_name) + ")";
  return d;
}

}  // namespace

// Walks text already known to be valid JSON.  It always finds the keys that
// repeat an earlier key of their object; given an index, it also records
// where every value and key starts, by JSON pointer.  The path is kept as a
// stack of segments, so a pointer is built only when it is needed.
// Recursion is bounded by the parser's depth limit.
class Scanner {
 public:
  Scanner(std::string_view text, SourceMap::Entries* index) : text_(text), index_(index) {}

  void scan() {
    skip_ws();
    value();
  }

  // (pointer, key offset) of every key that repeats an earlier one.
  std::vector<std::pair<std::string, size_t>> take_duplicates() { return std::move(duplicates_); }

 private:
  void skip_ws() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' ||
                                   text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }

  std::string string_body() {  // at the opening quote; leaves pos_ after the close
    std::string out;
    ++pos_;
    while (text_[pos_] != '"') pos_ = decode_one(text_, pos_, out);
    ++pos_;
    return out;
  }

  std::string pointer() const {
    std::string out;
    for (const std::string& segment : path_) out = pointer_append(out, segment);
    return out;
  }

  void value() {
    if (index_) (*index_)[pointer()].value_offset = pos_;
    switch (text_[pos_]) {
      case '{': object(); break;
      case '[': array(); break;
      case '"':
        // Only an escape's backslash can hide a quote.
        for (++pos_; text_[pos_] != '"'; ++pos_)
          if (text_[pos_] == '\\') ++pos_;
        ++pos_;
        break;
      default:
        while (pos_ < text_.size() && std::string_view(",]} \n\r\t").find(text_[pos_]) ==
                                          std::string_view::npos)
          ++pos_;
    }
  }

  void object() {
    ++pos_;
    skip_ws();
    // The keys so far: searched linearly while the object is small (as
    // nearly all are), in a hash set past that.
    std::vector<std::string> keys;
    keys.reserve(8);
    std::unordered_set<std::string> seen;
    bool hashed = false;
    while (text_[pos_] != '}') {
      size_t key_offset = pos_;
      std::string key = string_body();
      bool repeated;
      if (!hashed && keys.size() < kLinearKeys) {
        repeated = std::find(keys.begin(), keys.end(), key) != keys.end();
        if (!repeated) keys.push_back(key);
      } else {
        if (!hashed) {
          seen.insert(std::make_move_iterator(keys.begin()), std::make_move_iterator(keys.end()));
          hashed = true;
        }
        repeated = !seen.insert(key).second;
      }
      skip_ws();
      ++pos_;  // ':'
      skip_ws();
      path_.push_back(std::move(key));
      if (repeated) duplicates_.emplace_back(pointer(), key_offset);
      value();
      if (index_) (*index_)[pointer()].key_offset = key_offset;
      path_.pop_back();
      skip_ws();
      if (text_[pos_] == ',') ++pos_;
      skip_ws();
    }
    ++pos_;
  }

  void array() {
    ++pos_;
    skip_ws();
    for (size_t index = 0; text_[pos_] != ']'; ++index) {
      path_.push_back(std::to_string(index));
      value();
      path_.pop_back();
      skip_ws();
      if (text_[pos_] == ',') ++pos_;
      skip_ws();
    }
    ++pos_;
  }

  std::string_view text_;
  SourceMap::Entries* index_;  // null: find duplicates only
  size_t pos_ = 0;
  std::vector<std::string> path_;  // keys and indices, unescaped
  std::vector<std::pair<std::string, size_t>> duplicates_;
};

TextPosition SourceMap::root_member_position(std::string_view key) const {
  // The text is valid JSON: walk "{ "key": value, ... }" skipping values.
  size_t pos = 0;
  auto is_space = [&](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  auto skip_ws = [&] {
    while (pos < text_.size() && is_space(text_[pos])) ++pos;
  };
  auto skip_string = [&] {  // at the opening quote
    for (++pos; text_[pos] != '"'; ++pos)
      if (text_[pos] == '\\') ++pos;
    ++pos;
  };
  auto skip_value = [&] {
    int depth = 0;
    while (pos < text_.size()) {
      char c = text_[pos];
      if (c == '"') {
        skip_string();
      } else if (c == '{' || c == '[') {
        ++depth;
        ++pos;
      } else if (c == '}' || c == ']') {
        if (depth == 0) return;
        --depth;
        ++pos;
      } else if (depth == 0 && (c == ',' || is_space(c))) {
        return;
      } else {
        ++pos;
      }
      if (depth == 0 && pos < text_.size() && (text_[pos] == ',' || text_[pos] == '}' || is_space(text_[pos])))
        return;
    }
  };
  skip_ws();
  if (pos >= text_.size() || text_[pos] != '{') return {};
  ++pos;
  for (;;) {
    skip_ws();
    if (pos >= text_.size() || text_[pos] != '"') return {};
    std::string name;
    ++pos;
    while (text_[pos] != '"') pos = decode_one(text_, pos, name);
    ++pos;
    skip_ws();
    ++pos;  // ':'
    skip_ws();
    if (name == key) return position_of(pos);
    skip_value();
    skip_ws();
    if (pos >= text_.size() || text_[pos] != ',') return {};
    ++pos;
  }
}

const SourceMap::Entries& SourceMap::entries() const {
  if (!entries_) {
    entries_.emplace();
    if (!text_.empty()) Scanner(text_, &*entries_).scan();
  }
  return *entries_;
}

TextPosition SourceMap::position_of(size_t offset) const {
  if (!has_text_) return {};
  if (!positions_) positions_.emplace(text_);
  return positions_->position_of(text_, offset);
}

TextPosition SourceMap::value_position(std::string_view pointer) const {
  auto it = entries().find(std::string(pointer));
  if (it == entries().end()) return {};
  return position_of(it->second.value_offset);
}

std::string_view SourceMap::number_text(std::string_view pointer) const {
  auto it = entries().find(std::string(pointer));
  if (it == entries().end()) return {};
  auto is_number_char = [](char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
  };
  const size_t start = it->second.value_offset;
  size_t end = start;
  while (end < text_.size() && is_number_char(text_[end])) ++end;
  return std::string_view(text_).substr(start, end - start);
}

TextPosition SourceMap::key_position(std::string_view pointer) const {
  auto it = entries().find(std::string(pointer));
  if (it == entries().end()) return {};
  return position_of(it->second.key_offset.value_or(it->second.value_offset));
}

TextPosition SourceMap::position_in_string(std::string_view pointer,
                                           size_t decoded_offset) const {
  auto it = entries().find(std::string(pointer));
  if (it == entries().end()) return {};
  size_t raw = it->second.value_offset;
  if (raw >= text_.size() || text_[raw] != '"') return position_of(raw);
  ++raw;
  std::string decoded;
  while (raw < text_.size() && text_[raw] != '"' && decoded.size() < decoded_offset)
    raw = decode_one(text_, raw, decoded);
  return position_of(raw);
}

Diagnostic Document::diagnostic_at(DiagnosticKind kind, std::string pointer, std::string message,
                                   bool at_key) const {
  TextPosition p = at_key ? map.key_position(pointer) : map.value_position(pointer);
  Diagnostic d;
  d.kind = to_string(kind);
  d.message = std::move(message);
  d.file = file;
  d.pointer = std::move(pointer);
  d.line = p.line;
  d.column = p.column;
  return d;
}

std::string pointer_append(std::string_view base, std::string_view key) {
  std::string out(base);
  out += '/';
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string pointer_append(std::string_view base, size_t index) {
  std::string out(base);
  out += '/';
  out += std::to_string(index);
  return out;
}

SourceMap::SourceMap(std::string_view text) : text_(text), has_text_(true) {}

ParseResult parse(std::string_view text, std::string_view file, const DocumentLimits& limits) {
  ParseResult result;
  if (text.size() > limits.max_bytes) {
    result.errors.push_back(too_long(text.size(), limits, file));
    return result;
  }
  SourceMap map(text);
  auto located = [&](size_t offset, DiagnosticKind kind, std::string message) {
    TextPosition p = map.position_of(offset);
    Diagnostic d;
    d.kind = to_string(kind);
    d.message = std::move(message);
    d.file = std::string(file);
    d.line = p.line;
    d.column = p.column;
    return d;
  };

  boost::json::parse_options options;
  options.max_depth = limits.max_depth;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code ec;
  size_t consumed = parser.write_some(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    // write_some stops where the text went wrong; an input that merely
    // ends too soon fails in finish(), at the end of the text.
    if (ec == boost::json::error::too_deep)
      result.errors.push_back(located(consumed, DiagnosticKind::Limit,
                                      "JSON nested more than " + std::to_string(limits.max_depth) + " deep"));
    else
      result.errors.push_back(located(consumed, DiagnosticKind::JsonSyntax, "malformed JSON: " + ec.message()));
    return result;
  }

  Scanner scanner(text, nullptr);
  scanner.scan();
  const auto duplicates = scanner.take_duplicates();
  // Only the problems reported are located (problem_limit.hpp).
  for (size_t i = 0; i < duplicates.size() && i < kMaxReportedProblems; ++i) {
    Diagnostic d = located(duplicates[i].second, DiagnosticKind::DuplicateKey, "duplicate key");
    d.pointer = duplicates[i].first;
    result.errors.push_back(std::move(d));
  }
  if (duplicates.size() > kMaxReportedProblems)
    result.errors.push_back(omitted_problems(duplicates.size() - kMaxReportedProblems, file));
  if (!result.errors.empty()) return result;

  Document doc;
  doc.root = parser.release();
  doc.map = std::move(map);
  doc.file = std::string(file);
  result.document = std::move(doc);
  return result;
}

}  // namespace rollgate::json
