#include "report/value_preview.hpp"

#include <string_view>

#include "report/json_writer.hpp"
#include "report/value_json.hpp"
#include "support/base64.hpp"

namespace rollgate::report {

namespace {

// Long strings are escaped (and bytes encoded) a piece at a time, so that
// measuring one never holds more than a piece of it.  A multiple of 3, so
// that base64 pieces join with no padding between them.
constexpr size_t kPieceBytes = 3 * 1024;

// Drops the last character of `s` when the cut at `keep` bytes split it.
void drop_cut_character(std::string& s) {
  for (size_t i = s.size(); i > 0 && s.size() - i < 4;) {
    const auto c = static_cast<unsigned char>(s[--i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: its lead is further back
    const size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (s.size() - i < length) s.resize(i);
    return;
  }
}

// Writes JSON text as JsonWriter does compactly, but keeps only its first
// `keep` bytes and counts the rest; when `measuring`, keeps nothing and
// stops once past `keep` (only whether the text is longer is wanted).
class PreviewWriter {
 public:
  PreviewWriter(size_t keep, bool measuring) : keep_(keep), measuring_(measuring) {}

  void value(const cel::Value& v) {
    using Kind = cel::Value::Kind;
    if (full()) return;
    switch (v.kind()) {
      case Kind::Null:
      case Kind::Error:
      case Kind::Unknown: put("null"); return;
      case Kind::Bool: put(v.as_bool() ? "true" : "false"); return;
      case Kind::Int: put(std::to_string(v.as_int())); return;
      case Kind::Uint: put(std::to_string(v.as_uint())); return;
      case Kind::Double: put(json_number_text(v.as_double())); return;
      case Kind::String: quoted(v.as_string()); return;
      case Kind::Bytes: base64(v.as_string()); return;
      case Kind::Timestamp: quoted(cel::format_timestamp(v.as_timestamp())); return;
      case Kind::Duration: quoted(cel::format_duration(v.as_duration())); return;
      case Kind::Type: quoted(v.as_type().to_string()); return;
      case Kind::List: list(v); return;
      case Kind::Map: map(v); return;
    }
  }

  ValuePreview finish() && {
    drop_cut_character(prefix_);
    return {bytes_, std::move(prefix_)};
  }

  bool full() const { return measuring_ && bytes_ > keep_; }

 private:
  void put(std::string_view text) {
    bytes_ += text.size();
    if (!measuring_ && prefix_.size() < keep_) prefix_.append(text.substr(0, keep_ - prefix_.size()));
  }

  void quoted(std::string_view s) {
    put("\"");
    std::string piece;
    for (size_t at = 0; at < s.size() && !full(); at += kPieceBytes) {
      piece.clear();
      append_json_escaped(piece, s.substr(at, kPieceBytes));
      put(piece);
    }
    put("\"");
  }

  void base64(std::string_view bytes) {  // base64 needs no escaping
    put("\"");
    for (size_t at = 0; at < bytes.size() && !full(); at += kPieceBytes)
      put(base64_encode(bytes.substr(at, kPieceBytes)));
    put("\"");
  }

  void list(const cel::Value& v) {
    put("[");
    bool first = true;
    for (const cel::Value& item : v.as_list()) {
      if (full()) return;
      if (!first) put(",");
      first = false;
      value(item);
    }
    put("]");
  }

  void map(const cel::Value& v) {
    put("{");
    bool first = true;
    for (const auto& [k, item] : v.as_map()) {
      if (full()) return;
      if (!first) put(",");
      first = false;
      quoted(map_key_text(k));
      put(":");
      value(item);
    }
    put("}");
  }

  size_t keep_;
  bool measuring_;
  size_t bytes_ = 0;
  std::string prefix_;
};

}  // namespace

bool json_longer_than(const cel::Value& v, size_t limit) {
  PreviewWriter writer(limit, /*measuring=*/true);
  writer.value(v);
  return writer.full();
}

ValuePreview preview_json(const cel::Value& v, size_t keep) {
  PreviewWriter writer(keep, /*measuring=*/false);
  writer.value(v);
  return std::move(writer).finish();
}

}  // namespace rollgate::report
