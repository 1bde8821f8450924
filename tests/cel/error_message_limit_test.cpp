// An error value's message is at most kMaxErrorMessageBytes: messages quote
// values ("no such key: ..."), and each gate's goes into the report, so a
// 10 MB fact read by 100 gates made a 3 GB report (issue 10).
#include <doctest/doctest.h>

#include <string>

#include "cel/common/value.hpp"

using rollgate::cel::kMaxErrorMessageBytes;
using rollgate::cel::Value;

TEST_CASE("an error message past kMaxErrorMessageBytes is shortened, its size said") {
  const Value e = Value::error("no such key: " + std::string(10'000'000, 'x'));
  CHECK(e.error_message().size() < kMaxErrorMessageBytes + 32);
  CHECK(e.error_message().rfind("no such key: xxx", 0) == 0);
  CHECK(e.error_message().find("… (10000013 bytes)") != std::string::npos);
}

TEST_CASE("an error message within kMaxErrorMessageBytes is kept whole") {
  const std::string message(kMaxErrorMessageBytes, 'm');
  CHECK(Value::error(message).error_message() == message);
}
