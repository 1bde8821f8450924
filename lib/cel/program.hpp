// Compiling CEL source against an Environment (parse, resolve, type-check,
// plan) and evaluating the result against an activation.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cel/environment.hpp"
#include "cel/type.hpp"
#include "cel/value.hpp"

namespace rollgate::cel {

// A syntax or type error, located in the expression text.
struct CompileIssue {
  std::string message;  // e.g. "undeclared reference to 'pilot.departmnts'
                        //  (did you mean 'pilot.departments'?)"
  size_t offset = 0;    // byte offset into the source
  int line = 1;         // 1-based, within the source
  int column = 1;       // 1-based, in code points
};

// A compiled expression.  Immutable: one Program may be evaluated by many
// threads at once.
class Program {
 public:
  virtual ~Program() = default;

  // The type the checker inferred (dyn where it cannot tell).
  virtual const Type& result_type() const = 0;

  // The slots the expression may read, sorted and unique: the evidence a
  // verdict rests on.
  virtual const std::vector<int>& referenced_slots() const = 0;

  // Evaluates with `slots` indexed by slot number (slots.size() must be the
  // environment's slot_count()).  A slot holding an Unknown value is a fact
  // that is missing or stale.  CEL errors come back as Error values,
  // unknowns as Unknown values; this never throws except std::bad_alloc.
  virtual Value evaluate(std::span<const Value> slots) const = 0;
};

struct CompileResult {
  std::shared_ptr<const Program> program;  // null when issues is not empty
  std::vector<CompileIssue> issues;
  bool ok() const { return program != nullptr; }
};

CompileResult compile(std::string_view source, const Environment& env);

}  // namespace rollgate::cel
