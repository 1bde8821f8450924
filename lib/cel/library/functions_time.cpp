// Timestamp and duration accessors: getFullYear, getMonth, getHours...
// Timestamp accessors take an optional time zone argument.
#include "cel/common/civil_time.hpp"
#include "cel/library/overloads.hpp"
#include "cel/library/timezone.hpp"

namespace rollgate::cel::detail {

namespace {

// The parts of an instant as seen in some time zone.
struct LocalTime {
  CivilDate date;
  int64_t day_number = 0;  // days since 1970-01-01 (local)
  int64_t second_of_day = 0;
  int32_t nanos = 0;
};

LocalTime local_time(Timestamp t, int64_t offset) {
  const int64_t local = t.seconds + offset;
  LocalTime out;
  out.day_number = floor_div(local, 86400);
  out.second_of_day = floor_mod(local, 86400);
  out.date = civil_from_days(out.day_number);
  out.nanos = t.nanos;
  return out;
}

using Part = int64_t (*)(const LocalTime&);

int64_t full_year(const LocalTime& l) { return l.date.year; }
int64_t month(const LocalTime& l) { return l.date.month - 1; }
int64_t day_of_year(const LocalTime& l) {
  return l.day_number - days_from_civil(CivilDate{l.date.year, 1, 1});
}
int64_t day_of_month(const LocalTime& l) { return l.date.day - 1; }
int64_t date(const LocalTime& l) { return l.date.day; }
int64_t day_of_week(const LocalTime& l) {
  return floor_mod(l.day_number + 4, 7);  // 1970-01-01 was a Thursday
}
int64_t hours(const LocalTime& l) { return l.second_of_day / 3600; }
int64_t minutes(const LocalTime& l) { return l.second_of_day / 60 % 60; }
int64_t seconds(const LocalTime& l) { return l.second_of_day % 60; }
int64_t milliseconds(const LocalTime& l) { return l.nanos / 1000000; }

template <Part part>
Value in_utc(std::span<const Value> a) {
  return Value::int64(part(local_time(a[0].as_timestamp(), 0)));
}

template <Part part>
Value in_zone(std::span<const Value> a) {
  const Timestamp t = a[0].as_timestamp();
  const auto offset = utc_offset(a[1].as_string(), t.seconds);
  if (!offset) return Value::error("unknown time zone '" + a[1].as_string() + "'");
  return Value::int64(part(local_time(t, *offset)));
}

template <Part part>
void timestamp_accessor(FunctionRegistry& r, std::string_view name) {
  const std::string id = "timestamp_to_" + std::string(name);
  r.add(name, Overload{id, {Type::timestamp()}, Type::int64(), true, in_utc<part>});
  r.add(name, Overload{id + "_with_tz", {Type::timestamp(), Type::string()},
                       Type::int64(), true, in_zone<part>});
}

// Duration accessors: whole hours, minutes and seconds in total, and the
// milliseconds within the second.
int64_t total_nanos_div(Duration d, int64_t unit_seconds) {
  return d.seconds / unit_seconds;
}
Value duration_hours(std::span<const Value> a) {
  return Value::int64(total_nanos_div(a[0].as_duration(), 3600));
}
Value duration_minutes(std::span<const Value> a) {
  return Value::int64(total_nanos_div(a[0].as_duration(), 60));
}
Value duration_seconds(std::span<const Value> a) {
  return Value::int64(a[0].as_duration().seconds);
}
Value duration_milliseconds(std::span<const Value> a) {
  return Value::int64(a[0].as_duration().nanos / 1000000);
}

}  // namespace

void register_time_functions(FunctionRegistry& r) {
  timestamp_accessor<full_year>(r, "getFullYear");
  timestamp_accessor<month>(r, "getMonth");
  timestamp_accessor<day_of_year>(r, "getDayOfYear");
  timestamp_accessor<day_of_month>(r, "getDayOfMonth");
  timestamp_accessor<date>(r, "getDate");
  timestamp_accessor<day_of_week>(r, "getDayOfWeek");
  timestamp_accessor<hours>(r, "getHours");
  timestamp_accessor<minutes>(r, "getMinutes");
  timestamp_accessor<seconds>(r, "getSeconds");
  timestamp_accessor<milliseconds>(r, "getMilliseconds");

  const Type du = Type::duration(), i = Type::int64();
  r.add("getHours", Overload{"duration_to_hours", {du}, i, true, duration_hours});
  r.add("getMinutes", Overload{"duration_to_minutes", {du}, i, true, duration_minutes});
  r.add("getSeconds", Overload{"duration_to_seconds", {du}, i, true, duration_seconds});
  r.add("getMilliseconds",
        Overload{"duration_to_milliseconds", {du}, i, true, duration_milliseconds});
}

}  // namespace rollgate::cel::detail
