// The side-by-side workload (issue #7, item 5): one deterministic generator
// shared by every engine that bench/run.sh measures.
//
// A workload of G gates has G/10 stages of exactly 10 gates in 20 layers;
// every stage of layer L > 0 runs after 1-3 distinct stages of layer L-1.
// The first two layers are done (progress), so stage statuses mix done,
// ready, waiting and blocked.  Facts: min(G/10, 10000) of seven kinds (int,
// double, string, list(int), map(string, int), timestamp, bool); every gate
// reads one fact, in one of the shapes below, and is true with probability
// 0.97 (the constants are chosen against the fact's value).  No target.
//
// The generator writes (gen.cpp): plan.json and facts.json for rollgate,
// exprs.json (every gate's expression, in plan order) and activation.json
// (every fact's type and value, and `now`) for the JavaScript engines.  The
// hand-written evaluator (hand_bench.cpp) calls generate() itself: the same
// seed gives the same Workload, so it never parses anything.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace sbs {

// Evaluation instant: 2026-12-01T00:00:00Z.
inline constexpr int64_t kNow = 1796083200;
inline constexpr const char* kNowText = "2026-12-01T00:00:00Z";
inline constexpr int kLayers = 20;
inline constexpr int kGatesPerStage = 10;
inline constexpr int kDoneLayers = 2;
inline constexpr int kMapKeys = 5;

enum class FactKind : uint8_t { Int, Double, String, IntList, Map, Timestamp, Bool };
inline constexpr int kFactKinds = 7;

enum class Shape : uint8_t {
  IntGe,        // i >= c
  IntLt,        // i < c
  IntRange,     // i >= lo && i <= hi
  IntIn,        // i in [a, b, c]
  DblLe,        // d <= c
  DblRange,     // d > lo && d < hi
  StrIn,        // s in ['a', 'b', 'c']
  StrPrefix,    // s.startsWith('p')
  StrEq,        // s == 'x'
  ListSizeGe,   // size(l) >= c
  ListExists,   // l.exists(x, x > c)
  ListAll,      // l.all(x, x < c)
  MapIndexGe,   // m['kN'] >= c
  TsWithin,     // now - t < duration('Nh')
  BoolIs,       // b  /  !b
};

struct Fact {
  std::string name;
  FactKind kind;
  int64_t i = 0;                // Int, Bool (0/1), Timestamp (unix seconds)
  double d = 0;                 // Double
  std::string s;                // String
  std::vector<int64_t> list;    // IntList; Map: values of k0..k4
};

struct Gate {
  Shape shape;
  int fact;                     // slot in Workload::facts
  int64_t a = 0, b = 0;         // int constants; TsWithin: hours; MapIndexGe: a = key, b = c; BoolIs: a = expected
  double x = 0, y = 0;          // double constants
  std::vector<int64_t> ints;    // IntIn
  std::vector<std::string> strs;  // StrIn; StrPrefix/StrEq: strs[0]
  bool expected = true;         // what the generator aimed for
  std::string expr;
};

struct Stage {
  std::string id;
  int layer;
  bool done;
  std::vector<int> after;       // indexes of upstream stages
  int first_gate;               // gates [first_gate, first_gate + kGatesPerStage)
};

struct Workload {
  int64_t gates_wanted;
  std::vector<Fact> facts;
  std::vector<Stage> stages;
  std::vector<Gate> gates;
};

// splitmix64: small, fast, and the same on every platform.
struct Rng {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int64_t range(int64_t lo, int64_t hi) { return lo + int64_t(next() % uint64_t(hi - lo)); }  // [lo, hi)
  double unit() { return double(next() >> 11) * 0x1.0p-53; }
};

inline const char* kind_type(FactKind k) {
  switch (k) {
    case FactKind::Int: return "int";
    case FactKind::Double: return "double";
    case FactKind::String: return "string";
    case FactKind::IntList: return "list(int)";
    case FactKind::Map: return "map(string, int)";
    case FactKind::Timestamp: return "timestamp";
    case FactKind::Bool: return "bool";
  }
  return "dyn";
}

