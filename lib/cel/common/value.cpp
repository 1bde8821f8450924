#include "cel/common/value.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <variant>

#include "cel/common/number_format.hpp"
#include "cel/common/type_names.hpp"
#include "cel/common/value_ops.hpp"
#include "text/shorten.hpp"

namespace rollgate::cel {

namespace {

// Maps keep their entries in insertion order; larger maps also carry an
// index sorted by key hash, built once, because the payload is immutable.
struct MapData {
  MapEntries entries;
  std::vector<std::pair<size_t, uint32_t>> index;  // (hash, entry position)
};

constexpr size_t kLinearMapLookup = 8;

MapData make_map_data(MapEntries entries) {
  MapData data{std::move(entries), {}};
  if (data.entries.size() > kLinearMapLookup) {
    data.index.reserve(data.entries.size());
    for (size_t i = 0; i < data.entries.size(); ++i)
      data.index.emplace_back(detail::key_hash(data.entries[i].first),
                              static_cast<uint32_t>(i));
    std::sort(data.index.begin(), data.index.end());
  }
  return data;
}

}  // namespace

// The immutable payload of strings, bytes, lists, maps, types, errors and
// unknowns; the Kind of the owning Value says how to read the string
// alternative (text, bytes or an error message).
struct Value::Heap {
  std::variant<std::string, ValueList, MapData, Type, std::vector<int>> data;

  Heap() = default;
  template <typename T>
  explicit Heap(T&& value) : data(std::forward<T>(value)) {}
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;
  ~Heap();

  bool holds_containers() const {
    return std::holds_alternative<ValueList>(data) || std::holds_alternative<MapData>(data);
  }

