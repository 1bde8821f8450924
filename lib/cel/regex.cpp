#include "cel/regex.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <string>

#include "text/utf8.hpp"

namespace rollgate::cel::detail {

namespace {

// libstdc++ matches recursively, so very long inputs could exhaust the
// stack; refuse them instead.
constexpr size_t kMaxInputCodePoints = 10000;
constexpr size_t kMaxCachedPatterns = 256;

// wchar_t holds a whole code point on the platforms this builds for, so a
// quantifier applies to a character rather than to its last UTF-8 byte.
std::wstring widen(std::string_view text) {
  std::wstring out;
  size_t pos = 0;
  while (pos < text.size()) {
    const auto cp = text::decode_utf8(text, pos);
    if (!cp) {
      out += static_cast<wchar_t>(0xFFFD);
      ++pos;
      continue;
    }
    out += static_cast<wchar_t>(*cp);
  }
  return out;
}

std::shared_ptr<const std::wregex> compile_pattern(std::string_view pattern) {
  auto flags = std::regex_constants::ECMAScript;
  if (pattern.starts_with("(?i)")) {
    flags |= std::regex_constants::icase;
    pattern.remove_prefix(4);
  }
  try {
    return std::make_shared<const std::wregex>(widen(pattern), flags);
  } catch (const std::regex_error&) {
    return nullptr;
  }
}

// Compiled patterns are cached: gates evaluate the same constant patterns
// over and over, from many threads.
std::shared_ptr<const std::wregex> cached_pattern(std::string_view pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const std::wregex>, std::less<>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = cache.find(pattern); it != cache.end()) return it->second;
  auto compiled = compile_pattern(pattern);
  if (cache.size() >= kMaxCachedPatterns) cache.clear();
  cache.emplace(std::string(pattern), compiled);
  return compiled;
}

}  // namespace

Value regex_search(std::string_view text, std::string_view pattern) {
  const auto re = cached_pattern(pattern);
  if (!re) return Value::error("invalid regular expression '" + std::string(pattern) + "'");
  if (text::code_point_count(text) > kMaxInputCodePoints)
    return Value::error("matches(): input longer than " +
                        std::to_string(kMaxInputCodePoints) + " characters");
  try {
    return Value::boolean(std::regex_search(widen(text), *re));
  } catch (const std::regex_error&) {
    return Value::error("regular expression too complex for matches()");
  }
}

}  // namespace rollgate::cel::detail
