// Questions the text and Markdown views ask of a report, answered once in
// one pass each: the stages grouped by status, and what the target waits
// for beyond the blockers already listed.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "report_view.hpp"

namespace rollgate::cli {

// Stage statuses in the order the views list them: what needs someone's
// attention first, what is through last.
inline constexpr std::array<std::string_view, 10> kStatusOrder = {
    "blocked", "unknown", "soaking", "waiting", "frozen", "ready", "in_progress", "held", "done", "cancelled"};

struct StatusGroup {
  std::string_view status;
  std::vector<const StageView*> stages;  // plan order
};

// The non-empty groups in kStatusOrder, then one per status this version
// does not know, in order of appearance.
std::vector<StatusGroup> group_by_status(const std::vector<StageView>& stages);

// The items of target.blocked_by that are not among the first `listed`
// blockers (every freeze, which is never a blocker), in blocked_by order.
std::vector<const BlockedByView*> target_waits_beyond(const ReportView& report, std::size_t listed);

}  // namespace rollgate::cli
