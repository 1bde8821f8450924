#include "re2_oracle.hpp"

#include <algorithm>

#include "cel/common/value.hpp"
#include "cel/library/regex.hpp"

namespace rollgate::testing::regex_oracle {

Decoded decode_utf8(std::string_view s, size_t at) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return {lead, 1};
  // The sequence's length, the lead byte's bits, the least code point of
  // that length (shorter is overlong).
  struct Shape {
    size_t length;
    unsigned char bits;
    char32_t minimum;
  };
  Shape shape{};
  if (lead >= 0xC2 && lead <= 0xDF) {
    shape = {2, 0x1F, 0x80};
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    shape = {3, 0x0F, 0x800};
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    shape = {4, 0x07, 0x10000};
  } else {
    return {};
  }
  const size_t length = shape.length;
  char32_t code = lead & shape.bits;
  if (at + length > s.size()) return {};
  for (size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0u) != 0x80u) return {};
    code = (code << 6) | (byte(at + i) & 0x3Fu);
  }
  if (code < shape.minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
  return {code, length};
}

bool is_valid_utf8(std::string_view s) {
  for (size_t at = 0; at < s.size();) {
    const size_t length = decode_utf8(s, at).length;
    if (length == 0) return false;
    at += length;
  }
  return true;
}

namespace {

using rollgate::cel::Value;

// "true", "false" or "invalid": what a Value from regex_search says.
std::string answer_of(const Value& value) {
  if (value.is_error()) return "invalid";
  if (value.kind() == Value::Kind::Bool) return value.as_bool() ? "true" : "false";
  return "unexpected value " + value.debug_string();
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Whether the pattern has the escape \<letter> outside \Q...\E (in or out
// of a class: a rough reading, enough to tell which deviation applies).
bool has_escape(std::string_view pattern, char letter) {
  for (size_t at = 0; at + 1 < pattern.size(); ++at) {
    if (pattern[at] != '\\') continue;
    if (pattern[at + 1] == 'Q') {
      const size_t end = pattern.find("\\E", at + 2);
      if (end == std::string_view::npos) return false;
      at = end + 1;
      continue;
    }
    if (pattern[at + 1] == letter) return true;
    ++at;  // the escaped character
  }
  return false;
}

// The pattern with every (?<name> written (?P<name> (lookbehinds, which
// neither engine has, left alone).
std::string with_p_names(std::string_view pattern) {
  std::string out;
  for (size_t at = 0; at < pattern.size(); ++at) {
    out += pattern[at];
    if (pattern.substr(at, 3) == "(?<" && pattern.substr(at, 4) != "(?<=" &&
        pattern.substr(at, 4) != "(?<!") {
      out += "?P<";
      at += 2;
    }
  }
  return out;
}

std::unique_ptr<re2::RE2> compile_re2(std::string_view pattern, int64_t max_mem) {
  re2::RE2::Options options;
  options.set_encoding(re2::RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_max_mem(max_mem);
  return std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
}

}  // namespace

Re2Oracle::Re2Oracle(std::string_view pattern)
    : pattern_(pattern), original_(compile_re2(pattern, 8 << 20)), oracle_(original_.get()) {
  if (!oracle_->ok() && oracle_->error_code() == re2::RE2::ErrorBadPerlOp &&
      oracle_->error().find("(?<") != std::string::npos) {
    deviations_.push_back("(?<name>");
    rewritten_ = compile_re2(with_p_names(pattern), 8 << 20);
    oracle_ = rewritten_.get();
  }
  if (!oracle_->ok() && oracle_->error_code() == re2::RE2::ErrorPatternTooLarge) {
    deviations_.push_back("over RE2's max_mem");
    rewritten_ = compile_re2(with_p_names(pattern), int64_t{1} << 30);
    oracle_ = rewritten_.get();
  }
  if (!is_valid_utf8(pattern)) {
    if (oracle_->ok()) deviations_.push_back("pattern not UTF-8");
    expected_error_ = "invalid regular expression";  // whichever fault it meets first
  } else if (oracle_->ok() && has_escape(pattern, 'C')) {
    deviations_.push_back("\\C");
    expected_error_ = "\\C (any byte) is not supported";
  }
}

std::string Re2Oracle::re2_verdict() const {
  return oracle_->ok() ? "accepts the pattern" : "refuses the pattern: " + oracle_->error();
}

Re2Oracle::Judgement Re2Oracle::judge(std::string_view text) const {
  const Value value = rollgate::cel::detail::regex_search(text, pattern_);
  Judgement judgement;
  const std::string ours = answer_of(value);
  judgement.ours = value.is_error() ? value.error_message() : ours;
  if (!expected_error_.empty()) {
    judgement.expected = "an error naming " + expected_error_;
    judgement.agrees = value.is_error() && value.error_message().find(expected_error_) != std::string::npos;
    return judgement;
  }
  judgement.expected = "invalid";
  if (oracle_->ok())
    judgement.expected =
        re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *oracle_) ? "true" : "false";
  judgement.agrees = ours == judgement.expected;
  if (judgement.expected != "invalid" && !is_valid_utf8(text)) {
    judgement.deviation = "text not UTF-8";
    judgement.agrees = ours == "true" || ours == "false";
  } else if (judgement.expected == "true" && ours == "false" && has_escape(pattern_, 'B') && !is_ascii(text)) {
    judgement.deviation = "\\B inside a character";
    judgement.agrees = true;
  }
  return judgement;
}

}  // namespace rollgate::testing::regex_oracle
