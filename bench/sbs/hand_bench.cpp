// rollgate_sbs_hand: the hand-written C++ evaluation of the side-by-side
// workload (workload.hpp), the floor that rollgate is measured against.
//
// Not generated source: an interpreter over a compact pre-parsed form that
// does the work hand-written code would do.  Each gate is a struct {shape,
// fact slot, constants}; facts sit in typed slots (int64, double,
// std::string, std::vector<int64_t>, std::unordered_map<std::string,
// int64_t>, unix seconds, bool); one switch per gate computes its verdict
// (the map gate hashes its key, the string gates compare std::strings).  A
// full evaluation computes every gate's verdict into an array, then every
// stage's status in plan order exactly as rollgate does for this workload
// (no approvals, freezes, should-gates or unknowns): done from progress,
// else blocked when a must-gate fails, else waiting while an upstream is not
// done, else ready.
//
//   rollgate_sbs_hand GATES [--quick]
// Prints a RESULT line (key=value) on stdout, details on stderr.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "timing.hpp"
#include "workload.hpp"

namespace {

using sbs::cpu_seconds;
using sbs::maxrss_kb;

enum class Status : uint8_t { Done, Blocked, Waiting, Ready };

struct Facts {
  std::vector<int64_t> i;  // Int, Bool, Timestamp
  std::vector<double> d;
  std::vector<std::string> s;
  std::vector<std::vector<int64_t>> list;
  std::vector<std::unordered_map<std::string, int64_t>> map;
};

struct CGate {  // the compact form
  sbs::Shape shape;
  uint32_t fact;
  int64_t a, b;
  double x, y;
  std::string key;                 // MapIndexGe
  std::vector<int64_t> ints;       // IntIn
  std::vector<std::string> strs;   // StrIn, StrPrefix, StrEq
};

struct CStage {
  bool done;
  uint32_t first_gate;
  std::vector<uint32_t> after;
};

inline bool eval_gate(const CGate& g, const Facts& f, int64_t now) {
  using sbs::Shape;
  switch (g.shape) {
    case Shape::IntGe: return f.i[g.fact] >= g.a;
    case Shape::IntLt: return f.i[g.fact] < g.a;
    case Shape::IntRange: { int64_t v = f.i[g.fact]; return v >= g.a && v <= g.b; }
    case Shape::IntIn: { int64_t v = f.i[g.fact]; for (int64_t c : g.ints) if (v == c) return true; return false; }
    case Shape::DblLe: return f.d[g.fact] <= g.x;
    case Shape::DblRange: { double v = f.d[g.fact]; return v > g.x && v < g.y; }
    case Shape::StrIn: { const std::string& v = f.s[g.fact]; for (const auto& c : g.strs) if (v == c) return true; return false; }
    case Shape::StrPrefix: { const std::string& v = f.s[g.fact]; const std::string& p = g.strs[0];
                             return v.size() >= p.size() && std::memcmp(v.data(), p.data(), p.size()) == 0; }
    case Shape::StrEq: return f.s[g.fact] == g.strs[0];
    case Shape::ListSizeGe: return int64_t(f.list[g.fact].size()) >= g.a;
    case Shape::ListExists: { for (int64_t e : f.list[g.fact]) if (e > g.a) return true; return false; }
    case Shape::ListAll: { for (int64_t e : f.list[g.fact]) if (!(e < g.a)) return false; return true; }
    case Shape::MapIndexGe: { const auto& m = f.map[g.fact]; auto it = m.find(g.key); return it != m.end() && it->second >= g.b; }
    case Shape::TsWithin: return now - f.i[g.fact] < g.a * 3600;
    case Shape::BoolIs: return (f.i[g.fact] != 0) == (g.a != 0);
  }
  return false;
}

struct Result {
  std::vector<uint8_t> verdicts;
  std::vector<Status> stages;
};

void evaluate(const std::vector<CGate>& gates, const std::vector<CStage>& stages, const Facts& f, int64_t now,
              Result& out) {
  for (size_t k = 0; k < gates.size(); ++k) out.verdicts[k] = eval_gate(gates[k], f, now);
  for (size_t s = 0; s < stages.size(); ++s) {
    const CStage& st = stages[s];
    Status status;
    if (st.done) {
      status = Status::Done;
    } else {
      bool pass = true;
      for (uint32_t g = st.first_gate; g < st.first_gate + sbs::kGatesPerStage; ++g) pass &= out.verdicts[g] != 0;
      if (!pass) {
        status = Status::Blocked;
      } else {
        bool up_done = true;
        for (uint32_t u : st.after) up_done &= out.stages[u] == Status::Done;
        status = up_done ? Status::Ready : Status::Waiting;
      }
    }
    out.stages[s] = status;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s GATES [--quick]\n", argv[0]);
    return 2;
  }
  const long long n_gates = std::atoll(argv[1]);
  const bool quick = argc > 2 && std::strcmp(argv[2], "--quick") == 0;
  const sbs::Workload w = sbs::generate(n_gates);
  const long rss0 = maxrss_kb();

  // "Compile": the workload into the compact form (not comparable with CEL
  // compilation, which parses text; reported for completeness).
  const double c0 = cpu_seconds();
  Facts facts;
  const size_t nf = w.facts.size();
  facts.i.resize(nf), facts.d.resize(nf), facts.s.resize(nf), facts.list.resize(nf), facts.map.resize(nf);
  for (size_t k = 0; k < nf; ++k) {
    const sbs::Fact& f = w.facts[k];
    facts.i[k] = f.i, facts.d[k] = f.d, facts.s[k] = f.s;
    if (f.kind == sbs::FactKind::IntList) facts.list[k] = f.list;
    if (f.kind == sbs::FactKind::Map)
      for (size_t j = 0; j < f.list.size(); ++j) facts.map[k]["k" + std::to_string(j)] = f.list[j];
  }
  std::vector<CGate> gates;
  gates.reserve(w.gates.size());
  for (const auto& g : w.gates)
    gates.push_back(CGate{g.shape, uint32_t(g.fact), g.a, g.b, g.x, g.y,
                          g.shape == sbs::Shape::MapIndexGe ? "k" + std::to_string(g.a) : std::string(), g.ints, g.strs});
  std::vector<CStage> stages;
  stages.reserve(w.stages.size());
  for (const auto& st : w.stages) {
    CStage c{st.done, uint32_t(st.first_gate), {}};
    for (int u : st.after) c.after.push_back(uint32_t(u));
    stages.push_back(std::move(c));
  }
  const double compile_s = cpu_seconds() - c0;
  const long rss1 = maxrss_kb();

  Result res{std::vector<uint8_t>(gates.size()), std::vector<Status>(stages.size())};
  // Median of per-evaluation CPU times, for at least 1 s (0.1 s with --quick)
  // and at least 5 evaluations.
  std::vector<double> times;
  const double budget = quick ? 0.1 : 1.0;
  const double t_start = cpu_seconds();
  while (times.size() < 5 || cpu_seconds() - t_start < budget) {
    const double t0 = cpu_seconds();
    evaluate(gates, stages, facts, sbs::kNow, res);
    times.push_back(cpu_seconds() - t0);
    if (times.size() >= 100000) break;
  }
  std::sort(times.begin(), times.end());
  const double eval_s = times[times.size() / 2];

  size_t true_gates = 0, expected = 0, st_count[4] = {0, 0, 0, 0};
  for (size_t k = 0; k < gates.size(); ++k) true_gates += res.verdicts[k], expected += w.gates[k].expected;
  for (Status s : res.stages) ++st_count[int(s)];
  const double G = double(gates.size());
  std::fprintf(stderr, "hand-written: %zu gates, %zu evaluations, median %.3f ms; %zu true (generator meant %zu)\n",
               gates.size(), times.size(), eval_s * 1e3, true_gates, expected);
  std::printf("RESULT engine=hand gates=%zu ns_per_gate=%.2f eval_ms=%.4f evals=%zu compile_us_per_gate=%.4f "
              "mem_bytes_per_gate=%.0f true_gates=%zu stages_done=%zu stages_blocked=%zu stages_waiting=%zu "
              "stages_ready=%zu\n",
              gates.size(), eval_s * 1e9 / G, eval_s * 1e3, times.size(), compile_s * 1e6 / G,
              double(rss1 - rss0) * 1024 / G, true_gates, st_count[0], st_count[1], st_count[2], st_count[3]);
  return true_gates == expected ? 0 : 1;
}
