// Gate expressions that are bounds on facts (DESIGN rule 20): a declared
// fact, or size() of one, compared with a numeric literal by < <= > >=, or
// an && of such bounds.  Moving such a bound can be classed: a bound that
// admits fewer values tightens the gate.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diff/change.hpp"

namespace rollgate::diff {

struct Bound {
  std::string operand;  // the fact name, or "size(<fact>)"
  bool lower = false;   // > or >= (after putting the fact on the left)
  bool strict = false;  // > or <
  double limit = 0;
};

using IsDeclaredFact = std::function<bool(std::string_view)>;

// The bounds `expr` is made of, in written order, or nullopt when it is not
// a bound or an && of bounds.
std::optional<std::vector<Bound>> parse_bounds(std::string_view expr, const IsDeclaredFact& is_fact);

// The class of a change from one expression to another: tightened when
// both are bounds on the same operands in the same directions and order and
// every bound that moved admits fewer values, loosened when every one admits
// more, else changed.
ChangeClass classify_expr_change(std::string_view from, std::string_view to,
                                 const IsDeclaredFact& from_is_fact, const IsDeclaredFact& to_is_fact);

}  // namespace rollgate::diff
