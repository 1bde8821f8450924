#include "cel/evaluation/fast_gate.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include "cel/evaluation/evaluator.hpp"
#include "cel/library/overloads.hpp"
#include "cel/common/civil_time.hpp"
#include "cel/common/value_ops.hpp"
#include "text/utf8.hpp"

namespace rollgate::cel::detail {

namespace {

using Op = FastGate::Op;

constexpr uint64_t bit(Value::Kind kind) {
  return uint64_t{1} << static_cast<unsigned>(kind);
}

// One value of every kind an operator may receive (errors and unknowns
// never reach an overload).
const std::vector<Value>& samples() {
  static const std::vector<Value> values = {
      Value::null(),          Value::boolean(false),   Value::int64(0),
      Value::uint64(0),       Value::double_value(0),  Value::string(""),
      Value::bytes(""),       Value::timestamp({}),    Value::duration({}),
      Value::list({}),        Value::map({}),          Value::type_value(Type::int64())};
  return values;
}

// The kinds of the argument at `position` for which one of `candidates`
// applies (as CallNode::dispatch chooses), the other argument being `other`.
uint64_t accepted_kinds(const std::vector<const Overload*>& candidates,
                        size_t position, const Value* other) {
  uint64_t kinds = 0;
  for (const Value& sample : samples()) {
    std::array<Value, 2> args;
    args[position] = sample;
    if (other) args[1 - position] = *other;
    const std::span<const Value> span(args.data(), other ? 2 : 1);
    for (const Overload* o : candidates)
      if (o->impl != nullptr && runtime_matches(*o, span)) kinds |= bit(sample.kind());
  }
  return kinds;
}

// Whether a constant is made only of the kinds above (no optional or
// other kind whose operators may behave differently).
bool plain_constant(const Value& v) {
  bool known = false;
  for (const Value& sample : samples()) known = known || sample.kind() == v.kind();
  if (!known) return false;
  if (v.kind() == Value::Kind::List) {
    for (const Value& item : v.as_list())
      if (!plain_constant(item)) return false;
  }
  if (v.kind() == Value::Kind::Map) {
    for (const auto& [key, value] : v.as_map())
      if (!plain_constant(key) || !plain_constant(value)) return false;
  }
  return true;
}

bool holds(Op op, std::partial_ordering o) {
  switch (op) {
    case Op::Eq: return o == 0;
    case Op::Ne: return !(o == 0);
    case Op::Lt: return o < 0;
    case Op::Le: return o <= 0;
    case Op::Gt: return o > 0;
    case Op::Ge: return o >= 0;
  }
  return false;
}

Tri tri(bool b) { return b ? Tri::True : Tri::False; }

Op flipped(Op op) {
  switch (op) {
    case Op::Lt: return Op::Gt;
    case Op::Le: return Op::Ge;
    case Op::Gt: return Op::Lt;
    case Op::Ge: return Op::Le;
    default: return op;
  }
}

std::optional<Op> comparison(const std::string& fn) {
  if (fn == "_==_") return Op::Eq;
  if (fn == "_!=_") return Op::Ne;
  if (fn == "_<_") return Op::Lt;
  if (fn == "_<=_") return Op::Le;
  if (fn == "_>_") return Op::Gt;
  if (fn == "_>=_") return Op::Ge;
  return std::nullopt;
}

// A general comparison of a value with the constant, as the standard
// library's ==, !=, <, <=, >, >= implement it.
bool general(Op op, const Value& v, const Value& constant) {
  if (op == Op::Eq) return values_equal(v, constant);
  if (op == Op::Ne) return !values_equal(v, constant);
  return holds(op, compare_values(v, constant));
}

}  // namespace

class FastGateBuilder {
 public:
  explicit FastGateBuilder(const CheckResult& checked) : checked_(checked) {}

  std::optional<FastGate> run(const Expr& root) {
    const auto r = build(root);
    if (!r) return std::nullopt;
    gate_.root_ = *r;
    gate_.nodes_.shrink_to_fit();  // kept for the program's lifetime
    return std::move(gate_);
  }

 private:
  using Node = FastGate::Node;
  using Kind = FastGate::Kind;

