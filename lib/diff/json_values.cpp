#include "diff/json_values.hpp"

namespace rollgate::diff {

namespace {

void append_compact(const boost::json::value& v, std::string& out) {
  switch (v.kind()) {
    case boost::json::kind::null:
      out += "null";
      return;
    case boost::json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return;
    case boost::json::kind::int64:
      out += std::to_string(v.get_int64());
      return;
    case boost::json::kind::uint64:
      out += std::to_string(v.get_uint64());
      return;
    case boost::json::kind::double_:
      out += report::shortest_double(v.get_double());
      return;
    case boost::json::kind::string:
      out += report::json_quote(v.get_string());
      return;
    case boost::json::kind::array: {
      out += '[';
      const char* separator = "";
      for (const boost::json::value& item : v.get_array()) {
        out += separator;
        append_compact(item, out);
        separator = ", ";
      }
      out += ']';
      return;
    }
    case boost::json::kind::object: {
      out += '{';
      const char* separator = "";
      for (const auto& member : v.get_object()) {
        out += separator;
        out += report::json_quote(member.key());
        out += ": ";
        append_compact(member.value(), out);
        separator = ", ";
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

void write_json(report::JsonWriter& w, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      w.null();
      return;
    case boost::json::kind::bool_:
      w.boolean(v.get_bool());
      return;
    case boost::json::kind::int64:
      w.integer(v.get_int64());
      return;
    case boost::json::kind::uint64:
      w.unsigned_integer(v.get_uint64());
      return;
    case boost::json::kind::double_:
      w.number(v.get_double());
      return;
    case boost::json::kind::string:
      w.string(v.get_string());
      return;
    case boost::json::kind::array:
      w.begin_array();
      for (const boost::json::value& item : v.get_array()) write_json(w, item);
      w.end_array();
      return;
    case boost::json::kind::object:
      w.begin_object();
      for (const auto& member : v.get_object()) {
        w.key(member.key());
        write_json(w, member.value());
      }
      w.end_object();
      return;
  }
}

std::string one_line(const boost::json::value& value) {
  if (value.is_null()) return "none";
  if (value.is_string()) return std::string(value.get_string());
  std::string out;
  append_compact(value, out);
  return out;
}

}  // namespace rollgate::diff
