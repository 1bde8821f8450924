#include "evidence_text.hpp"

#include "human_time.hpp"
#include "json_fields.hpp"

namespace rollgate::cli {

namespace {

void append_part(std::string& out, const std::string& part) {
  if (part.empty()) return;
  if (!out.empty()) out += ", ";
  out += part;
}

}  // namespace

std::string fact_value_text(const boost::json::object& fact) {
  const std::string name = text_of(fact, "fact");
  if (bool_of(fact, "missing")) return name + " is missing";
  return name + " = " + text_of(fact, "cel");
}

std::string observation_text(const boost::json::object& fact, rollgate::Timestamp now) {
  if (bool_of(fact, "missing")) return "";
  std::string out;
  if (bool_of(fact, "stale")) out = "stale";
  if (const std::string at = text_of(fact, "observed_at"); !at.empty()) {
    const rollgate::Timestamp observed = parse_instant(at);
    append_part(out, "observed " + format_instant(observed) + " (" + format_relative(observed, now) + ")");
  }
  if (const std::string source = text_of(fact, "source"); !source.empty()) append_part(out, "source " + source);
  append_part(out, text_of(fact, "evidence"));
  if (const std::string owner = text_of(fact, "owner"); !owner.empty()) append_part(out, "owner " + owner);
  return out;
}

}  // namespace rollgate::cli
