// The approvals of a facts document by the stage they name, so that
// deciding a stage reads only its own approvals (rule 8) and a plan of many
// stages with many approvals stays linear.
#pragma once

#include <memory>

#include "engine/fact_table.hpp"
#include "support/grouping.hpp"

namespace rollgate::engine {

struct Approval;

struct ApprovalIndex {
  // The approvals indexed.  Holding them means they cannot change in place
  // under the index: a writer copies a shared vector first.
  SharedVector<Approval> of;
  // Indices into `of` by stage, in input order.
  Grouping by_stage;

  static std::shared_ptr<const ApprovalIndex> build(const SharedVector<Approval>& approvals,
                                                    size_t stage_count);
  // Whether this index is of exactly these approvals (else scan them).
  bool indexes(const SharedVector<Approval>& approvals, size_t stage_count) const {
    return of.same(approvals) && by_stage.covers(stage_count);
  }
};

}  // namespace rollgate::engine
