#include "engine/inputs_edits.hpp"

#include <memory>
#include <utility>

namespace rollgate::engine {

void set_fact(Inputs& inputs, size_t fact, std::optional<FactInput> value) {
  inputs.facts.set(fact, std::move(value));
}

void set_progress(Inputs& inputs, const std::vector<int>& stages, std::optional<StageProgress> progress) {
  PersistentVector<StageProgress>::Entry shared;
  if (progress) shared = std::make_shared<const StageProgress>(std::move(*progress));
  for (int s : stages) inputs.progress.set(size_t(s), shared);
}

void add_approval(Inputs& inputs, Approval approval, size_t stage_count) {
  PersistentVector<Approval> before = inputs.approvals;  // O(1): shares every node
  inputs.approvals.push_back(std::move(approval));
  inputs.approvals_by_stage =
      ApprovalIndex::after_push_back(inputs.approvals_by_stage, before, inputs.approvals, stage_count);
}

}  // namespace rollgate::engine
