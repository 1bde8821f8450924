// A compiled regular expression: a Thompson NFA as an array of
// instructions, built from the parse tree (syntax.hpp) and run by
// search.hpp.  Immutable once built, so one program serves many threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cel/library/regex/syntax.hpp"

namespace rollgate::cel::detail::regex {

enum class Op : uint8_t {
  kMatch,      // the pattern has matched
  kClass,      // consume one code point in classes[arg], go to next
  kSplit,      // go to both next and alt
  kAssertion,  // go to next if `assertion` holds here
};

struct Instruction {
  Op op = Op::kMatch;
  Assertion assertion = Assertion::kBeginText;
  uint32_t arg = 0;
  uint32_t next = 0;
  uint32_t alt = 0;
};

struct Program {
  std::vector<Instruction> instructions;  // instructions[0] is the match
  std::vector<CharClass> classes;
  uint32_t start = 0;
  // Every match begins at the start of the text (the pattern begins with
  // ^ or \A): the search need not try later positions.
  bool anchored_at_start = false;

  size_t memory_bytes() const;
};

// The most instructions a program may have.  Counted repetition copies its
// operand (x{1000} is a thousand instructions), so this is what bounds a
// program built from a short pattern: about 4 MB.
inline constexpr size_t kMaxInstructions = 200000;

// Compiles a parsed pattern; false with RE2's wording in `error` when the
// program would pass kMaxInstructions.
bool compile_program(ParsedPattern parsed, Program& out, std::string& error);

}  // namespace rollgate::cel::detail::regex
