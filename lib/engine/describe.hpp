// Quantities written for people in messages and the text report; report
// fields keep their exact forms (CEL's "259200s", scores as numbers).
#pragma once

#include <string>

#include "cel/common/time.hpp"

namespace rollgate::engine {

// "3d", "21d 19h", "2h 30m", "45s": the two largest units, rounded down.
std::string describe_duration(cel::Duration d);

// A share from 0 to 1 as a whole percentage: 0.666 -> "67%".
std::string describe_share(double share);

}  // namespace rollgate::engine
