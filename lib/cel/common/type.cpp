#include "cel/common/type.hpp"

#include <cassert>
#include <cctype>

namespace rollgate::cel {

namespace {

// Types without parameters are compared by kind alone; a shared empty
// parameter list would only cost an allocation.
const Type& dyn_singleton() {
  static const Type dyn;
  return dyn;
}

}  // namespace

Type Type::list(Type element) {
  Type t(Kind::List);
  t.params_ = std::make_shared<const std::vector<Type>>(
      std::vector<Type>{std::move(element)});
  return t;
}

Type Type::map(Type key, Type value) {
  Type t(Kind::Map);
  t.params_ = std::make_shared<const std::vector<Type>>(
      std::vector<Type>{std::move(key), std::move(value)});
  return t;
}

Type Type::type_param(std::string name) {
  Type t(Kind::TypeParam);
  t.name_ = std::make_shared<const std::string>(std::move(name));
  return t;
}

Type Type::optional(Type value) {
  Type t(Kind::Optional);
  t.params_ = std::make_shared<const std::vector<Type>>(
      std::vector<Type>{std::move(value)});
  return t;
}

const Type& Type::element() const {
  assert((kind_ == Kind::List || kind_ == Kind::Optional) && params_);
  return params_ ? (*params_)[0] : dyn_singleton();
}

const Type& Type::key() const {
  assert(kind_ == Kind::Map && params_);
  return params_ ? (*params_)[0] : dyn_singleton();
}

const Type& Type::value() const {
  assert(kind_ == Kind::Map && params_);
  return params_ ? (*params_)[1] : dyn_singleton();
}

const std::string& Type::param_name() const {
  static const std::string empty;
  assert(kind_ == Kind::TypeParam && name_);
  return name_ ? *name_ : empty;
}

std::string Type::to_string() const {
  switch (kind_) {
    case Kind::Dyn: return "dyn";
    case Kind::Null: return "null_type";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Uint: return "uint";
    case Kind::Double: return "double";
    case Kind::String: return "string";
    case Kind::Bytes: return "bytes";
    case Kind::Timestamp: return "timestamp";
    case Kind::Duration: return "duration";
    case Kind::List: return "list(" + element().to_string() + ")";
    case Kind::Map:
      return "map(" + key().to_string() + ", " + value().to_string() + ")";
    case Kind::Type: return "type";
    case Kind::Error: return "*error*";
    case Kind::TypeParam: return param_name();
    case Kind::Optional: return "optional_type(" + element().to_string() + ")";
  }
  return "dyn";
}

bool operator==(const Type& a, const Type& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Type::Kind::List:
    case Type::Kind::Optional: return a.element() == b.element();
    case Type::Kind::Map: return a.key() == b.key() && a.value() == b.value();
    case Type::Kind::TypeParam: return a.param_name() == b.param_name();
    default: return true;
  }
}

namespace {

// A small recursive-descent reader for declared types.  It recurses once a
// level of list( or map(, so it counts levels and stops at kMaxTypeNesting.
class TypeReader {
 public:
  explicit TypeReader(std::string_view text) : text_(text) {}

  TypeReading read_all() {
    auto t = read();
    skip_space();
    if (!t || pos_ != text_.size()) return {std::nullopt, std::move(limit_problem_)};
    return {std::move(t), {}};
  }

 private:
  std::optional<Type> read() {
    const std::string_view word = read_word();
    if (word != "list" && word != "map") return simple(word);
    if (depth_ == kMaxTypeNesting) {
      limit_problem_ = "type nested more than " + std::to_string(kMaxTypeNesting) +
                       " levels deep (at byte " + std::to_string(pos_ - word.size()) + ")";
      return std::nullopt;
    }
    ++depth_;
    auto t = word == "list" ? read_list() : read_map();
    --depth_;
    return t;
  }

  std::optional<Type> read_list() {
    if (!eat('(')) return std::nullopt;
    auto element = read();
    if (!element || !eat(')')) return std::nullopt;
    return Type::list(*element);
  }

  std::optional<Type> read_map() {
    if (!eat('(')) return std::nullopt;
    auto key = read();
    if (!key || !eat(',')) return std::nullopt;
    auto value = read();
    if (!value || !eat(')')) return std::nullopt;
    return Type::map(*key, *value);
  }

  static std::optional<Type> simple(std::string_view word) {
    if (word == "bool") return Type::boolean();
    if (word == "int") return Type::int64();
    if (word == "uint") return Type::uint64();
    if (word == "double") return Type::double_type();
    if (word == "string") return Type::string();
    if (word == "bytes") return Type::bytes();
    if (word == "timestamp" || word == "google.protobuf.Timestamp")
      return Type::timestamp();
    if (word == "duration" || word == "google.protobuf.Duration")
      return Type::duration();
    if (word == "dyn") return Type::dyn();
    return std::nullopt;
  }

  std::string_view read_word() {
    skip_space();
    const size_t start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
            text_[pos_] == '_' || text_[pos_] == '.'))
      ++pos_;
    return text_.substr(start, pos_ - start);
  }

  bool eat(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           std::isspace(static_cast<unsigned char>(text_[pos_])))
      ++pos_;
  }

  std::string_view text_;
  size_t pos_ = 0;
  size_t depth_ = 0;  // list( and map( open around pos_
  std::string limit_problem_;
};

}  // namespace

TypeReading read_type(std::string_view text) {
  if (text.size() > kMaxTypeTextBytes)
    return {std::nullopt, "type of " + std::to_string(text.size()) +
                              " bytes, longer than the limit of " +
                              std::to_string(kMaxTypeTextBytes)};
  return TypeReader(text).read_all();
}

std::optional<Type> parse_type(std::string_view text) { return read_type(text).type; }

}  // namespace rollgate::cel
