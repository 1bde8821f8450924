// CEL types as the checker sees them: the declared type of a fact, the
// checked type of a gate expression.
#pragma once

#include <cstddef>
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

// Limits on a declared type's text (docs/LIMITS.md).  The reader, and the
// checker's walks over the type (equality, unification, spelling), recurse
// once per level: the nesting cap keeps that recursion shallow whatever the
// plan says.  Real facts nest two or three levels (a map of lists); 32 is
// ten times that.  The length cap bounds the whole type, balanced maps
// included (a map nests two types a level, so nesting alone would not).
inline constexpr size_t kMaxTypeNesting = 32;
inline constexpr size_t kMaxTypeTextBytes = 1024;

// A declared type read from its text, or why not.
struct TypeReading {
  std::optional<Type> type;
  // When a limit refused the text: which and where, e.g. "type nested more
  // than 32 levels deep (at byte 160)".  Empty when the text is not a type.
  std::string limit_problem;
};

// Reads a declared type as written in a plan: bool int uint double string
// bytes timestamp duration dyn list(T) map(K,V) (white space allowed),
// within kMaxTypeTextBytes and kMaxTypeNesting.  Linear in the text.
TypeReading read_type(std::string_view text);

// read_type(text).type: nullopt for anything else or past a limit.
std::optional<Type> parse_type(std::string_view text);

}  // namespace rollgate::cel
