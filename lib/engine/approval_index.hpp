// The approvals of a facts document by the stage they name, so that
// deciding a stage reads only its own approvals (rule 8) and a plan of many
// stages with many approvals stays linear.
//
// The loaders group all approvals at once (build: O(stages + approvals)); a
// session that adds one approval (rollgate_session_add_approval) extends the
// index in O(log stages) per stage the approval names (appended), sharing
// everything else with the index before, so that adding an approval never
// costs O(plan).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "engine/fact_table.hpp"
#include "engine/persistent_vector.hpp"
#include "support/grouping.hpp"

namespace rollgate::engine {

struct Approval;

struct ApprovalIndex {
  // The approvals indexed.  Holding them means they cannot change in place
  // under the index: a writer copies shared nodes first.
  PersistentVector<Approval> of;
  size_t stage_count = 0;
  // Indices into `of` by stage, in input order: those grouped by build()
  // (null: none), then those appended one at a time since, by stage.
  std::shared_ptr<const Grouping> grouped;
  PersistentTable<std::vector<uint32_t>> appended;

  static std::shared_ptr<const ApprovalIndex> build(const PersistentVector<Approval>& approvals,
                                                    size_t stage_count);
  // The index of `approvals`, which is `before` with one approval pushed
  // back: this index extended when it is of `before` (or `before` is
  // empty), else built afresh.
  static std::shared_ptr<const ApprovalIndex> after_push_back(const std::shared_ptr<const ApprovalIndex>& index,
                                                              const PersistentVector<Approval>& before,
                                                              const PersistentVector<Approval>& approvals,
                                                              size_t stage_count);

  // Whether this index is of exactly these approvals (else scan them).
  bool indexes(const PersistentVector<Approval>& approvals, size_t stages) const {
    return of.same(approvals) && stage_count == stages;
  }

  // Calls visit(i) for every approval i of `stage`, in input order.
  template <class Visit>
  void for_each_of_stage(size_t stage, Visit&& visit) const {
    if (grouped)
      for (uint32_t a : grouped->of(stage)) visit(a);
    if (const auto& more = appended[stage])
      for (uint32_t a : *more) visit(a);
  }
};

}  // namespace rollgate::engine
