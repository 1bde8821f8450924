#include "plan/matrix.hpp"

#include "json/located_json.hpp"

namespace rollgate::plan {

Substitution substitute(std::string_view text, const MatrixCombination& bindings) {
  Substitution out;
  size_t i = 0;
  while (i < text.size()) {
    size_t close = std::string_view::npos;
    if (text.compare(i, 2, "${") == 0) close = text.find('}', i + 2);
    if (close == std::string_view::npos) {
      out.text += text[i];
      out.source_offsets.push_back(i);
      ++i;
      continue;
    }
    std::string name(text.substr(i + 2, close - i - 2));
    const MatrixBinding* binding = nullptr;
    for (const MatrixBinding& b : bindings)
      if (b.key == name) binding = &b;
    if (!binding) {
      out.unknown_keys.push_back(name);
      // Keep the placeholder text so the rest of the loader still works.
      for (size_t j = i; j <= close; ++j) {
        out.text += text[j];
        out.source_offsets.push_back(j);
      }
    } else {
      for (char c : binding->value) {
        out.text += c;
        out.source_offsets.push_back(i);  // errors inside point at the "${"
      }
    }
    i = close + 1;
  }
  out.source_offsets.push_back(text.size());
  return out;
}

namespace {

void substitute_into(boost::json::value& v, const MatrixCombination& bindings,
                     const std::string& pointer, std::vector<UnboundPlaceholder>& unbound) {
  if (auto* s = v.if_string()) {
    Substitution sub = substitute(std::string_view(s->data(), s->size()), bindings);
    for (std::string& name : sub.unknown_keys) unbound.push_back({pointer, std::move(name)});
    *s = sub.text;
  } else if (auto* arr = v.if_array()) {
    for (size_t i = 0; i < arr->size(); ++i)
      substitute_into((*arr)[i], bindings, json::pointer_append(pointer, i), unbound);
  } else if (auto* obj = v.if_object()) {
    for (auto& member : *obj)
      substitute_into(member.value(), bindings, json::pointer_append(pointer, member.key()),
                      unbound);
  }
}

}  // namespace

boost::json::value substitute_all(const boost::json::value& value,
                                  const MatrixCombination& bindings,
                                  std::string_view skip_member,
                                  std::vector<UnboundPlaceholder>& unbound) {
  boost::json::value copy = value;
  auto* obj = copy.if_object();
  if (!obj) {
    substitute_into(copy, bindings, "", unbound);
    return copy;
  }
  for (auto& member : *obj) {
    if (member.key() == skip_member) continue;
    substitute_into(member.value(), bindings, json::pointer_append("", member.key()), unbound);
  }
  return copy;
}

namespace {

bool string_has_placeholder(std::string_view text) {
  const size_t open = text.find("${");
  return open != std::string_view::npos && text.find('}', open + 2) != std::string_view::npos;
}

bool value_has_placeholders(const boost::json::value& v) {
  if (const auto* s = v.if_string()) return string_has_placeholder(std::string_view(s->data(), s->size()));
  if (const auto* arr = v.if_array()) {
    for (const boost::json::value& item : *arr)
      if (value_has_placeholders(item)) return true;
  } else if (const auto* obj = v.if_object()) {
    for (const auto& member : *obj)
      if (value_has_placeholders(member.value())) return true;
  }
  return false;
}

}  // namespace

bool has_placeholders(const boost::json::object& value, std::string_view skip_member) {
  for (const auto& member : value) {
    if (member.key() == skip_member) continue;
    if (value_has_placeholders(member.value())) return true;
  }
  return false;
}

std::string expansion_id(std::string_view id, const MatrixCombination& combination) {
  std::string out(id);
  for (const MatrixBinding& b : combination) out += "-" + b.value;
  return out;
}

}  // namespace rollgate::plan
