// time_calendar.cpp — the calendar half of the time module: struct_time, gmtime, localtime,
// mktime, asctime, ctime, strftime (through the C library), strptime (through _strptime),
// the timezone constants and tzset, get_clock_info.
#include "stdlib/time_calendar.h"

#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/os_error.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/struct_sequence.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// Registered with the struct-sequence table, which roots it.
TypeObject* g_struct_time = nullptr;
constexpr size_t kVisibleFields = 9;

// Argument counts with the messages of CPython's tuple-parsing functions ("gmtime() takes at
// most 1 argument (2 given)"), unlike check_args' keyword-capable form.
bool count_args(const char* fname, int64_t nargs, TupleObject* kw, int64_t min, int64_t max) {
  if (kw && kw->size) {
    raise_fmt(TypeErrorType, "%s() takes no keyword arguments", fname);
    return false;
  }
  if (nargs >= min && nargs <= max) return true;
  const char* how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
  int64_t n = nargs < min ? min : max;
  raise_fmt(TypeErrorType, "%s() takes %s %lld argument%s (%lld given)", fname, how, static_cast<long long>(n),
            n == 1 ? "" : "s", static_cast<long long>(nargs));
  return false;
}

// A timestamp argument as time_t, flooring floats (CPython's gmtime/localtime/ctime rule).
bool to_time_t(Value v, time_t* out) {
  if (is_float_instance(v)) {
    double d = float_of(v);
    if (std::isnan(d)) {
      raise_msg(ValueErrorType, "Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    // time_t is 64-bit: anything outside [-2^63, 2^63) does not fit.
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
      raise_msg(OverflowErrorType, "timestamp out of range for platform time_t");
      return false;
    }
    *out = static_cast<time_t>(d);
    return true;
  }
  int64_t i;
  bool overflow = false;
  bool ok = as_int64(v, &i, &overflow);
  if (overflow) {
    if (!ok) clear_exception();
    raise_msg(OverflowErrorType, "timestamp out of range for platform time_t");
    return false;
  }
  if (!ok) return false;
  *out = static_cast<time_t>(i);
  return true;
}

// The optional seconds argument: absent or None means now.
bool secs_arg(Value* args, int64_t nargs, time_t* out) {
  if (nargs == 0 || args[0] == None) {
    *out = time(nullptr);
    return true;
  }
  return to_time_t(args[0], out);
}

Value struct_time_from(const struct tm& tm) {
  auto I = [](int64_t v) { return int_from_int64(v); };
  Value zone = tm.tm_zone ? str_value(tm.tm_zone) : None;
  return new_struct_seq(g_struct_time, std::vector<Value>{I(tm.tm_year + 1900LL), I(tm.tm_mon + 1), I(tm.tm_mday),
                                                          I(tm.tm_hour), I(tm.tm_min), I(tm.tm_sec),
                                                          I((tm.tm_wday + 6) % 7), I(tm.tm_yday + 1), I(tm.tm_isdst),
                                                          zone, I(tm.tm_gmtoff)});
}

// One field of a time tuple as a C int, with the messages of CPython's "i" argument format.
bool int_field(Value v, int* out) {
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  int64_t n;
  if (!int_to_int64(i, &n)) {
    clear_exception();
    raise_msg(OverflowErrorType, "Python int too large to convert to C long");
    return false;
  }
  if (n > INT_MAX) {
    raise_msg(OverflowErrorType, "signed integer is greater than maximum");
    return false;
  }
  if (n < INT_MIN) {
    raise_msg(OverflowErrorType, "signed integer is less than minimum");
    return false;
  }
  *out = static_cast<int>(n);
  return true;
}

// A time tuple or struct_time into `tm` (C conventions: year-1900, Sunday=0, ...). A
// struct_time also brings its zone name and UTC offset; `zone_keep` holds the name's bytes.
bool tuple_to_tm(Value v, const char* fname, struct tm* tm, std::string* zone_keep) {
  std::memset(tm, 0, sizeof *tm);
  if (!is_tuple(v)) {
    raise_msg(TypeErrorType, "Tuple or struct_time argument required");
    return false;
  }
  TupleObject* t = as_tuple(v);
  if (t->size != static_cast<int64_t>(kVisibleFields)) {
    raise_fmt(TypeErrorType, "%s(): illegal time tuple argument", fname);
    return false;
  }
  int f[kVisibleFields];
  for (size_t i = 0; i < kVisibleFields; ++i)
    if (!int_field(t->items[i], &f[i])) return false;
  if (f[0] < INT_MIN + 1900) {
    raise_msg(OverflowErrorType, "year out of range");
    return false;
  }
  tm->tm_year = f[0] - 1900;
  tm->tm_mon = f[1] - 1;
  tm->tm_mday = f[2];
  tm->tm_hour = f[3];
  tm->tm_min = f[4];
  tm->tm_sec = f[5];
  tm->tm_wday = (f[6] + 1) % 7;
  if (tm->tm_wday < 0) tm->tm_wday += 7;
  tm->tm_yday = f[7] - 1;
  tm->tm_isdst = f[8];
  if (t->type == g_struct_time) {
    Value zone = t->items[9], off = t->items[10];
    if (zone != None && is_str(zone)) {
      *zone_keep = std::string(as_str(zone)->view());
      tm->tm_zone = zone_keep->c_str();
    }
    if (off != None) {
      int64_t g;
      bool overflow = false;
      if (!as_int64(off, &g, &overflow)) return false;
      tm->tm_gmtoff = g;
    }
  }
  return true;
}

// The range checks asctime and strftime make before handing `tm` to the C library.
bool check_tm(struct tm& tm) {
  // Zero month/day/yday mean "unknown" and are taken as the first (CPython accepts them).
  if (tm.tm_mon == -1) tm.tm_mon = 0;
  if (tm.tm_mday == 0) tm.tm_mday = 1;
  if (tm.tm_yday == -1) tm.tm_yday = 0;
  const char* what = nullptr;
  if (tm.tm_mon < 0 || tm.tm_mon > 11) what = "month out of range";
  else if (tm.tm_mday < 1 || tm.tm_mday > 31) what = "day of month out of range";
  else if (tm.tm_hour < 0 || tm.tm_hour > 23) what = "hour out of range";
  else if (tm.tm_min < 0 || tm.tm_min > 59) what = "minute out of range";
  else if (tm.tm_sec < 0 || tm.tm_sec > 61) what = "seconds out of range";
  else if (tm.tm_wday < 0) what = "day of week out of range";  // (never: normalized modulo 7)
  else if (tm.tm_yday < 0 || tm.tm_yday > 365) what = "day of year out of range";
  if (what) raise_msg(ValueErrorType, what);
  return what == nullptr;
}

// "Sun Sep 16 01:03:52 1973", CPython's asctime layout (not the C library's, whose year is
// fixed-width).
Value format_asctime(const struct tm& tm) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[80];
  std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %lld", kDays[tm.tm_wday], kMonths[tm.tm_mon], tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(tm.tm_year) + 1900);
  return str_value(buf);
}

