#include "engine/approval_index.hpp"

#include "engine/inputs.hpp"

namespace rollgate::engine {

std::shared_ptr<const ApprovalIndex> ApprovalIndex::build(const PersistentVector<Approval>& approvals,
                                                          size_t stage_count) {
  auto index = std::make_shared<ApprovalIndex>();
  index->of = approvals;
  index->stage_count = stage_count;
  index->grouped = std::make_shared<const Grouping>(group_items(
      stage_count, approvals.size(), [&](size_t a) -> const std::vector<int>& { return approvals[a].stages; }));
  index->appended.resize(stage_count);
  return index;
}

std::shared_ptr<const ApprovalIndex> ApprovalIndex::after_push_back(
    const std::shared_ptr<const ApprovalIndex>& index, const PersistentVector<Approval>& before,
    const PersistentVector<Approval>& approvals, size_t stage_count) {
  auto next = std::make_shared<ApprovalIndex>();
  if (index && index->indexes(before, stage_count)) {
    *next = *index;  // shares the grouping and the appended table's nodes
  } else if (before.empty()) {
    next->stage_count = stage_count;
    next->appended.resize(stage_count);
  } else {
    return build(approvals, stage_count);
  }
  next->of = approvals;
  uint32_t added = uint32_t(approvals.size() - 1);
  for (int s : approvals[added].stages) {
    if (s < 0 || size_t(s) >= stage_count) continue;
    std::vector<uint32_t> of_stage;
    if (const auto& more = next->appended[size_t(s)]) of_stage = *more;
    if (!of_stage.empty() && of_stage.back() == added) continue;  // a stage named twice counts once
    of_stage.push_back(added);
    next->appended.set(size_t(s), std::make_shared<const std::vector<uint32_t>>(std::move(of_stage)));
  }
  return next;
}

}  // namespace rollgate::engine
