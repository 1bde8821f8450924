#include "cel/timezone.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace rollgate::cel::detail {

namespace {

// "+hh:mm", "-hh:mm" or "hh:mm".
std::optional<int64_t> fixed_offset(std::string_view name) {
  int sign = 1;
  if (!name.empty() && (name[0] == '+' || name[0] == '-')) {
    sign = name[0] == '-' ? -1 : 1;
    name.remove_prefix(1);
  }
  if (name.size() != 5 || name[2] != ':') return std::nullopt;
  for (const size_t i : {0, 1, 3, 4})
    if (name[i] < '0' || name[i] > '9') return std::nullopt;
  const int hours = (name[0] - '0') * 10 + (name[1] - '0');
  const int minutes = (name[3] - '0') * 10 + (name[4] - '0');
  if (hours > 23 || minutes > 59) return std::nullopt;
  return sign * (hours * 3600 + minutes * 60);
}

// The offsets of a zone: UTC offset of each period starting at a
// transition, from a TZif file (RFC 8536).
struct Zone {
  std::vector<int64_t> transitions;  // ascending Unix seconds
  std::vector<int32_t> offsets;      // offset from each transition on
  int32_t initial_offset = 0;        // before the first transition

  int64_t offset_at(int64_t t) const {
    const auto it = std::upper_bound(transitions.begin(), transitions.end(), t);
    if (it == transitions.begin()) return initial_offset;
    return offsets[static_cast<size_t>(it - transitions.begin()) - 1];
  }
};

class Reader {
 public:
  explicit Reader(const std::string& data) : data_(data) {}
  bool has(size_t n) const { return pos_ + n <= data_.size(); }
  int64_t read(size_t bytes) {
    uint64_t v = 0;
    for (size_t i = 0; i < bytes; ++i)
      v = (v << 8) | static_cast<unsigned char>(data_[pos_ + i]);
    pos_ += bytes;
    if (bytes == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
    return static_cast<int64_t>(v);
  }
  void skip(size_t n) { pos_ += n; }
  size_t pos() const { return pos_; }

 private:
  const std::string& data_;
  size_t pos_ = 0;
};

struct Counts {
  size_t isut, isstd, leap, time, type, chars;
};

std::optional<Counts> read_header(Reader& r, char& version) {
  if (!r.has(44)) return std::nullopt;
  if (r.read(4) != 0x545a6966) return std::nullopt;  // "TZif"
  version = static_cast<char>(r.read(1));
  r.skip(15);
  Counts c{};
  c.isut = static_cast<size_t>(r.read(4));
  c.isstd = static_cast<size_t>(r.read(4));
  c.leap = static_cast<size_t>(r.read(4));
  c.time = static_cast<size_t>(r.read(4));
  c.type = static_cast<size_t>(r.read(4));
  c.chars = static_cast<size_t>(r.read(4));
  return c;
}

size_t block_size(const Counts& c, size_t time_size) {
  return c.time * time_size + c.time + c.type * 6 + c.chars +
         c.leap * (time_size + 4) + c.isstd + c.isut;
}

std::optional<Zone> read_block(Reader& r, const Counts& c, size_t time_size) {
  if (!r.has(block_size(c, time_size)) || c.type == 0) return std::nullopt;
  Zone zone;
  for (size_t i = 0; i < c.time; ++i) zone.transitions.push_back(r.read(time_size));
  std::vector<size_t> indexes;
  for (size_t i = 0; i < c.time; ++i) indexes.push_back(static_cast<size_t>(r.read(1)));
  std::vector<int32_t> type_offsets;
  for (size_t i = 0; i < c.type; ++i) {
    type_offsets.push_back(static_cast<int32_t>(r.read(4)));
    r.skip(2);
  }
  for (const size_t index : indexes) {
    if (index >= type_offsets.size()) return std::nullopt;
    zone.offsets.push_back(type_offsets[index]);
  }
  zone.initial_offset = type_offsets[0];
  return zone;
}

// Version 2+ files repeat the data with 64-bit times after the first block;
// that block is the one to use.
std::optional<Zone> parse_tzif(const std::string& data) {
  Reader r(data);
  char version = 0;
  const auto first = read_header(r, version);
  if (!first) return std::nullopt;
  if (version == '\0') return read_block(r, *first, 4);
  if (!r.has(block_size(*first, 4))) return std::nullopt;
  r.skip(block_size(*first, 4));
  const auto second = read_header(r, version);
  if (!second) return std::nullopt;
  return read_block(r, *second, 8);
}

bool safe_zone_name(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos)
    return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-' || c == '+';
  });
}

std::optional<Zone> load_zone(const std::string& name) {
  const char* dir = std::getenv("TZDIR");
  const std::string path =
      std::string(dir != nullptr ? dir : "/usr/share/zoneinfo") + "/" + name;
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  const std::string data((std::istreambuf_iterator<char>(file)),
                         std::istreambuf_iterator<char>());
  return parse_tzif(data);
}

// Zones are read once and shared; evaluation may run on many threads.
std::shared_ptr<const Zone> find_zone(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Zone>, std::less<>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  if (const auto it = cache.find(name); it != cache.end()) return it->second;
  std::shared_ptr<const Zone> zone;
  if (safe_zone_name(name)) {
    if (auto loaded = load_zone(std::string(name)))
      zone = std::make_shared<const Zone>(std::move(*loaded));
  }
  cache.emplace(std::string(name), zone);
  return zone;
}

}  // namespace

std::optional<int64_t> utc_offset(std::string_view name, int64_t unix_seconds) {
  if (name == "UTC" || name == "Z") return 0;
  if (auto fixed = fixed_offset(name)) return fixed;
  if (const auto zone = find_zone(name)) return zone->offset_at(unix_seconds);
  return std::nullopt;
}

}  // namespace rollgate::cel::detail
