// Fuzz target: the plan diff.  The input is two plans separated by a line
// "----" (without it, the whole input against the fixture plan); when both
// compile they are diffed both ways, as JSON and as text.
#include <string_view>

#include "fixture.hpp"

using namespace rollgate_fuzz;

namespace {

rollgate_plan* compile(std::string_view text, const char* name) {
  rollgate_plan* plan = nullptr;
  rollgate_error* err = nullptr;
  if (rollgate_plan_compile(&plan, text.data(), text.size(), name, &err) != ROLLGATE_OK) drain(err);
  return plan;
}

void diff(const rollgate_plan* from, const rollgate_plan* to) {
  for (rollgate_format format : {ROLLGATE_FORMAT_JSON, ROLLGATE_FORMAT_TEXT}) {
    char* out = nullptr;
    int32_t loosened = 0;
    rollgate_error* err = nullptr;
    if (rollgate_plan_diff(&out, nullptr, &loosened, from, to, format, &err) != ROLLGATE_OK) drain(err);
    rollgate_free(out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t cut = input.find("\n----\n");
  const std::string_view old_text = cut == std::string_view::npos ? std::string_view(kPlan) : input.substr(0, cut);
  const std::string_view new_text = cut == std::string_view::npos ? input : input.substr(cut + 6);
  rollgate_plan* old_plan = compile(old_text, "old.json");
  rollgate_plan* new_plan = old_plan ? compile(new_text, "new.json") : nullptr;
  if (old_plan && new_plan) {
    diff(old_plan, new_plan);
    diff(new_plan, old_plan);
  }
  rollgate_plan_free(new_plan);
  rollgate_plan_free(old_plan);
  return 0;
}
