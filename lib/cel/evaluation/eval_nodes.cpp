#include "cel/evaluation/eval_nodes.hpp"

#include <array>
#include <cmath>
#include <unordered_map>

#include "cel/common/value_ops.hpp"

namespace rollgate::cel::detail {

namespace {

const char* kind_name(Value::Kind kind) {
  if (kind == Value::kOptional) return "optional_type";
  switch (kind) {
    case Value::Kind::Null: return "null_type";
    case Value::Kind::Bool: return "bool";
    case Value::Kind::Int: return "int";
    case Value::Kind::Uint: return "uint";
    case Value::Kind::Double: return "double";
    case Value::Kind::String: return "string";
    case Value::Kind::Bytes: return "bytes";
    case Value::Kind::Timestamp: return "timestamp";
    case Value::Kind::Duration: return "duration";
    case Value::Kind::List: return "list";
    case Value::Kind::Map: return "map";
    case Value::Kind::Type: return "type";
    case Value::Kind::Error: return "error";
    case Value::Kind::Unknown: return "unknown";
  }
  return "?";
}

Value no_overload(std::string_view function, std::span<const Value> args) {
  std::string shown;
  for (const Value& arg : args) {
    if (!shown.empty()) shown += ", ";
    shown += kind_name(arg.kind());
  }
  return Value::error("no matching overload for '" + std::string(function) +
                      "' applied to (" + shown + ")");
}

bool is_failure(const Value& v) { return v.is_error() || v.is_unknown(); }

}  // namespace

Value merge_unknowns(std::span<const Value> values) {
  std::vector<int> slots;
  for (const Value& v : values)
    if (v.is_unknown())
      slots.insert(slots.end(), v.unknown_slots().begin(), v.unknown_slots().end());
  return Value::unknown(std::move(slots));
}

std::optional<Value> strict_failure(std::span<const Value> args) {
  const Value* error = nullptr;
  bool unknown = false;
  for (const Value& arg : args) {
    if (arg.is_unknown()) unknown = true;
    if (arg.is_error() && error == nullptr) error = &arg;
  }
  if (unknown) return merge_unknowns(args);
  if (error != nullptr) return *error;
  return std::nullopt;
}

// ---------------------------------------------------------------- leaves

Value SlotNode::eval(Frame& frame) const {
  const Value& v = frame.slots[static_cast<size_t>(slot_)];
  if (!v.is_unknown()) return v;
  // An unknown read from a slot always names that slot.
  std::vector<int> slots = v.unknown_slots();
  slots.push_back(slot_);
  return Value::unknown(std::move(slots));
}

Value SelectNode::eval(Frame& frame) const {
  Value operand = operand_->eval(frame);
  if (is_failure(operand)) return operand;
  bool optional = optional_;
  if (operand.is_optional()) {
    if (!operand.has_optional_value())
      return test_only_ ? Value::boolean(false) : operand;
    Value inner = operand.optional_value();
    operand = std::move(inner);
    optional = true;
  }
  if (operand.kind() != Value::Kind::Map)
    return Value::error("type '" + std::string(kind_name(operand.kind())) +
                        "' does not support field selection");
  const Value* found = operand.find(field_);
  if (test_only_) return Value::boolean(found != nullptr);
  if (optional) return found ? Value::optional_of(*found) : Value::optional_none();
  if (found == nullptr) return Value::error("no such key: " + field_.as_string());
  return *found;
}

// ---------------------------------------------------------------- calls

Value CallNode::eval(Frame& frame) const {
  // Most calls have at most three arguments: keep them on the stack.
  constexpr size_t kInline = 3;
  if (args_.size() <= kInline) {
    std::array<Value, kInline> inline_args;
    for (size_t i = 0; i < args_.size(); ++i) inline_args[i] = args_[i]->eval(frame);
    const std::span<const Value> args(inline_args.data(), args_.size());
    if (auto failure = strict_failure(args)) return *failure;
    return frame.built(dispatch(args, frame));
  }
  std::vector<Value> args;
  args.reserve(args_.size());
  for (const NodePtr& arg : args_) args.push_back(arg->eval(frame));
  if (auto failure = strict_failure(args)) return *failure;
  return frame.built(dispatch(args, frame));
}

Value CallNode::dispatch(std::span<const Value> args, Frame& frame) const {
  if (overloads_.empty())
    return Value::error("unbound function '" + function_ + "'");
  for (const Overload* overload : overloads_) {
    if (overload->impl != nullptr && runtime_matches(*overload, args)) {
      if (overload->copies_first) {
        const Value& copied = args[0];
        const size_t size = copied.kind() == Value::Kind::List ? copied.as_list().size()
                            : copied.kind() == Value::Kind::Map ? copied.as_map().size()
                                                                : 0;
        if (!frame.charge(size)) return frame.stopped_error();
      }
      return overload->impl(args);
    }
    if (overload->bounded != nullptr && runtime_matches(*overload, args)) {
      std::optional<Value> v = overload->bounded(args, frame.limits->max_string_bytes);
      return v ? std::move(*v) : frame.stop_with(Stop::StringBytes);
    }
  }
  return no_overload(function_, args);
}

Value LogicNode::eval(Frame& frame) const {
  // The value that decides the result whatever the other side is.
  const bool decisive = !is_and_;
  const Value left = left_->eval(frame);
  if (left.kind() == Value::Kind::Bool && left.as_bool() == decisive) return left;
  const Value right = right_->eval(frame);
  if (right.kind() == Value::Kind::Bool && right.as_bool() == decisive)
    return right;
  if (left.kind() == Value::Kind::Bool && right.kind() == Value::Kind::Bool)
    return left;  // both the non-deciding value
  // Neither side decides: unknowns win over errors.
  if (left.is_unknown() || right.is_unknown()) {
    const Value both[] = {left, right};
    return merge_unknowns(both);
  }
  if (left.is_error()) return left;
  if (right.is_error()) return right;
  const Value both[] = {left, right};
  return no_overload(is_and_ ? "_&&_" : "_||_", both);
}

Value NotStrictlyFalseNode::eval(Frame& frame) const {
  Value v = operand_->eval(frame);
  if (v.kind() == Value::Kind::Bool) return v;
  return Value::boolean(true);
}

Value ConditionalNode::eval(Frame& frame) const {
  Value condition = condition_->eval(frame);
  if (is_failure(condition)) return condition;
  if (condition.kind() != Value::Kind::Bool) {
    const Value shown[] = {condition};
    return no_overload("_?_:_", shown);
  }
  return condition.as_bool() ? yes_->eval(frame) : no_->eval(frame);
}

namespace {

// A list index of any numeric kind, as long as it is a whole number.
std::optional<int64_t> list_position(const Value& index) {
  switch (index.kind()) {
    case Value::Kind::Int: return index.as_int();
    case Value::Kind::Uint:
      if (index.as_uint() > static_cast<uint64_t>(INT64_MAX)) return INT64_MAX;
      return static_cast<int64_t>(index.as_uint());
    case Value::Kind::Double: {
      const double d = index.as_double();
      if (std::trunc(d) != d || std::fabs(d) > 9.2e18) return std::nullopt;
      return static_cast<int64_t>(d);
    }
    default: return std::nullopt;
  }
}

Value index_list(const Value& list, const Value& index) {
  const auto position = list_position(index);
  if (!position)
    return Value::error("invalid_argument: list index " + index.debug_string() +
                        " is not an integer");
  const ValueList& items = list.as_list();
  if (*position < 0 || static_cast<uint64_t>(*position) >= items.size())
    return Value::error("index out of range: " + std::to_string(*position) +
                        " (list size " + std::to_string(items.size()) + ")");
  return items[static_cast<size_t>(*position)];
}

Value index_map(const Value& map, const Value& key) {
  if (const Value* found = map.find(key)) return *found;
  return Value::error("no such key: " + key.debug_string());
}

}  // namespace

namespace {

// container[?index]: an optional of the element, none when absent.
Value index_optional(const Value& container, const Value& index) {
  if (container.kind() == Value::Kind::List) {
    const auto position = list_position(index);
    if (!position)
      return Value::error("invalid_argument: list index " + index.debug_string() +
                          " is not an integer");
    const ValueList& items = container.as_list();
    if (*position < 0 || static_cast<uint64_t>(*position) >= items.size())
      return Value::optional_none();
    return Value::optional_of(items[static_cast<size_t>(*position)]);
  }
  const Value* found = container.find(index);
  return found ? Value::optional_of(*found) : Value::optional_none();
}

}  // namespace

Value IndexNode::eval(Frame& frame) const {
  Value args[] = {operand_->eval(frame), index_->eval(frame)};
  if (auto failure = strict_failure(args)) return *failure;
  bool optional = optional_;
  if (args[0].is_optional()) {
    if (!args[0].has_optional_value()) return args[0];
    Value inner = args[0].optional_value();
    args[0] = std::move(inner);
    optional = true;
  }
  const Value::Kind kind = args[0].kind();
  if (kind != Value::Kind::List && kind != Value::Kind::Map)
    return no_overload(optional_ ? "_[?_]" : "_[_]", args);
  if (optional) return index_optional(args[0], args[1]);
  if (kind == Value::Kind::List) return index_list(args[0], args[1]);
  return index_map(args[0], args[1]);
}

Value OptionalOrNode::eval(Frame& frame) const {
  const char* function = or_value_ ? "orValue" : "or";
  Value optional = optional_->eval(frame);
  if (is_failure(optional)) return optional;
  if (!optional.is_optional()) {
    const Value shown[] = {optional};
    return no_overload(function, shown);
  }
  if (optional.has_optional_value())
    return or_value_ ? optional.optional_value() : optional;
  Value alternative = alternative_->eval(frame);
  if (or_value_ || is_failure(alternative) || alternative.is_optional())
    return alternative;
  const Value shown[] = {optional, alternative};
  return no_overload(function, shown);
}

// ---------------------------------------------------------------- literals

namespace {

// The value an optional element or entry `?x` contributes (nullopt for
// none), or an error when x is not an optional.
std::optional<Value> unwrap_optional(const Value& v, std::optional<Value>& error) {
  if (!v.is_optional()) {
    error = Value::error("'?' needs an optional value, not " +
                         std::string(kind_name(v.kind())));
    return std::nullopt;
  }
  if (!v.has_optional_value()) return std::nullopt;
  return v.optional_value();
}

}  // namespace

Value ListNode::eval(Frame& frame) const {
  ValueList items;
  items.reserve(elements_.size());
  for (const NodePtr& element : elements_) items.push_back(element->eval(frame));
  if (auto failure = strict_failure(items)) return *failure;
  if (optional_.empty()) return frame.built(Value::list(std::move(items)));
  ValueList kept;
  kept.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    if (!optional_[i]) {
      kept.push_back(std::move(items[i]));
      continue;
    }
    std::optional<Value> error;
    if (auto v = unwrap_optional(items[i], error)) kept.push_back(std::move(*v));
    if (error) return *error;
  }
  return frame.built(Value::list(std::move(kept)));
}

