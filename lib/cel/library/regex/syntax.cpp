#include "cel/library/regex/syntax.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "text/utf8.hpp"

namespace rollgate::cel::detail::regex {

namespace {

// The flags of (?imsU); U (ungreedy) changes what a match captures, never
// whether there is one, so it is read and then has no effect here.
struct Flags {
  bool fold_case = false;
  bool multi_line = false;
  bool dot_nl = false;
};

// Why the pattern is refused.  Thrown inside the parser only: the parser
// is a loop over the pattern, and an error anywhere ends it.
struct SyntaxError {
  std::string message;
};

[[noreturn]] void fail(std::string_view what, std::string_view fragment) {
  throw SyntaxError{std::string(what) + ": " + std::string(fragment)};
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }
bool is_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_word_char(char c) { return is_alnum(c) || c == '_'; }

bool in_table(std::string_view category, char32_t c) {
  RangeTable table;
  if (!unicode_class(category, &table)) return false;
  const CodepointRange* end = table.ranges + table.size;
  const CodepointRange* at = std::lower_bound(
      table.ranges, end, c, [](const CodepointRange& r, char32_t value) { return r.hi < value; });
  return at != end && at->lo <= c;
}

// A capture group's name: one or more of L, Mn, Mc, Nd, Nl, Pc.
bool is_group_name(std::string_view name) {
  if (name.empty()) return false;
  for (size_t pos = 0; pos < name.size();) {
    if (is_word_char(name[pos])) {
      ++pos;
      continue;
    }
    const std::optional<char32_t> c = text::decode_utf8(name, pos);
    if (!c) return false;
    const bool allowed = in_table("L", *c) || in_table("Mn", *c) || in_table("Mc", *c) ||
                         in_table("Nd", *c) || in_table("Nl", *c) || in_table("Pc", *c);
    if (!allowed) return false;
  }
  return true;
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

CharClass ranges_of(std::initializer_list<CodepointRange> ranges) {
  CharClass result;
  for (const CodepointRange& r : ranges) result.add(r.lo, r.hi);
  return result;
}

// \d \s \w (ASCII, as in RE2); nullopt for another letter.
std::optional<CharClass> perl_class(char letter) {
  switch (letter) {
    case 'd': return ranges_of({{'0', '9'}});
    case 's': return ranges_of({{'\t', '\n'}, {'\f', '\r'}, {' ', ' '}});
    case 'w': return ranges_of({{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
    default: return std::nullopt;
  }
}

// [[:name:]], ASCII, as in RE2.
std::optional<CharClass> posix_class(std::string_view name) {
  if (name == "alnum") return ranges_of({{'0', '9'}, {'A', 'Z'}, {'a', 'z'}});
  if (name == "alpha") return ranges_of({{'A', 'Z'}, {'a', 'z'}});
  if (name == "ascii") return ranges_of({{0, 0x7F}});
  if (name == "blank") return ranges_of({{'\t', '\t'}, {' ', ' '}});
  if (name == "cntrl") return ranges_of({{0, 0x1F}, {0x7F, 0x7F}});
  if (name == "digit") return ranges_of({{'0', '9'}});
  if (name == "graph") return ranges_of({{'!', '~'}});
  if (name == "lower") return ranges_of({{'a', 'z'}});
  if (name == "print") return ranges_of({{' ', '~'}});
  if (name == "punct") return ranges_of({{'!', '/'}, {':', '@'}, {'[', '`'}, {'{', '~'}});
  if (name == "space") return ranges_of({{'\t', '\r'}, {' ', ' '}});
  if (name == "upper") return ranges_of({{'A', 'Z'}});
  if (name == "word") return ranges_of({{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}});
  if (name == "xdigit") return ranges_of({{'0', '9'}, {'A', 'F'}, {'a', 'f'}});
  return std::nullopt;
}

// RE2's limit on nested counted repetition: the walk divides 1000 by each
// count on the way down and refuses the pattern when a leaf gets 0.  The
// tree's depth is bounded by the caller's nesting limit.
int repeat_allowance(const Node& node, int allowance) {
  if (node.kind == NodeKind::kRepeat && node.counted) {
    const int count = node.max < 0 ? node.min : node.max;
    if (count > 0) allowance /= count;
  }
  int least = allowance;
  for (const Node& child : node.children) least = std::min(least, repeat_allowance(child, allowance));
  return least;
}

class Parser {
 public:
  Parser(std::string_view pattern, ParsedPattern& out) : p_(pattern), out_(out) {}

  void run() {
    groups_.push_back(Group{{}, {}, flags_});
    while (pos_ < p_.size()) read_token();
    if (groups_.size() > 1) fail("missing )", p_);
    end_branch();
    out_.root = group_node(std::move(groups_.back()));
  }

 private:
  // An open group: the branches read so far and the one being read.
  struct Group {
    std::vector<Node> branches;
    std::vector<Node> concat;
    Flags flags_outside;  // restored at its ')'
  };

  void read_token() {
    const size_t previous_repeat = last_repeat_;
    last_repeat_ = std::string_view::npos;
    const char c = p_[pos_];
    switch (c) {
      case '(': open_group(); return;
      case ')': close_group(); return;
      case '|': ++pos_; end_branch(); return;
      case '^':
        ++pos_;
        push_assertion(flags_.multi_line ? Assertion::kBeginLine : Assertion::kBeginText);
        return;
      case '$':
        ++pos_;
        push_assertion(flags_.multi_line ? Assertion::kEndLine : Assertion::kEndText);
        return;
      case '.': ++pos_; push_dot(); return;
      case '[': read_class(); return;
      case '*':
      case '+':
      case '?': {
        const size_t start = pos_++;
        repeat(c == '+' ? 1 : 0, c == '?' ? 1 : -1, false, start, previous_repeat);
        return;
      }
      case '{': {
        const size_t start = pos_;
        int min = 0;
        int max = 0;
        if (read_counts(min, max)) {
          repeat(min, max, true, start, previous_repeat);
        } else {
          ++pos_;
          push_literal('{');
        }
        return;
      }
      case '\\': read_escape(); return;
      default: push_literal(next_code_point()); return;
    }
  }

  // --- groups and branches ---

  void open_group() {
    const size_t open = pos_;
    if (p_.substr(pos_, 2) != "(?") {
      ++pos_;
      push_group();
      return;
    }
    if (p_.substr(pos_, 4) == "(?P<" ||
        (p_.substr(pos_, 3) == "(?<" && p_.substr(pos_, 4) != "(?<=" && p_.substr(pos_, 4) != "(?<!")) {
      read_group_name(open);
      return;
    }
    read_flags(open);
  }

  // (?P<name>re), and (?<name>re) as RE2 has since 2023.  A name is what
  // RE2 takes: letters, marks, decimal and letter numbers and connectors
  // ('_'), any script.  A name may repeat, as RE2 allows: matches() never
  // reads a group by name.
  void read_group_name(size_t open) {
    const size_t begin = p_.find('<', open) + 1;
    const size_t close = p_.find('>', begin);
    if (close == std::string_view::npos) fail("invalid named capture group", p_.substr(open));
    const std::string_view name = p_.substr(begin, close - begin);
    if (!is_group_name(name)) fail("invalid named capture group", p_.substr(open, close + 1 - open));
    pos_ = close + 1;
    push_group();
  }

  // (?flags) sets flags to the end of the group; (?flags:re) inside re.
  void read_flags(size_t open) {
    pos_ += 2;
    Flags flags = flags_;
    bool negated = false;
    bool flag_since_minus = false;
    while (true) {
      if (pos_ >= p_.size()) fail("missing )", p_);
      const char c = p_[pos_++];
      switch (c) {
        case 'i': flags.fold_case = !negated; flag_since_minus = true; continue;
        case 'm': flags.multi_line = !negated; flag_since_minus = true; continue;
        case 's': flags.dot_nl = !negated; flag_since_minus = true; continue;
        case 'U': flag_since_minus = true; continue;
        case '-':
          if (negated) break;
          negated = true;
          flag_since_minus = false;
          continue;
        case ':':
        case ')':
          if (negated && !flag_since_minus) break;
          if (c == ':') {
            push_group();
          }
          flags_ = flags;
          return;
        default: break;
      }
      fail("invalid or unsupported Perl syntax", p_.substr(open, pos_ - open));
    }
  }

  void push_group() { groups_.push_back(Group{{}, {}, flags_}); }

  void close_group() {
    if (groups_.size() == 1) fail("unexpected )", p_);
    ++pos_;
    end_branch();
    Group group = std::move(groups_.back());
    groups_.pop_back();
    flags_ = group.flags_outside;
    groups_.back().concat.push_back(group_node(std::move(group)));
  }

  void end_branch() {
    Group& group = groups_.back();
    std::vector<Node> items = std::move(group.concat);
    group.concat.clear();
    if (items.size() == 1) {
      group.branches.push_back(std::move(items.front()));
    } else {
      Node node;
      node.kind = items.empty() ? NodeKind::kEmpty : NodeKind::kConcat;
      node.children = std::move(items);
      group.branches.push_back(std::move(node));
    }
  }

  static Node group_node(Group group) {
    if (group.branches.size() == 1) return std::move(group.branches.front());
    Node node;
    node.kind = NodeKind::kAlternate;
    node.children = std::move(group.branches);
    return node;
  }

  // --- repetition ---

  // {n}, {n,}, {n,m}; false (a literal '{') for anything else, as in RE2:
  // {,n}, leading zeros, numbers of nine digits or more.
  bool read_counts(int& min, int& max) {
    size_t i = pos_ + 1;
    const auto read_number = [&](int& value) {
      const size_t start = i;
      value = 0;
      while (i < p_.size() && is_digit(p_[i])) {
        if (value >= 100000000) return false;
        value = value * 10 + (p_[i++] - '0');
      }
      return i > start && !(i - start >= 2 && p_[start] == '0');
    };
    if (!read_number(min)) return false;
    max = min;
    if (i < p_.size() && p_[i] == ',') {
      ++i;
      if (i < p_.size() && p_[i] == '}') {
        max = -1;
      } else if (!read_number(max)) {
        return false;
      }
    }
    if (i >= p_.size() || p_[i] != '}') return false;
    pos_ = i + 1;
    return true;
  }

  void repeat(int min, int max, bool counted, size_t start, size_t previous_repeat) {
    if (pos_ < p_.size() && p_[pos_] == '?') ++pos_;  // lazy: same set of matches
    const std::string_view op = p_.substr(start, pos_ - start);
    if (previous_repeat != std::string_view::npos)
      fail("bad repetition operator", p_.substr(previous_repeat, pos_ - previous_repeat));
    if (counted && ((max != -1 && max < min) || min > kMaxRepeat || max > kMaxRepeat))
      fail("bad repetition operator", op);
    std::vector<Node>& concat = groups_.back().concat;
    if (concat.empty()) fail("missing argument to repetition operator", op);
    Node node;
    node.kind = NodeKind::kRepeat;
    node.min = min;
    node.max = max;
    node.counted = counted;
    node.children.push_back(std::move(concat.back()));
    concat.back() = std::move(node);
    if (counted && (min >= 2 || max >= 2) && repeat_allowance(concat.back(), kMaxRepeat) == 0)
      fail("bad repetition operator", op);
    last_repeat_ = start;
  }

  // --- single characters and classes ---

  char32_t next_code_point() {
    const size_t start = pos_;
    const std::optional<char32_t> c = text::decode_utf8(p_, pos_);
    if (!c) fail("invalid UTF-8", p_.substr(start, 1));
    return *c;
  }

  void push_literal(char32_t c) {
    CharClass literal;
    literal.add(c, c);
    if (flags_.fold_case) literal.add_case_variants();
    push_class(std::move(literal));
  }

  void push_dot() {
    CharClass dot;
    if (flags_.dot_nl) {
      dot.add(0, kMaxCodepoint);
    } else {
      dot.add(0, '\n' - 1);
      dot.add('\n' + 1, kMaxCodepoint);
    }
    push_class(std::move(dot));
  }

  void push_class(CharClass cls) {
    cls.normalize();
    Node node;
    node.kind = NodeKind::kClass;
    node.class_index = static_cast<uint32_t>(out_.classes.size());
    out_.classes.push_back(std::move(cls));
    groups_.back().concat.push_back(std::move(node));
  }

  void push_assertion(Assertion assertion) {
    Node node;
    node.kind = NodeKind::kAssertion;
    node.assertion = assertion;
    groups_.back().concat.push_back(std::move(node));
  }

  // A named group (\d, \pL, [:alpha:]) as one item: under (?i) with its
  // case variants, and a negated one is the complement of that, as in RE2
  // (so (?i)\W does not match 'K' or its Kelvin sign).
  CharClass group_item(CharClass group, bool negated) const {
    if (flags_.fold_case) group.add_case_variants();
    if (negated) group.negate();
    return group;
  }

  // \pL \p{Greek} \p{^Greek} \PL \P{Greek}; pos_ is on the 'p' or 'P'.
  CharClass unicode_item(size_t backslash) {
    bool negated = p_[pos_] == 'P';
    ++pos_;
    if (pos_ >= p_.size()) fail("invalid character class range", p_.substr(backslash));
    std::string_view name;
    if (p_[pos_] == '{') {
      const size_t close = p_.find('}', pos_);
      if (close == std::string_view::npos)
        fail("invalid character class range", p_.substr(backslash));
      name = p_.substr(pos_ + 1, close - pos_ - 1);
      pos_ = close + 1;
    } else {
      const size_t start = pos_;
      next_code_point();
      name = p_.substr(start, pos_ - start);
    }
    if (!name.empty() && name.front() == '^') {
      negated = !negated;
      name.remove_prefix(1);
    }
    RangeTable table;
    if (!unicode_class(name, &table))
      fail("invalid character class range", p_.substr(backslash, pos_ - backslash));
    CharClass group;
    group.add(table);
    return group_item(std::move(group), negated);
  }

  // An escape that stands for one code point: \n \x41 \x{1F600} \101 \.;
  // pos_ is just past the backslash.
  char32_t literal_escape(size_t backslash) {
    if (pos_ >= p_.size()) fail("trailing \\", "");
    const char c = p_[pos_];
    if (c >= '1' && c <= '7' && !(pos_ + 1 < p_.size() && is_octal(p_[pos_ + 1])))
      fail("invalid escape sequence", p_.substr(backslash, 2));  // a backreference
    if (is_octal(c)) {
      char32_t value = static_cast<char32_t>(c - '0');
      ++pos_;
      for (int more = 0; more < 2 && pos_ < p_.size() && is_octal(p_[pos_]); ++more)
        value = value * 8 + static_cast<char32_t>(p_[pos_++] - '0');
      return value;
    }
    if (c == 'x') return hex_escape(backslash);
    ++pos_;
    switch (c) {
      case 'a': return 7;
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'v': return '\v';
      default: break;
    }
    if (static_cast<unsigned char>(c) < 0x80 && !is_alnum(c)) return static_cast<char32_t>(c);
    --pos_;
    next_code_point();
    fail("invalid escape sequence", p_.substr(backslash, pos_ - backslash));
  }

  // \xHH (exactly two digits) or \x{H...} (up to U+10FFFF).
  char32_t hex_escape(size_t backslash) {
    ++pos_;  // 'x'
    const auto bad = [&] { fail("invalid escape sequence", p_.substr(backslash, pos_ - backslash)); };
    if (pos_ < p_.size() && p_[pos_] == '{') {
      ++pos_;
      char32_t value = 0;
      size_t digits = 0;
      while (pos_ < p_.size() && hex_value(p_[pos_]) >= 0) {
        value = value * 16 + static_cast<char32_t>(hex_value(p_[pos_++]));
        if (value > kMaxCodepoint) bad();
        ++digits;
      }
      if (digits == 0 || pos_ >= p_.size() || p_[pos_] != '}') bad();
      ++pos_;
      return value;
    }
    if (pos_ + 1 >= p_.size() || hex_value(p_[pos_]) < 0 || hex_value(p_[pos_ + 1]) < 0) {
      pos_ = std::min(pos_ + 2, p_.size());
      bad();
    }
    const auto value = static_cast<char32_t>(hex_value(p_[pos_]) * 16 + hex_value(p_[pos_ + 1]));
    pos_ += 2;
    return value;
  }

  void read_escape() {
    const size_t backslash = pos_++;
    if (pos_ >= p_.size()) fail("trailing \\", "");
    const char c = p_[pos_];
    switch (c) {
      case 'A': ++pos_; push_assertion(Assertion::kBeginText); return;
      case 'z': ++pos_; push_assertion(Assertion::kEndText); return;
      case 'b': ++pos_; push_assertion(Assertion::kWordBoundary); return;
      case 'B': ++pos_; push_assertion(Assertion::kNotWordBoundary); return;
      case 'Q': read_quoted(); return;
      case 'p':
      case 'P': push_class(unicode_item(backslash)); return;
      case 'C':
        // Any one byte: in a UTF-8 string it can split a character, which
        // CEL strings (code points) cannot express.  Refused.
        fail("invalid escape sequence", "\\C (any byte) is not supported");
      default: break;
    }
    if (auto perl = perl_class(static_cast<char>(c | 0x20)); perl && is_alnum(c)) {
      ++pos_;
      push_class(group_item(std::move(*perl), c >= 'A' && c <= 'Z'));
      return;
    }
    push_literal(literal_escape(backslash));
  }

  // \Q...\E: everything up to \E (or the end) is literal.
  void read_quoted() {
    ++pos_;  // 'Q'
    const size_t end = p_.find("\\E", pos_);
    const size_t stop = end == std::string_view::npos ? p_.size() : end;
    while (pos_ < stop) push_literal(next_code_point());
    if (end != std::string_view::npos) pos_ = end + 2;
  }

  // [...] and [^...].
  void read_class() {
    const size_t open = pos_++;
    CharClass cls;
    bool negated = false;
    if (pos_ < p_.size() && p_[pos_] == '^') {
      negated = true;
      ++pos_;
    }
    for (bool first = true;; first = false) {
      if (pos_ >= p_.size()) fail("missing closing ]", p_.substr(open));
      const char c = p_[pos_];
      if (c == ']' && !first) {
        ++pos_;
        break;
      }
      if (c == '[' && read_posix_item(cls)) continue;
      if (c == '\\' && pos_ + 1 < p_.size()) {
        const char letter = p_[pos_ + 1];
        if (letter == 'p' || letter == 'P') {
          const size_t backslash = pos_++;
          cls.add(unicode_item(backslash));
          continue;
        }
        if (auto perl = perl_class(static_cast<char>(letter | 0x20)); perl && is_alnum(letter)) {
          pos_ += 2;
          cls.add(group_item(std::move(*perl), letter >= 'A' && letter <= 'Z'));
          continue;
        }
      }
      read_range(cls);
    }
    if (negated) cls.negate();
    push_class(std::move(cls));
  }

  // [:alpha:] and [:^alpha:] inside a class; false when there is no ":]"
  // ahead (the '[' is then a literal).
  bool read_posix_item(CharClass& cls) {
    if (p_.substr(pos_, 2) != "[:") return false;
    const size_t close = p_.find(":]", pos_ + 2);
    if (close == std::string_view::npos) return false;
    std::string_view name = p_.substr(pos_ + 2, close - pos_ - 2);
    const bool negated = !name.empty() && name.front() == '^';
    if (negated) name.remove_prefix(1);
    std::optional<CharClass> group = posix_class(name);
    if (!group) fail("invalid character class range", p_.substr(pos_, close + 2 - pos_));
    pos_ = close + 2;
    cls.add(group_item(std::move(*group), negated));
    return true;
  }

  // a, \n, a-z, \x00-\x1F inside a class.
  void read_range(CharClass& cls) {
    const size_t start = pos_;
    const char32_t lo = class_char();
    char32_t hi = lo;
    if (pos_ + 1 < p_.size() && p_[pos_] == '-' && p_[pos_ + 1] != ']') {
      ++pos_;
      hi = class_char();
      if (hi < lo) fail("invalid character class range", p_.substr(start, pos_ - start));
    }
    CharClass item;
    item.add(lo, hi);
    if (flags_.fold_case) item.add_case_variants();
    cls.add(item);
  }

  char32_t class_char() {
    if (p_[pos_] != '\\') return next_code_point();
    const size_t backslash = pos_++;
    return literal_escape(backslash);
  }

  std::string_view p_;
  size_t pos_ = 0;
  ParsedPattern& out_;
  Flags flags_;
  std::vector<Group> groups_;  // groups_[0] is the whole pattern
  size_t last_repeat_ = std::string_view::npos;  // where the token just read began, if a repetition
};

}  // namespace

bool parse_pattern(std::string_view pattern, ParsedPattern& out, std::string& error) {
  out = ParsedPattern();
  try {
    Parser(pattern, out).run();
    return true;
  } catch (const SyntaxError& e) {
    error = e.message;
    out = ParsedPattern();
    return false;
  }
}

}  // namespace rollgate::cel::detail::regex
