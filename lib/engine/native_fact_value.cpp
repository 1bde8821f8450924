#include "engine/native_fact_value.hpp"

#include <boost/json/value.hpp>

#include <cmath>
#include <limits>

namespace rollgate::engine {

namespace {

struct AsJson {
  // The JSON a value is written as: what json_to_value sees.  Only scalars,
  // so no allocation but a string's copy.
  boost::json::value operator()(bool b) const { return boost::json::value(b); }
  boost::json::value operator()(int64_t i) const { return boost::json::value(i); }
  boost::json::value operator()(uint64_t u) const {
    if (u <= uint64_t(std::numeric_limits<int64_t>::max())) return boost::json::value(int64_t(u));
    return boost::json::value(u);
  }
  boost::json::value operator()(double d) const {
    if (std::isnan(d)) return boost::json::value("NaN");
    if (std::isinf(d)) return boost::json::value(d > 0 ? "Infinity" : "-Infinity");
    return boost::json::value(d);
  }
  boost::json::value operator()(std::string_view s) const { return boost::json::value(s); }
  boost::json::value operator()(cel::Timestamp t) const { return boost::json::value(cel::format_timestamp(t)); }
  boost::json::value operator()(cel::Duration d) const { return boost::json::value(cel::format_duration(d)); }
};

}  // namespace

std::variant<cel::Value, ConversionError> native_to_value(const NativeValue& value, const cel::Type& type) {
  // A timestamp or duration fact takes one as it is; the text would read
  // back to the same instant or span.
  if (const auto* t = std::get_if<cel::Timestamp>(&value); t && type.kind() == cel::Type::Kind::Timestamp)
    return cel::Value::timestamp(*t);
  if (const auto* d = std::get_if<cel::Duration>(&value); d && type.kind() == cel::Type::Kind::Duration)
    return cel::Value::duration(*d);
  return json_to_value(std::visit(AsJson{}, value), type);
}

}  // namespace rollgate::engine
