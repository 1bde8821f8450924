#include "cel/library/regex/search.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "text/utf8.hpp"

namespace rollgate::cel::detail::regex {

namespace {

// What an assertion needs to know about the characters on either side of
// a position.  kNone is the start (before) or the end (after) of the text.
enum class Side : uint8_t { kNone, kNewline, kWord, kOther };

Side side_of(char32_t c) {
  if (c == '\n') return Side::kNewline;
  const bool word = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
  return word ? Side::kWord : Side::kOther;
}

bool holds(Assertion assertion, Side before, Side after) {
  switch (assertion) {
    case Assertion::kBeginText: return before == Side::kNone;
    case Assertion::kEndText: return after == Side::kNone;
    case Assertion::kBeginLine: return before == Side::kNone || before == Side::kNewline;
    case Assertion::kEndLine: return after == Side::kNone || after == Side::kNewline;
    case Assertion::kWordBoundary: return (before == Side::kWord) != (after == Side::kWord);
    case Assertion::kNotWordBoundary: return (before == Side::kWord) == (after == Side::kWord);
  }
  return false;
}

// A malformed UTF-8 byte reads as this plus the byte: past U+10FFFF, so in
// no class, not even a negated one, as in RE2.
constexpr char32_t kMalformedByte = 0x110000;

// Transition results besides a state's index.
constexpr int32_t kUnknown = -1;  // not computed yet
constexpr int32_t kMatched = -2;  // the pattern matched before this character
constexpr int32_t kDead = -3;     // no thread is left and none can start
constexpr uint8_t kSideNone = static_cast<uint8_t>(Side::kNone);

}  // namespace

Dfa::Dfa(const Program& program) : program_(program), mark_(program.instructions.size(), 0) {}

bool Dfa::search(std::string_view text) {
  if (start_state_ < 0 || start_epoch_ != epoch_) {
    start_state_ = intern({program_.start}, kSideNone);
    start_epoch_ = epoch_;
  }
  int32_t state = start_state_;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = next_char(text, pos);
    int32_t next = cached(state, c);
    if (next == kUnknown) {
      const uint64_t epoch = epoch_;
      next = step(state, c);
      if (epoch == epoch_) remember(state, c, next);
    }
    if (next == kMatched) return true;
    if (next == kDead) return false;
    state = next;
  }
  return closure(states_[static_cast<size_t>(state)], kSideNone);
}

size_t Dfa::memory_bytes() const { return bytes_ + mark_.size() * sizeof(uint32_t); }

char32_t Dfa::next_char(std::string_view text, size_t& pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    ++pos;
    return byte;
  }
  if (const auto c = text::decode_utf8(text, pos)) return *c;
  ++pos;
  return kMalformedByte + byte;
}

int32_t Dfa::cached(int32_t state, char32_t c) const {
  if (c < 128) return states_[static_cast<size_t>(state)].ascii[c];
  const auto it = other_.find(other_key(state, c));
  return it == other_.end() ? kUnknown : it->second;
}

void Dfa::remember(int32_t state, char32_t c, int32_t next) {
  if (c < 128) {
    states_[static_cast<size_t>(state)].ascii[c] = next;
  } else {
    other_.emplace(other_key(state, c), next);
    bytes_ += 32;
  }
}

uint64_t Dfa::other_key(int32_t state, char32_t c) { return (static_cast<uint64_t>(state) << 32) | c; }

bool Dfa::closure(const State& state, uint8_t after_side) {
  const auto after = static_cast<Side>(after_side);
  const auto before = static_cast<Side>(state.before);
  begin_marking();
  waiting_.clear();
  stack_.assign(state.threads.begin(), state.threads.end());
  while (!stack_.empty()) {
    const uint32_t pc = stack_.back();
    stack_.pop_back();
    if (mark_[pc] == generation_) continue;
    mark_[pc] = generation_;
    const Instruction& instruction = program_.instructions[pc];
    switch (instruction.op) {
      case Op::kMatch: return true;
      case Op::kClass: waiting_.push_back(pc); break;
      case Op::kSplit:
        stack_.push_back(instruction.alt);
        stack_.push_back(instruction.next);
        break;
      case Op::kAssertion:
        if (holds(instruction.assertion, before, after)) stack_.push_back(instruction.next);
        break;
    }
  }
  return false;
}

int32_t Dfa::step(int32_t state_index, char32_t c) {
  const Side side = c >= kMalformedByte ? Side::kOther : side_of(c);
  if (closure(states_[static_cast<size_t>(state_index)], static_cast<uint8_t>(side))) return kMatched;
  begin_marking();
  next_threads_.clear();
  for (const uint32_t pc : waiting_) {
    const Instruction& instruction = program_.instructions[pc];
    if (!program_.classes[instruction.arg].contains(c)) continue;
    if (mark_[instruction.next] == generation_) continue;
    mark_[instruction.next] = generation_;
    next_threads_.push_back(instruction.next);
  }
  // An unanchored search may start a match at every position.
  if (!program_.anchored_at_start && mark_[program_.start] != generation_)
    next_threads_.push_back(program_.start);
  if (next_threads_.empty()) return kDead;
  std::sort(next_threads_.begin(), next_threads_.end());
  return intern(next_threads_, static_cast<uint8_t>(side));
}

int32_t Dfa::intern(const std::vector<uint32_t>& threads, uint8_t before) {
  key_.assign(1, static_cast<char>(before));
  key_.append(reinterpret_cast<const char*>(threads.data()), threads.size() * sizeof(uint32_t));
  if (const auto it = index_.find(key_); it != index_.end()) return it->second;
  const size_t cost = sizeof(State) + 2 * key_.size() + 64;
  if (bytes_ + cost > kMaxSearchStateBytes && !states_.empty()) {
    states_.clear();
    index_.clear();
    other_.clear();
    bytes_ = 0;
    ++epoch_;
  }
  State state;
  state.threads = threads;
  state.before = before;
  state.ascii.fill(kUnknown);
  states_.push_back(std::move(state));
  const auto index = static_cast<int32_t>(states_.size() - 1);
  index_.emplace(key_, index);
  bytes_ += cost;
  return index;
}

void Dfa::begin_marking() {
  if (++generation_ == 0) {  // wrapped: old marks could collide
    std::fill(mark_.begin(), mark_.end(), 0);
    generation_ = 1;
  }
}

bool search(const Program& program, std::string_view text) { return Dfa(program).search(text); }

}  // namespace rollgate::cel::detail::regex
