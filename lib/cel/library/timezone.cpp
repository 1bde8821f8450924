#include "cel/library/timezone.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cel/common/civil_time.hpp"

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

// ------------------------------------------------------------ POSIX rules

// When daylight saving time starts or ends within a year: "Jn" (day 1..365,
// never counting February 29), "n" (day 0..365) or "Mm.w.d" (weekday d of
// week w of month m, week 5 meaning the last), at `time` seconds after
// local midnight.
struct DateRule {
  char kind = 'M';  // 'J', 'N' or 'M'
  int day = 0, week = 0, month = 0;
  int64_t time = 7200;

  // Seconds from the start of `year` (local) to the transition.
  int64_t seconds_into(int64_t year) const {
    const int64_t jan1 = days_from_civil(CivilDate{year, 1, 1});
    int64_t days = 0;
    if (kind == 'J') {
      days = day - 1 + (is_leap_year(year) && day >= 60 ? 1 : 0);
    } else if (kind == 'N') {
      days = day;
    } else {
      const int64_t first = days_from_civil(CivilDate{year, month, 1});
      const int64_t first_weekday = floor_mod(first + 4, 7);  // 1970-01-01: Thursday
      int64_t mday = floor_mod(day - first_weekday, 7) + 7 * (week - 1);
      while (mday >= days_in_month(year, month)) mday -= 7;
      days = first - jan1 + mday;
    }
    return days * 86400 + time;
  }
};

// A TZ string such as "CET-1CEST,M3.5.0,M10.5.0/3" from a TZif footer: the
// offsets of every year after the last transition in the file.
struct PosixRule {
  int64_t std_offset = 0;  // seconds east of UTC
  std::optional<int64_t> dst_offset;
  DateRule start, end;

  int64_t offset_at(int64_t t) const {
    if (!dst_offset) return std_offset;
    const int64_t year = civil_from_days(floor_div(t + std_offset, 86400)).year;
    const int64_t year_start = days_from_civil(CivilDate{year, 1, 1}) * 86400;
    const int64_t begins = year_start + start.seconds_into(year) - std_offset;
    const int64_t ends = year_start + end.seconds_into(year) - *dst_offset;
    const bool in_dst = begins < ends ? (t >= begins && t < ends)
                                      : (t < ends || t >= begins);
    return in_dst ? *dst_offset : std_offset;
  }
};

class PosixReader {
 public:
  explicit PosixReader(std::string_view text) : text_(text) {}

  std::optional<PosixRule> read() {
    PosixRule rule;
    if (!skip_name()) return std::nullopt;
    const auto std_offset = read_time();
    if (!std_offset) return std::nullopt;
    rule.std_offset = -*std_offset;  // POSIX counts west of UTC
    if (done()) return rule;
    if (!skip_name()) return std::nullopt;
    rule.dst_offset = rule.std_offset + 3600;
    if (!done() && peek() != ',') {
      const auto dst = read_time();
      if (!dst) return std::nullopt;
      rule.dst_offset = -*dst;
    }
    if (done()) return rule;  // no rule: the file's transitions suffice
    if (!eat(',') || !read_date(rule.start) || !eat(',') || !read_date(rule.end) ||
        !done())
      return std::nullopt;
    return rule;
  }

