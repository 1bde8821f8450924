#include "test_helpers.hpp"

using namespace rollgate::cel;
using namespace rollgate::cel::testing;

TEST_CASE("simple arithmetic and comparison evaluate") {
  CHECK(eval_text("1 + 2 * 3") == "7");
  CHECK(eval_text("1 + 2 * 3 == 7") == "true");
}
