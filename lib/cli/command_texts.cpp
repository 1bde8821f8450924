#include "command_texts.hpp"

#include <array>

#include "exit_codes.hpp"

namespace rollgate::cli {

namespace {

constexpr std::array<CommandExample, 2> kProgramExamples{{
    {"rollgate check examples/bookme/plan.json", "Validate the bundled example plan."},
    {"rollgate eval examples/bookme/plan.json \\\n"
     "  --facts examples/bookme/facts.json --now 2026-11-23T09:00:00Z",
     "Print the readiness report of the bundled example at a fixed instant."},
}};

constexpr CommandText kProgram{
    "rollgate", "rollout readiness: plans of stages guarded by CEL gates",
    "rollgate evaluates a rollout plan - a graph of stages, each guarded by\n"
    "gates written in CEL over facts - at an instant, and says which stages\n"
    "may start, what holds the others back, who owns each blocker and what\n"
    "the evidence is. Plans are JSON (docs/PLAN.md); facts, progress and\n"
    "approvals are JSON documents (docs/FACTS.md).",
    kProgramExamples};

constexpr std::array<CommandExample, 3> kCheckExamples{{
    {"rollgate check examples/bookme/plan.json", "Validate the bundled example plan."},
    {"rollgate check examples/*/plan.json",
     "Check several plans at once; the exit status is 2 when any is invalid."},
    {"rollgate check --format json examples/bookme/plan.json", "The same answer as JSON, for an editor."},
}};

constexpr std::array<CommandExample, 3> kEvalExamples{{
    {"rollgate eval examples/bookme/plan.json \\\n"
     "  --facts examples/bookme/facts.json --now 2026-11-23T09:00:00Z",
     "The report of the bundled example at a fixed instant (exit status 1:\n"
     "its target is not ready yet)."},
    {"rollgate eval examples/bookme/plan.json \\\n"
     "  --facts examples/bookme/facts.json --format markdown > status.md",
     "The report now, as Markdown to paste into a ticket."},
    {"rollgate eval examples/bookme/plan-with-soak.json \\\n"
     "  --facts examples/bookme/facts-4.json --state state.json --fail-on-drift",
     "Continue from state.json (soaks, drift, changes) and exit 1 while a\n"
     "started stage's gate no longer passes."},
}};

constexpr std::array<CommandExample, 2> kExplainExamples{{
    {"rollgate explain examples/bookme/plan.json wave-west \\\n"
     "  --facts examples/bookme/facts.json --now 2026-11-23T09:00:00Z",
     "Why the stage wave-west is blocked."},
    {"rollgate explain examples/bookme/plan.json wave-west/training \\\n"
     "  --facts examples/bookme/facts.json --now 2026-11-23T09:00:00Z",
     "Why its gate training fails: the facts it read and the part of the\n"
     "expression that decided."},
}};

constexpr std::array<CommandExample, 3> kGraphExamples{{
    {"rollgate graph examples/bookme/plan.json --format dot", "The bare plan as a Graphviz DOT graph."},
    {"rollgate graph examples/bookme/plan.json \\\n"
     "  --facts examples/bookme/facts.json --now 2026-11-23T09:00:00Z \\\n"
     "  --format svg > bookme.svg",
     "A picture of the bundled example, stages coloured by status."},
    {"rollgate graph examples/bookme/plan.json --format mermaid", "The plan as a Mermaid flowchart for a wiki."},
}};

constexpr std::array<CommandExample, 2> kExprExamples{{
    {"rollgate expr 'training.west_pct >= 80.0' --now 2026-11-23T09:00:00Z \\\n"
     "  --plan examples/bookme/plan.json --facts examples/bookme/facts.json",
     "Try a condition against the facts of the bundled example: false,\n"
     "with the value it read."},
    {"rollgate expr \"duration('72h') > duration('48h')\"", "Evaluate a CEL expression without a plan."},
}};

constexpr std::array<CommandExample, 2> kDiffExamples{{
    {"rollgate diff examples/bookme/plan.json examples/bookme/plan-with-soak.json",
     "What adding the pilot's 72-hour soak changes."},
    {"rollgate diff --format json examples/bookme/plan.json \\\n"
     "  examples/bookme/plan-with-soak.json",
     "The same changes as JSON."},
}};

constexpr std::array<CommandText, 6> kSubcommands{{
    {"check", "validate plans: every problem at its source line",
     "Compiles each PLAN. A valid plan gets one line on standard output,\n"
     "\"PATH: ok (N stages, M gates, K facts)\", stages counted after matrix\n"
     "expansion. An invalid plan gets every problem on standard error, as a\n"
     "compiler writes them: \"file:line:column: pointer: error: message\",\n"
     "then the source line and a caret under the column. Every plan is checked,\n"
     "also after one fails. With --format json the answer is one JSON object\n"
     "on standard output, {\"plans\": [{\"path\", \"valid\", \"stages\", \"gates\",\n"
     "\"facts\", \"problems\": [{\"file\", \"line\", \"column\", \"pointer\",\n"
     "\"message\", \"suggestion\", \"kind\", \"subject\", \"subject_kind\"}]}]}.",
     kCheckExamples},
    {"eval", "evaluate a plan and print the readiness report",
     "Evaluates PLAN with the facts of --facts and the progress and approvals\n"
     "of --progress at --now (default: the current time), and prints the\n"
     "report: what changed, the blockers with their owners, the stages that\n"
     "may start, every stage by status. With --state the evaluation continues\n"
     "from the state file (soaks, drift, changes) and replaces it atomically\n"
     "once the report is written. With --what-if nothing is saved.",
     kEvalExamples},
    {"explain", "say why a stage or a gate has its status",
     "Evaluates PLAN as eval does and explains one stage or one gate: each\n"
     "gate's expression, the facts it read with their times, sources,\n"
     "evidence links and staleness, the part of the expression that decided,\n"
     "the upstream stages, the approvals counted or refused and why, the\n"
     "freezes in force and drift.",
     kExplainExamples},
    {"graph", "draw the stage graph as DOT, SVG or Mermaid",
     "Prints the stage graph of PLAN. Without --facts, --progress or --state\n"
     "it draws the plan alone; with any of them it evaluates at --now, colours\n"
     "the stages by status and draws heavy the edges that hold a stage back.\n"
     "Matrix expansions are grouped per matrix stage. SVG is drawn by\n"
     "Graphviz's dot, which must be on PATH.",
     kGraphExamples},
    {"expr", "evaluate one CEL expression against a plan's facts",
     "Evaluates EXPR, a CEL expression, with the facts --plan declares set\n"
     "from --facts at --now, and prints its value in CEL notation and its\n"
     "type. An expression that does not parse or type-check is shown with a\n"
     "caret under the problem.",
     kExprExamples},
    {"diff", "compare two versions of a plan",
     "Compares the OLD and NEW versions of a plan and classes every change as\n"
     "tightened, loosened or changed, loosened changes first (docs/DIFF.md).\n"
     "The exit status is 1 when some change loosens, so that a pipeline can\n"
     "ask for a second review.",
     kDiffExamples},
}};

constexpr std::array<ExitStatusText, 4> kExitStatuses{{
    {kExitOk,
     "eval: the target (without one, every stage) is ready or done;\n"
     "diff: nothing loosened; check: every plan is valid; explain: the\n"
     "stage is ready, in progress or done, the gate passes; expr: true, or\n"
     "a value that is not a bool; graph: drawn."},
    {kExitNotReady,
     "eval: the target is not ready (with --fail-on-drift, also while a\n"
     "gate drifts); diff: some change loosens; explain: the stage or the\n"
     "gate is not that far; expr: false, unknown or an error."},
    {kExitBadInput, "Bad input or usage: the problem is on standard error."},
    {kExitInternal, "Internal error (out of memory, a bug): nothing was decided."},
}};

constexpr std::array<EnvironmentText, 1> kEnvironment{{
    {"NO_COLOR",
     "When set to a non-empty value, text output has no colour unless\n"
     "--color always asks for it."},
}};

}  // namespace

const CommandText& program_text() { return kProgram; }

std::span<const CommandText> subcommand_texts() { return kSubcommands; }

const CommandText& command_text(std::string_view name) {
  for (const CommandText& text : kSubcommands)
    if (text.name == name) return text;
  return kProgram;
}

std::span<const ExitStatusText> exit_status_texts() { return kExitStatuses; }

std::span<const EnvironmentText> environment_texts() { return kEnvironment; }

std::string_view files_text() {
  return "The state file of --state: read when it exists, replaced atomically\n"
         "after each evaluation (docs/STATE.md).";
}

std::string_view see_also_text() {
  return "dot(1); in the rollgate sources: README.md, docs/PLAN.md, docs/FACTS.md,\n"
         "docs/REPORT.md, docs/STATE.md, docs/DIFF.md, docs/ERRORS.md.";
}

}  // namespace rollgate::cli
