#include "engine/approval_index.hpp"

#include "engine/inputs.hpp"

namespace rollgate::engine {

std::shared_ptr<const ApprovalIndex> ApprovalIndex::build(const SharedVector<Approval>& approvals,
                                                          size_t stage_count) {
  auto index = std::make_shared<ApprovalIndex>();
  index->of = approvals;
  index->by_stage = group_items(stage_count, approvals.size(),
                                [&](size_t a) -> const std::vector<int>& { return approvals[a].stages; });
  return index;
}

}  // namespace rollgate::engine
