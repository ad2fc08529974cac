// time.cpp — the time module: clocks (time, monotonic, perf_counter, process_time,
// thread_time and their _ns forms) and sleep; the calendar functions are in time_calendar.cpp.
#include <cerrno>
#include <cmath>
#include <ctime>

#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "stdlib/time_calendar.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

int64_t clock_ns(clockid_t id) {
  timespec ts;
  clock_gettime(id, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Value seconds(clockid_t id) { return float_value(static_cast<double>(clock_ns(id)) * 1e-9); }

#define CLOCK_FUNCS(name, id)                                                            \
  Value time_##name(Value*, int64_t nargs, TupleObject* kw) {                            \
    if (!check_args(#name, nargs, kw, 0, 0)) return Value();                             \
    return seconds(id);                                                                  \
  }                                                                                      \
  Value time_##name##_ns(Value*, int64_t nargs, TupleObject* kw) {                       \
    if (!check_args(#name "_ns", nargs, kw, 0, 0)) return Value();                       \
    return int_from_int64(clock_ns(id));                                                 \
  }
CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)
#undef CLOCK_FUNCS

Value time_sleep(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("sleep", nargs, kw, 1, 1)) return Value();
  double secs;
  if (!to_double(args[0], &secs)) {
    clear_exception();
    return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  }
  if (std::isnan(secs)) return raise_msg(ValueErrorType, "Invalid value NaN (not a number)");
  if (secs < 0) return raise_msg(ValueErrorType, "sleep length must be non-negative");
  timespec req{static_cast<time_t>(secs), static_cast<long>((secs - std::floor(secs)) * 1e9)};
  // Other threads run while this one sleeps; a signal interrupts the sleep, its handler runs
  // (Ctrl-C raises) and the sleep goes on for the time left (PEP 475).
  for (;;) {
    int rc = 0, err = 0;
    without_gil([&] {
      rc = nanosleep(&req, &req);
      err = rc ? errno : 0;
    });
    if (rc == 0 || err != EINTR) break;
    if (eval_breaker_set() && !handle_eval_breaker()) return Value();
  }
  return None;
}

const NativeFunctionDef kTimeFunctions[] = {
    {"time", time_time},
    {"time_ns", time_time_ns},
    {"monotonic", time_monotonic},
    {"monotonic_ns", time_monotonic_ns},
    {"perf_counter", time_perf_counter},
    {"perf_counter_ns", time_perf_counter_ns},
    {"process_time", time_process_time},
    {"process_time_ns", time_process_time_ns},
    {"thread_time", time_thread_time},
    {"thread_time_ns", time_thread_time_ns},
    {"sleep", time_sleep},
    {"gmtime", time_gmtime},
    {"localtime", time_localtime},
    {"mktime", time_mktime},
    {"asctime", time_asctime},
    {"ctime", time_ctime},
    {"strftime", time_strftime},
    {"strptime", time_strptime},
    {"tzset", time_tzset},
    {"get_clock_info", time_get_clock_info},
};

}  // namespace

extern const NativeModuleDef kTimeModule;
const NativeModuleDef kTimeModule = {"time", kTimeFunctions, std::size(kTimeFunctions), init_time_calendar};

}  // namespace coil::lib
