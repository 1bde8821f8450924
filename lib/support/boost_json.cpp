// Boost.JSON compiled into librollgate (its "src.hpp" mode), so the library
// has no libboost_json.so dependency and a host with another Boost version
// cannot clash with it.  The version script keeps these symbols local.
#include <boost/json/src.hpp>
