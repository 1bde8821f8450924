#include "plan/matrix.hpp"

#include "json/located_json.hpp"

namespace rollgate::plan {

namespace {

// Calls on_text(from, to) for each run of text[from, to) kept as written and
// on_placeholder(name, open, close) for each ${name} (text[open] is its '$',
// text[close] its '}'), in order: the one reading of placeholders that
// substitution and its size share.  As written: a "${" with no '}' after it
// is text, and a name runs to the first '}'.
template <class OnText, class OnPlaceholder>
void for_each_piece(std::string_view text, OnText on_text, OnPlaceholder on_placeholder) {
  size_t from = 0;
  for (size_t open = text.find("${"); open != std::string_view::npos; open = text.find("${", from)) {
    const size_t close = text.find('}', open + 2);
    if (close == std::string_view::npos) break;
    on_text(from, open);
    on_placeholder(text.substr(open + 2, close - open - 2), open, close);
    from = close + 1;
  }
  on_text(from, text.size());
}

// The binding of `name`, the last one when a key repeats; null if none.
const MatrixBinding* binding_of(std::string_view name, const MatrixCombination& bindings) {
  const MatrixBinding* found = nullptr;
  for (const MatrixBinding& b : bindings)
    if (b.key == name) found = &b;
  return found;
}

}  // namespace

Substitution substitute(std::string_view text, const MatrixCombination& bindings) {
  Substitution out;
  auto keep = [&](size_t from, size_t to) {
    out.text.append(text.substr(from, to - from));
    for (size_t i = from; i < to; ++i) out.source_offsets.push_back(i);
  };
  for_each_piece(text, keep, [&](std::string_view name, size_t open, size_t close) {
    if (const MatrixBinding* binding = binding_of(name, bindings)) {
      out.text += binding->value;
      // Errors inside the value point at the "${".
      out.source_offsets.insert(out.source_offsets.end(), binding->value.size(), open);
    } else {
      out.unknown_keys.emplace_back(name);
      keep(open, close + 1);  // the placeholder stays, so the rest of the loader still works
    }
  });
  out.source_offsets.push_back(text.size());
  return out;
}

std::string substitute_text(std::string_view text, const MatrixCombination& bindings) {
  std::string out;
  auto keep = [&](size_t from, size_t to) { out.append(text.substr(from, to - from)); };
  for_each_piece(text, keep, [&](std::string_view name, size_t open, size_t close) {
    if (const MatrixBinding* binding = binding_of(name, bindings)) out += binding->value;
    else keep(open, close + 1);
  });
  return out;
}

ExpansionSize::ExpansionSize(const boost::json::object& stage, std::string_view skip_member) {
  for (const auto& member : stage)
    if (member.key() != skip_member) count(member.value());
}

void ExpansionSize::count(const boost::json::value& v) {
  // Recursion is bounded by the parser's depth limit.
  if (const auto* s = v.if_string()) {
    written_bytes_ += s->size();
    for_each_piece(
        std::string_view(s->data(), s->size()), [](size_t, size_t) {},
        [&](std::string_view name, size_t, size_t) { ++uses_[std::string(name)]; });
  } else if (const auto* arr = v.if_array()) {
    for (const boost::json::value& item : *arr) count(item);
  } else if (const auto* obj = v.if_object()) {
    for (const auto& member : *obj) count(member.value());
  }
}

size_t ExpansionSize::bytes(const MatrixCombination& combination) const {
  size_t total = written_bytes_;
  for (const MatrixBinding& b : combination) {
    // A repeated key binds its last value only: count it there.
    if (binding_of(b.key, combination) != &b) continue;
    auto it = uses_.find(b.key);
    if (it == uses_.end()) continue;
    const size_t placeholder = b.key.size() + 3;  // "${" key "}"
    total = total - it->second * placeholder + it->second * b.value.size();
  }
  return total;
}

namespace {

void substitute_into(boost::json::value& v, const MatrixCombination& bindings,
                     const std::string& pointer, std::vector<UnboundPlaceholder>& unbound) {
  if (auto* s = v.if_string()) {
    const std::string_view text(s->data(), s->size());
    for_each_piece(text, [](size_t, size_t) {}, [&](std::string_view name, size_t, size_t) {
      if (!binding_of(name, bindings)) unbound.push_back({pointer, std::string(name)});
    });
    *s = substitute_text(text, bindings);
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
