#include "engine/describe.hpp"
#include "support/gcc_restrict_false_positive.hpp"

namespace rollgate::engine {

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
std::string describe_duration(cel::Duration d) {
  if (d.seconds < 0 || d.nanos < 0) return "-" + describe_duration({-d.seconds, -d.nanos});
  struct Unit {
    int64_t seconds;
    const char* suffix;
  };
  static constexpr Unit kUnits[] = {{86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}};
  int64_t left = d.seconds;
  std::string out;
  int parts = 0;
  for (const Unit& unit : kUnits) {
    int64_t count = left / unit.seconds;
    if (count == 0 && (parts > 0 || unit.seconds > 1)) {
      if (parts > 0) break;  // "2h", not "2h 0m"
      continue;
    }
    if (!out.empty()) out += ' ';
    out += std::to_string(count) + unit.suffix;
    left -= count * unit.seconds;
    if (++parts == 2) break;
  }
  return out;
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

std::string describe_share(double share) { return std::to_string(int(share * 100 + 0.5)) + "%"; }

}  // namespace rollgate::engine
