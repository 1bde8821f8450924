// The abstract syntax tree of a CEL expression, in the shape of CEL's own
// Expr proto: constants, identifiers, selections, calls (every operator is a
// call such as "_+_"), list/map/message literals and comprehensions (the
// macros all, exists, map... are expanded into these by the parser).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind : unsigned char {
  Const, Ident, Select, Call, List, Map, Struct, Comprehension
};

// An entry of a map literal (key: value) or message literal (field: value).
struct EntryExpr {
  int64_t id = 0;
  size_t offset = 0;
  ExprPtr key;        // map literals
  std::string field;  // message literals
  ExprPtr value;
  bool optional = false;  // {?key: value}
};

// A fold over a list or map:
//   accu = accu_init
//   for (iter_var[, iter_var2] in iter_range) {
//     if (!loop_condition) break;
//     accu = loop_step
//   }
//   return result
struct ComprehensionExpr {
  std::string iter_var;
  std::string iter_var2;  // two-variable comprehensions; empty otherwise
  std::string accu_var;
  ExprPtr iter_range, accu_init, loop_condition, loop_step, result;
};

struct Expr {
  int64_t id = 0;
  ExprKind kind = ExprKind::Const;
  size_t offset = 0;  // byte offset of the token that names the node
  int height = 1;     // 1 + the height of the tallest child

  // Const: the value and the text as written (for messages).
  Value constant;
  std::string literal;
  // Ident: the name (a leading '.' kept); Select: the field; Call: the
  // function; Struct: the message name.
  std::string name;
  // Select: the operand; Call: the receiver of x.f(...) or null.
  ExprPtr target;
  // Call arguments, or List elements.
  std::vector<ExprPtr> args;
  // Select inside has(): only test for presence.  Select via ".?".
  bool test_only = false;
  bool optional_select = false;
  // Written in parentheses: "(a).b" selects field b of variable a even
  // when a variable "a.b" exists.
  bool parenthesized = false;
  // List: indexes of elements written "?e".
  std::vector<size_t> optional_indices;
  // Map and Struct entries.
  std::vector<EntryExpr> entries;
  std::unique_ptr<ComprehensionExpr> comprehension;
};

// A compact rendering for tests and debugging:
//   _+_(a, _*_(b, 2)), a.b, a.f(1), [1, 2], {"k": v}, has(a.b), __comprehension__(...)
std::string to_debug_string(const Expr& expr);

}  // namespace rollgate::cel::detail

namespace rollgate::cel::detail {

// Creates nodes with fresh ids and their height filled in from children
// that are already attached.
class ExprFactory {
 public:
  ExprPtr make(ExprKind kind, size_t offset);
  ExprPtr constant(Value value, std::string literal, size_t offset);
  ExprPtr ident(std::string name, size_t offset);
  ExprPtr select(ExprPtr operand, std::string field, size_t offset);
  ExprPtr call(std::string function, size_t offset, std::vector<ExprPtr> args);
  ExprPtr member_call(std::string function, size_t offset, ExprPtr target,
                      std::vector<ExprPtr> args);
  ExprPtr comprehension(size_t offset, std::unique_ptr<ComprehensionExpr> c);
  int64_t next_id() { return next_id_++; }
  // Ids handed out so far (nodes and map entries): the size of the trees
  // this factory has built.
  int64_t made() const { return next_id_ - 1; }

 private:
  int64_t next_id_ = 1;
};

// Recomputes expr.height from its direct children.
void update_height(Expr& expr);

}  // namespace rollgate::cel::detail