bool local_tm(time_t t, struct tm* out) {
  errno = 0;
  if (!localtime_r(&t, out)) {
    raise_os_error(errno ? errno : EINVAL);
    return false;
  }
  return true;
}

}  // namespace

Value time_gmtime(Value* args, int64_t nargs, TupleObject* kw) {
  if (!count_args("gmtime", nargs, kw, 0, 1)) return Value();
  time_t t;
  if (!secs_arg(args, nargs, &t)) return Value();
  struct tm tm;
  errno = 0;
  if (!gmtime_r(&t, &tm)) return raise_os_error(errno ? errno : EOVERFLOW);
  return struct_time_from(tm);
}

Value time_localtime(Value* args, int64_t nargs, TupleObject* kw) {
  if (!count_args("localtime", nargs, kw, 0, 1)) return Value();
  time_t t;
  if (!secs_arg(args, nargs, &t)) return Value();
  struct tm tm;
  if (!local_tm(t, &tm)) return Value();
  return struct_time_from(tm);
}

Value time_mktime(Value* args, int64_t nargs, TupleObject* kw) {
  if (kw && kw->size) return raise_msg(TypeErrorType, "time.mktime() takes no keyword arguments");
  if (nargs != 1) return raise_fmt(TypeErrorType, "time.mktime() takes exactly one argument (%lld given)", static_cast<long long>(nargs));
  struct tm tm;
  std::string zone;
  if (!tuple_to_tm(args[0], "mktime", &tm, &zone)) return Value();
  tm.tm_zone = nullptr;
  // tm_wday = -1 is a sentinel: mktime leaves it alone only when it fails (-1 is also a valid
  // result, one second before the epoch).
  tm.tm_wday = -1;
  time_t r = mktime(&tm);
  if (r == static_cast<time_t>(-1) && tm.tm_wday == -1)
    return raise_msg(OverflowErrorType, "mktime argument out of range");
  return float_value(static_cast<double>(r));
}

Value time_asctime(Value* args, int64_t nargs, TupleObject* kw) {
  if (!count_args("asctime", nargs, kw, 0, 1)) return Value();
  struct tm tm;
  if (nargs == 0) {
    if (!local_tm(time(nullptr), &tm)) return Value();
  } else {
    std::string zone;
    if (!tuple_to_tm(args[0], "asctime", &tm, &zone) || !check_tm(tm)) return Value();
  }
  return format_asctime(tm);
}

Value time_ctime(Value* args, int64_t nargs, TupleObject* kw) {
  if (!count_args("ctime", nargs, kw, 0, 1)) return Value();
  time_t t;
  if (!secs_arg(args, nargs, &t)) return Value();
  struct tm tm;
  if (!local_tm(t, &tm)) return Value();
  return format_asctime(tm);
}

