#include "report_queries.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace rollgate::cli {

std::vector<StatusGroup> group_by_status(const std::vector<StageView>& stages) {
  std::vector<StatusGroup> groups;
  for (std::string_view status : kStatusOrder) groups.push_back(StatusGroup{status, {}});
  std::unordered_map<std::string_view, std::size_t> group_of;
  for (std::size_t i = 0; i < groups.size(); ++i) group_of.emplace(groups[i].status, i);
  for (const StageView& stage : stages) {
    const auto [it, added] = group_of.try_emplace(stage.status, groups.size());
    if (added) groups.push_back(StatusGroup{stage.status, {}});
    groups[it->second].stages.push_back(&stage);
  }
  std::erase_if(groups, [](const StatusGroup& group) { return group.stages.empty(); });
  return groups;
}

std::vector<const BlockedByView*> target_waits_beyond(const ReportView& report, std::size_t listed) {
  std::unordered_set<std::string_view> shown;
  for (std::size_t i = 0; i < listed && i < report.blockers.size(); ++i) shown.insert(report.blockers[i].id);
  std::vector<const BlockedByView*> others;
  for (const BlockedByView& item : report.target.blocked_by) {
    // A blocker names an approval "stage/approval:role"; blocked_by names
    // its stage and role apart.
    const std::string key = item.kind == "approval" ? item.id + "/approval:" + item.role : item.id;
    if (item.kind == "freeze" || !shown.contains(key)) others.push_back(&item);
  }
  return others;
}

}  // namespace rollgate::cli
