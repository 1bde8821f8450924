// quote_value() (describe.hpp): a value's CEL text rendered only as far as
// a message quotes it.  Rendering the whole text and then cutting it would
// cost a 10 MB fact 10 MB of work in every gate that names it.
#include <string>

#include "engine/describe.hpp"
#include "text/shorten.hpp"

namespace rollgate::engine {

namespace {

// Appends the CEL text of `value` to `out`, stopping once `out` is past
// `until` bytes.  True when the text was appended whole.  Each level of
// nesting appends at least one byte before going deeper, so the recursion is
// at most `until` deep whatever the value's nesting.
bool append_text(std::string& out, const cel::Value& value, size_t until) {
  if (out.size() > until) return false;
  using Kind = cel::Value::Kind;
  if (value.is_optional()) {
    if (!value.has_optional_value()) {
      out += value.debug_string();
      return true;
    }
    out += "optional.of(";
    if (!append_text(out, value.optional_value(), until)) return false;
    out += ')';
    return true;
  }
  switch (value.kind()) {
    case Kind::String:
    case Kind::Bytes: {
      // Every byte is at least one byte of text: the first `until` bytes
      // fill the quotation (a character cut in two here is cut off later).
      const std::string& content = value.as_string();
      if (content.size() <= until) break;
      const std::string head = content.substr(0, until);
      out += (value.kind() == Kind::String ? cel::Value::string(head) : cel::Value::bytes(head)).debug_string();
      return false;
    }
    case Kind::List: {
      out += '[';
      bool first = true;
      for (const cel::Value& item : value.as_list()) {
        if (!first) out += ", ";
        first = false;
        if (!append_text(out, item, until)) return false;
      }
      out += ']';
      return true;
    }
    case Kind::Map: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : value.as_map()) {
        if (!first) out += ", ";
        first = false;
        if (!append_text(out, key, until)) return false;
        out += ": ";
        if (!append_text(out, item, until)) return false;
      }
      out += '}';
      return true;
    }
    default: break;  // short by nature: scalars, times, types, errors, unknowns
  }
  out += value.debug_string();
  return true;
}

// The whole size a cut quotation states (describe.hpp); `text` is the CEL
// text of a value that is none of the sized kinds.
std::string whole_size(const cel::Value& value, const std::string& text) {
  const cel::Value* inner = &value;
  while (inner->is_optional() && inner->has_optional_value()) inner = &inner->optional_value();
  auto counted = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  const cel::Value::Kind kind = inner->is_optional() ? cel::Value::Kind::Null : inner->kind();  // optional.none()
  switch (kind) {
    case cel::Value::Kind::String:
    case cel::Value::Kind::Bytes: return counted(inner->as_string().size(), "byte", "bytes");
    case cel::Value::Kind::List: return counted(inner->as_list().size(), "element", "elements");
    case cel::Value::Kind::Map: return counted(inner->as_map().size(), "entry", "entries");
    default: return counted(text.size(), "byte", "bytes");
  }
}

}  // namespace

std::string quote_value(const cel::Value& value) {
  std::string text;
  const bool whole = append_text(text, value, kQuotedValueBytes);
  if (whole && text.size() <= kQuotedValueBytes) return text;
  const std::string size = whole_size(value, text);
  text.resize(text::character_cut(text, kQuotedValueBytes));
  return text + "… (" + size + ")";
}

}  // namespace rollgate::engine
