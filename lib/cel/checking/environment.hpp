// What an expression may refer to: the declared variables, each bound to an
// activation slot, so that evaluation reads slots and never looks names up.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cel/common/type.hpp"

namespace rollgate::cel {

struct VariableDecl {
  std::string name;  // may be dotted: "pilot.departments"
  Type type;
  int slot = 0;      // index into the activation
};

class Environment {
 public:
  // Declares a variable and returns its slot (0, 1, 2, ... in order).
  // Declaring a name twice is a bug of the caller.
  int add_variable(std::string name, Type type);

  // The variable named exactly `name`, or nullptr.
  const VariableDecl* find_variable(std::string_view name) const;

  const std::vector<VariableDecl>& variables() const { return variables_; }
  size_t slot_count() const { return variables_.size(); }

  // Lets the members of a namespace of dotted variables also be written with
  // a literal index, for names that are not CEL identifiers: with the
  // namespace "stages", stages['full-rollout'].state names the variable
  // "stages.full-rollout.state".  Elsewhere x['k'] stays a map index.
  void add_indexable_namespace(std::string name);
  bool is_indexable_namespace(std::string_view name) const;

 private:
  std::vector<VariableDecl> variables_;
  // Hashes std::string and std::string_view alike, so that find_variable
  // looks a string_view up without building a std::string.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  // name -> variables_ index
  std::unordered_map<std::string, size_t, NameHash, std::equal_to<>> index_;
  std::vector<std::string> indexable_namespaces_;
};

}  // namespace rollgate::cel
