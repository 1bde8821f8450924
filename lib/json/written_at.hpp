// Where a value inside a parsed document was written, for code that walks
// the value alone (fact conversion) but must now and then read a number as
// written (json/whole_number.hpp).  A chain of links, one per level, each
// living on its caller's stack: the JSON pointer is built only when a
// number's text is asked for, so walking a large list costs nothing extra.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "json/located_json.hpp"

namespace rollgate::json {

class WrittenAt {
 public:
  // Nowhere: number_text() is "".
  WrittenAt() = default;
  // The value at `pointer` of the document `map` indexes.  Both must
  // outlive this link and its children.
  WrittenAt(const SourceMap& map, std::string_view pointer) : map_(&map), base_(pointer) {}

  // Links for an element or a member of this value.  The parent (*this)
  // and `key` must outlive the child.
  WrittenAt element(size_t index) const;
  WrittenAt member(std::string_view key) const;

  // The number here as written, or "" (no document, or not a number).
  std::string_view number_text() const;

 private:
  std::string pointer() const;

  const SourceMap* map_ = nullptr;
  const WrittenAt* parent_ = nullptr;
  std::string_view base_;  // the root link's pointer
  std::string_view key_;   // a member's key
  size_t index_ = 0;       // an element's index
  bool is_element_ = false;
};

}  // namespace rollgate::json
