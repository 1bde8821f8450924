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
// SharedVector: a std::vector behind a shared pointer, copied on the first
// write while shared (progress and approvals change rarely, all at once).
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

  // Calls f(i) for every index whose entry differs (as a node, not by value)
  // between this table and `other` (same size); shared subtrees are skipped.
  template <class F>
  void for_each_difference(const PersistentTable& other, F&& f) const {
    if (other.depth_ != depth_ || other.size_ != size_) {
      for (size_t i = 0; i < std::max(size_, other.size_); ++i)
        if (i >= size_ || i >= other.size_ || (*this)[i] != other[i]) f(i);
      return;
    }
    diff(root_.get(), other.root_.get(), depth_ - 1, 0, f);
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

  template <class F>
  void diff(const Node* a, const Node* b, int level, size_t base, F& f) const {
    if (a == b) return;
    for (size_t k = 0; k < kWidth; ++k) {
      size_t index = base + (k << (kBits * level));
      if (index >= size_) return;
      if (level == 0) {
        const Entry* x = a ? &a->facts[k] : &null_entry();
        const Entry* y = b ? &b->facts[k] : &null_entry();
        if (*x != *y) f(index);
      } else {
        diff(a ? a->kids[k].get() : nullptr, b ? b->kids[k].get() : nullptr, level - 1, index, f);
      }
    }
  }

  std::shared_ptr<Node> root_;
  size_t size_ = 0;
  int depth_ = 0;
};

template <class T>
class SharedVector {
 public:
  SharedVector() = default;
  SharedVector(std::vector<T> v) : v_(std::make_shared<std::vector<T>>(std::move(v))) {}

  size_t size() const { return v_ ? v_->size() : 0; }
  bool empty() const { return size() == 0; }
  const T& operator[](size_t i) const { return (*v_)[i]; }
  const T* begin() const { return v_ ? v_->data() : nullptr; }
  const T* end() const { return v_ ? v_->data() + v_->size() : nullptr; }
  const std::vector<T>& vector() const { return v_ ? *v_ : empty_vector(); }
  // Whether both hold the very same vector (then they are equal).
  bool same(const SharedVector& other) const { return v_ == other.v_; }

  // Writers: copy first when shared.
  std::vector<T>& mutate() {
    if (!v_) v_ = std::make_shared<std::vector<T>>();
    else if (v_.use_count() > 1) v_ = std::make_shared<std::vector<T>>(*v_);
    return *v_;
  }
  void resize(size_t n) {
    if (size() != n) mutate().resize(n);
  }
  void set(size_t i, T value) { mutate()[i] = std::move(value); }
  void push_back(T value) { mutate().push_back(std::move(value)); }

 private:
  static const std::vector<T>& empty_vector() {
    static const std::vector<T> empty;
    return empty;
  }
  std::shared_ptr<std::vector<T>> v_;
};

}  // namespace rollgate::engine