 private:
  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }

  // "CET" or "<+0545>".
  bool skip_name() {
    if (eat('<')) {
      while (!done() && peek() != '>') ++pos_;
      return eat('>');
    }
    const size_t start = pos_;
    while (!done() && ((peek() >= 'a' && peek() <= 'z') || (peek() >= 'A' && peek() <= 'Z')))
      ++pos_;
    return pos_ - start >= 3;
  }

  std::optional<int64_t> read_number() {
    if (done() || peek() < '0' || peek() > '9') return std::nullopt;
    int64_t n = 0;
    while (!done() && peek() >= '0' && peek() <= '9' && n < 100000)
      n = n * 10 + (text_[pos_++] - '0');
    return n;
  }

  // [+-]hh[:mm[:ss]] in seconds.
  std::optional<int64_t> read_time() {
    int64_t sign = 1;
    if (eat('-')) sign = -1;
    else eat('+');
    const auto hours = read_number();
    if (!hours) return std::nullopt;
    int64_t seconds = *hours * 3600;
    for (const int64_t unit : {60, 1}) {
      if (!eat(':')) break;
      const auto part = read_number();
      if (!part) return std::nullopt;
      seconds += *part * unit;
    }
    return sign * seconds;
  }

  bool read_date(DateRule& rule) {
    if (eat('J')) {
      rule.kind = 'J';
      const auto day = read_number();
      if (!day || *day < 1 || *day > 365) return false;
      rule.day = static_cast<int>(*day);
    } else if (eat('M')) {
      rule.kind = 'M';
      const auto month = read_number();
      if (!month || !eat('.')) return false;
      const auto week = read_number();
      if (!week || !eat('.')) return false;
      const auto day = read_number();
      if (!day || *month < 1 || *month > 12 || *week < 1 || *week > 5 || *day > 6)
        return false;
      rule.month = static_cast<int>(*month);
      rule.week = static_cast<int>(*week);
      rule.day = static_cast<int>(*day);
    } else {
      rule.kind = 'N';
      const auto day = read_number();
      if (!day || *day > 365) return false;
      rule.day = static_cast<int>(*day);
    }
    if (eat('/')) {
      const auto time = read_time();
      if (!time) return false;
      rule.time = *time;
    }
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// ------------------------------------------------------------ TZif

// The offsets of a zone: UTC offset of each period starting at a
// transition, from a TZif file (RFC 8536), and the rule for instants after
// the last transition.
struct Zone {
  std::vector<int64_t> transitions;  // ascending Unix seconds
  std::vector<int32_t> offsets;      // offset from each transition on
  int32_t initial_offset = 0;        // before the first transition
  std::optional<PosixRule> rule;     // after the last transition

  int64_t offset_at(int64_t t) const {
    if (rule && (transitions.empty() || t >= transitions.back()))
      return rule->offset_at(t);
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
  const size_t footer = r.pos() + block_size(*second, 8);
  auto zone = read_block(r, *second, 8);
  if (!zone) return std::nullopt;
  // The footer after the block: "\n<TZ string>\n".
  if (footer < data.size() && data[footer] == '\n') {
    const size_t end = data.find('\n', footer + 1);
    if (end != std::string::npos)
      zone->rule = PosixReader(std::string_view(data).substr(footer + 1, end - footer - 1)).read();
  }
  return zone;
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

// Zones read so far, by name (nullptr for a name without a zone), shared:
// evaluation may run on many threads, and a zone in use stays alive when
// the cache is emptied.  Emptied when full rather than kept in LRU order:
// simpler, and the few zones a plan uses come straight back.
class ZoneCache {
 public:
  std::shared_ptr<const Zone> find(std::string_view name) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = zones_.find(name); it != zones_.end()) return it->second;
    std::shared_ptr<const Zone> zone;
    if (auto loaded = load_zone(std::string(name)))
      zone = std::make_shared<const Zone>(std::move(*loaded));
    if (zones_.size() >= kMaxCachedZones) zones_.clear();
    zones_.emplace(std::string(name), zone);
    return zone;
  }

  size_t size() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return zones_.size();
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Zone>, std::less<>> zones_;
};

// The process's one cache, made on first use.
ZoneCache& zone_cache() {
  static ZoneCache cache;
  return cache;
}

std::shared_ptr<const Zone> find_zone(std::string_view name) {
  // Names that cannot be a zone file are refused without a look on disk and
  // take no place in the cache.
  if (name.size() > kMaxZoneNameBytes || !safe_zone_name(name)) return nullptr;
  return zone_cache().find(name);
}

}  // namespace

std::optional<int64_t> utc_offset(std::string_view name, int64_t unix_seconds) {
  if (name == "UTC" || name == "Z") return 0;
  if (auto fixed = fixed_offset(name)) return fixed;
  if (const auto zone = find_zone(name)) return zone->offset_at(unix_seconds);
  return std::nullopt;
}

size_t cached_zone_count() { return zone_cache().size(); }

}  // namespace rollgate::cel::detail
