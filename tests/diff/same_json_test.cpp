// same_json: the diff's deep equality of written plan values, which must
// not allocate (Boost.JSON's operator== copies object members inside a
// noexcept function, so running out of memory there ended the process;
// the allocation-failure sweep, tests/alloc_failure, found it).
#include <doctest/doctest.h>

#include <boost/json/parse.hpp>
#include <cstddef>
#include <new>

#include "diff/same_json.hpp"

namespace {

// Counts what the values made on it allocate.
class CountingResource : public boost::json::memory_resource {
 public:
  std::size_t allocations = 0;

 private:
  void* do_allocate(std::size_t bytes, std::size_t alignment) override {
    ++allocations;
    return ::operator new(bytes, std::align_val_t(alignment));
  }
  void do_deallocate(void* block, std::size_t, std::size_t alignment) override {
    ::operator delete(block, std::align_val_t(alignment));
  }
  bool do_is_equal(const boost::json::memory_resource& other) const noexcept override { return this == &other; }
};

bool same(const char* a, const char* b) {
  return rollgate::diff::same_json(boost::json::parse(a), boost::json::parse(b));
}

}  // namespace

TEST_CASE("same_json compares objects whatever their member order, deeply") {
  CHECK(same(R"({"a": 1, "b": {"c": [1, "x", null]}})", R"({"b": {"c": [1, "x", null]}, "a": 1})"));
  CHECK_FALSE(same(R"({"a": 1, "b": {"c": [1, "x"]}})", R"({"a": 1, "b": {"c": [1, "y"]}})"));
  CHECK_FALSE(same(R"({"a": 1})", R"({"a": 1, "b": 2})"));
  CHECK_FALSE(same(R"({"a": 1})", R"({"b": 1})"));
}

TEST_CASE("same_json compares arrays in order and scalars by kind and value") {
  CHECK(same("[1, 2]", "[1, 2]"));
  CHECK_FALSE(same("[1, 2]", "[2, 1]"));
  CHECK_FALSE(same("[1]", "{}"));
  CHECK_FALSE(same("1", "1.0"));
  CHECK_FALSE(same("\"1\"", "1"));
  CHECK(same("null", "null"));
}

TEST_CASE("same_json allocates nothing, even comparing objects") {
  CountingResource resource;
  const boost::json::value a = boost::json::parse(R"({"id": "pilot", "gates": [{"id": "g", "expr": "u >= 1"}]})",
                                                  boost::json::storage_ptr(&resource));
  const boost::json::value b = boost::json::parse(R"({"gates": [{"expr": "u >= 1", "id": "g"}], "id": "pilot"})",
                                                  boost::json::storage_ptr(&resource));
  const std::size_t before = resource.allocations;
  CHECK(rollgate::diff::same_json(a, b));
  CHECK(resource.allocations == before);
}
