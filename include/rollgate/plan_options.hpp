// rollgate/plan_options.hpp — limits on the plans Plan::compile compiles
// (rollgate_plan_options).
#ifndef ROLLGATE_PLAN_OPTIONS_HPP
#define ROLLGATE_PLAN_OPTIONS_HPP

#include <rollgate.h>

#include <cstdint>

namespace rollgate {

/// How large a plan may be (docs/LIMITS.md, "Input limits", lists the
/// defaults and why).  A limit of 0 means its default.  A plan past one is
/// refused: Plan::compile throws Error with ROLLGATE_EPLAN
/// (ROLLGATE_EJSON for the text's size and nesting) and a problem of kind
/// "limit" located where the plan goes past it.
struct PlanOptions {
  std::uint64_t max_document_bytes = 0;     ///< the plan's JSON text, in bytes
  std::uint64_t max_json_depth = 0;         ///< nesting of the text (at most 1000)
  std::uint64_t max_stages = 0;             ///< stages after matrix expansion
  std::uint64_t max_gates = 0;              ///< gates after matrix expansion
  std::uint64_t max_facts = 0;              ///< facts declared
  std::uint64_t max_matrix_expansions = 0;  ///< stages all matrices expand to, added up
  std::uint64_t max_matrix_text_bytes = 0;  ///< the text their expansions copy
  std::uint64_t max_id_bytes = 0;           ///< ids, names, roles, owners, categories, units
  std::uint64_t max_title_bytes = 0;        ///< the plan's and stages' titles
  std::uint64_t max_expression_bytes = 0;   ///< a gate's CEL text, after substitution

  /// The defaults, every limit as its number (rollgate_plan_options_init).
  static PlanOptions defaults() {
    rollgate_plan_options c{};
    PlanOptions out;
    if (rollgate_plan_options_init(&c, ROLLGATE_PLAN_OPTIONS_VERSION) != ROLLGATE_OK) return out;
    out.max_document_bytes = c.max_document_bytes;
    out.max_json_depth = c.max_json_depth;
    out.max_stages = c.max_stages;
    out.max_gates = c.max_gates;
    out.max_facts = c.max_facts;
    out.max_matrix_expansions = c.max_matrix_expansions;
    out.max_matrix_text_bytes = c.max_matrix_text_bytes;
    out.max_id_bytes = c.max_id_bytes;
    out.max_title_bytes = c.max_title_bytes;
    out.max_expression_bytes = c.max_expression_bytes;
    return out;
  }

  /// The C form, for rollgate_plan_compile_with.
  rollgate_plan_options to_c() const {
    rollgate_plan_options c{};
    c.version = ROLLGATE_PLAN_OPTIONS_VERSION;
    c.max_document_bytes = max_document_bytes;
    c.max_json_depth = max_json_depth;
    c.max_stages = max_stages;
    c.max_gates = max_gates;
    c.max_facts = max_facts;
    c.max_matrix_expansions = max_matrix_expansions;
    c.max_matrix_text_bytes = max_matrix_text_bytes;
    c.max_id_bytes = max_id_bytes;
    c.max_title_bytes = max_title_bytes;
    c.max_expression_bytes = max_expression_bytes;
    return c;
  }
};

}  // namespace rollgate

#endif  // ROLLGATE_PLAN_OPTIONS_HPP
