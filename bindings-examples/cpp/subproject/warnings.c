/* Code with warnings under -Wall -Wextra (an unused parameter, an unused
 * variable).  It compiles only if rollgate's warning flags, -Werror
 * included, stay inside rollgate's own targets. */
#include <rollgate.h>

int consumer_warnings_c(int unused_parameter);

int consumer_warnings_c(int unused_parameter) {
  int unused_variable;
  return (int)rollgate_version();
}
