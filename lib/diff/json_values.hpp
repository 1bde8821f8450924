// Plan values (Boost.JSON, as written) in the diff's two renderings.
#pragma once

#include <boost/json/value.hpp>
#include <string>

#include "report/json_writer.hpp"

namespace rollgate::diff {

// Writes `value` with the report's stable layout and number forms.
void write_json(report::JsonWriter& w, const boost::json::value& value);

// One line for people: strings bare, null as "none", the rest as compact
// JSON.
std::string one_line(const boost::json::value& value);

}  // namespace rollgate::diff
