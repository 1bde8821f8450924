// How much did-you-mean work one document may cost.  A suggestion compares
// the unknown name with every known one, so a document with many unknown
// names among many known ones costs their product: 5,000 references to
// unknown 256-character stage ids among 5,000 such ids is 25 million
// comparisons of up to 44,000 cells each.  One budget per document bounds
// the whole; once it is spent, later problems come without a suggestion.
#pragma once

#include <cstddef>

namespace rollgate::text {

// The default: about a tenth of a second of comparing, far more than the
// suggestions of the 100 problems a document reports (docs/LIMITS.md).
inline constexpr size_t kSuggestionCellsPerDocument = 50'000'000;

class SuggestionBudget {
 public:
  explicit SuggestionBudget(size_t cells = kSuggestionCellsPerDocument) : left_(cells) {}

  // Takes `cells` from the budget when they are all there; otherwise
  // empties it, so that every later request is refused too and a document
  // never gets suggestions for some problems past the point where others
  // got none.
  bool spend(size_t cells) {
    if (cells > left_) {
      left_ = 0;
      spent_ = true;
      return false;
    }
    left_ -= cells;
    return true;
  }

  // True once a request was refused.
  bool spent() const { return spent_; }

 private:
  size_t left_;
  bool spent_ = false;
};

}  // namespace rollgate::text
