#include "cel/library/regex.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace rollgate::cel::detail {

namespace {

// RE2's memory budget per compiled pattern (program plus DFA cache).  A
// pattern whose program does not fit fails to compile (an error value); a
// search whose DFA cache fills up falls back to RE2's NFA, still linear.
constexpr int64_t kMaxProgramMemory = 8 << 20;

// The cache: at most this many patterns and this much pattern text, so its
// size is bounded whatever patterns gates and facts bring.
constexpr size_t kMaxCachedPatterns = 256;
constexpr size_t kMaxCachedPatternBytes = 1 << 20;

std::shared_ptr<const re2::RE2> compile_pattern(std::string_view pattern) {
  re2::RE2::Options options;  // UTF-8, longest-match off: RE2's defaults
  options.set_log_errors(false);
  options.set_max_mem(kMaxProgramMemory);
  return std::make_shared<const re2::RE2>(
      re2::StringPiece(pattern.data(), pattern.size()), options);
}

// Compiled patterns are cached because gates evaluate the same constant
// patterns over and over, from many threads.  A process-wide cache owned by
// this function; entries are shared_ptr so that a search in progress keeps
// its pattern alive when the cache is emptied.  When full it is emptied
// (simpler than LRU, and the patterns in use come straight back).
std::shared_ptr<const re2::RE2> cached_pattern(std::string_view pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const re2::RE2>, std::less<>> cache;
  static size_t cached_bytes = 0;
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = cache.find(pattern); it != cache.end()) return it->second;
  auto compiled = compile_pattern(pattern);
  if (cache.size() >= kMaxCachedPatterns ||
      cached_bytes + pattern.size() > kMaxCachedPatternBytes) {
    cache.clear();
    cached_bytes = 0;
  }
  cache.emplace(std::string(pattern), compiled);
  cached_bytes += pattern.size();
  return compiled;
}

// The position just past the character class opening at `open` ('['):
// a leading '^' and ']' are members, escapes and [:name:] are skipped, so
// that a '(' or ')' inside the class is not taken for a group.
size_t skip_class(std::string_view pattern, size_t open) {
  size_t i = open + 1;
  if (i < pattern.size() && pattern[i] == '^') ++i;
  if (i < pattern.size() && pattern[i] == ']') ++i;
  while (i < pattern.size() && pattern[i] != ']') {
    if (pattern[i] == '\\') {
      i += 2;
    } else if (pattern.substr(i, 2) == "[:") {
      const size_t close = pattern.find(":]", i + 2);
      i = close == std::string_view::npos ? pattern.size() : close + 2;
    } else {
      ++i;
    }
  }
  return std::min(i + 1, pattern.size());
}

// The position just past the escape at `backslash`: \Q...\E quotes
// everything up to \E, any other escape is two bytes (or more, harmlessly
// read as plain characters after the first two).
size_t skip_escape(std::string_view pattern, size_t backslash) {
  if (pattern.substr(backslash, 2) != "\\Q") return backslash + 2;
  const size_t end = pattern.find("\\E", backslash + 2);
  return end == std::string_view::npos ? pattern.size() : end + 2;
}

}  // namespace

std::string pattern_limit_problem(std::string_view pattern) {
  if (pattern.size() > kMaxPatternBytes)
    return "matches(): regular expression of " + std::to_string(pattern.size()) +
           " bytes, longer than the limit of " + std::to_string(kMaxPatternBytes);
  size_t depth = 0;
  for (size_t i = 0; i < pattern.size();) {
    const char c = pattern[i];
    if (c == '\\') {
      i = skip_escape(pattern, i);
    } else if (c == '[') {
      i = skip_class(pattern, i);
    } else {
      if (c == '(' && ++depth > kMaxPatternNesting)
        return "matches(): regular expression nesting groups more than " +
               std::to_string(kMaxPatternNesting) + " deep (at byte " + std::to_string(i) + ")";
      if (c == ')' && depth > 0) --depth;
      ++i;
    }
  }
  return std::string();
}

Value regex_search(std::string_view text, std::string_view pattern) {
  if (std::string problem = pattern_limit_problem(pattern); !problem.empty())
    return Value::error(std::move(problem));
  const auto re = cached_pattern(pattern);
  if (!re->ok()) {
    // At most 64 bytes of the pattern, cut at a character boundary.
    size_t cut = std::min<size_t>(pattern.size(), 64);
    while (cut < pattern.size() && cut > 0 &&
           (static_cast<unsigned char>(pattern[cut]) & 0xC0) == 0x80)
      --cut;
    std::string shown(pattern.substr(0, cut));
    if (cut < pattern.size()) shown += "...";
    return Value::error("invalid regular expression '" + shown + "': " + re->error());
  }
  return Value::boolean(
      re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re));
}

}  // namespace rollgate::cel::detail
