#include "cel/syntax/parser.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <vector>

#include "cel/syntax/lexer.hpp"
#include "cel/syntax/macros.hpp"

namespace rollgate::cel::detail {

namespace {

// What may start an expression, as cel-go lists it in its messages.
constexpr std::string_view kExpectingExpression =
    "{'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, "
    "NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}";

bool is_reserved(std::string_view name) {
  static constexpr std::array<std::string_view, 17> kReserved = {
      "as",   "break",  "const",  "continue", "else",    "for",
      "function", "if", "import", "let",      "loop",    "package",
      "namespace", "return", "var", "void",   "while"};
  for (const std::string_view word : kReserved)
    if (word == name) return true;
  return false;
}

// Magnitude of a decimal or 0x-hex integer literal; nullopt past 64 bits.
std::optional<uint64_t> parse_magnitude(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  uint64_t value = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Value> int_value(std::string_view text, bool negative) {
  const auto magnitude = parse_magnitude(text);
  if (!magnitude) return std::nullopt;
  constexpr uint64_t kMaxNegative = uint64_t{1} << 63;
  if (negative) {
    if (*magnitude > kMaxNegative) return std::nullopt;
    return Value::int64(static_cast<int64_t>(0 - *magnitude));
  }
  if (*magnitude >= kMaxNegative) return std::nullopt;
  return Value::int64(static_cast<int64_t>(*magnitude));
}

std::optional<Value> double_value(std::string_view text, bool negative) {
  double value = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (end != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Too small to represent rounds to zero; too large is an error.
    if (text.find("e-") == std::string_view::npos &&
        text.find("E-") == std::string_view::npos)
      return std::nullopt;
    value = 0;
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return Value::double_value(negative ? -value : value);
}

class Parser {
 public:
  Parser(std::string_view source, const ParseOptions& options)
      : src_(source), tokens_(tokenize(source)), options_(options) {}

  ParseResult run() {
    ExprPtr expr = parse_expr();
    if (expr && !at(TokenKind::End)) mismatch(peek(), "<EOF>");
    if (error_) return ParseResult{nullptr, error_};
    return ParseResult{std::move(expr), std::nullopt};
  }

 private:
  // ------------------------------------------------------------ tokens
  const Token& peek(size_t ahead = 0) const {
    const size_t i = pos_ + ahead;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
  }
  bool at(TokenKind kind) const { return peek().kind == kind; }
  const Token& advance() {
    const Token& token = peek();
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return token;
  }
  bool accept(TokenKind kind) {
    if (!at(kind)) return false;
    advance();
    return true;
  }

  std::string token_text(const Token& token) const {
    if (token.kind == TokenKind::End) return "<EOF>";
    return std::string(src_.substr(token.offset, token.length));
  }

  // ------------------------------------------------------------ errors
  ExprPtr fail(std::string message, size_t offset) {
    if (!error_) error_ = ParseError{std::move(message), offset};
    return nullptr;
  }

  // A malformed token reports itself; anything else was simply unexpected.
  ExprPtr mismatch(const Token& token, std::string_view expecting) {
    if (token.kind == TokenKind::Error) return fail(token.value, token.offset);
    return fail("Syntax error: mismatched input '" + token_text(token) +
                    "' expecting " + std::string(expecting),
                token.offset);
  }

  bool expect(TokenKind kind) {
    if (accept(kind)) return true;
    mismatch(peek(), token_kind_name(kind));
    return false;
  }

  ExprPtr limit_height(ExprPtr expr) {
    if (expr && expr->height > options_.max_height)
      return fail("Syntax error: expression too complex (its tree is deeper than " +
                      std::to_string(options_.max_height) + " levels)",
                  expr->offset);
    return expr;
  }

  // ------------------------------------------------------------ grammar
  ExprPtr parse_expr() {
    struct NestingGuard {
      int& depth;
      explicit NestingGuard(int& d) : depth(++d) {}
      ~NestingGuard() { --depth; }
    } guard(nesting_);
    if (nesting_ > options_.max_nesting)
      return fail("Syntax error: expression nested too deeply (limit " +
                      std::to_string(options_.max_nesting) + " levels)",
                  peek().offset);
    ExprPtr condition = parse_or();
    if (!condition || !at(TokenKind::Question)) return condition;
    const size_t op = advance().offset;
    ExprPtr yes = parse_or();
    if (!yes || !expect(TokenKind::Colon)) return nullptr;
    ExprPtr no = parse_expr();
    if (!no) return nullptr;
    return limit_height(call("_?_:_", op, std::move(condition), std::move(yes),
                             std::move(no)));
  }

  template <typename... Args>
  ExprPtr call(const char* fn, size_t offset, Args&&... args) {
    std::vector<ExprPtr> list;
    list.reserve(sizeof...(Args));
    (list.push_back(std::forward<Args>(args)), ...);
    return factory_.call(fn, offset, std::move(list));
  }

  ExprPtr parse_or() {
    return parse_logical(TokenKind::OrOr, "_||_", &Parser::parse_and);
  }
  ExprPtr parse_and() {
    return parse_logical(TokenKind::AndAnd, "_&&_", &Parser::parse_relation);
  }

  // Chains of && or || become balanced trees (as cel-go builds them), so a
  // long chain does not make a deep tree.
  ExprPtr parse_logical(TokenKind op_kind, const char* fn,
                        ExprPtr (Parser::*operand)()) {
    ExprPtr first = (this->*operand)();
    if (!first) return nullptr;
    if (!at(op_kind)) return first;  // no chain: no need for the lists below
    std::vector<ExprPtr> terms;
    std::vector<size_t> ops;
    terms.push_back(std::move(first));
    while (at(op_kind)) {
      ops.push_back(advance().offset);
      ExprPtr next = (this->*operand)();
      if (!next) return nullptr;
      terms.push_back(std::move(next));
    }
    if (ops.empty()) return std::move(terms[0]);
    return limit_height(balance(fn, terms, ops, 0, ops.size() - 1));
  }

  ExprPtr balance(const char* fn, std::vector<ExprPtr>& terms,
                  const std::vector<size_t>& ops, size_t lo, size_t hi) {
    const size_t mid = (lo + hi + 1) / 2;
    ExprPtr left = mid == lo ? std::move(terms[mid])
                             : balance(fn, terms, ops, lo, mid - 1);
    ExprPtr right = mid == hi ? std::move(terms[mid + 1])
                              : balance(fn, terms, ops, mid + 1, hi);
    return call(fn, ops[mid], std::move(left), std::move(right));
  }

  static const char* relation_function(TokenKind kind) {
    switch (kind) {
      case TokenKind::Less: return "_<_";
      case TokenKind::LessEq: return "_<=_";
      case TokenKind::Greater: return "_>_";
      case TokenKind::GreaterEq: return "_>=_";
      case TokenKind::EqEq: return "_==_";
      case TokenKind::NotEq: return "_!=_";
      case TokenKind::In: return "@in";
      default: return nullptr;
    }
  }

  static const char* additive_function(TokenKind kind) {
    if (kind == TokenKind::Plus) return "_+_";
    if (kind == TokenKind::Minus) return "_-_";
    return nullptr;
  }

  static const char* multiplicative_function(TokenKind kind) {
    if (kind == TokenKind::Star) return "_*_";
    if (kind == TokenKind::Slash) return "_/_";
    if (kind == TokenKind::Percent) return "_%_";
    return nullptr;
  }

  ExprPtr parse_relation() {
    return parse_left_assoc(&Parser::relation_function, &Parser::parse_additive);
  }
  ExprPtr parse_additive() {
    return parse_left_assoc(&Parser::additive_function,
                            &Parser::parse_multiplicative);
  }
  ExprPtr parse_multiplicative() {
    return parse_left_assoc(&Parser::multiplicative_function,
                            &Parser::parse_unary);
  }

  ExprPtr parse_left_assoc(const char* (*function_of)(TokenKind),
                           ExprPtr (Parser::*operand)()) {
    ExprPtr left = (this->*operand)();
    while (left) {
      const char* fn = function_of(peek().kind);
      if (fn == nullptr) break;
      const size_t op = advance().offset;
      ExprPtr right = (this->*operand)();
      if (!right) return nullptr;
      left = limit_height(call(fn, op, std::move(left), std::move(right)));
    }
    return left;
  }

  bool is_number(const Token& t) const {
    return t.kind == TokenKind::Int || t.kind == TokenKind::Double;
  }

  // '!'+ member | '-'+ member | member.  An even run of the same operator
  // cancels out, as in cel-go; a single '-' before a number is the sign of
  // the literal (so that -9223372036854775808 is an int).
  ExprPtr parse_unary() {
    const TokenKind kind = peek().kind;
    if (kind != TokenKind::Bang && kind != TokenKind::Minus) return parse_member();
    if (kind == TokenKind::Minus && is_number(peek(1))) return parse_member();
    const size_t op = peek().offset;
    size_t count = 0;
    while (at(kind)) {
      advance();
      ++count;
    }
    ExprPtr operand = parse_member();
    if (!operand || count % 2 == 0) return operand;
    return limit_height(call(kind == TokenKind::Bang ? "!_" : "-_", op,
                             std::move(operand)));
  }

  ExprPtr parse_member() {
    bool qualified = at(TokenKind::Ident) ||
                     (at(TokenKind::Dot) && peek(1).kind == TokenKind::Ident);
    ExprPtr expr = parse_primary();
    if (qualified && expr && expr->kind != ExprKind::Ident) qualified = false;
    while (expr) {
      if (at(TokenKind::Dot)) {
        expr = parse_dot(std::move(expr), qualified);
      } else if (at(TokenKind::LBracket)) {
        qualified = false;
        expr = parse_index(std::move(expr));
      } else if (at(TokenKind::LBrace) && qualified) {
        qualified = false;
        expr = parse_struct(std::move(expr));
      } else {
        break;
      }
      expr = limit_height(std::move(expr));
    }
    return expr;
  }

  // .field  .?field  .`escaped field`  .function(args)
  ExprPtr parse_dot(ExprPtr operand, bool& qualified) {
    const size_t dot = advance().offset;
    const bool optional = accept(TokenKind::Question);
    const Token& name = peek();
    if (name.kind != TokenKind::Ident && name.kind != TokenKind::EscapedIdent)
      return mismatch(name, "IDENTIFIER");
    advance();
    if (name.kind == TokenKind::Ident && !optional && at(TokenKind::LParen)) {
      qualified = false;
      return parse_call(name.value, std::move(operand));
    }
    if (optional || name.kind == TokenKind::EscapedIdent) qualified = false;
    ExprPtr select = factory_.select(std::move(operand), name.value, dot);
    select->optional_select = optional;
    return select;
  }

  // The arguments of a call whose name was just read; `target` is the
  // receiver of a member call, or null.
  ExprPtr parse_call(const std::string& function, ExprPtr target) {
    const size_t open = advance().offset;
    std::vector<ExprPtr> args;
    if (!parse_arguments(args)) return nullptr;
    if (options_.macros) {
      std::optional<MacroError> macro_error;
      MacroCall macro{function, open, target ? &target : nullptr, &args};
      if (ExprPtr expanded = expand_macro(factory_, macro, macro_error)) {
        // Checked after each expansion, the only place a tree grows faster
        // than its source: the work stays within the limit and one macro.
        if (factory_.made() > options_.max_nodes)
          return fail("expression too large: more than " + std::to_string(options_.max_nodes) +
                          " nodes with its macros expanded",
                      open);
        return expanded;
      }
      if (macro_error) return fail(macro_error->message, macro_error->offset);
    }
    if (target)
      return factory_.member_call(function, open, std::move(target),
                                  std::move(args));
    return factory_.call(function, open, std::move(args));
  }

  bool parse_arguments(std::vector<ExprPtr>& args) {
    if (accept(TokenKind::RParen)) return true;
    for (;;) {
      ExprPtr arg = parse_expr();
      if (!arg) return false;
      args.push_back(std::move(arg));
      if (accept(TokenKind::RParen)) return true;
      if (!accept(TokenKind::Comma)) {
        mismatch(peek(), "{')', ','}");
        return false;
      }
    }
  }

  ExprPtr parse_index(ExprPtr operand) {
    const size_t open = advance().offset;
    const bool optional = accept(TokenKind::Question);
    ExprPtr index = parse_expr();
    if (!index || !expect(TokenKind::RBracket)) return nullptr;
    return call(optional ? "_[?_]" : "_[_]", open, std::move(operand),
                std::move(index));
  }

  static void qualified_name(const Expr& expr, std::string& out) {
    if (expr.kind == ExprKind::Select) {
      qualified_name(*expr.target, out);
      out += ".";
    }
    out += expr.name;
  }

  // Message{field: value, ...} after a qualified name.
  ExprPtr parse_struct(ExprPtr name_expr) {
    ExprPtr message = factory_.make(ExprKind::Struct, advance().offset);
    qualified_name(*name_expr, message->name);
    while (!at(TokenKind::RBrace)) {
      EntryExpr entry;
      entry.optional = accept(TokenKind::Question);
      const Token& field = peek();
      if (field.kind != TokenKind::Ident && field.kind != TokenKind::EscapedIdent)
        return mismatch(field, entry.optional
                                   ? "{IDENTIFIER, ESC_IDENTIFIER}"
                                   : "{'}', ',', '?', IDENTIFIER, ESC_IDENTIFIER}");
      advance();
      entry.field = field.value;
      if (!finish_entry(entry)) return nullptr;
      message->entries.push_back(std::move(entry));
      if (!accept(TokenKind::Comma)) break;
    }
    if (!expect(TokenKind::RBrace)) return nullptr;
    update_height(*message);
    return message;
  }

  // ": value" of a map or message entry.
  bool finish_entry(EntryExpr& entry) {
    entry.id = factory_.next_id();
    entry.offset = peek().offset;
    if (!expect(TokenKind::Colon)) return false;
    entry.value = parse_expr();
    return entry.value != nullptr;
  }

  ExprPtr parse_list() {
    ExprPtr list = factory_.make(ExprKind::List, advance().offset);
    while (!at(TokenKind::RBracket)) {
      if (accept(TokenKind::Question))
        list->optional_indices.push_back(list->args.size());
      ExprPtr element = parse_expr();
      if (!element) return nullptr;
      list->args.push_back(std::move(element));
      if (!accept(TokenKind::Comma)) break;
    }
    if (!at(TokenKind::RBracket)) return mismatch(peek(), "{']', ','}");
    advance();
    update_height(*list);
    return list;
  }

  ExprPtr parse_map() {
    ExprPtr map = factory_.make(ExprKind::Map, advance().offset);
    while (!at(TokenKind::RBrace)) {
      EntryExpr entry;
      entry.optional = accept(TokenKind::Question);
      entry.key = parse_expr();
      if (!entry.key || !finish_entry(entry)) return nullptr;
      map->entries.push_back(std::move(entry));
      if (!accept(TokenKind::Comma)) break;
    }
    if (!at(TokenKind::RBrace)) return mismatch(peek(), "{'}', ','}");
    advance();
    update_height(*map);
    return map;
  }

  ExprPtr parse_identifier() {
    const size_t start = peek().offset;
    std::string name;
    if (accept(TokenKind::Dot)) {
      name = ".";
      if (!at(TokenKind::Ident)) return mismatch(peek(), "IDENTIFIER");
    }
    const Token& id = advance();
    if (is_reserved(id.value))
      return fail("reserved identifier: " + id.value, id.offset);
    name += id.value;
    if (at(TokenKind::LParen)) return parse_call(name, nullptr);
    return factory_.ident(std::move(name), start);
  }

  ExprPtr parse_literal(bool negative) {
    const size_t start = peek().offset;
    const Token& token = advance();
    const std::string text(src_.substr(start, token.offset + token.length - start));
    std::optional<Value> value;
    switch (token.kind) {
      case TokenKind::Int:
        value = int_value(token.value, negative);
        if (!value) return fail("invalid int literal", start);
        break;
      case TokenKind::Uint: {
        const auto magnitude = parse_magnitude(token.value);
        if (!magnitude) return fail("invalid uint literal", start);
        value = Value::uint64(*magnitude);
        break;
      }
      case TokenKind::Double:
        value = double_value(token.value, negative);
        if (!value) return fail("invalid double literal", start);
        break;
      case TokenKind::String: value = Value::string(token.value); break;
      case TokenKind::Bytes: value = Value::bytes(token.value); break;
      case TokenKind::True: value = Value::boolean(true); break;
      case TokenKind::False: value = Value::boolean(false); break;
      default: value = Value::null(); break;
    }
    return factory_.constant(std::move(*value), text, start);
  }

  ExprPtr parse_primary() {
    switch (peek().kind) {
      case TokenKind::Ident:
      case TokenKind::Dot: return parse_identifier();
      case TokenKind::LParen: {
        advance();
        ExprPtr inner = parse_expr();
        if (!inner || !expect(TokenKind::RParen)) return nullptr;
        inner->parenthesized = true;
        return inner;
      }
      case TokenKind::LBracket: return parse_list();
      case TokenKind::LBrace: return parse_map();
      case TokenKind::Minus:
        if (is_number(peek(1))) return parse_signed_literal();
        return mismatch(peek(), kExpectingExpression);
      case TokenKind::Int:
      case TokenKind::Uint:
      case TokenKind::Double:
      case TokenKind::String:
      case TokenKind::Bytes:
      case TokenKind::True:
      case TokenKind::False:
      case TokenKind::Null: return parse_literal(false);
      default: return mismatch(peek(), kExpectingExpression);
    }
  }

  ExprPtr parse_signed_literal() {
    const size_t minus = advance().offset;
    ExprPtr literal = parse_literal(true);
    if (!literal) return nullptr;
    literal->offset = minus;
    literal->literal = "-" + literal->literal;
    return literal;
  }

  std::string_view src_;
  std::vector<Token> tokens_;
  ParseOptions options_;
  size_t pos_ = 0;
  int nesting_ = 0;
  ExprFactory factory_;
  std::optional<ParseError> error_;
};

}  // namespace

ParseResult parse(std::string_view source, const ParseOptions& options) {
  return Parser(source, options).run();
}

}  // namespace rollgate::cel::detail