  // Moves into `out` the heaps of this list's or map's elements that hold
  // lists or maps themselves and that nothing else shares, so that they
  // can be destroyed one after another instead of each inside its parent.
  // Stops, leaving the rest in place, if `out` cannot grow.
  void detach_nested(std::vector<std::shared_ptr<const Heap>>& out) noexcept;
};

void Value::Heap::detach_nested(std::vector<std::shared_ptr<const Heap>>& out) noexcept {
  const auto detach = [&out](Value& v) {
    if (!v.heap_ || v.heap_.use_count() != 1 || !v.heap_->holds_containers()) return true;
    try {
      out.push_back(std::move(v.heap_));
    } catch (...) {
      return false;  // out of memory: this one and the rest die recursively
    }
    return true;
  };
  if (auto* list = std::get_if<ValueList>(&data)) {
    for (Value& v : *list)
      if (!detach(v)) return;
  } else if (auto* map = std::get_if<MapData>(&data)) {
    for (auto& [key, value] : map->entries)
      if (!detach(key) || !detach(value)) return;
  }
}

// A value nested 10,000 lists deep would otherwise be destroyed 10,000
// frames deep: the nested heaps are taken out and destroyed in a loop.
Value::Heap::~Heap() {
  if (!holds_containers()) return;
  std::vector<std::shared_ptr<const Heap>> pending;
  detach_nested(pending);
  while (!pending.empty()) {
    std::shared_ptr<const Heap> heap = std::move(pending.back());
    pending.pop_back();
    // The last owner: nothing else reads it while its elements are taken.
    const_cast<Heap&>(*heap).detach_nested(pending);
  }
}

Value::Value() : kind_(Kind::Null), i_(0) {}

Value Value::with_heap(Kind kind, std::shared_ptr<const Heap> heap) {
  Value v(kind);
  v.heap_ = std::move(heap);
  return v;
}

const Value::Heap& Value::heap() const {
  assert(heap_);
  return *heap_;
}

Value Value::null() { return Value(); }

Value Value::boolean(bool b) {
  Value v(Kind::Bool);
  v.b_ = b;
  return v;
}

Value Value::int64(int64_t i) {
  Value v(Kind::Int);
  v.i_ = i;
  return v;
}

Value Value::uint64(uint64_t u) {
  Value v(Kind::Uint);
  v.u_ = u;
  return v;
}

Value Value::double_value(double d) {
  Value v(Kind::Double);
  v.d_ = d;
  return v;
}

Value Value::string(std::string s) {
  return with_heap(Kind::String,
                   std::make_shared<const Heap>(std::move(s)));
}

Value Value::bytes(std::string b) {
  return with_heap(Kind::Bytes,
                   std::make_shared<const Heap>(std::move(b)));
}

Value Value::timestamp(Timestamp t) {
  Value v(Kind::Timestamp);
  v.t_ = t;
  return v;
}

Value Value::duration(Duration d) {
  Value v(Kind::Duration);
  v.du_ = d;
  return v;
}

Value Value::list(ValueList items) {
  return with_heap(Kind::List,
                   std::make_shared<const Heap>(std::move(items)));
}

Value Value::map(MapEntries entries) {
  return with_heap(Kind::Map, std::make_shared<const Heap>(make_map_data(std::move(entries))));
}

Value Value::type_value(Type t) {
  return with_heap(Kind::Type, std::make_shared<const Heap>(std::move(t)));
}

Value Value::error(std::string message) {
  return with_heap(Kind::Error,
                   std::make_shared<const Heap>(text::shorten(std::move(message), kMaxErrorMessageBytes)));
}

Value Value::unknown(std::vector<int> slots) {
  std::sort(slots.begin(), slots.end());
  slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
  return with_heap(Kind::Unknown,
                   std::make_shared<const Heap>(std::move(slots)));
}

// An optional's payload is a list of zero (none) or one value.
Value Value::optional_none() {
  static const Value none = with_heap(kOptional, std::make_shared<const Heap>(ValueList{}));
  return none;
}

Value Value::optional_of(Value v) {
  ValueList one;
  one.push_back(std::move(v));
  return with_heap(kOptional, std::make_shared<const Heap>(std::move(one)));
}

bool Value::has_optional_value() const {
  assert(kind_ == kOptional);
  return !std::get<ValueList>(heap().data).empty();
}

const Value& Value::optional_value() const {
  assert(kind_ == kOptional && has_optional_value());
  return std::get<ValueList>(heap().data).front();
}

const std::string& Value::as_string() const {
  assert(kind_ == Kind::String || kind_ == Kind::Bytes);
  return std::get<std::string>(heap().data);
}

Timestamp Value::as_timestamp() const {
  assert(kind_ == Kind::Timestamp);
  return t_;
}

Duration Value::as_duration() const {
  assert(kind_ == Kind::Duration);
  return du_;
}

const ValueList& Value::as_list() const {
  assert(kind_ == Kind::List);
  return std::get<ValueList>(heap().data);
}

const MapEntries& Value::as_map() const {
  assert(kind_ == Kind::Map);
  return std::get<MapData>(heap().data).entries;
}

const Type& Value::as_type() const {
  assert(kind_ == Kind::Type);
  return std::get<Type>(heap().data);
}

const std::string& Value::error_message() const {
  assert(kind_ == Kind::Error);
  return std::get<std::string>(heap().data);
}

const std::vector<int>& Value::unknown_slots() const {
  assert(kind_ == Kind::Unknown);
  return std::get<std::vector<int>>(heap().data);
}

const Value* Value::find(const Value& key) const {
  if (kind_ != Kind::Map) return nullptr;
  const MapData& data = std::get<MapData>(heap().data);
  if (data.index.empty()) {
    for (const auto& entry : data.entries)
      if (detail::values_equal(entry.first, key)) return &entry.second;
    return nullptr;
  }
  const size_t hash = detail::key_hash(key);
  auto it = std::lower_bound(data.index.begin(), data.index.end(),
                             std::make_pair(hash, uint32_t{0}));
  for (; it != data.index.end() && it->first == hash; ++it) {
    const MapEntry& entry = data.entries[it->second];
    if (detail::values_equal(entry.first, key)) return &entry.second;
  }
  return nullptr;
}

namespace {

void append_quoted(std::string& out, const std::string& text, bool bytes) {
  out += bytes ? "b\"" : "\"";
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

std::string double_text(double d) {
  if (std::isnan(d)) return "double(\"NaN\")";
  if (std::isinf(d)) return d > 0 ? "double(\"Infinity\")" : "double(\"-Infinity\")";
  return detail::format_double_literal(d);
}

}  // namespace

std::string Value::debug_string() const {
  if (is_optional())
    return has_optional_value() ? "optional.of(" + optional_value().debug_string() + ")"
                                : "optional.none()";
  switch (kind_) {
    case Kind::Null: return "null";
    case Kind::Bool: return b_ ? "true" : "false";
    case Kind::Int: return std::to_string(i_);
    case Kind::Uint: return std::to_string(u_) + "u";
    case Kind::Double: return double_text(d_);
    case Kind::String:
    case Kind::Bytes: {
      std::string out;
      append_quoted(out, as_string(), kind_ == Kind::Bytes);
      return out;
    }
    case Kind::Timestamp: return "timestamp(\"" + format_timestamp(t_) + "\")";
    case Kind::Duration: return "duration(\"" + format_duration(du_) + "\")";
    case Kind::List: {
      std::string out = "[";
      for (const Value& item : as_list()) {
        if (out.size() > 1) out += ", ";
        out += item.debug_string();
      }
      return out + "]";
    }
    case Kind::Map: {
      std::string out = "{";
      for (const auto& [key, value] : as_map()) {
        if (out.size() > 1) out += ", ";
        out += key.debug_string() + ": " + value.debug_string();
      }
      return out + "}";
    }
    case Kind::Type: return detail::type_value_name(as_type());
    case Kind::Error: return "error(" + error_message() + ")";
    case Kind::Unknown: {
      std::string out = "unknown(";
      for (const int slot : unknown_slots()) {
        if (out.back() != '(') out += ", ";
        out += std::to_string(slot);
      }
      return out + ")";
    }
  }
  return "?";
}

}  // namespace rollgate::cel
