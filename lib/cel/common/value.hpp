// A CEL runtime value.  Errors and unknowns are values too (CEL's model):
// evaluation never throws for a CEL error, it returns an Error value.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "cel/common/time.hpp"
#include "cel/common/type.hpp"

namespace rollgate::cel {

// The longest error message a value carries: a screenful, far above any
// message a gate makes of its own (docs/LIMITS.md, "Input limits").
constexpr size_t kMaxErrorMessageBytes = 1024;

class Value;
using ValueList = std::vector<Value>;
using MapEntry = std::pair<Value, Value>;
using MapEntries = std::vector<MapEntry>;  // insertion order

class Value {
 public:
  enum class Kind : unsigned char {
    Null, Bool, Int, Uint, Double, String, Bytes,
    Timestamp, Duration, List, Map, Type, Error, Unknown
  };

  Value();  // null
  static Value null();
  static Value boolean(bool b);
  static Value int64(int64_t i);
  static Value uint64(uint64_t u);
  static Value double_value(double d);
  static Value string(std::string s);
  static Value bytes(std::string b);
  static Value timestamp(Timestamp t);
  static Value duration(Duration d);
  static Value list(ValueList items);
  // Duplicate keys are the caller's bug; the evaluator reports them itself.
  static Value map(MapEntries entries);
  static Value type_value(Type t);
  // An error whose message is at most kMaxErrorMessageBytes: a longer one
  // is shortened (text::shorten), since messages quote values ("no such
  // key: <a 10 MB key>") and every gate's goes into the report.
  static Value error(std::string message);
  // An unknown: the result depends on these activation slots (facts that are
  // missing or stale).  Sorted and de-duplicated by the constructor.
  static Value unknown(std::vector<int> slots);
  // CEL optional values (optional_type(T)): optional.none() and
  // optional.of(v).
  static Value optional_none();
  static Value optional_of(Value v);

  // The kind of optional values.  It is deliberately not a named
  // enumerator yet: code outside lib/cel switches exhaustively over Kind
  // (and must keep compiling); there an optional falls to the "other kind"
  // path.  Inside lib/cel test is_optional() before switching over kind().
  static constexpr Kind kOptional = static_cast<Kind>(14);

  Kind kind() const { return kind_; }  // inline: read on every evaluation step
  bool is_error() const { return kind() == Kind::Error; }
  bool is_unknown() const { return kind() == Kind::Unknown; }
  bool is_optional() const { return kind() == kOptional; }

  // Accessors; calling one for the wrong kind is a bug (asserted).
  bool as_bool() const {
    assert(kind_ == Kind::Bool);
    return b_;
  }
  int64_t as_int() const {
    assert(kind_ == Kind::Int);
    return i_;
  }
  uint64_t as_uint() const {
    assert(kind_ == Kind::Uint);
    return u_;
  }
  double as_double() const {
    assert(kind_ == Kind::Double);
    return d_;
  }
  const std::string& as_string() const;  // String and Bytes
  Timestamp as_timestamp() const;
  Duration as_duration() const;
  const ValueList& as_list() const;
  const MapEntries& as_map() const;
  const Type& as_type() const;
  const std::string& error_message() const;
  const std::vector<int>& unknown_slots() const;
  // Optional values: whether it holds a value, and that value (asserted).
  bool has_optional_value() const;
  const Value& optional_value() const;

  // Map lookup with CEL's key equality, under which 1, 1u and 1.0 are the
  // same key.  nullptr when absent (or when this is not a map).
  const Value* find(const Value& key) const;

  // CEL-literal-like text for messages and debugging: 1, 2u, 1.5, "s",
  // b"..", [1, 2], {"a": 1}, timestamp("..."), duration("..s").
  std::string debug_string() const;

 private:
  struct Heap;  // defined in value.cpp: string, list, map, error, unknown...
  explicit Value(Kind kind) : kind_(kind), i_(0) {}
  static Value with_heap(Kind kind, std::shared_ptr<const Heap> heap);
  const Heap& heap() const;

  Kind kind_;
  union {
    bool b_;
    int64_t i_;
    uint64_t u_;
    double d_;
    Timestamp t_;
    Duration du_;
  };
  std::shared_ptr<const Heap> heap_;
};

}  // namespace rollgate::cel
