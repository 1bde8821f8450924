#include "report/value_json.hpp"

#include "support/base64.hpp"

namespace rollgate::report {

std::string map_key_text(const cel::Value& k) {
  switch (k.kind()) {
    case cel::Value::Kind::String: return k.as_string();
    case cel::Value::Kind::Int: return std::to_string(k.as_int());
    case cel::Value::Kind::Uint: return std::to_string(k.as_uint());
    case cel::Value::Kind::Bool: return k.as_bool() ? "true" : "false";
    default: return k.debug_string();
  }
}

namespace {

void write(JsonWriter& w, const cel::Value& v, bool exact_doubles) {
  using Kind = cel::Value::Kind;
  switch (v.kind()) {
    case Kind::Null: w.null(); return;
    case Kind::Bool: w.boolean(v.as_bool()); return;
    case Kind::Int: w.integer(v.as_int()); return;
    case Kind::Uint: w.unsigned_integer(v.as_uint()); return;
    case Kind::Double:
      if (exact_doubles) w.double_number(v.as_double());
      else w.number(v.as_double());
      return;
    case Kind::String: w.string(v.as_string()); return;
    case Kind::Bytes: w.string(base64_encode(v.as_string())); return;
    case Kind::Timestamp: w.string(cel::format_timestamp(v.as_timestamp())); return;
    case Kind::Duration: w.string(cel::format_duration(v.as_duration())); return;
    case Kind::List:
      w.begin_array();
      for (const cel::Value& item : v.as_list()) write(w, item, exact_doubles);
      w.end_array();
      return;
    case Kind::Map:
      w.begin_object();
      for (const auto& [k, item] : v.as_map()) {
        w.key(map_key_text(k));
        write(w, item, exact_doubles);
      }
      w.end_object();
      return;
    case Kind::Type: w.string(v.as_type().to_string()); return;
    case Kind::Error:
    case Kind::Unknown: w.null(); return;
  }
}

}  // namespace

void write_value(JsonWriter& w, const cel::Value& v) { write(w, v, false); }

void write_value_exact(JsonWriter& w, const cel::Value& v) { write(w, v, true); }

}  // namespace rollgate::report
