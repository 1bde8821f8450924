// How large and how deep one JSON document may be (docs/LIMITS.md, "Input
// limits").  A plan, facts, progress or what-if document is refused past
// them before it is parsed (size) or while it is (depth), so that neither
// the parser nor the walks over its values recurse or allocate without end.
#pragma once

#include <cstddef>
#include <string_view>

namespace rollgate::json {

// A hand-written plan is kilobytes and the 1M-gate benchmark plan 52 MB;
// facts pushed by systems are smaller still.  Parsed JSON takes several
// times its text in memory, so this also bounds what a document can cost.
constexpr size_t kDefaultMaxDocumentBytes = size_t(64) << 20;
// Real documents nest five or six levels (stage, gates, gate, ...).
constexpr unsigned kDefaultMaxJsonDepth = 64;
// The most an override may allow: the walks over a parsed document (keys'
// positions, the digest, matrix substitution, freeing it) recurse once a
// level, a few hundred bytes a frame: 1,000 levels take a few hundred
// kilobytes, within a thread's default stack (8 MiB on Linux, 512 KiB for
// a secondary thread on macOS).
constexpr unsigned kMostJsonDepth = 1000;

struct DocumentLimits {
  size_t max_bytes = kDefaultMaxDocumentBytes;
  unsigned max_depth = kDefaultMaxJsonDepth;  // at most kMostJsonDepth
  // The option that sets max_bytes, named in the error so that the reader
  // knows what to raise (a state file has its own, max_state_bytes).
  std::string_view max_bytes_name = "max_document_bytes";
};

}  // namespace rollgate::json
