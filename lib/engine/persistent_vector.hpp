// A persistent vector of values: PersistentTable (fact_table.hpp) with a
// default value in place of a missing entry, and push_back.  Copying one is
// O(1); set() and push_back() copy only the log32(n) nodes on the way to the
// entry where they are shared, so a session changes one stage's progress or
// adds one approval without copying the others, while the reports made
// earlier keep what they were made from.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <utility>

#include "engine/fact_table.hpp"

namespace rollgate::engine {

template <class T>
class PersistentVector {
 public:
  using Entry = typename PersistentTable<T>::Entry;  // null = the default T

  size_t size() const { return table_.size(); }
  bool empty() const { return table_.empty(); }

  // The value at i (i < size()); a default T where none was set.
  const T& operator[](size_t i) const {
    const Entry& e = table_[i];
    return e ? *e : default_value();
  }
  // The entry itself: null where no value was set.  Two entries are the
  // same node only if nothing changed them.
  const Entry& entry(size_t i) const { return table_[i]; }

  // Grows (or shrinks) to n values; new ones are default.
  void resize(size_t n) { table_.resize(n); }
  void set(size_t i, T value) { table_.set(i, std::make_shared<const T>(std::move(value))); }
  // One node shared by several indices (a matrix id's expansions); null
  // makes the value at i default again.
  void set(size_t i, Entry value) { table_.set(i, std::move(value)); }
  void push_back(T value) {
    size_t n = size();
    table_.resize(n + 1);
    set(n, std::move(value));
  }

  // Whether both are the very same vector (then they are equal): O(1).
  bool same(const PersistentVector& other) const { return table_.same(other.table_); }
  // Calls f(i), in order, for every index whose entry differs (as a node,
  // not by value) between the two; shared subtrees are skipped.
  template <class F>
  void for_each_difference(const PersistentVector& other, F&& f) const {
    table_.for_each_difference(other.table_, std::forward<F>(f));
  }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = T;
    using difference_type = std::ptrdiff_t;
    using pointer = const T*;
    using reference = const T&;

    const_iterator(const PersistentVector* v, size_t i) : v_(v), i_(i) {}
    const T& operator*() const { return (*v_)[i_]; }
    const T* operator->() const { return &(*v_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator before = *this;
      ++i_;
      return before;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
    friend bool operator!=(const const_iterator& a, const const_iterator& b) { return a.i_ != b.i_; }

   private:
    const PersistentVector* v_;
    size_t i_;
  };
  // In index order, O(log32 n) per step.
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

 private:
  static const T& default_value() {
    static const T value{};
    return value;
  }
  PersistentTable<T> table_;
};

}  // namespace rollgate::engine
