#include "cel/library/string_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "cel/common/number_format.hpp"
#include "cel/common/type_names.hpp"
#include "text/utf8.hpp"
#include "support/gcc_restrict_false_positive.hpp"

namespace rollgate::cel::detail {

namespace {

// NaN and the infinities print the same way under every numeric clause.
std::optional<std::string> special_double(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  return std::nullopt;
}

std::string as_text(const Value& v);

std::string list_text(const ValueList& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += as_text(items[i]);
  }
  return out + "]";
}

// Map entries in the order of their formatted keys, so the text does not
// depend on insertion order.
std::string map_text(const MapEntries& entries) {
  std::vector<std::pair<std::string, std::string>> parts;
  for (const auto& [key, value] : entries) parts.emplace_back(as_text(key), as_text(value));
  std::sort(parts.begin(), parts.end());
  std::string out = "{";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ", ";
    out += parts[i].first + ": " + parts[i].second;
  }
  return out + "}";
}

// The %s text of any value.
std::string as_text(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return v.as_bool() ? "true" : "false";
    case Value::Kind::Int: return std::to_string(v.as_int());
    case Value::Kind::Uint: return std::to_string(v.as_uint());
    case Value::Kind::Double: {
      if (auto special = special_double(v.as_double())) return *special;
      return format_double_g(v.as_double());
    }
    case Value::Kind::String:
    case Value::Kind::Bytes: return v.as_string();
    case Value::Kind::Timestamp: return format_timestamp(v.as_timestamp());
    case Value::Kind::Duration: return format_duration(v.as_duration());
    case Value::Kind::List: return list_text(v.as_list());
    case Value::Kind::Map: return map_text(v.as_map());
    case Value::Kind::Type: return type_value_name(v.as_type());
    default: return v.debug_string();
  }
}

Value clause_error(std::string message) {
  return Value::error("error during formatting: " + std::move(message));
}

std::string in_base(uint64_t magnitude, int base, bool upper) {
  if (magnitude == 0) return "0";
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  while (magnitude > 0) {
    out += digits[magnitude % static_cast<uint64_t>(base)];
    magnitude /= static_cast<uint64_t>(base);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
// An int or uint in another base, with a '-' for negative ints; nullopt
// for other kinds.
std::optional<std::string> integer_in_base(const Value& v, int base, bool upper) {
  if (v.kind() == Value::Kind::Uint) return in_base(v.as_uint(), base, upper);
  if (v.kind() != Value::Kind::Int) return std::nullopt;
  const int64_t i = v.as_int();
  const uint64_t magnitude = i < 0 ? 0 - static_cast<uint64_t>(i) : static_cast<uint64_t>(i);
  return (i < 0 ? "-" : "") + in_base(magnitude, base, upper);
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

std::optional<double> as_double(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Double: return v.as_double();
    case Value::Kind::Int: return static_cast<double>(v.as_int());
    case Value::Kind::Uint: return static_cast<double>(v.as_uint());
    default: return std::nullopt;
  }
}

Value format_floating(const Value& v, char verb, int precision) {
  const auto d = as_double(v);
  if (!d)
    return clause_error(verb == 'f' ? "fixed-point clause can only be used on doubles"
                                    : "scientific clause can only be used on doubles");
  if (auto special = special_double(*d)) return Value::string(*special);
  char buf[512];
  const char spec[] = {'%', '.', '*', verb, '\0'};
  std::snprintf(buf, sizeof buf, spec, precision, *d);
  return Value::string(buf);
}

Value format_hex(const Value& v, bool upper) {
  if (auto text = integer_in_base(v, 16, upper)) return Value::string(*text);
  if (v.kind() == Value::Kind::String || v.kind() == Value::Kind::Bytes) {
    std::string out;
    for (const char c : v.as_string()) {
      char buf[4];
      std::snprintf(buf, sizeof buf, upper ? "%02X" : "%02x",
                    static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += buf;
    }
    return Value::string(std::move(out));
  }
  return clause_error("only integers, byte buffers, and strings can be formatted as hex");
}

// One clause applied to one argument.
Value format_clause(char verb, int precision, const Value& arg) {
  switch (verb) {
    case 's': return Value::string(as_text(arg));
    case 'd':
      if (auto text = integer_in_base(arg, 10, false)) return Value::string(*text);
      if (arg.kind() == Value::Kind::Double)
        if (auto special = special_double(arg.as_double())) return Value::string(*special);
      return clause_error("decimal clause can only be used on integers");
    case 'f':
    case 'e': return format_floating(arg, verb, precision < 0 ? 6 : precision);
    case 'x':
    case 'X': return format_hex(arg, verb == 'X');
    case 'o':
      if (auto text = integer_in_base(arg, 8, false)) return Value::string(*text);
      return clause_error("octal clause can only be used on integers");
    case 'b':
      if (auto text = integer_in_base(arg, 2, false)) return Value::string(*text);
      if (arg.kind() == Value::Kind::Bool) return Value::string(arg.as_bool() ? "1" : "0");
      return clause_error("only integers and bools can be formatted as binary");
    default: return Value::error("could not parse formatting clause");
  }
}

bool known_verb(char c) {
  return c == 's' || c == 'd' || c == 'f' || c == 'e' || c == 'x' || c == 'X' ||
         c == 'o' || c == 'b';
}

}  // namespace

Value format_string(std::string_view format, const ValueList& args) {
  std::string out;
  size_t next_arg = 0;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') {
      out += format[i];
      continue;
    }
    if (++i < format.size() && format[i] == '%') {
      out += '%';
      continue;
    }
    int precision = -1;
    if (i < format.size() && format[i] == '.') {
      precision = 0;
      while (++i < format.size() && format[i] >= '0' && format[i] <= '9')
        precision = std::min(precision * 10 + (format[i] - '0'), 100);
    }
    if (i >= format.size() || !known_verb(format[i]))
      return Value::error("could not parse formatting clause: unrecognized formatting clause");
    if (next_arg >= args.size())
      return Value::error("index " + std::to_string(next_arg) + " out of range");
    const Value piece = format_clause(format[i], precision, args[next_arg++]);
    if (piece.is_error()) return piece;
    out += piece.as_string();
  }
  return Value::string(std::move(out));
}

std::string quote_string(std::string_view text) {
  std::string out = "\"";
  size_t pos = 0;
  while (pos < text.size()) {
    const auto cp = text::decode_utf8(text, pos);
    if (!cp) {
      out += "\\ufffd";
      ++pos;
      continue;
    }
    switch (*cp) {
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\v': out += "\\v"; break;
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      default:
        if (*cp < 0x20 || *cp == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(*cp));
          out += buf;
        } else {
          text::append_utf8(out, *cp);
        }
    }
  }
  return out + "\"";
}

}  // namespace rollgate::cel::detail
