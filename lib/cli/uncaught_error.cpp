#include "uncaught_error.hpp"

#include <CLI/CLI.hpp>
#include <rollgate/rollgate.hpp>

#include <new>
#include <stdexcept>

#include "exit_codes.hpp"

namespace rollgate::cli {

namespace {

// The statuses a user's files or words can cause.  The others cannot come
// from input: memory ran out, the command line set no deadline or
// cancellation flag, or rollgate has a bug; a status added later is
// internal until someone decides otherwise.
bool caused_by_input(rollgate_status status) {
  switch (status) {
    case ROLLGATE_EINVAL:  // a value out of range (a timestamp's nanoseconds)
    case ROLLGATE_EJSON:
    case ROLLGATE_EPLAN:
    case ROLLGATE_EINPUT:
    case ROLLGATE_ELIMIT:  // a plan or facts document too large or too costly
      return true;
    default:
      return false;
  }
}

int internal_error(std::ostream& err, const std::string& what) {
  err << "rollgate: internal error: " << what << "\nnothing was decided; please report this\n";
  return kExitInternal;
}

}  // namespace

int report_uncaught(std::exception_ptr error, std::ostream& err) {
  try {
    std::rethrow_exception(error);
  } catch (const rollgate::Error& e) {
    if (!caused_by_input(e.code())) return internal_error(err, std::string(e.status_string()) + ": " + e.what());
    // what() is every problem, located; the status names the kind of input.
    err << e.what() << "\nrollgate: " << e.status_string() << '\n';
    return kExitBadInput;
  } catch (const std::bad_alloc&) {
    return internal_error(err, "out of memory");
  } catch (const std::logic_error& e) {  // a broken invariant: a bug
    return internal_error(err, e.what());
  } catch (const CLI::Error& e) {
    // CommandLine::parse answers every mistake in the words itself; what
    // escapes is a declaration CLI11 refuses: a bug.
    return internal_error(err, e.what());
  } catch (const std::runtime_error& e) {
    // The subcommands throw std::runtime_error for what the environment or
    // the user got wrong: a file that cannot be read or written, a program
    // that is not installed (commands.hpp).
    err << "rollgate: " << e.what() << '\n';
    return kExitBadInput;
  } catch (const std::exception& e) {
    return internal_error(err, e.what());
  } catch (...) {
    return internal_error(err, "an exception that is not a std::exception");
  }
}

}  // namespace rollgate::cli
