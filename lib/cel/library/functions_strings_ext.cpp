// The strings extension (cel-go's ext.Strings): charAt, indexOf,
// lastIndexOf, lowerAscii, upperAscii, replace, split, substring, trim,
// join and strings.quote.  Indexes count code points, not bytes.
#include <algorithm>

#include "cel/library/overloads.hpp"
#include "cel/library/string_format.hpp"
#include "text/utf8.hpp"

namespace rollgate::cel::detail {

namespace {

Value out_of_range(int64_t index) {
  return Value::error("index out of range: " + std::to_string(index));
}

// The byte offset of code point `index`, or nullopt when index is outside
// 0..size (the size itself, one past the end, is valid).
std::optional<size_t> byte_offset(const std::string& s, int64_t index) {
  if (index < 0) return std::nullopt;
  const size_t offset = text::code_point_offset(s, static_cast<size_t>(index));
  if (offset == s.size() && text::code_point_count(s) < static_cast<size_t>(index))
    return std::nullopt;
  return offset;
}

int64_t code_point_index(const std::string& s, size_t byte) {
  return static_cast<int64_t>(text::code_point_count(std::string_view(s).substr(0, byte)));
}

Value char_at(std::span<const Value> a) {
  const std::string& s = a[0].as_string();
  const auto start = byte_offset(s, a[1].as_int());
  if (!start) return out_of_range(a[1].as_int());
  size_t end = *start;
  if (end < s.size() && !text::decode_utf8(s, end)) ++end;
  return Value::string(s.substr(*start, end - *start));
}

Value index_of_from(const std::string& s, const std::string& sub, int64_t from) {
  const auto start = byte_offset(s, from);
  if (!start) return out_of_range(from);
  const size_t found = s.find(sub, *start);
  return Value::int64(found == std::string::npos ? -1 : code_point_index(s, found));
}
Value index_of(std::span<const Value> a) {
  return index_of_from(a[0].as_string(), a[1].as_string(), 0);
}
Value index_of_start(std::span<const Value> a) {
  return index_of_from(a[0].as_string(), a[1].as_string(), a[2].as_int());
}

Value last_index_of_from(const std::string& s, const std::string& sub, int64_t from) {
  const auto start = byte_offset(s, from);
  if (!start) return out_of_range(from);
  const size_t found = s.rfind(sub, *start);
  return Value::int64(found == std::string::npos ? -1 : code_point_index(s, found));
}
Value last_index_of(std::span<const Value> a) {
  const std::string& s = a[0].as_string();
  return last_index_of_from(s, a[1].as_string(),
                            static_cast<int64_t>(text::code_point_count(s)));
}
Value last_index_of_start(std::span<const Value> a) {
  return last_index_of_from(a[0].as_string(), a[1].as_string(), a[2].as_int());
}

Value lower_ascii(std::span<const Value> a) {
  std::string s = a[0].as_string();
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return Value::string(std::move(s));
}
Value upper_ascii(std::span<const Value> a) {
  std::string s = a[0].as_string();
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return Value::string(std::move(s));
}

// Replaces the first `limit` occurrences (all when limit < 0); nullopt
// once the result is longer than max_bytes.
std::optional<std::string> replace_all(const std::string& s, const std::string& from,
                                       const std::string& to, int64_t limit, uint64_t max_bytes) {
  std::string out;
  size_t pos = 0;
  for (int64_t n = 0; limit < 0 || n < limit; ++n) {
    const size_t found = s.find(from, pos);
    if (found == std::string::npos) break;
    if ((found - pos) + to.size() > max_bytes - std::min<uint64_t>(out.size(), max_bytes))
      return std::nullopt;
    out.append(s, pos, found - pos);
    out += to;
    pos = found + from.size();
    if (from.empty()) {  // between every code point, as Go does
      if (pos >= s.size()) {
        pos = s.size() + 1;
        break;
      }
      size_t next = pos;
      if (!text::decode_utf8(s, next)) ++next;
      out.append(s, pos, next - pos);
      pos = next;
    }
  }
  if (pos <= s.size()) out.append(s, pos, std::string::npos);
  if (out.size() > max_bytes) return std::nullopt;
  return out;
}
std::optional<Value> as_string_value(std::optional<std::string> s) {
  if (!s) return std::nullopt;
  return Value::string(std::move(*s));
}
std::optional<Value> replace(std::span<const Value> a, uint64_t max_bytes) {
  return as_string_value(
      replace_all(a[0].as_string(), a[1].as_string(), a[2].as_string(), -1, max_bytes));
}
std::optional<Value> replace_n(std::span<const Value> a, uint64_t max_bytes) {
  return as_string_value(
      replace_all(a[0].as_string(), a[1].as_string(), a[2].as_string(), a[3].as_int(), max_bytes));
}

// At most `limit` parts (all when limit < 0, none when 0); an empty
// separator splits into code points.
ValueList split_parts(const std::string& s, const std::string& sep, int64_t limit) {
  ValueList parts;
  if (limit == 0) return parts;
  size_t pos = 0;
  while (limit < 0 || static_cast<int64_t>(parts.size()) < limit - 1) {
    size_t found = 0, next = 0;
    if (sep.empty()) {
      if (pos >= s.size()) break;
      found = pos;
      if (!text::decode_utf8(s, found)) ++found;
      next = found;
    } else {
      found = s.find(sep, pos);
      if (found == std::string::npos) break;
      next = found + sep.size();
    }
    parts.push_back(Value::string(s.substr(pos, found - pos)));
    pos = next;
  }
  if (!sep.empty() || pos < s.size()) parts.push_back(Value::string(s.substr(pos)));
  return parts;
}
Value split(std::span<const Value> a) {
  return Value::list(split_parts(a[0].as_string(), a[1].as_string(), -1));
}
Value split_n(std::span<const Value> a) {
  return Value::list(split_parts(a[0].as_string(), a[1].as_string(), a[2].as_int()));
}

Value substring_range(const std::string& s, int64_t from, int64_t to) {
  const auto start = byte_offset(s, from);
  if (!start) return out_of_range(from);
  const auto end = byte_offset(s, to);
  if (!end) return out_of_range(to);
  if (from > to)
    return Value::error("invalid substring range. start: " + std::to_string(from) +
                        ", end: " + std::to_string(to));
  return Value::string(s.substr(*start, *end - *start));
}
Value substring(std::span<const Value> a) {
  const std::string& s = a[0].as_string();
  return substring_range(s, a[1].as_int(), static_cast<int64_t>(text::code_point_count(s)));
}
Value substring_end(std::span<const Value> a) {
  return substring_range(a[0].as_string(), a[1].as_int(), a[2].as_int());
}

// Unicode white space, as Go's unicode.IsSpace.
bool is_space(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
Value trim(std::span<const Value> a) {
  const std::string& s = a[0].as_string();
  size_t start = 0;
  while (start < s.size()) {
    size_t next = start;
    const auto c = text::decode_utf8(s, next);
    if (!c || !is_space(*c)) break;
    start = next;
  }
  size_t end = start;
  for (size_t pos = start; pos < s.size();) {
    const auto c = text::decode_utf8(s, pos);
    if (!c) {
      ++pos;
      end = pos;
    } else if (!is_space(*c)) {
      end = pos;
    }
  }
  return Value::string(s.substr(start, end - start));
}

// nullopt once the result is longer than max_bytes.
std::optional<Value> join_with(const ValueList& items, const std::string& sep, uint64_t max_bytes) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].kind() != Value::Kind::String)
      return Value::error("join: list element is not a string");
    const size_t more = (i > 0 ? sep.size() : 0) + items[i].as_string().size();
    if (more > max_bytes - std::min<uint64_t>(out.size(), max_bytes)) return std::nullopt;
    if (i > 0) out += sep;
    out += items[i].as_string();
  }
  return Value::string(std::move(out));
}
std::optional<Value> join(std::span<const Value> a, uint64_t max_bytes) {
  return join_with(a[0].as_list(), "", max_bytes);
}
std::optional<Value> join_sep(std::span<const Value> a, uint64_t max_bytes) {
  return join_with(a[0].as_list(), a[1].as_string(), max_bytes);
}