inline std::string fmt_double(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);  // always with a '.', exact for multiples of 0.25
  return buf;
}

inline std::string rfc3339(int64_t t) {
  int64_t days = t / 86400, secs = t % 86400;
  // civil_from_days (Howard Hinnant)
  int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097, yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ", (long long)y, (long long)m,
                (long long)d, (long long)(secs / 3600), (long long)(secs / 60 % 60), (long long)(secs % 60));
  return buf;
}

inline const char* const kPrefixes[] = {"eu-", "us-", "ap-", "sa-", "af-"};
inline const char* const kWords[] = {"north", "south", "east", "west", "central", "alpha", "beta", "gamma"};

inline std::string random_string(Rng& r) {
  return std::string(kPrefixes[r.range(0, 5)]) + kWords[r.range(0, 8)] + "-" + std::to_string(r.range(0, 100));
}

inline Workload generate(int64_t gates_wanted, uint64_t seed = 7) {
  Workload w;
  w.gates_wanted = gates_wanted;
  Rng r{seed};
  const int64_t n_stages = gates_wanted / kGatesPerStage;
  const int64_t per_layer = n_stages / kLayers > 0 ? n_stages / kLayers : 1;
  int64_t n_facts = gates_wanted / 10;
  if (n_facts > 10000) n_facts = 10000;
  if (n_facts < 70) n_facts = 70;

  w.facts.resize(size_t(n_facts));
  for (int64_t f = 0; f < n_facts; ++f) {
    Fact& fact = w.facts[size_t(f)];
    fact.kind = FactKind(f % kFactKinds);
    static const char* const prefix[] = {"i", "d", "s", "l", "m", "t", "b"};
    fact.name = std::string(prefix[f % kFactKinds]) + std::to_string(f);
    switch (fact.kind) {
      case FactKind::Int: fact.i = r.range(0, 1000); break;
      case FactKind::Double: fact.d = double(r.range(0, 400)) * 0.25; break;
      case FactKind::String: fact.s = random_string(r); break;
      case FactKind::IntList: {
        int64_t n = r.range(1, 9);
        for (int64_t k = 0; k < n; ++k) fact.list.push_back(r.range(0, 100));
        break;
      }
      case FactKind::Map:
        for (int k = 0; k < kMapKeys; ++k) fact.list.push_back(r.range(0, 100));
        break;
      case FactKind::Timestamp: fact.i = kNow - r.range(1, 200) * 3600; break;
      case FactKind::Bool: fact.i = r.range(0, 2); break;
    }
  }

  w.stages.resize(size_t(n_stages));
  for (int64_t s = 0; s < n_stages; ++s) {
    Stage& st = w.stages[size_t(s)];
    st.id = "s" + std::to_string(s);
    st.layer = int(s / per_layer < kLayers ? s / per_layer : kLayers - 1);
    st.done = st.layer < kDoneLayers;
    st.first_gate = int(s * kGatesPerStage);
    if (st.layer > 0) {
      int64_t base = int64_t(st.layer - 1) * per_layer;
      int64_t width = st.layer - 1 == kLayers - 1 ? n_stages - base : per_layer;
      int deps = int(r.range(1, 4));
      if (deps > width) deps = int(width);
      while (int(st.after.size()) < deps) {
        int u = int(base + r.range(0, width));
        bool seen = false;
        for (int v : st.after) seen |= v == u;
        if (!seen) st.after.push_back(u);
      }
    }
  }

  w.gates.resize(size_t(n_stages * kGatesPerStage));
  for (auto& g : w.gates) {
    g.fact = int(r.range(0, n_facts));
    const Fact& f = w.facts[size_t(g.fact)];
    const std::string& n = f.name;
    const bool want = r.unit() < 0.97;
    g.expected = want;
    switch (f.kind) {
      case FactKind::Int: {
        int pick = int(r.range(0, 4));
        int64_t v = f.i, k = r.range(1, 50);
        if (pick == 0) {
          g.shape = Shape::IntGe, g.a = want ? v - k : v + k;
          g.expr = n + " >= " + std::to_string(g.a);
        } else if (pick == 1) {
          g.shape = Shape::IntLt, g.a = want ? v + k : v - k + 1;
          g.expr = n + " < " + std::to_string(g.a);
        } else if (pick == 2) {
          g.shape = Shape::IntRange;
          g.a = want ? v - k : v + 1, g.b = want ? v + k : v + 1 + k;
          g.expr = n + " >= " + std::to_string(g.a) + " && " + n + " <= " + std::to_string(g.b);
        } else {
          g.shape = Shape::IntIn;
          g.ints = {v + 1001, want ? v : v + 1002, v + 1003};
          g.expr = n + " in [" + std::to_string(g.ints[0]) + ", " + std::to_string(g.ints[1]) + ", " +
                   std::to_string(g.ints[2]) + "]";
        }
        break;
      }
      case FactKind::Double: {
        double v = f.d, k = double(r.range(1, 40)) * 0.5;
        if (r.range(0, 2) == 0) {
          g.shape = Shape::DblLe, g.x = want ? v + k : v - k;
          g.expr = n + " <= " + fmt_double(g.x);
        } else {
          g.shape = Shape::DblRange;
          g.x = want ? v - k : v + 0.25, g.y = want ? v + k : v + k + 1;
          g.expr = n + " > " + fmt_double(g.x) + " && " + n + " < " + fmt_double(g.y);
        }
        break;
      }
      case FactKind::String: {
        int pick = int(r.range(0, 3));
        if (pick == 0) {
          g.shape = Shape::StrIn;
          g.strs = {"zz-" + std::to_string(r.range(0, 9)), want ? f.s : "zz-x", "zz-y"};
          g.expr = n + " in ['" + g.strs[0] + "', '" + g.strs[1] + "', '" + g.strs[2] + "']";
        } else if (pick == 1) {
          g.shape = Shape::StrPrefix;
          g.strs = {want ? f.s.substr(0, 3) : std::string("zz-")};
          g.expr = n + ".startsWith('" + g.strs[0] + "')";
        } else {
          g.shape = Shape::StrEq;
          g.strs = {want ? f.s : f.s + "x"};
          g.expr = n + " == '" + g.strs[0] + "'";
        }
        break;
      }
      case FactKind::IntList: {
        int pick = int(r.range(0, 3));
        int64_t mx = 0, n_el = int64_t(f.list.size());
        for (int64_t e : f.list) mx = e > mx ? e : mx;
        if (pick == 0) {
          g.shape = Shape::ListSizeGe, g.a = want ? r.range(0, n_el + 1) : n_el + r.range(1, 4);
          g.expr = "size(" + n + ") >= " + std::to_string(g.a);
        } else if (pick == 1) {
          g.shape = Shape::ListExists, g.a = want ? mx - r.range(1, 10) : mx + r.range(0, 10);
          g.expr = n + ".exists(x, x > " + std::to_string(g.a) + ")";
        } else {
          g.shape = Shape::ListAll, g.a = want ? mx + r.range(1, 10) : mx;
          g.expr = n + ".all(x, x < " + std::to_string(g.a) + ")";
        }
        break;
      }
      case FactKind::Map: {
        g.shape = Shape::MapIndexGe, g.a = r.range(0, kMapKeys);
        int64_t v = f.list[size_t(g.a)], k = r.range(1, 20);
        g.b = want ? v - k : v + k;
        g.expr = n + "['k" + std::to_string(g.a) + "'] >= " + std::to_string(g.b);
        break;
      }
      case FactKind::Timestamp: {
        g.shape = Shape::TsWithin;
        int64_t age_h = (kNow - f.i) / 3600;  // >= 1
        g.a = want ? age_h + r.range(1, 48) : age_h - r.range(0, age_h);
        g.expr = "now - " + n + " < duration('" + std::to_string(g.a) + "h')";
        break;
      }
      case FactKind::Bool: {
        g.shape = Shape::BoolIs;
        g.a = want ? f.i : 1 - f.i;
        g.expr = g.a ? n : "!" + n;
        break;
      }
    }
  }
  return w;
}

}  // namespace sbs
