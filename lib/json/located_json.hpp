// JSON with a memory of where every value came from.  Boost.JSON parses;
// a second pass over the (then known to be valid) text records the position
// of every value and key by JSON pointer, so that a problem found later
// (an unknown `after`, a CEL error inside an `expr` string) can be reported
// at its line and column.
#pragma once

#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "json/document_limits.hpp"
#include "json/text_positions.hpp"
#include "support/diagnostic.hpp"

namespace rollgate::json {

class SourceMap {
 public:
  SourceMap() = default;
  // Keeps a copy of the text; its lines are indexed on the first look-up.
  explicit SourceMap(std::string_view text);

  // Where the value at `pointer` starts ("" is the root).  {} if unknown.
  TextPosition value_position(std::string_view pointer) const;
  // Where the key of the member at `pointer` starts; falls back to the
  // value's position for array elements and the root.
  TextPosition key_position(std::string_view pointer) const;
  // Where byte `decoded_offset` of the decoded string value at `pointer`
  // stands in the text (escapes taken into account).
  TextPosition position_in_string(std::string_view pointer,
                                  size_t decoded_offset) const;
  // Line and column of a byte offset into the text.
  TextPosition position_of(size_t offset) const;
  // The text of the number at `pointer` as written ("1e3"); "" when the
  // value there is not a number or is unknown.
  std::string_view number_text(std::string_view pointer) const;
  // Where the value of the root object's member `key` starts, found by
  // walking the root's members in order without indexing the document:
  // cheap for a member written early.  {} if there is none.
  TextPosition root_member_position(std::string_view key) const;

 private:
  friend class Scanner;
  struct Entry {
    size_t value_offset = 0;
    std::optional<size_t> key_offset;
  };
  using Entries = std::unordered_map<std::string, Entry>;
  // The position of every value by JSON pointer, built on the first
  // look-up: only a document with a problem to locate pays for it, and a
  // valid 200 MB state file loads without it.  A SourceMap belongs to one
  // loader (one thread) at a time.
  const Entries& entries() const;
  std::string text_;
  bool has_text_ = false;  // false: default-constructed, nothing to locate
  mutable std::optional<Entries> entries_;
  // Lines and columns, also built on the first look-up.
  mutable std::optional<TextPositions> positions_;
};

struct Document {
  boost::json::value root;
  SourceMap map;
  std::string file;  // the name errors are reported under

  // A diagnostic of `kind` located at the value (or, with at_key, the key)
  // that `pointer` names.
  Diagnostic diagnostic_at(DiagnosticKind kind, std::string pointer, std::string message,
                           bool at_key = false) const;
};

struct ParseResult {
  std::optional<Document> document;
  std::vector<Diagnostic> errors;  // malformed JSON, duplicate keys
};

// Parses strict JSON (no comments, no trailing commas, no duplicate keys,
// at most limits.max_bytes long and nested at most limits.max_depth deep).
// `file` names the input in diagnostics ("" for none).  Problems are of
// kind json-syntax, duplicate-key or limit (too long: refused unread, not
// located; too deep).
ParseResult parse(std::string_view text, std::string_view file, const DocumentLimits& limits = {});

// JSON pointer helpers (RFC 6901 escaping of '~' and '/').
std::string pointer_append(std::string_view base, std::string_view key);
std::string pointer_append(std::string_view base, size_t index);

}  // namespace rollgate::json
