// Items grouped by the groups they name, in one pass and two flat arrays (a
// compressed sparse row): for example approvals or freezes by the stages
// they name, so that a stage reads only its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace rollgate {

struct Grouping {
  // Group g's items are items[offsets[g] .. offsets[g + 1]]: item indices,
  // in item order, each once.  Empty before group_items() made it.
  std::vector<uint32_t> offsets;
  std::vector<uint32_t> items;

  bool covers(size_t group_count) const { return offsets.size() == group_count + 1; }
  std::span<const uint32_t> of(size_t group) const {
    return {items.data() + offsets[group], items.data() + offsets[group + 1]};
  }
};

// Groups items 0 .. item_count-1 by groups_of(i), a range of group indices.
// An item naming a group twice is listed there once; group indices outside
// 0 .. group_count-1 are ignored.  O(groups + items + their group lists).
template <class GroupsOf>
Grouping group_items(size_t group_count, size_t item_count, GroupsOf groups_of) {
  Grouping g;
  g.offsets.assign(group_count + 1, 0);
  std::vector<int64_t> last(group_count);
  // A counting sort: count each group's items, then place them.
  auto each = [&](auto visit) {
    std::fill(last.begin(), last.end(), -1);
    for (size_t i = 0; i < item_count; ++i)
      for (auto group : groups_of(i))
        if (group >= 0 && size_t(group) < group_count && last[size_t(group)] != int64_t(i)) {
          last[size_t(group)] = int64_t(i);
          visit(size_t(group), uint32_t(i));
        }
  };
  each([&](size_t group, uint32_t) { ++g.offsets[group + 1]; });
  for (size_t k = 0; k < group_count; ++k) g.offsets[k + 1] += g.offsets[k];
  g.items.resize(g.offsets.back());
  std::vector<uint32_t> next(g.offsets.begin(), g.offsets.end() - 1);
  each([&](size_t group, uint32_t i) { g.items[next[group]++] = i; });
  return g;
}

}  // namespace rollgate