Value time_strftime(Value* args, int64_t nargs, TupleObject* kw) {
  if (!count_args("strftime", nargs, kw, 1, 2)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(TypeErrorType, "strftime() argument 1 must be str, not %s", type_name(args[0]));
  struct tm tm;
  std::string zone;
  if (nargs < 2) {
    if (!local_tm(time(nullptr), &tm)) return Value();
  } else {
    if (!tuple_to_tm(args[1], "strftime", &tm, &zone)) return Value();
    // isdst is clamped to -1..1 before the range checks.
    if (tm.tm_isdst < -1) tm.tm_isdst = -1;
    else if (tm.tm_isdst > 1) tm.tm_isdst = 1;
    if (!check_tm(tm)) return Value();
  }
  std::string fmt(as_str(args[0])->view());
  if (fmt.find('\0') != std::string::npos) return raise_msg(ValueErrorType, "embedded null character");
  // strftime returns 0 both for "buffer too small" and for an empty result: grow the buffer,
  // and give up (empty result) once it is far larger than any expansion of the format.
  size_t limit = 256 * fmt.size();
  for (size_t size = 1024;; size += size) {
    std::vector<char> buf(size);
    size_t n = std::strftime(buf.data(), size, fmt.c_str(), &tm);
    if (n > 0 || size >= limit) return str_value(std::string_view(buf.data(), n));
  }
}

Value time_strptime(Value* args, int64_t nargs, TupleObject* kw) {
  Value mod = import_module("_strptime");
  if (mod.is_empty_slot()) return Value();
  Value fn = get_attr(mod, "_strptime_time");
  if (fn.is_empty_slot()) return Value();
  return call(fn, args, nargs, kw);
}

namespace {

// timezone/altzone/daylight/tzname from the offsets of January and July of the current year,
// as CPython does on glibc (whose tzname/timezone globals do not describe historical zones).
bool init_timezone(ModuleObject* m) {
  constexpr time_t kYear = (365 * 24 + 6) * 3600;
  time_t t = (time(nullptr) / kYear) * kYear;
  struct tm jan{}, jul{};
  localtime_r(&t, &jan);
  t += kYear / 2;
  localtime_r(&t, &jul);
  long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
  std::string janname = jan.tm_zone ? jan.tm_zone : "", julname = jul.tm_zone ? jul.tm_zone : "";
  // Southern hemisphere: daylight time is in January.
  bool reversed = janzone < julzone;
  long tz = reversed ? julzone : janzone, alt = reversed ? janzone : julzone;
  Value names = Value::from_obj(tuple_of({str_value(reversed ? julname : janname), str_value(reversed ? janname : julname)}));
  return module_add(m, "timezone", int_from_int64(tz)) && module_add(m, "altzone", int_from_int64(alt)) &&
         module_add(m, "daylight", Value::from_small_int(janzone != julzone)) && module_add(m, "tzname", names);
}

}  // namespace

Value time_tzset(Value*, int64_t nargs, TupleObject* kw) {
  if (kw && kw->size) return raise_msg(TypeErrorType, "time.tzset() takes no keyword arguments");
  if (nargs) return raise_fmt(TypeErrorType, "time.tzset() takes no arguments (%lld given)", static_cast<long long>(nargs));
  tzset();
  Value mod = import_module("time");
  if (mod.is_empty_slot()) return Value();
  if (!init_timezone(static_cast<ModuleObject*>(mod.as_obj()))) return Value();
  return None;
}

Value time_get_clock_info(Value* args, int64_t nargs, TupleObject* kw) {
  if (!count_args("get_clock_info", nargs, kw, 1, 1)) return Value();
  if (!is_str(args[0]))
    return raise_fmt(TypeErrorType, "get_clock_info() argument 1 must be str, not %s", type_name(args[0]));
  struct Clock {
    const char* name;
    clockid_t id;
    const char* impl;
    bool monotonic, adjustable;
  };
  static const Clock kClocks[] = {
      {"time", CLOCK_REALTIME, "clock_gettime(CLOCK_REALTIME)", false, true},
      {"monotonic", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", true, false},
      {"perf_counter", CLOCK_MONOTONIC, "clock_gettime(CLOCK_MONOTONIC)", true, false},
      {"process_time", CLOCK_PROCESS_CPUTIME_ID, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false},
      {"thread_time", CLOCK_THREAD_CPUTIME_ID, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false},
  };
  for (const Clock& c : kClocks) {
    if (as_str(args[0])->view() != c.name) continue;
    timespec res{};
    clock_getres(c.id, &res);
    Value r = float_value(static_cast<double>(res.tv_sec) + res.tv_nsec * 1e-9);
    if (r.is_empty_slot()) return Value();
    return new_namespace({{"implementation", str_value(c.impl)},
                          {"monotonic", bool_value(c.monotonic)},
                          {"adjustable", bool_value(c.adjustable)},
                          {"resolution", r}});
  }
  return raise_msg(ValueErrorType, "unknown clock");
}

bool init_time_calendar(ModuleObject* m) {
  if (!g_struct_time)
    g_struct_time = new_struct_seq_type("time.struct_time",
                                        {"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday",
                                         "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff"},
                                        kVisibleFields, true);
  tzset();
  // _strptime slices its result to this many items to build a struct_time.
  return module_add(m, "struct_time", Value::from_obj(g_struct_time)) &&
         module_add(m, "_STRUCT_TM_ITEMS", Value::from_small_int(11)) && init_timezone(m);
}

}  // namespace coil::lib
