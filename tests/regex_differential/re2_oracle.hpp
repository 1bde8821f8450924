// RE2 as the oracle of matches() (lib/cel/library/regex.hpp), with the
// places where matches() parts from RE2 on purpose (docs/DECISIONS.md,
// "matches() has its own engine") each checked against what the decision
// says rather than left out.  Shared by the differential test
// (regex_differential_test.cpp) and the regex fuzz target
// (tests/fuzz/regex_fuzz.cpp).
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate::testing::regex_oracle {

// The code point of the well-formed UTF-8 sequence at `at` and its length,
// or length 0 when the bytes there are not one (overlong, surrogate, past
// U+10FFFF, truncated, a stray continuation byte).
struct Decoded {
  char32_t code = 0;
  size_t length = 0;
};
Decoded decode_utf8(std::string_view s, size_t at);
bool is_valid_utf8(std::string_view s);

// The deviations, and how each is checked:
//   - \C (any byte) is refused: it splits characters, which CEL strings
//     cannot hold; cel-go refuses it too.  Checked: our error names \C.
//   - (?<name>re) is accepted, as RE2 has since 2023 and Go since 1.22
//     (RE2 2022 refuses it).  Checked: the same answers as RE2 gives for
//     (?P<name>re).
//   - A pattern that is not well-formed UTF-8 is refused (RE2 takes
//     surrogates U+D800..DFFF written in UTF-8).  CEL strings are always
//     well-formed.  Checked: ours is an error.
//   - Programs larger than RE2's max_mem of 8 MiB (\pL{1000}) are taken
//     up to kMaxInstructions.  Checked: the same answers as RE2 with 1 GiB.
//   - Texts that are not well-formed UTF-8 are never given to matches() by
//     CEL; ours reads each bad byte as a character no class names.
//     Checked: a true or false answer, not compared.
//   - \B is decided between characters, never inside one (RE2 decides it
//     between bytes, so \B matches inside 'ñ' in "añb"; Go's regexp, which
//     cel-go uses, between characters as we do).  Counted when RE2 says
//     true, ours false, and the pattern has \B and the text non-ASCII.
class Re2Oracle {
 public:
  // RE2 is built with the options regex_search has always used: UTF-8,
  // log_errors off, max_mem 8 MiB.
  explicit Re2Oracle(std::string_view pattern);

  // What RE2 makes of the pattern as written.
  const re2::RE2& original() const { return *original_; }
  // "accepts the pattern" or "refuses the pattern: <why>", of the RE2 that
  // gives the expected answers.
  std::string re2_verdict() const;
  // The deviations that concern the pattern (names for counting).
  const std::vector<const char*>& pattern_deviations() const { return deviations_; }

  struct Judgement {
    bool agrees = false;
    std::string expected;  // "true", "false", "invalid" or what our error must name
    std::string ours;      // "true", "false" or our error's message
    const char* deviation = nullptr;  // a deviation of this text, if any
  };
  // Runs matches() on `text` and judges its answer.
  Judgement judge(std::string_view text) const;

 private:
  std::string pattern_;
  std::unique_ptr<re2::RE2> original_;
  const re2::RE2* oracle_ = nullptr;  // original_ or rewritten_
  std::unique_ptr<re2::RE2> rewritten_;
  std::string expected_error_;  // non-empty: ours must refuse, naming this
  std::vector<const char*> deviations_;
};

}  // namespace rollgate::testing::regex_oracle