namespace {

bool valid_key(const Value& key) {
  switch (key.kind()) {
    case Value::Kind::Bool:
    case Value::Kind::Int:
    case Value::Kind::Uint:
    case Value::Kind::String: return true;
    default: return false;
  }
}

}  // namespace

Value MapNode::eval(Frame& frame) const {
  std::vector<Value> parts;
  parts.reserve(keys_.size() * 2);
  for (size_t i = 0; i < keys_.size(); ++i) {
    parts.push_back(keys_[i]->eval(frame));
    parts.push_back(values_[i]->eval(frame));
  }
  if (auto failure = strict_failure(parts)) return *failure;
  MapEntries entries;
  entries.reserve(keys_.size());
  std::unordered_multimap<size_t, size_t> seen;  // key hash -> entry
  for (size_t i = 0; i < parts.size(); i += 2) {
    const Value& key = parts[i];
    if (!optional_.empty() && optional_[i / 2]) {
      std::optional<Value> error;
      auto v = unwrap_optional(parts[i + 1], error);
      if (error) return *error;
      if (!v) continue;
      parts[i + 1] = std::move(*v);
    }
    if (!valid_key(key))
      return Value::error("unsupported key type: " +
                          std::string(kind_name(key.kind())));
    const size_t hash = key_hash(key);
    const auto [first, last] = seen.equal_range(hash);
    for (auto it = first; it != last; ++it)
      if (values_equal(entries[it->second].first, key))
        return Value::error("Failed with repeated key: " + key.debug_string());
    seen.emplace(hash, entries.size());
    entries.emplace_back(key, parts[i + 1]);
  }
  return frame.built(Value::map(std::move(entries)));
}

