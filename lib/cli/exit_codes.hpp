// The exit statuses of `rollgate`, the same for every subcommand (README,
// --help and the man page say the same).
#pragma once

namespace rollgate::cli {

// eval: the target is ready or done; diff: nothing loosens; check: valid;
// explain: the stage may go ahead (ready, in progress, done) or the gate
// passes; expr: true, or a value that is not a bool; graph: drawn.
inline constexpr int kExitOk = 0;
// eval: the target is not ready (or, with --fail-on-drift, something
// drifts); diff: some change loosens; explain: the stage or gate is held
// back; expr: false, unknown or an error.
inline constexpr int kExitNotReady = 1;
// Bad input or usage: the located problem is on standard error.
inline constexpr int kExitBadInput = 2;
// An internal error (out of memory, a bug): nothing was decided.
inline constexpr int kExitInternal = 3;

}  // namespace rollgate::cli
