// Whether a compiled program (program.hpp) matches anywhere in a text.
//
// The search runs the NFA as a DFA built lazily, one state per set of NFA
// threads, the way RE2 does: each code point costs one table look-up once
// its state is known and at most one pass over the program when it is not,
// so time is linear in the text whatever the pattern.  The states live for
// as long as their Dfa, within a fixed budget (kMaxSearchStateBytes); past
// it they are dropped and rebuilt, which keeps memory bounded and time
// linear.  A Dfa may be kept for the next search of the same program (most
// of a short search's time is building states); it is used by one thread
// at a time.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cel/library/regex/program.hpp"

namespace rollgate::cel::detail::regex {

inline constexpr size_t kMaxSearchStateBytes = 2 << 20;

// The states of a program's DFA, built as searches need them.  If a search
// throws (std::bad_alloc), the Dfa may be half-updated: discard it.
class Dfa {
 public:
  // `program` must outlive the Dfa.
  explicit Dfa(const Program& program);

  // Whether the program matches a substring of `text` (UTF-8; a malformed
  // byte is a character that no class contains).
  bool search(std::string_view text);

  // What the states and scratch take, roughly, in bytes.
  size_t memory_bytes() const;

 private:
  // A set of NFA threads (the instructions they wait at, before following
  // empty moves, sorted), the kind of character just read (search.cpp's
  // Side), and the transitions on ASCII characters.
  struct State {
    std::vector<uint32_t> threads;
    uint8_t before = 0;
    std::array<int32_t, 128> ascii;
  };

  static char32_t next_char(std::string_view text, size_t& pos);
  int32_t cached(int32_t state, char32_t c) const;
  void remember(int32_t state, char32_t c, int32_t next);
  static uint64_t other_key(int32_t state, char32_t c);
  // Follows the empty moves from `state`'s threads where the character
  // after is of kind `after_side`: true if that reaches the match; the
  // consuming instructions reached are left in waiting_.
  bool closure(const State& state, uint8_t after_side);
  // The state after reading `c` in `state`, or a negative marker (matched,
  // dead).
  int32_t step(int32_t state_index, char32_t c);
  // The index of the state with these threads, made if new.  Past the
  // budget every state is dropped first (epoch_ tells callers that indices
  // they hold are stale).
  int32_t intern(const std::vector<uint32_t>& threads, uint8_t before);
  void begin_marking();

  const Program& program_;
  std::vector<State> states_;
  std::unordered_map<std::string, int32_t> index_;
  std::unordered_map<uint64_t, int32_t> other_;  // transitions on non-ASCII characters
  size_t bytes_ = 0;
  uint64_t epoch_ = 0;
  int32_t start_state_ = -1;  // the state every search starts in, while start_epoch_ is epoch_
  uint64_t start_epoch_ = 0;
  // Scratch, reused by every step.
  std::vector<uint32_t> mark_;
  uint32_t generation_ = 0;
  std::vector<uint32_t> stack_;
  std::vector<uint32_t> waiting_;
  std::vector<uint32_t> next_threads_;
  std::string key_;
};

// A one-off search with a Dfa of its own.
bool search(const Program& program, std::string_view text);

}  // namespace rollgate::cel::detail::regex
