// rollgate_sbs_gen: writes the side-by-side workload (workload.hpp) of one
// size into a directory: plan.json, facts.json (rollgate), exprs.json and
// activation.json (the JavaScript CEL engines).  Deterministic (seed 7).
//
//   rollgate_sbs_gen GATES DIR      e.g. rollgate_sbs_gen 100000 /tmp/w100k
#include <cstdio>
#include <cstdlib>
#include <string>

#include "workload.hpp"

namespace {

std::string quote(const std::string& s) { return "\"" + s + "\""; }  // generated text never needs escapes

std::string value_json(const sbs::Fact& f) {
  using sbs::FactKind;
  switch (f.kind) {
    case FactKind::Int: return std::to_string(f.i);
    case FactKind::Double: return sbs::fmt_double(f.d);
    case FactKind::String: return quote(f.s);
    case FactKind::IntList: {
      std::string out = "[";
      for (size_t k = 0; k < f.list.size(); ++k) out += (k ? "," : "") + std::to_string(f.list[k]);
      return out + "]";
    }
    case FactKind::Map: {
      std::string out = "{";
      for (size_t k = 0; k < f.list.size(); ++k)
        out += (k ? ",\"k" : "\"k") + std::to_string(k) + "\":" + std::to_string(f.list[k]);
      return out + "}";
    }
    case FactKind::Timestamp: return quote(sbs::rfc3339(f.i));
    case FactKind::Bool: return f.i ? "true" : "false";
  }
  return "null";
}

bool write(const std::string& path, const std::string& text) {
  FILE* fp = std::fopen(path.c_str(), "wb");
  if (!fp) return false;
  bool ok = std::fwrite(text.data(), 1, text.size(), fp) == text.size();
  return std::fclose(fp) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s GATES DIR\n", argv[0]);
    return 2;
  }
  const sbs::Workload w = sbs::generate(std::atoll(argv[1]));
  const std::string dir = argv[2];

  std::string plan = "{\"rollgate\": 1, \"name\": \"sbs\", \"facts\": {\n";
  for (size_t f = 0; f < w.facts.size(); ++f)
    plan += (f ? ",\n" : "") + quote(w.facts[f].name) + ": {\"type\": \"" + sbs::kind_type(w.facts[f].kind) + "\"}";
  plan += "},\n\"stages\": [\n";
  for (size_t s = 0; s < w.stages.size(); ++s) {
    const sbs::Stage& st = w.stages[s];
    plan += (s ? ",\n" : "") + std::string("{\"id\": ") + quote(st.id);
    if (!st.after.empty()) {
      plan += ", \"after\": [";
      for (size_t k = 0; k < st.after.size(); ++k) plan += (k ? ", " : "") + quote(w.stages[size_t(st.after[k])].id);
      plan += "]";
    }
    plan += ", \"gates\": [";
    for (int g = 0; g < sbs::kGatesPerStage; ++g)
      plan += (g ? ", " : "") + std::string("{\"id\": \"g") + std::to_string(g) + "\", \"expr\": " +
              quote(w.gates[size_t(st.first_gate + g)].expr) + "}";
    plan += "]}";
  }
  plan += "\n]}\n";

  std::string facts = "{\"facts\": {\n";
  for (size_t f = 0; f < w.facts.size(); ++f) facts += (f ? ",\n" : "") + quote(w.facts[f].name) + ": " + value_json(w.facts[f]);
  facts += "},\n\"progress\": {";
  bool first = true;
  for (const auto& st : w.stages)
    if (st.done) facts += (first ? "\n" : ",\n") + quote(st.id) + ": {\"state\": \"done\"}", first = false;
  facts += "}}\n";

  std::string exprs = "[\n";
  for (size_t g = 0; g < w.gates.size(); ++g) exprs += (g ? ",\n" : "") + quote(w.gates[g].expr);
  exprs += "\n]\n";

  std::string act = std::string("{\"now\": \"") + sbs::kNowText + "\", \"vars\": {\n";
  for (size_t f = 0; f < w.facts.size(); ++f)
    act += (f ? ",\n" : "") + quote(w.facts[f].name) + ": {\"type\": \"" + sbs::kind_type(w.facts[f].kind) +
           "\", \"value\": " + value_json(w.facts[f]) + "}";
  act += "}}\n";

  size_t expected_true = 0;
  for (const auto& g : w.gates) expected_true += g.expected;
  if (!write(dir + "/plan.json", plan) || !write(dir + "/facts.json", facts) || !write(dir + "/exprs.json", exprs) ||
      !write(dir + "/activation.json", act)) {
    std::fprintf(stderr, "cannot write into %s\n", dir.c_str());
    return 1;
  }
  std::printf("%s: %zu gates (%zu meant true), %zu stages, %zu facts, plan.json %.1f MB\n", dir.c_str(),
              w.gates.size(), expected_true, w.stages.size(), w.facts.size(), double(plan.size()) / 1e6);
  return 0;
}