// ---------------------------------------------------------------- folds

namespace {

size_t range_size(const Value& range) {
  return range.kind() == Value::Kind::List ? range.as_list().size()
                                           : range.as_map().size();
}

// Binds the iteration variable(s) to element `i`: a list's element (or its
// index and element), a map's key (or its key and value).
void bind_element(Frame& frame, const ComprehensionSlots& slots,
                  const Value& range, size_t i) {
  if (range.kind() == Value::Kind::List) {
    const Value& item = range.as_list()[i];
    if (slots.iter_var2) {
      frame.locals[slots.iter_var] = Value::int64(static_cast<int64_t>(i));
      frame.locals[*slots.iter_var2] = item;
    } else {
      frame.locals[slots.iter_var] = item;
    }
    return;
  }
  const MapEntry& entry = range.as_map()[i];
  frame.locals[slots.iter_var] = entry.first;
  if (slots.iter_var2) frame.locals[*slots.iter_var2] = entry.second;
}

// The range value, or the error/unknown to return instead.
std::optional<Value> bad_range(const Value& range) {
  if (is_failure(range)) return range;
  if (range.kind() != Value::Kind::List && range.kind() != Value::Kind::Map)
    return Value::error("cannot iterate over a value of type " +
                        std::string(kind_name(range.kind())));
  return std::nullopt;
}

}  // namespace

