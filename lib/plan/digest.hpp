// The plan digest: SHA-256 over a canonical JSON form (object members
// sorted by key, no white space), so layout and member order do not change
// it but any change of content does.
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace rollgate::plan {

std::string canonical_json(const boost::json::value& value);

// "sha256:" followed by 64 hex digits.
std::string plan_digest(const boost::json::value& plan);

}  // namespace rollgate::plan