  struct Operand {
    bool element = false;
    int slot = 0;
  };

  uint32_t add(Node n) {
    gate_.nodes_.push_back(std::move(n));
    return static_cast<uint32_t>(gate_.nodes_.size() - 1);
  }

  std::optional<Operand> operand(const Expr& e) const {
    const auto it = checked_.references.find(e.id);
    if (it == checked_.references.end()) return std::nullopt;
    const Reference& ref = it->second;
    if (ref.kind == Reference::Kind::Variable && ref.slot >= 0) return Operand{false, ref.slot};
    if (ref.kind == Reference::Kind::Local && iter_var_ && ref.name == *iter_var_)
      return Operand{true, 0};
    return std::nullopt;
  }

  const std::vector<const Overload*>* overloads(const Expr& e) const {
    const auto it = checked_.overloads.find(e.id);
    if (it == checked_.overloads.end() || it->second.empty()) return nullptr;
    for (const Overload* o : it->second)
      if (o == nullptr || o->impl == nullptr) return nullptr;
    return &it->second;
  }

  // Every candidate is one of the standard library's overloads of `fn` and
  // they all share one implementation (the comparisons).
  static bool same_standard_impl(const std::string& fn,
                                 const std::vector<const Overload*>& candidates) {
    const FunctionDecl* decl = FunctionRegistry::standard().find(fn);
    if (decl == nullptr || decl->overloads.empty()) return false;
    const FunctionImpl impl = decl->overloads.front().impl;
    for (const Overload& o : decl->overloads)
      if (o.impl != impl) return false;
    for (const Overload* c : candidates)
      if (c->impl != impl) return false;
    return true;
  }

  static bool ids_among(const std::vector<const Overload*>& candidates,
                        std::initializer_list<std::string_view> ids) {
    for (const Overload* c : candidates) {
      bool found = false;
      for (std::string_view id : ids) found = found || c->id == id;
      if (!found) return false;
    }
    return true;
  }

  static bool is_call(const Expr& e, std::string_view fn, size_t args, bool target = false) {
    return e.kind == ExprKind::Call && e.name == fn && e.args.size() == args &&
           (e.target != nullptr) == target;
  }

  bool is_accu(const Expr& e, const std::string& accu) const {
    return e.kind == ExprKind::Ident && e.name == accu;
  }

  bool plain_call(const Expr& e) const {
    return e.kind == ExprKind::Call && !checked_.namespaced_calls.contains(e.id);
  }

  // The ints for which `x op constant` holds, as an interval.
  static void set_interval(Node& n) {
    if (n.element || n.const_kind != FastGate::ConstKind::Int ||
        !(n.kinds & bit(Value::Kind::Int)))
      return;
    constexpr int64_t lowest = std::numeric_limits<int64_t>::min();
    constexpr int64_t highest = std::numeric_limits<int64_t>::max();
    const int64_t c = n.int_constant;
    int64_t low = lowest, high = highest;
    switch (n.op) {
      case Op::Eq: low = high = c; break;
      case Op::Ne: low = high = c; n.int_negated = true; break;
      case Op::Lt:
        if (c == lowest) { low = highest; high = lowest; }  // empty
        else high = c - 1;
        break;
      case Op::Le: high = c; break;
      case Op::Gt:
        if (c == highest) { low = highest; high = lowest; }  // empty
        else low = c + 1;
        break;
      case Op::Ge: low = c; break;
    }
    n.int_interval = true;
    n.int_low = low;
    n.int_high = high;
  }

  static void unpack(Node& n) {
    const Value& c = n.constant;
    switch (c.kind()) {
      case Value::Kind::Int: n.const_kind = FastGate::ConstKind::Int; n.int_constant = c.as_int(); break;
      case Value::Kind::Uint: n.const_kind = FastGate::ConstKind::Uint; n.uint_constant = c.as_uint(); break;
      case Value::Kind::Double:
        n.const_kind = FastGate::ConstKind::Double;
        n.double_constant = c.as_double();
        break;
      case Value::Kind::String:
        n.const_kind = FastGate::ConstKind::String;
        n.string_constant = c.as_string();
        break;
      default: n.const_kind = FastGate::ConstKind::Other;
    }
  }

