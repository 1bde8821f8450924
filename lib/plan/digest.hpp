// The plan digest: SHA-256 over a canonical JSON form (object members
// sorted by key, no white space), so layout and member order do not change
// it but any change of content does.  In a plan, a stage's `matrix` keeps
// its keys in written order: that order has meaning (DESIGN rule 15).
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>

namespace rollgate::plan {

// Appends `s` as a JSON string literal, escaped as boost::json::serialize
// escapes it.
void append_json_string(std::string& out, std::string_view s);

// Every object's members sorted by key.
std::string canonical_json(const boost::json::value& value);

// "sha256:" followed by 64 hex digits over the plan's canonical JSON
// (matrix keys in written order).
std::string plan_digest(const boost::json::value& plan);

}  // namespace rollgate::plan
