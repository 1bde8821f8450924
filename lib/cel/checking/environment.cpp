#include "cel/checking/environment.hpp"

#include <cassert>

namespace rollgate::cel {

int Environment::add_variable(std::string name, Type type) {
  assert(find_variable(name) == nullptr);
  const int slot = static_cast<int>(variables_.size());
  index_.emplace(name, variables_.size());
  variables_.push_back(VariableDecl{std::move(name), std::move(type), slot});
  return slot;
}

void Environment::add_indexable_namespace(std::string name) {
  indexable_namespaces_.push_back(std::move(name));
}

bool Environment::is_indexable_namespace(std::string_view name) const {
  for (const std::string& ns : indexable_namespaces_)
    if (ns == name) return true;
  return false;
}

const VariableDecl* Environment::find_variable(std::string_view name) const {
  // Searched only while compiling, never while evaluating; hashed because
  // a plan with many stages declares three variables per stage.
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &variables_[it->second];
}

}  // namespace rollgate::cel