  std::optional<uint32_t> build(const Expr& e) {
    if (auto o = operand(e)) {
      const auto t = checked_.types.find(e.id);
      if (t == checked_.types.end() || t->second.kind() != Type::Kind::Bool) return std::nullopt;
      Node n;
      n.kind = Kind::BoolOperand;
      n.element = o->element;
      n.slot = o->slot;
      n.kinds = bit(Value::Kind::Bool);
      return add(std::move(n));
    }
    if (e.kind == ExprKind::Comprehension) return loop(e);
    if (!plain_call(e)) return std::nullopt;
    if (is_call(e, "_&&_", 2) || is_call(e, "_||_", 2)) {
      const auto l = build(*e.args[0]);
      if (!l) return std::nullopt;
      const auto r = build(*e.args[1]);
      if (!r) return std::nullopt;
      Node n;
      n.kind = e.name == "_&&_" ? Kind::And : Kind::Or;
      n.a = *l;
      n.b = *r;
      // a >= x && a <= y: one read of the operand for both comparisons.
      const Node& left = gate_.nodes_[*l];
      const Node& right = gate_.nodes_[*r];
      if (n.kind == Kind::And && left.kind == Kind::Compare && right.kind == Kind::Compare &&
          left.element == right.element && left.slot == right.slot) {
        n.kind = Kind::Range;
        n.element = left.element;
        n.slot = left.slot;
        if (left.int_interval && right.int_interval && !left.int_negated &&
            !right.int_negated) {
          n.int_interval = !n.element;
          n.int_low = std::max(left.int_low, right.int_low);
          n.int_high = std::min(left.int_high, right.int_high);
        }
      }
      return add(std::move(n));
    }
    if (is_call(e, "!_", 1)) {
      const auto* c = overloads(e);
      if (!c || !ids_among(*c, {"logical_not"})) return std::nullopt;
      const auto child = build(*e.args[0]);
      if (!child) return std::nullopt;
      Node n;
      n.kind = Kind::Not;
      n.a = *child;
      return add(std::move(n));
    }
    if (e.target == nullptr && e.args.size() == 2) {
      if (auto op = comparison(e.name)) return compare(e, *op);
      if (e.name == "@in") return in_list(e);
    }
    if (e.target != nullptr && e.args.size() == 1) return string_test(e);
    return std::nullopt;
  }

  std::optional<uint32_t> compare(const Expr& e, Op op) {
    const auto* candidates = overloads(e);
    if (!candidates || !same_standard_impl(e.name, *candidates)) return std::nullopt;
    size_t const_pos;
    if (e.args[1]->kind == ExprKind::Const) const_pos = 1;
    else if (e.args[0]->kind == ExprKind::Const) const_pos = 0;
    else return std::nullopt;
    const Expr& side = *e.args[1 - const_pos];
    Node n;
    n.constant = e.args[const_pos]->constant;
    if (!plain_constant(n.constant)) return std::nullopt;
    n.op = const_pos == 1 ? op : flipped(op);
    n.kinds = accepted_kinds(*candidates, 1 - const_pos, &n.constant);
    unpack(n);
    if (auto o = operand(side)) {
      n.kind = Kind::Compare;
      n.element = o->element;
      n.slot = o->slot;
      set_interval(n);
      return add(std::move(n));
    }
    if (is_constant_map_index(side)) {
      const auto o = operand(*side.args[0]);
      if (!o) return std::nullopt;
      n.kind = Kind::IndexCompare;
      n.element = o->element;
      n.slot = o->slot;
      n.key = side.args[1]->constant;
      return add(std::move(n));
    }
    if (plain_call(side) && is_call(side, "_-_", 2)) {
      const auto* minus = overloads(side);
      const auto a = operand(*side.args[0]);
      const auto b = operand(*side.args[1]);
      if (!minus || minus->size() != 1 || !ids_among(*minus, {"subtract_timestamp_timestamp"}) || !a ||
          !b || a->element || b->element || !(n.kinds & bit(Value::Kind::Duration)))
        return std::nullopt;
      n.kind = Kind::TimeDifferenceCompare;
      n.slot = a->slot;
      n.slot2 = b->slot;
      return add(std::move(n));
    }
    // size(x) or x.size()
    if (!plain_call(side) || side.name != "size") return std::nullopt;
    const Expr* sized = nullptr;
    if (side.target == nullptr && side.args.size() == 1) sized = side.args[0].get();
    if (side.target != nullptr && side.args.empty()) sized = side.target.get();
    if (sized == nullptr) return std::nullopt;
    const auto o = operand(*sized);
    const auto* size_candidates = overloads(side);
    if (!o || !size_candidates ||
        !ids_among(*size_candidates,
                   {"size_string", "size_bytes", "size_list", "size_map", "size_string_member",
                    "size_bytes_member", "size_list_member", "size_map_member"}))
      return std::nullopt;
    if (!(n.kinds & bit(Value::Kind::Int))) return std::nullopt;
    n.kind = Kind::SizeCompare;
    n.element = o->element;
    n.slot = o->slot;
    n.size_kinds = accepted_kinds(*size_candidates, 0, nullptr);
    return add(std::move(n));
  }

