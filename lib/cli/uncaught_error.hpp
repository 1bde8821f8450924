// What an exception that escapes a subcommand means for the exit status:
// bad input (2) or an internal error (3).  The rule is in DECISIONS.md.
#pragma once

#include <exception>
#include <ostream>

namespace rollgate::cli {

// Writes what went wrong on `err` ("rollgate: internal error: ..." for an
// internal error) and returns kExitBadInput or kExitInternal.
int report_uncaught(std::exception_ptr error, std::ostream& err);

}  // namespace rollgate::cli
