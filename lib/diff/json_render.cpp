// The diff as JSON: {"old", "new", "changes": [...], "loosened"}.
#include "diff/diff.hpp"
#include "diff/json_values.hpp"
#include "report/json_writer.hpp"

namespace rollgate::diff {

namespace {

void write_change(report::JsonWriter& w, const Change& c) {
  w.begin_object();
  w.member("id", c.id);
  w.key("field");
  if (c.field)
    w.string(*c.field);
  else
    w.null();
  w.key("from");
  write_json(w, c.from);
  w.key("to");
  write_json(w, c.to);
  w.member("change", to_string(c.change));
  w.member("class", to_string(c.cls));
  w.end_object();
}

}  // namespace

std::string to_json(const PlanDiff& diff) {
  report::JsonWriter w;
  w.begin_object();
  w.member("old", diff.old_digest);
  w.member("new", diff.new_digest);
  w.key("changes");
  w.begin_array();
  for (const Change& c : diff.changes) write_change(w, c);
  w.end_array();
  w.member("loosened", diff.loosened);
  w.end_object();
  return w.take();
}

}  // namespace rollgate::diff