  // m['key'] for a map operand: the checker resolved the index to the map
  // overload only (not lists, not dyn), with a constant string key.
  bool is_constant_map_index(const Expr& e) const {
    if (e.kind != ExprKind::Call || e.name != "_[_]" || e.target != nullptr || e.args.size() != 2)
      return false;
    const Expr& key = *e.args[1];
    if (key.kind != ExprKind::Const || key.constant.kind() != Value::Kind::String) return false;
    const auto it = checked_.overloads.find(e.id);
    if (it == checked_.overloads.end() || it->second.empty()) return false;
    for (const Overload* o : it->second)
      if (o == nullptr || o->id != "index_map") return false;
    return true;
  }

  std::optional<uint32_t> in_list(const Expr& e) {
    const auto* candidates = overloads(e);
    const auto o = operand(*e.args[0]);
    const Expr& list = *e.args[1];
    if (!candidates || !o || !ids_among(*candidates, {"in_list", "in_map"}) ||
        list.kind != ExprKind::Const || list.constant.kind() != Value::Kind::List ||
        !plain_constant(list.constant))
      return std::nullopt;
    Node n;
    n.kind = Kind::InList;
    n.element = o->element;
    n.slot = o->slot;
    n.constant = list.constant;
    n.kinds = accepted_kinds(*candidates, 0, &n.constant);
    return add(std::move(n));
  }

  std::optional<uint32_t> string_test(const Expr& e) {
    Node n;
    std::string_view id;
    if (e.name == "startsWith") {
      n.string_fn = FastGate::StringFn::StartsWith;
      id = "starts_with_string";
    } else if (e.name == "endsWith") {
      n.string_fn = FastGate::StringFn::EndsWith;
      id = "ends_with_string";
    } else if (e.name == "contains") {
      n.string_fn = FastGate::StringFn::Contains;
      id = "contains_string";
    } else {
      return std::nullopt;
    }
    const auto* candidates = overloads(e);
    const auto o = operand(*e.target);
    const Expr& arg = *e.args[0];
    if (!candidates || !o || !ids_among(*candidates, {id}) || arg.kind != ExprKind::Const ||
        arg.constant.kind() != Value::Kind::String)
      return std::nullopt;
    n.kind = Kind::StringTest;
    n.element = o->element;
    n.slot = o->slot;
    n.constant = arg.constant;
    n.string_constant = n.constant.as_string();
    n.kinds = accepted_kinds(*candidates, 0, &n.constant);
    return add(std::move(n));
  }

