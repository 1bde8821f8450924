#include "command_line.hpp"

#include <rollgate/rollgate.hpp>

#include <memory>

#include "bash_completion.hpp"
#include "closest_name.hpp"
#include "command_texts.hpp"
#include "evaluation_limits.hpp"
#include "exit_codes.hpp"
#include "help_formatter.hpp"
#include "joined.hpp"
#include "manual_page.hpp"

namespace rollgate::cli {

namespace {

// The value names help shows; a FILE value completes as a path.
constexpr const char kFile[] = "FILE";
constexpr const char kTime[] = "TIME";

std::function<void(const std::string&)> store_in(std::string& target) {
  return [&target](const std::string& value) { target = value; };
}

ColorMode color_mode(const std::string& word) {
  if (word == "always") return ColorMode::Always;
  if (word == "never") return ColorMode::Never;
  return ColorMode::Auto;
}

// The long names of a command's visible options, and for the program its
// subcommands: what a mistyped word is compared with.
std::vector<std::string> known_words(const CLI::App& command, bool with_subcommands) {
  std::vector<std::string> words;
  for (const CLI::Option* option : command.get_options()) {
    if (CommandLine::is_hidden(*option) || option->get_positional()) continue;
    words.push_back(CommandLine::long_name(*option));
  }
  if (with_subcommands)
    for (const CLI::App* sub : command.get_subcommands({})) words.push_back(sub->get_name());
  return words;
}

// What is wrong with the first word CLI11 could not place, and what it
// probably meant: "unknown option '--colour' (did you mean '--color'?)".
// (CLI11 2.1 lists every such word, in reverse order; the first is the one
// to fix, the others are often its value.)
std::string unexpected_word(const std::string& word, const CLI::App& command, bool at_top) {
  const bool is_option = word.starts_with("-");
  const std::string name = is_option ? word.substr(0, word.find('=')) : word;
  std::string message = is_option ? "unknown option '" + name + "'"
                        : at_top  ? "unknown subcommand '" + name + "'"
                                  : "unexpected argument '" + name + "'";
  if (is_option || at_top)  // an extra PLAN is not a typo
    if (auto meant = closest_name(name, known_words(command, at_top))) message += " (did you mean '" + *meant + "'?)";
  return message;
}

}  // namespace

CommandLine::CommandLine() : app_(std::string(program_text().summary), "rollgate") {
  // Set before the subcommands exist: they inherit both.
  app_.formatter(std::make_shared<HelpFormatter>());
  app_.set_help_flag("-h,--help", "print this help and exit");
  app_.set_version_flag("--version", std::string("rollgate ") + rollgate::version_string(),
                        "print the version and exit");
  app_.require_subcommand(0, 1);  // none is a usage error of ours, with the list
  // Hidden (in no group): writes the man page or the bash completion,
  // which are committed under docs/ and completions/ and installed from there.
  add_choice(app_, "--generate", {"man", "bash-completion"},
             [this](const std::string& kind) { generate_ = kind; }, "write a generated file")
      ->group("");
  declare_check();
  declare_eval();
  declare_explain();
  declare_graph();
  declare_expr();
  declare_diff();
}

CLI::App& CommandLine::add_subcommand(const std::string& name, std::function<int()> runner) {
  CLI::App* command = app_.add_subcommand(name, std::string(command_text(name).summary));
  command->callback([this, runner = std::move(runner)] { chosen_ = runner; });
  return *command;
}

CLI::Option* CommandLine::add_choice(CLI::App& command, const std::string& name, std::vector<std::string> choices,
                                     std::function<void(const std::string&)> store, const std::string& help) {
  // The checker's own description would print "TEXT:{text,json}"; the
  // value name says the same as "text|json".
  CLI::Option* option = command.add_option(name, help)
                            ->check(CLI::IsMember(choices).description(""))
                            ->each([store = std::move(store)](std::string value) { store(value); })
                            ->type_name(joined(choices, "|"));
  choices_.emplace(option, std::move(choices));
  return option;
}

void CommandLine::add_evaluation_inputs(CLI::App& command, EvaluationInputs& inputs, const std::string& state_help) {
  command.add_option("PLAN", inputs.plan_path, "the plan (docs/PLAN.md)")->required()->type_name(kFile);
  command.add_option("--facts", inputs.facts_path, "the facts document (docs/FACTS.md)")->type_name(kFile);
  command.add_option("--progress", inputs.progress_path, "progress and approvals, kept apart from the\nfacts")
      ->type_name(kFile);
  command.add_option("--now", inputs.now, "the evaluation instant, RFC 3339\n(default: the current time)")
      ->type_name(kTime);
  command.add_option("--state", inputs.state_path, state_help)->type_name(kFile);
  add_limits(command, inputs.limits);
}

void CommandLine::add_limits(CLI::App& command, std::vector<std::string>& limits) {
  command.add_option("--limit", limits,
                     "a limit of docs/LIMITS.md, NAME=N, repeatable:\n" + limit_names(44))
      ->type_name("NAME=N")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void CommandLine::add_color(CLI::App& command, ColorMode& color) {
  add_choice(command, "--color", {"auto", "always", "never"},
             [&color](const std::string& word) { color = color_mode(word); },
             "colour in text output; auto (the default):\nonly on a terminal and without NO_COLOR");
}

void CommandLine::declare_check() {
  CLI::App& check = add_subcommand("check", [this] { return run_check(check_); });
  check.add_option("PLAN", check_.plan_paths, "the plans to check (docs/PLAN.md)")->required()->type_name(kFile);
  add_choice(check, "--format", {"text", "json"}, store_in(check_.format),
             "text (the default): like a compiler;\njson: one object for editors");
  add_limits(check, check_.limits);
}

void CommandLine::declare_eval() {
  CLI::App& eval = add_subcommand("eval", [this] { return run_eval(eval_); });
  add_evaluation_inputs(eval, eval_.inputs,
                        "continue from this state file when it exists,\n"
                        "and replace it once the report is written");
  eval.add_option("--what-if", eval_.what_if_path,
                  "evaluate with this patch of facts, progress\nand approvals applied; saves no state")
      ->type_name(kFile);
  add_choice(eval, "--format", {"text", "json", "markdown", "dot", "svg", "mermaid"}, store_in(eval_.format),
             "text (the default) for people; json: the\n"
             "report of docs/REPORT.md; markdown for a\n"
             "ticket; dot, svg, mermaid: the stage graph");
  add_choice(eval, "--detail", {"full", "summary"},
             [this](const std::string& detail) { eval_.summary = detail == "summary"; },
             "json: summary lists only the gates that do\nnot pass (default: full)");
  eval.add_flag("--compact", eval_.compact, "json without whitespace");
  eval.add_flag("--fail-on-drift", eval_.fail_on_drift, "exit 1 while a started stage's gate drifts");
  add_color(eval, eval_.color);
}

void CommandLine::declare_explain() {
  CLI::App& explain = add_subcommand("explain", [this] { return run_explain(explain_); });
  add_evaluation_inputs(explain, explain_.inputs, "continue from this state file when it exists\n(read only)");
  explain.add_option("SUBJECT", explain_.subject, "a stage id (wave-west) or a gate id\n(wave-west/training)")
      ->required();
  add_choice(explain, "--format", {"text", "json"}, store_in(explain_.format), "text (the default) or json");
  add_color(explain, explain_.color);
}

void CommandLine::declare_graph() {
  CLI::App& graph = add_subcommand("graph", [this] { return run_graph(graph_); });
  add_evaluation_inputs(graph, graph_.inputs, "continue from this state file when it exists\n(read only)");
  add_choice(graph, "--format", {"dot", "svg", "mermaid"}, store_in(graph_.format),
             "dot (Graphviz), svg (drawn by Graphviz's\ndot) or mermaid")
      ->required();
}

void CommandLine::declare_expr() {
  CLI::App& expr = add_subcommand("expr", [this] { return run_expr(expr_); });
  expr.add_option("EXPR", expr_.expression, "a CEL expression")->required();
  expr.add_option("--plan", expr_.plan_path, "the plan whose facts the expression may read")->type_name(kFile);
  expr.add_option("--facts", expr_.facts_path, "the facts document (docs/FACTS.md)")->type_name(kFile);
  expr.add_option("--now", expr_.now, "the evaluation instant, RFC 3339\n(default: the current time)")
      ->type_name(kTime);
  add_limits(expr, expr_.limits);
  add_choice(expr, "--format", {"text", "json"}, store_in(expr_.format), "text (the default) or json");
}

void CommandLine::declare_diff() {
  CLI::App& diff = add_subcommand("diff", [this] { return run_diff(diff_); });
  diff.add_option("OLD", diff_.old_path, "the plan as it was")->required()->type_name(kFile);
  diff.add_option("NEW", diff_.new_path, "the plan as it is now")->required()->type_name(kFile);
  add_choice(diff, "--format", {"text", "json"}, store_in(diff_.format),
             "text (the default) or json (docs/DIFF.md)");
  add_limits(diff, diff_.limits);
}

std::optional<int> CommandLine::parse(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  try {
    app_.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app_.help();
    return kExitOk;
  } catch (const CLI::CallForVersion& version) {
    out << version.what() << '\n';
    return kExitOk;
  } catch (const CLI::ParseError& error) {
    err << usage_error(error);
    return kExitBadInput;
  }
  if (generate_) {
    out << generated(*generate_);
    return kExitOk;
  }
  if (!chosen_) {
    std::vector<std::string> names;
    for (const CLI::App* command : app_.get_subcommands({})) names.push_back(command->get_name());
    err << "rollgate: a subcommand is required: " << joined(names, ", ") << '\n'
        << "run 'rollgate --help' for the subcommands and examples\n";
    return kExitBadInput;
  }
  return std::nullopt;
}

int CommandLine::run() const { return chosen_(); }

std::string CommandLine::usage_error(const CLI::ParseError& error) const {
  const std::vector<CLI::App*> chosen = app_.get_subcommands();
  const CLI::App& command = chosen.empty() ? app_ : *chosen.front();
  const std::string name = chosen.empty() ? "rollgate" : "rollgate " + command.get_name();
  const std::vector<std::string> unexpected = command.remaining();
  const std::string problem = dynamic_cast<const CLI::ExtrasError*>(&error) && !unexpected.empty()
                                  ? unexpected_word(unexpected.front(), command, chosen.empty())
                                  : error.what();
  return name + ": " + problem + "\nrun '" + name + " --help' for the options and examples\n";
}

std::string CommandLine::generated(const std::string& kind) const {
  return kind == "man" ? manual_page(*this) : bash_completion(*this);
}

const std::vector<std::string>& CommandLine::choices(const CLI::Option& option) const {
  static const std::vector<std::string> kAnyValue;
  auto found = choices_.find(&option);
  return found == choices_.end() ? kAnyValue : found->second;
}

bool CommandLine::takes_file(const CLI::Option& option) { return option.get_type_name() == kFile; }

bool CommandLine::is_hidden(const CLI::Option& option) { return option.get_group().empty(); }

}  // namespace rollgate::cli
