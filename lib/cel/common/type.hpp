// CEL types as the checker sees them: the declared type of a fact, the
// checked type of a gate expression.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate::cel {

class Type {
 public:
  enum class Kind : unsigned char {
    Dyn, Null, Bool, Int, Uint, Double, String, Bytes,
    Timestamp, Duration, List, Map, Type, Error, TypeParam, Optional
  };

  Type() = default;  // dyn
  static Type dyn() { return Type(Kind::Dyn); }
  static Type null_type() { return Type(Kind::Null); }
  static Type boolean() { return Type(Kind::Bool); }
  static Type int64() { return Type(Kind::Int); }
  static Type uint64() { return Type(Kind::Uint); }
  static Type double_type() { return Type(Kind::Double); }
  static Type string() { return Type(Kind::String); }
  static Type bytes() { return Type(Kind::Bytes); }
  static Type timestamp() { return Type(Kind::Timestamp); }
  static Type duration() { return Type(Kind::Duration); }
  static Type error() { return Type(Kind::Error); }
  static Type type_type() { return Type(Kind::Type); }
  static Type list(Type element);
  static Type map(Type key, Type value);
  static Type type_param(std::string name);
  static Type optional(Type value);  // optional_type(T)

  Kind kind() const { return kind_; }
  // For List and Optional: the element type.  For Map: key() and value().
  const Type& element() const;
  const Type& key() const;
  const Type& value() const;
  const std::string& param_name() const;  // TypeParam only

  // CEL's spelling: "int", "list(string)", "map(string, int)", "dyn".
  std::string to_string() const;

  friend bool operator==(const Type& a, const Type& b);
  friend bool operator!=(const Type& a, const Type& b) { return !(a == b); }

 private:
  explicit Type(Kind kind) : kind_(kind) {}
  Kind kind_ = Kind::Dyn;
  // Parameters of list/map (1 or 2 types), shared because types are
  // immutable values copied freely by the checker.
  std::shared_ptr<const std::vector<Type>> params_;
  std::shared_ptr<const std::string> name_;  // TypeParam
};

// Parses a declared type as written in a plan: bool int uint double string
// bytes timestamp duration dyn list(T) map(K,V) (white space allowed).
// Returns nullopt for anything else.
std::optional<Type> parse_type(std::string_view text);

}  // namespace rollgate::cel