  // The expansions of exists() and all() (macros.cpp) over a list fact.
  std::optional<uint32_t> loop(const Expr& e) {
    const ComprehensionExpr& c = *e.comprehension;
    if (iter_var_ != nullptr || !c.iter_var2.empty()) return std::nullopt;
    const std::string& accu = c.accu_var;
    const Expr& init = *c.accu_init;
    if (init.kind != ExprKind::Const || init.constant.kind() != Value::Kind::Bool ||
        !is_accu(*c.result, accu))
      return std::nullopt;
    const bool is_all = init.constant.as_bool();
    const Expr& cond = *c.loop_condition;
    if (!is_call(cond, "@not_strictly_false", 1)) return std::nullopt;
    const Expr& tested = *cond.args[0];
    if (is_all ? !is_accu(tested, accu)
               : !(is_call(tested, "!_", 1) && is_accu(*tested.args[0], accu)))
      return std::nullopt;
    const Expr& step = *c.loop_step;
    if (!is_call(step, is_all ? "_&&_" : "_||_", 2) || !is_accu(*step.args[0], accu))
      return std::nullopt;
    const auto range = operand(*c.iter_range);
    if (!range || range->element) return std::nullopt;
    iter_var_ = &c.iter_var;
    const auto predicate = build(*step.args[1]);
    iter_var_ = nullptr;
    if (!predicate) return std::nullopt;
    Node n;
    n.kind = is_all ? Kind::All : Kind::Exists;
    n.slot = range->slot;
    n.a = *predicate;
    ++gate_.loops_;
    return add(std::move(n));
  }

