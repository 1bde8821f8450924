#include "cel/library/regex.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "cel/library/regex/program.hpp"
#include "cel/library/regex/search.hpp"
#include "cel/library/regex/syntax.hpp"

namespace rollgate::cel::detail {

namespace {

// A kept DFA larger than this is dropped after its search: 256 cached
// patterns keep at most 16 MiB of states.  A gate's pattern needs a few
// dozen states, about 30 KiB.
constexpr size_t kMaxKeptDfaBytes = 64 << 10;

// A pattern compiled once: its program, or why it has none, and the DFA
// states its searches have built so far.
struct CompiledPattern {
  regex::Program program;
  std::string error;  // empty when the pattern is valid
  // Most of a short search's time goes into building DFA states, and gates
  // search the same pattern over and over, so the states are kept.  One
  // thread at a time: a thread that finds the DFA busy searches with a
  // DFA of its own rather than wait.
  mutable std::mutex dfa_mutex;
  mutable std::unique_ptr<regex::Dfa> dfa;

  bool search(std::string_view text) const {
    const std::unique_lock<std::mutex> lock(dfa_mutex, std::try_to_lock);
    if (!lock.owns_lock()) return regex::search(program, text);
    try {
      if (!dfa) dfa = std::make_unique<regex::Dfa>(program);
      const bool found = dfa->search(text);
      if (dfa->memory_bytes() > kMaxKeptDfaBytes) dfa.reset();
      return found;
    } catch (...) {
      dfa.reset();  // perhaps half-updated
      throw;
    }
  }
};

std::shared_ptr<const CompiledPattern> compile_pattern(std::string_view pattern) {
  auto compiled = std::make_shared<CompiledPattern>();
  regex::ParsedPattern parsed;
  if (regex::parse_pattern(pattern, parsed, compiled->error))
    regex::compile_program(std::move(parsed), compiled->program, compiled->error);
  return compiled;
}

// The cache: at most this many patterns and this many bytes of programs
// (and kMaxKeptDfaBytes of states each), so its size is bounded whatever
// patterns gates and facts bring.
constexpr size_t kMaxCachedPatterns = 256;
constexpr size_t kMaxCachedBytes = 32 << 20;

// Compiled patterns are cached because gates evaluate the same constant
// patterns over and over, from many threads.  A process-wide cache owned by
// this function; entries are shared_ptr so that a search in progress keeps
// its pattern alive when the cache is emptied.  When full it is emptied
// (simpler than LRU, and the patterns in use come straight back).  A
// pattern is compiled outside the lock: compiling may take a while and
// may fail for want of memory, and neither should hold up other threads.
std::shared_ptr<const CompiledPattern> cached_pattern(std::string_view pattern) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const CompiledPattern>, std::less<>> cache;
  static size_t cached_bytes = 0;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (const auto it = cache.find(pattern); it != cache.end()) return it->second;
  }
  auto compiled = compile_pattern(pattern);
  const size_t bytes = pattern.size() + compiled->program.memory_bytes();
  std::string key(pattern);
  const std::lock_guard<std::mutex> lock(mutex);
  if (cache.size() >= kMaxCachedPatterns || cached_bytes + bytes > kMaxCachedBytes) {
    cache.clear();
    cached_bytes = 0;
  }
  if (cache.emplace(std::move(key), compiled).second) cached_bytes += bytes;
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
  const auto compiled = cached_pattern(pattern);
  if (!compiled->error.empty()) {
    // At most 64 bytes of the pattern, cut at a character boundary.
    size_t cut = std::min<size_t>(pattern.size(), 64);
    while (cut < pattern.size() && cut > 0 &&
           (static_cast<unsigned char>(pattern[cut]) & 0xC0) == 0x80)
      --cut;
    std::string shown(pattern.substr(0, cut));
    if (cut < pattern.size()) shown += "...";
    return Value::error("invalid regular expression '" + shown + "': " + compiled->error);
  }
  return Value::boolean(compiled->search(text));
}

}  // namespace rollgate::cel::detail
