// rollgate_plan_diff through the C ABI: outputs, ownership, and failures.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "capi_internal.hpp"
#include "plan/loader.hpp"
#include "rollgate.h"

namespace {

std::unique_ptr<rollgate_plan> plan_of(const std::string& text) {
  rollgate::plan::LoadResult loaded = rollgate::plan::load_plan(text, "plan.json");
  REQUIRE(loaded.plan);
  return std::make_unique<rollgate_plan>(rollgate_plan{loaded.plan});
}

const char* kOld = R"({"rollgate": 1, "facts": {"u": {"type": "double"}},
  "stages": [{"id": "a", "gates": [{"id": "g", "expr": "u >= 99.5"}]}]})";
const char* kLooser = R"({"rollgate": 1, "facts": {"u": {"type": "double"}},
  "stages": [{"id": "a", "gates": [{"id": "g", "expr": "u >= 99.0"}]}]})";

struct Output {
  char* text = nullptr;
  size_t length = 123;
  int32_t loosened = 7;
  rollgate_error* err = nullptr;
  ~Output() {
    rollgate_free(text);
    rollgate_error_free(err);
  }
};

}  // namespace

TEST_CASE("rollgate_plan_diff returns the JSON diff and whether it loosens") {
  auto from = plan_of(kOld);
  auto to = plan_of(kLooser);
  Output out;
  REQUIRE(rollgate_plan_diff(&out.text, &out.length, &out.loosened, from.get(), to.get(),
                             ROLLGATE_FORMAT_JSON, &out.err) == ROLLGATE_OK);
  CHECK(out.err == nullptr);
  CHECK(out.loosened == 1);
  REQUIRE(out.text != nullptr);
  std::string text(out.text);
  CHECK(text.size() == out.length);
  CHECK(text.find("\"id\": \"a/g\"") != std::string::npos);
  CHECK(text.find("\"class\": \"loosened\"") != std::string::npos);
  CHECK(text.find("\"loosened\": true") != std::string::npos);
}

TEST_CASE("rollgate_plan_diff returns the text diff; length and loosened are optional") {
  auto from = plan_of(kLooser);
  auto to = plan_of(kOld);
  Output out;
  REQUIRE(rollgate_plan_diff(&out.text, nullptr, nullptr, from.get(), to.get(), ROLLGATE_FORMAT_TEXT,
                             nullptr) == ROLLGATE_OK);
  REQUIRE(out.text != nullptr);
  CHECK(std::string(out.text).find("tightened  a/g  expr: u >= 99.0") != std::string::npos);
}

TEST_CASE("rollgate_plan_diff of a plan with itself has no changes and does not loosen") {
  auto plan = plan_of(kOld);
  Output out;
  REQUIRE(rollgate_plan_diff(&out.text, &out.length, &out.loosened, plan.get(), plan.get(),
                             ROLLGATE_FORMAT_JSON, &out.err) == ROLLGATE_OK);
  CHECK(out.loosened == 0);
  CHECK(std::string(out.text).find("\"changes\": []") != std::string::npos);
}

TEST_CASE("rollgate_plan_diff rejects NULL arguments with ROLLGATE_EINVAL and clears its outputs") {
  auto plan = plan_of(kOld);
  for (int missing = 0; missing < 3; ++missing) {
    Output out;
    char** text = missing == 0 ? nullptr : &out.text;
    const rollgate_plan* from = missing == 1 ? nullptr : plan.get();
    const rollgate_plan* to = missing == 2 ? nullptr : plan.get();
    CHECK(rollgate_plan_diff(text, &out.length, &out.loosened, from, to, ROLLGATE_FORMAT_JSON, &out.err) ==
          ROLLGATE_EINVAL);
    CHECK(out.text == nullptr);
    CHECK(out.length == 0);
    CHECK(out.loosened == 0);
    REQUIRE(out.err != nullptr);
    CHECK(rollgate_error_code(out.err) == ROLLGATE_EINVAL);
  }
  CHECK(rollgate_plan_diff(nullptr, nullptr, nullptr, nullptr, nullptr, ROLLGATE_FORMAT_JSON, nullptr) ==
        ROLLGATE_EINVAL);
}

TEST_CASE("rollgate_plan_diff rejects an unknown format with ROLLGATE_EINVAL") {
  auto plan = plan_of(kOld);
  Output out;
  CHECK(rollgate_plan_diff(&out.text, &out.length, &out.loosened, plan.get(), plan.get(),
                           static_cast<rollgate_format>(7), &out.err) == ROLLGATE_EINVAL);
  CHECK(out.text == nullptr);
  REQUIRE(out.err != nullptr);
  CHECK(std::string(rollgate_error_message(out.err)).find("unknown format 7") != std::string::npos);
}
