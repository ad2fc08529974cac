// time_calendar.h — the calendar half of the time module (struct_time, gmtime, strftime, ...),
// defined in time_calendar.cpp and listed in time.cpp's module table.
#pragma once

#include "runtime/module.h"
#include "runtime/native_module.h"

namespace coil::lib {

rt::Value time_gmtime(rt::Value* args, int64_t nargs, rt::TupleObject* kw);
rt::Value time_localtime(rt::Value* args, int64_t nargs, rt::TupleObject* kw);
rt::Value time_mktime(rt::Value* args, int64_t nargs, rt::TupleObject* kw);
rt::Value time_asctime(rt::Value* args, int64_t nargs, rt::TupleObject* kw);
rt::Value time_ctime(rt::Value* args, int64_t nargs, rt::TupleObject* kw);
rt::Value time_strftime(rt::Value* args, int64_t nargs, rt::TupleObject* kw);
rt::Value time_strptime(rt::Value* args, int64_t nargs, rt::TupleObject* kw);
rt::Value time_tzset(rt::Value* args, int64_t nargs, rt::TupleObject* kw);
rt::Value time_get_clock_info(rt::Value* args, int64_t nargs, rt::TupleObject* kw);
// Adds struct_time, timezone, altzone, daylight, tzname.
bool init_time_calendar(rt::ModuleObject* m);

}  // namespace coil::lib
