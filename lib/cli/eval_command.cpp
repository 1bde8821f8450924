// `rollgate eval`: evaluates a plan and prints the readiness report.
#include <iostream>
#include <stdexcept>

#include "atomic_file.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "picture.hpp"
#include "read_file.hpp"
#include "session_loader.hpp"
#include "views.hpp"

namespace rollgate::cli {

namespace {

// The text and Markdown views read the summary layout: the gates that do
// not pass and a count of the others, so a large plan's passing gates are
// never formatted (docs/REPORT.md).
ReportView summary_view(const rollgate::Report& report) {
  return read_report_view(report.json(ROLLGATE_JSON_SUMMARY | ROLLGATE_JSON_COMPACT));
}

std::string rendered(const EvalOptions& options, const LoadedSession& loaded, const rollgate::Report& report) {
  const std::string& format = options.format;
  if (format == "json")
    return report.json((options.compact ? ROLLGATE_JSON_COMPACT : 0u) | (options.summary ? ROLLGATE_JSON_SUMMARY : 0u));
  if (format == "text") return render_text(summary_view(report), TextStyle(use_color(options.color, stdout_terminal())));
  if (format == "markdown") return render_markdown(summary_view(report));
  if (is_picture_format(format)) return render_picture(format, build_stage_graph(loaded.plan, &report, loaded.now));
  throw std::runtime_error("unknown --format '" + format + "'");
}

}  // namespace

int run_eval(const EvalOptions& options) {
  LoadedSession loaded = load_session(options.inputs);
  rollgate::Session& session = loaded.session;
  const rollgate::Timestamp now = loaded.now;
  rollgate::Report report = options.what_if_path
                                ? session.what_if(read_file(*options.what_if_path), now.seconds, now.nanos,
                                                  *options.what_if_path)
                                : session.evaluate(now.seconds, now.nanos);
  std::cout << rendered(options, loaded, report);
  std::cout.flush();
  if (!std::cout) throw std::runtime_error("cannot write the report to standard output");
  // Only after the report is out, and never for a what-if (rule 15).
  if (options.inputs.state_path && !options.what_if_path)
    replace_file_atomically(*options.inputs.state_path, session.state());
  if (options.fail_on_drift && report.drift_count() > 0) return kExitNotReady;
  return report.target_met() ? kExitOk : kExitNotReady;
}

}  // namespace rollgate::cli
