// Persistent containers for Inputs, so that a session can change one fact
// (or one stage's progress) without copying every input, while reports made
// earlier keep the inputs they were made from.
//
// FactTable (PersistentTable<FactInput>, inputs.hpp): the facts by index, a 32-way radix trie of shared, immutable
// FactInput nodes.  Copying a table is O(1) (the root is shared); set()
// copies the nodes on the path to the entry (log32 n nodes of 32 pointers)
// only where they are shared, and changes them in place where this table is
// their only owner, so a run of set() calls between two copies costs O(1)
// each after the first.  Two tables that share a subtree skip it when
// compared (for_each_difference).
//
// The same table with a default value for missing entries, for a stage's
// progress and the approvals: PersistentVector (persistent_vector.hpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace rollgate::engine {

template <class T>
class PersistentTable {
 public:
  using Entry = std::shared_ptr<const T>;  // null = missing

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // The fact at `i` (i < size()), or a null entry when it is missing.
  const Entry& operator[](size_t i) const {
    const Node* n = root_.get();
    for (int level = depth_ - 1; level > 0 && n; --level) n = n->kids[(i >> (kBits * level)) & kMask].get();
    return n ? n->facts[i & kMask] : null_entry();
  }

  // Grows (or shrinks) to n entries; new entries are missing.
  void resize(size_t n) {
    if (n < size_) {
      for (size_t i = n; i < size_; ++i) set(i, nullptr);
    }
    size_ = n;
    while (capacity() < n) {
      if (root_) {
        auto up = std::make_shared<Node>();
        up->kids[0] = std::move(root_);
        root_ = std::move(up);
      }
      ++depth_;
    }
  }

  void set(size_t i, Entry value) {
    std::shared_ptr<Node>* slot = &root_;
    for (int level = depth_ - 1;; --level) {
      if (!*slot) {
        if (!value) return;  // already missing
        *slot = std::make_shared<Node>();
      } else if (slot->use_count() > 1) {
        *slot = std::make_shared<Node>(**slot);  // shared: copy on write
      }
      Node& n = **slot;
      if (level == 0) {
        n.facts[i & kMask] = std::move(value);
        return;
      }
      slot = &n.kids[(i >> (kBits * level)) & kMask];
    }
  }
  void set(size_t i, std::optional<T> value) {
    set(i, value ? std::make_shared<const T>(std::move(*value)) : Entry());
  }

  // Whether both are the very same table (then they are equal): O(1).
  bool same(const PersistentTable& other) const {
    return root_ == other.root_ && size_ == other.size_ && depth_ == other.depth_;
  }

  // Calls f(i), in index order, for every index whose entry differs (as a
  // node, not by value) between this table and `other`; an index that only
  // one of them has counts when its entry there is not missing.  Shared
  // subtrees are skipped, also between tables of different sizes (one grown
  // from the other): the shallower table's entries lie in the deeper one's
  // first subtrees.
  template <class F>
  void for_each_difference(const PersistentTable& other, F&& f) const {
    size_t bound = std::max(size_, other.size_);
    const PersistentTable& deep = depth_ >= other.depth_ ? *this : other;
    const PersistentTable& shallow = depth_ >= other.depth_ ? other : *this;
    if (shallow.depth_ == 0) {
      each_entry(deep.root_.get(), deep.depth_ - 1, 0, bound, f);
      return;
    }
    diff_deeper(deep.root_.get(), deep.depth_ - 1, shallow.root_.get(), shallow.depth_ - 1, bound, f);
  }

 private:
  static constexpr int kBits = 5;
  static constexpr size_t kWidth = size_t(1) << kBits;
  static constexpr size_t kMask = kWidth - 1;

  // An interior node uses kids, a leaf (level 0) uses facts.
  struct Node {
    std::array<std::shared_ptr<Node>, kWidth> kids;
    std::array<Entry, kWidth> facts;
  };

  static const Entry& null_entry() {
    static const Entry null;
    return null;
  }

  size_t capacity() const { return depth_ == 0 ? 0 : size_t(1) << (kBits * depth_); }

  // Entries beyond either table's size are missing, so `bound` may be the
  // larger size.
  template <class F>
  static void diff(const Node* a, const Node* b, int level, size_t base, size_t bound, F& f) {
    if (a == b) return;
    for (size_t k = 0; k < kWidth; ++k) {
      size_t index = base + (k << (kBits * level));
      if (index >= bound) return;
      if (level == 0) {
        const Entry* x = a ? &a->facts[k] : &null_entry();
        const Entry* y = b ? &b->facts[k] : &null_entry();
        if (*x != *y) f(index);
      } else {
        diff(a ? a->kids[k].get() : nullptr, b ? b->kids[k].get() : nullptr, level - 1, index, bound, f);
      }
    }
  }

  // `a` (at `level`, holding indices from 0) against `b`, the root of a
  // shallower table (at b_level): `b` lines up with a's first subtree at
  // b_level; everything else of `a` is beyond b's reach.
  template <class F>
  static void diff_deeper(const Node* a, int level, const Node* b, int b_level, size_t bound, F& f) {
    if (level == b_level) {
      diff(a, b, level, 0, bound, f);
      return;
    }
    diff_deeper(a ? a->kids[0].get() : nullptr, level - 1, b, b_level, bound, f);
    if (a)
      for (size_t k = 1; k < kWidth; ++k) each_entry(a->kids[k].get(), level - 1, k << (kBits * level), bound, f);
  }

  // Every entry that is not missing under `n` (at `level`, from `base`).
  template <class F>
  static void each_entry(const Node* n, int level, size_t base, size_t bound, F& f) {
    if (!n) return;
    for (size_t k = 0; k < kWidth; ++k) {
      size_t index = base + (k << (kBits * level));
      if (index >= bound) return;
      if (level == 0) {
        if (n->facts[k]) f(index);
      } else {
        each_entry(n->kids[k].get(), level - 1, index, bound, f);
      }
    }
  }

  std::shared_ptr<Node> root_;
  size_t size_ = 0;
  int depth_ = 0;
};

}  // namespace rollgate::engine
