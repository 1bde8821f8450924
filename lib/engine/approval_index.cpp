#include "engine/approval_index.hpp"

#include "engine/inputs.hpp"

namespace rollgate::engine {

std::shared_ptr<const ApprovalIndex> ApprovalIndex::build(const SharedVector<Approval>& approvals,
                                                          size_t stage_count) {
  auto index = std::make_shared<ApprovalIndex>();
  index->of = approvals;
  index->offsets.assign(stage_count + 1, 0);
  // Counting sort by stage; an approval naming a stage twice counts once.
  std::vector<int64_t> last(stage_count, -1);
  auto each = [&](auto visit) {
    std::fill(last.begin(), last.end(), -1);
    for (size_t a = 0; a < approvals.size(); ++a)
      for (int s : approvals[a].stages)
        if (s >= 0 && size_t(s) < stage_count && last[size_t(s)] != int64_t(a)) {
          last[size_t(s)] = int64_t(a);
          visit(size_t(s), uint32_t(a));
        }
  };
  each([&](size_t s, uint32_t) { ++index->offsets[s + 1]; });
  for (size_t s = 0; s < stage_count; ++s) index->offsets[s + 1] += index->offsets[s];
  index->entries.resize(index->offsets.back());
  std::vector<uint32_t> next(index->offsets.begin(), index->offsets.end() - 1);
  each([&](size_t s, uint32_t a) { index->entries[next[s]++] = a; });
  return index;
}

}  // namespace rollgate::engine
