#include "json/written_at.hpp"

namespace rollgate::json {

WrittenAt WrittenAt::element(size_t index) const {
  WrittenAt child;
  if (!map_) return child;
  child.map_ = map_;
  child.parent_ = this;
  child.index_ = index;
  child.is_element_ = true;
  return child;
}

WrittenAt WrittenAt::member(std::string_view key) const {
  WrittenAt child;
  if (!map_) return child;
  child.map_ = map_;
  child.parent_ = this;
  child.key_ = key;
  return child;
}

std::string WrittenAt::pointer() const {
  if (!parent_) return std::string(base_);
  return is_element_ ? pointer_append(parent_->pointer(), index_) : pointer_append(parent_->pointer(), key_);
}

std::string_view WrittenAt::number_text() const {
  if (!map_) return {};
  return map_->number_text(pointer());
}

}  // namespace rollgate::json