Value quote(std::span<const Value> a) { return Value::string(quote_string(a[0].as_string())); }

Value format(std::span<const Value> a) { return format_string(a[0].as_string(), a[1].as_list()); }

}  // namespace

void register_strings_ext(FunctionRegistry& r) {
  const Type s = Type::string(), i = Type::int64();
  const Type ls = Type::list(Type::string());
  auto member = [&](std::string_view fn, const char* id, std::vector<Type> params,
                    Type result, FunctionImpl impl) {
    r.add(fn, Overload{id, std::move(params), std::move(result), true, impl});
  };
  // Results that can be far longer than the arguments (Overload::bounded).
  auto bounded_member = [&](std::string_view fn, const char* id, std::vector<Type> params,
                            Type result, BoundedImpl impl) {
    r.add(fn, Overload{id, std::move(params), std::move(result), true, nullptr, impl});
  };
  member("charAt", "string_char_at_int", {s, i}, s, char_at);
  member("indexOf", "string_index_of_string", {s, s}, i, index_of);
  member("indexOf", "string_index_of_string_int", {s, s, i}, i, index_of_start);
  member("lastIndexOf", "string_last_index_of_string", {s, s}, i, last_index_of);
  member("lastIndexOf", "string_last_index_of_string_int", {s, s, i}, i,
         last_index_of_start);
  member("lowerAscii", "string_lower_ascii", {s}, s, lower_ascii);
  member("upperAscii", "string_upper_ascii", {s}, s, upper_ascii);
  bounded_member("replace", "string_replace_string_string", {s, s, s}, s, replace);
  bounded_member("replace", "string_replace_string_string_int", {s, s, s, i}, s, replace_n);
  member("split", "string_split_string", {s, s}, ls, split);
  member("split", "string_split_string_int", {s, s, i}, ls, split_n);
  member("substring", "string_substring_int", {s, i}, s, substring);
  member("substring", "string_substring_int_int", {s, i, i}, s, substring_end);
  member("trim", "string_trim", {s}, s, trim);
  bounded_member("join", "list_join", {ls}, s, join);
  bounded_member("join", "list_join_string", {ls, s}, s, join_sep);
  member("format", "string_format", {s, Type::list(Type::dyn())}, s, format);
  r.add("strings.quote", Overload{"strings_quote", {s}, s, false, quote});
}

}  // namespace rollgate::cel::detail
