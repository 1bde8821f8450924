#include "cel/library/regex.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>

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

}  // namespace

Value regex_search(std::string_view text, std::string_view pattern) {
  if (pattern.size() > kMaxPatternBytes)
    return Value::error("matches(): regular expression longer than " +
                        std::to_string(kMaxPatternBytes) + " bytes");
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