Value ComprehensionNode::eval(Frame& frame) const {
  const Value range = parts_.range->eval(frame);
  if (auto bad = bad_range(range)) return *bad;
  frame.locals[slots_.accu_var] = parts_.init->eval(frame);
  const size_t n = range_size(range);
  for (size_t i = 0; i < n; ++i) {
    if (!frame.next_iteration()) return frame.stopped_error();
    bind_element(frame, slots_, range, i);
    const Value go_on = parts_.condition->eval(frame);
    if (go_on.kind() == Value::Kind::Bool && !go_on.as_bool()) break;
    frame.locals[slots_.accu_var] = parts_.step->eval(frame);
  }
  return parts_.result->eval(frame);
}

namespace {

// The accumulator of ListBuilderNode: a list under construction, or the
// error or unknown that `accu + [x]` would have produced.
struct ListAccumulator {
  ValueList items;
  std::optional<Value> failure;

  // accu + [value], with strict semantics (unknowns win over errors).
  void append(Value value) {
    if (!failure) {
      if (is_failure(value)) failure = std::move(value);
      else items.push_back(std::move(value));
      return;
    }
    if (value.is_unknown()) {
      if (failure->is_unknown()) {
        const Value both[] = {*failure, value};
        failure = merge_unknowns(both);
      } else {
        failure = std::move(value);
      }
    }
  }

  // `condition ? ... : accu` when the condition is not a bool.
  void replace(Value failure_value) { failure = std::move(failure_value); }

  Value result() && {
    if (failure) return std::move(*failure);
    return Value::list(std::move(items));
  }
};

}  // namespace

Value ListBuilderNode::eval(Frame& frame) const {
  const Value range = range_->eval(frame);
  if (auto bad = bad_range(range)) return *bad;
  ListAccumulator accu;
  const size_t n = range_size(range);
  for (size_t i = 0; i < n; ++i) {
    if (!frame.next_iteration()) return frame.stopped_error();
    bind_element(frame, slots_, range, i);
    if (predicate_) {
      Value keep = predicate_->eval(frame);
      if (keep.kind() != Value::Kind::Bool) {
        if (!is_failure(keep)) {
          const Value shown[] = {keep};
          keep = no_overload("_?_:_", shown);
        }
        accu.replace(std::move(keep));
        continue;
      }
      if (!keep.as_bool()) continue;
    }
    accu.append(transform_->eval(frame));
    if (accu.items.size() > frame.limits->max_list_size) return frame.stop_with(Stop::ListSize);
    if (!frame.count_bytes(sizeof(Value))) return frame.stop_with(Stop::Bytes);
  }
  return std::move(accu).result();
}

}  // namespace rollgate::cel::detail