  const CheckResult& checked_;
  const std::string* iter_var_ = nullptr;  // inside exists()/all()
  FastGate gate_;
};

std::optional<FastGate> FastGate::match(const Expr& root, const CheckResult& checked) {
  return FastGateBuilder(checked).run(root);
}

Tri FastGate::compare(const Node& n, const Value& v) const {
  if (n.int_interval && v.kind() == Value::Kind::Int)
    return tri((n.int_low <= v.as_int() && v.as_int() <= n.int_high) != n.int_negated);
  if (!(n.kinds & bit(v.kind()))) return Tri::Other;
  switch (v.kind()) {
    case Value::Kind::Int:
      if (n.const_kind == ConstKind::Int) return tri(holds(n.op, v.as_int() <=> n.int_constant));
      if (n.const_kind == ConstKind::Double)
        return tri(holds(n.op, compare_int_double(v.as_int(), n.double_constant)));
      break;
    case Value::Kind::Uint:
      if (n.const_kind == ConstKind::Uint) return tri(holds(n.op, v.as_uint() <=> n.uint_constant));
      break;
    case Value::Kind::Double:
      if (n.const_kind == ConstKind::Double)
        return tri(holds(n.op, v.as_double() <=> n.double_constant));
      break;
    case Value::Kind::String:
      if (n.const_kind == ConstKind::String)
        return tri(holds(n.op, std::string_view(v.as_string()) <=> n.string_constant));
      break;
    default: break;
  }
  return tri(general(n.op, v, n.constant));
}

// t1 - t2 op constant: the standard library's subtraction (it checks the
// duration's range), then the comparison; anything but two timestamps, or
// a difference out of range, is the general evaluator's to report.
Tri FastGate::time_difference_compare(const Node& n, const Value* slots) const {
  const Value& a = slots[n.slot];
  const Value& b = slots[n.slot2];
  if (a.kind() != Value::Kind::Timestamp || b.kind() != Value::Kind::Timestamp) return Tri::Other;
  const std::optional<Duration> d = timestamp_difference(a.as_timestamp(), b.as_timestamp());
  if (!d) return Tri::Other;
  return compare(n, Value::duration(*d));
}

Tri FastGate::size_compare(const Node& n, const Value& v) const {
  if (!(n.size_kinds & bit(v.kind()))) return Tri::Other;
  int64_t size = 0;
  switch (v.kind()) {
    case Value::Kind::String:
      size = static_cast<int64_t>(text::code_point_count(v.as_string()));
      break;
    case Value::Kind::Bytes: size = static_cast<int64_t>(v.as_string().size()); break;
    case Value::Kind::List: size = static_cast<int64_t>(v.as_list().size()); break;
    case Value::Kind::Map: size = static_cast<int64_t>(v.as_map().size()); break;
    default: return Tri::Other;
  }
  if (n.const_kind == ConstKind::Int) return tri(holds(n.op, size <=> n.int_constant));
  return tri(general(n.op, Value::int64(size), n.constant));
}

uint64_t FastGate::loop_range_sizes(std::span<const Value> slots) const {
  uint64_t total = 0;
  for (const Node& n : nodes_) {
    if (n.kind != Kind::Exists && n.kind != Kind::All) continue;
    const Value& range = slots[static_cast<size_t>(n.slot)];
    if (range.kind() == Value::Kind::List) total += range.as_list().size();
  }
  return total;
}

Tri FastGate::loop(const Node& n, const Value* slots) const {
  const Value& range = slots[n.slot];
  if (range.kind() != Value::Kind::List) return Tri::Other;  // maps, errors, unknowns
  const ValueList& items = range.as_list();
  // Every loop of the gate together stays within the evaluator's iteration
  // limit, which the general evaluator would report as an error.
  if (items.size() > kDefaultMaxIterations / loops_) return Tri::Other;
  const bool is_all = n.kind == Kind::All;
  const Tri decisive = is_all ? Tri::False : Tri::True;
  bool other = false;
  for (const Value& item : items) {
    const Tri t = eval_node(n.a, slots, &item);
    if (t == decisive) return decisive;
    other = other || t == Tri::Other;
  }
  if (other) return Tri::Other;
  return is_all ? Tri::True : Tri::False;
}

Tri FastGate::eval_node(uint32_t index, const Value* slots, const Value* element) const {
  const Node& n = nodes_[index];
  switch (n.kind) {
    case Kind::Compare: return compare(n, n.element ? *element : slots[n.slot]);
    case Kind::Range: {
      const Value& v = n.element ? *element : slots[n.slot];
      const Tri l = compare(nodes_[n.a], v);
      if (l == Tri::False) return Tri::False;
      const Tri r = compare(nodes_[n.b], v);
      if (r == Tri::False) return Tri::False;
      return l == Tri::True && r == Tri::True ? Tri::True : Tri::Other;
    }
    case Kind::And: {
      const Tri l = eval_node(n.a, slots, element);
      if (l == Tri::False) return Tri::False;
      const Tri r = eval_node(n.b, slots, element);
      if (r == Tri::False) return Tri::False;
      return l == Tri::True && r == Tri::True ? Tri::True : Tri::Other;
    }
    case Kind::Or: {
      const Tri l = eval_node(n.a, slots, element);
      if (l == Tri::True) return Tri::True;
      const Tri r = eval_node(n.b, slots, element);
      if (r == Tri::True) return Tri::True;
      return l == Tri::False && r == Tri::False ? Tri::False : Tri::Other;
    }
    case Kind::Not: {
      const Tri t = eval_node(n.a, slots, element);
      if (t == Tri::Other) return t;
      return t == Tri::True ? Tri::False : Tri::True;
    }
    case Kind::Exists:
    case Kind::All: return loop(n, slots);
    case Kind::TimeDifferenceCompare: return time_difference_compare(n, slots);
    default: break;
  }
  const Value& v = n.element ? *element : slots[n.slot];
  switch (n.kind) {
    case Kind::BoolOperand:
      if (v.kind() != Value::Kind::Bool) return Tri::Other;
      return tri(v.as_bool());
    case Kind::SizeCompare: return size_compare(n, v);
    case Kind::IndexCompare: {
      // A missing key is an error the general evaluator words.
      const Value* found = v.kind() == Value::Kind::Map ? v.find(n.key) : nullptr;
      return found ? compare(n, *found) : Tri::Other;
    }
    case Kind::InList:
      if (!(n.kinds & bit(v.kind()))) return Tri::Other;
      for (const Value& item : n.constant.as_list())
        if (values_equal(v, item)) return Tri::True;
      return Tri::False;
    case Kind::StringTest: {
      if (!(n.kinds & bit(v.kind()))) return Tri::Other;
      const std::string_view s = v.as_string();
      switch (n.string_fn) {
        case StringFn::StartsWith: return tri(s.starts_with(n.string_constant));
        case StringFn::EndsWith: return tri(s.ends_with(n.string_constant));
        case StringFn::Contains: return tri(s.find(n.string_constant) != std::string_view::npos);
      }
      return Tri::Other;
    }
    default: return Tri::Other;
  }
}

}  // namespace rollgate::cel::detail
