#include "report/evidence_json.hpp"

#include "report/value_json.hpp"

namespace rollgate::report {

void write_evidence(JsonWriter& w, const engine::Evidence& ev, bool with_cel) {
  w.begin_object();
  w.member("fact", ev.fact->name);
  w.key("value");
  if (ev.input) write_value(w, ev.input->value);
  else w.null();
  if (with_cel) {
    w.key("cel");
    if (ev.input) w.string(ev.input->value.debug_string());
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
