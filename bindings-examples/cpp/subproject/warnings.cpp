// Code with warnings under -Wall -Wextra (an unused parameter, an unused
// variable).  It compiles only if rollgate's warning flags, -Werror
// included, stay inside rollgate's own targets.
#include <rollgate/rollgate.hpp>

int consumer_warnings_cpp(int unused_parameter);

int consumer_warnings_cpp(int unused_parameter) {
  int unused_variable;
  return static_cast<int>(rollgate::version());
}
