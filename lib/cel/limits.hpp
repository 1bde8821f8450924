// What one evaluation of a Program may do: its cost, its comprehension
// iterations, the size of the strings and lists it builds; and a deadline
// and a cancellation flag that stop it from outside.  docs/LIMITS.md gives
// the defaults and the reason for each number.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "cel/common/time.hpp"

namespace rollgate::cel {

// Steps (CostEstimate's unit: a node evaluated) one evaluation may take.
inline constexpr uint64_t kDefaultMaxCost = 10'000'000;
// Comprehension iterations one evaluation may run, nested ones included.
inline constexpr uint64_t kDefaultMaxIterations = 1'000'000;
// The longest string or bytes value an evaluation may build.
inline constexpr uint64_t kDefaultMaxStringBytes = uint64_t{1} << 20;
// The most elements of a list or entries of a map an evaluation may build.
inline constexpr uint64_t kDefaultMaxListSize = 100'000;
// The bytes of every string, bytes, list and map an evaluation builds, added
// up (freed or not): the per-value limits above bound one value, this
// bounds how many of them one evaluation may make.
inline constexpr uint64_t kDefaultMaxBytes = uint64_t{64} << 20;

// Comprehension iterations between two looks at the cancellation flag and
// the clock: a few microseconds of work, so a stop is seen within about
// that, and reading the clock costs nothing measurable.
inline constexpr uint64_t kPollIterations = 256;

struct Limits {
  // An evaluation whose steps outside comprehensions exceed max_cost is
  // refused; otherwise its comprehensions may run
  // (max_cost - fixed_steps) / steps_per_iteration iterations in all.
  uint64_t max_cost = kDefaultMaxCost;
  uint64_t max_iterations = kDefaultMaxIterations;
  uint64_t max_string_bytes = kDefaultMaxStringBytes;
  uint64_t max_list_size = kDefaultMaxListSize;
  uint64_t max_bytes = kDefaultMaxBytes;
  // Stops the evaluation soon after *cancel becomes non-zero (read with a
  // relaxed atomic load; another thread may set it at any time).
  const volatile int32_t* cancel = nullptr;
  // Stops the evaluation once the wall clock (CLOCK_REALTIME) reaches it.
  std::optional<Timestamp> deadline;

  bool interruptible() const { return cancel != nullptr || deadline.has_value(); }
};

inline constexpr Limits kDefaultLimits{};

// Why an evaluation was stopped from outside.
enum class Interruption : unsigned char { None, Cancelled, Deadline };

// Looks at the cancellation flag, then at the clock.
Interruption poll_interruption(const Limits& limits);

// What evaluations used; Program::evaluate(slots, limits, usage) adds to it.
struct Usage {
  // fixed_steps + steps_per_iteration x comprehension iterations run, of
  // every evaluation (saturating).
  uint64_t cost = 0;
  // Set when an evaluation stopped because of the flag or the deadline.
  Interruption interrupted = Interruption::None;
  // Set when an evaluation was refused, or stopped, by max_cost.
  bool cost_exceeded = false;
  // The bytes the evaluations built (Limits::max_bytes's measure), added up
  // (saturating).
  uint64_t bytes = 0;
};

// The message of a limit's error value, naming the limit and its value:
// "max_cost limit exceeded: more than 6 steps".
std::string limit_exceeded_message(const char* limit, uint64_t value, const char* unit);

}  // namespace rollgate::cel
