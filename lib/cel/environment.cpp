#include "cel/environment.hpp"

#include <cassert>

namespace rollgate::cel {

int Environment::add_variable(std::string name, Type type) {
  assert(find_variable(name) == nullptr);
  const int slot = static_cast<int>(variables_.size());
  variables_.push_back(VariableDecl{std::move(name), std::move(type), slot});
  return slot;
}

const VariableDecl* Environment::find_variable(std::string_view name) const {
  // Environments hold a plan's facts (tens, not thousands) and are only
  // searched while compiling, never while evaluating.
  for (const VariableDecl& decl : variables_)
    if (decl.name == name) return &decl;
  return nullptr;
}

}  // namespace rollgate::cel
