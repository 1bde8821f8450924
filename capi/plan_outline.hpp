// What the plan readers (capi/plan_readers.cpp) hand out that the compiled
// plan does not hold in that form: each stage's direct upstream stages as
// indices, and each fact's declared type as text.  Built once, when the plan
// is compiled, so that every reader takes constant time.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "plan/model.hpp"

namespace rollgate::capi {

class PlanOutline {
 public:
  PlanOutline() = default;  // an empty outline, for a plan nobody reads
  // Linear in the plan's stages, `after` entries (a matrix id counts its
  // expansions) and facts.
  explicit PlanOutline(const plan::Plan& plan);

  // The stages `stage` waits for directly, ascending, without repeats: every
  // stage its `after` names (a matrix id: all of its expansions) and, in a
  // sequential matrix, the expansion before it.
  // (Empty for every stage of an empty outline.)
  std::span<const size_t> after(size_t stage) const {
    if (stage + 1 >= after_begin_.size()) return {};
    return {after_.data() + after_begin_[stage], after_begin_[stage + 1] - after_begin_[stage]};
  }

  // The declared type of fact `index` as CEL writes it: "map(string, int)".
  // ("" for an empty outline.)
  const char* fact_type(size_t index) const {
    return index < fact_types_.size() ? fact_types_[index].c_str() : "";
  }

 private:
  // Stage s's upstream stages are after_[after_begin_[s] .. after_begin_[s+1]).
  std::vector<size_t> after_;
  std::vector<size_t> after_begin_;
  std::vector<std::string> fact_types_;
};

}  // namespace rollgate::capi
