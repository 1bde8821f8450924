#include "report/evidence_json.hpp"

#include "engine/describe.hpp"
#include "report/value_json.hpp"
#include "report/value_preview.hpp"

namespace rollgate::report {

namespace {

// `value`, and `value_truncated` after it when the value is too long to
// repeat in every gate that reads it.
void write_fact_value(JsonWriter& w, const cel::Value& v) {
  w.key("value");
  if (!json_longer_than(v, kMaxEvidenceValueBytes)) {
    write_value(w, v);
    return;
  }
  ValuePreview preview = preview_json(v, kMaxEvidenceValueBytes);
  w.null();
  w.key("value_truncated");
  w.begin_object();
  w.key("bytes");
  w.unsigned_integer(preview.bytes);
  w.member("prefix", preview.prefix);
  w.end_object();
}

}  // namespace

void write_evidence(JsonWriter& w, const engine::Evidence& ev, bool with_cel) {
  w.begin_object();
  w.member("fact", ev.fact->name);
  if (ev.input) {
    write_fact_value(w, ev.input->value);
  } else {
    w.key("value");
    w.null();
  }
  if (with_cel) {
    w.key("cel");
    if (ev.input) w.string(engine::quote_value(ev.input->value));
    else w.null();
  }
  w.member("missing", ev.input == nullptr);
  w.member("stale", ev.stale);
  w.key("observed_at");
  if (ev.input && ev.input->observed_at) w.string(cel::format_timestamp(*ev.input->observed_at));
  else w.null();
  w.key("source");
  w.string_or_null(ev.input ? ev.input->source : "");
  w.key("evidence");
  w.string_or_null(ev.input ? ev.input->evidence : "");
  w.key("owner");
  w.string_or_null(ev.fact->owner);
  w.end_object();
}

}  // namespace rollgate::report
