#include "cel/library/regex/program.hpp"

#include <utility>

namespace rollgate::cel::detail::regex {

namespace {

struct ProgramTooLarge {};

// Compiles back to front: compile(node, next) emits the code for `node`
// that continues at `next` and returns its entry.  Code that matches
// nothing (an empty group) is then simply `next`, and no instruction is
// ever patched except the one that closes a loop.  Recursion follows the
// tree, whose depth the caller bounds (the pattern's group nesting).
class Compiler {
 public:
  explicit Compiler(Program& program) : program_(program) {}

  uint32_t compile(const Node& node, uint32_t next) {
    switch (node.kind) {
      case NodeKind::kEmpty: return next;
      case NodeKind::kClass: return emit(Op::kClass, node.class_index, next);
      case NodeKind::kAssertion: {
        const uint32_t pc = emit(Op::kAssertion, 0, next);
        program_.instructions[pc].assertion = node.assertion;
        return pc;
      }
      case NodeKind::kConcat:
        for (auto it = node.children.rbegin(); it != node.children.rend(); ++it)
          next = compile(*it, next);
        return next;
      case NodeKind::kAlternate: {
        uint32_t entry = compile(node.children.back(), next);
        for (size_t i = node.children.size() - 1; i-- > 0;)
          entry = split(compile(node.children[i], next), entry);
        return entry;
      }
      case NodeKind::kRepeat: return repeat(node, next);
    }
    return next;
  }

  uint32_t emit(Op op, uint32_t arg, uint32_t next) {
    if (program_.instructions.size() >= kMaxInstructions) throw ProgramTooLarge{};
    Instruction instruction;
    instruction.op = op;
    instruction.arg = arg;
    instruction.next = next;
    program_.instructions.push_back(instruction);
    return static_cast<uint32_t>(program_.instructions.size() - 1);
  }

 private:
  uint32_t split(uint32_t first, uint32_t second) {
    const uint32_t pc = emit(Op::kSplit, 0, first);
    program_.instructions[pc].alt = second;
    return pc;
  }

  // x{min,max}: min copies of x, then either a loop (no max) or max - min
  // nested optional copies, x(x(x)?)?, which keep the state sets small.
  uint32_t repeat(const Node& node, uint32_t next) {
    const Node& body = node.children.front();
    uint32_t tail = next;
    if (node.max < 0) {
      tail = loop(body, next);
    } else {
      for (int k = node.min; k < node.max; ++k) tail = split(compile(body, tail), next);
    }
    for (int k = 0; k < node.min; ++k) tail = compile(body, tail);
    return tail;
  }

  // x*: a split that enters x, whose code comes back to the split.
  uint32_t loop(const Node& body, uint32_t next) {
    const uint32_t pc = split(0, next);
    const uint32_t entry = compile(body, pc);
    program_.instructions[pc].next = entry;
    return pc;
  }

  Program& program_;
};

}  // namespace

size_t Program::memory_bytes() const {
  size_t bytes = sizeof(Program) + instructions.capacity() * sizeof(Instruction);
  for (const CharClass& cls : classes) bytes += sizeof(CharClass) + cls.memory_bytes();
  return bytes;
}

bool compile_program(ParsedPattern parsed, Program& out, std::string& error) {
  out = Program();
  try {
    Compiler compiler(out);
    compiler.emit(Op::kMatch, 0, 0);
    out.start = compiler.compile(parsed.root, 0);
  } catch (const ProgramTooLarge&) {
    out = Program();
    error = "pattern too large - compile failed";
    return false;
  }
  out.classes = std::move(parsed.classes);
  const Instruction& first = out.instructions[out.start];
  out.anchored_at_start = first.op == Op::kAssertion && first.assertion == Assertion::kBeginText;
  return true;
}

}  // namespace rollgate::cel::detail::regex
