// gc_module.cpp — the gc module over Coil's collector: collect (with gc.callbacks),
// enable/disable, isenabled, get_count, get_threshold/set_threshold, is_finalized, is_tracked,
// garbage.
// Approximate by design (documented in docs/GC.md): the collector is not generational, so the
// thresholds are remembered but do not schedule collections, get_count() counts allocated
// bytes / 64 in generation 0, and callbacks run only around explicit gc.collect() calls.
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

int64_t g_thresholds[3] = {700, 10, 10};
ModuleObject* g_gc_module = nullptr;

// Calls every gc.callbacks entry with (phase, info), as CPython does around a collection.
bool run_callbacks(const char* phase, int64_t generation, int64_t collected) {
  Value cbs = g_gc_module ? dict_get_str(g_gc_module->dict, intern("callbacks")) : Value();
  if (cbs.is_empty_slot() || !is_list(cbs) || as_list(cbs)->size == 0) return true;
  DictObject* info = new_dict();
  if (!info) return false;
  dict_set_str(info, intern("generation"), int_from_int64(generation));
  dict_set_str(info, intern("collected"), int_from_int64(collected));
  dict_set_str(info, intern("uncollectable"), Value::from_small_int(0));
  Value args[2] = {str_value(phase), Value::from_obj(info)};
  // A copy: a callback may change the list.
  Value copy = sequence_to_tuple(cbs);
  if (copy.is_empty_slot()) return false;
  for (int64_t i = 0; i < as_tuple(copy)->size; ++i) {
    if (call(as_tuple(copy)->items[i], args, 2).is_empty_slot()) {
      // CPython reports it as unraisable and goes on.
      Value exc = take_exception();
      (void)exc;
    }
  }
  return true;
}

Value gc_collect(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_kwargs("collect", kw, {"generation"})) return Value();
  int64_t nkw = kw ? kw->size : 0;
  if (nargs + nkw > 1)
    return raise_fmt(TypeErrorType, "collect() takes at most 1 argument (%lld given)", static_cast<long long>(nargs + nkw));
  int64_t generation = 2;
  if (nargs + nkw == 1) {
    bool overflow = false;
    if (!as_int64(args[0], &generation, &overflow)) return Value();
    if (overflow || generation < 0 || generation > 2) return raise_msg(ValueErrorType, "invalid generation");
  }
  if (!run_callbacks("start", generation, 0)) return Value();
  gc::Stats before = gc::stats();
  gc::collect();
  gc::Stats after = gc::stats();
  // Python finalizers queued by this collection run now, at a safe point.
  gc::run_pending_finalizers();
  if (has_pending_exception()) clear_exception();
  int64_t freed = after.freed_objects >= before.freed_objects ? after.freed_objects - before.freed_objects : 0;
  if (!run_callbacks("stop", generation, freed)) return Value();
  return int_from_int64(freed);
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
  TupleObject* t = tuple_of({int_from_int64(g_thresholds[0]), int_from_int64(g_thresholds[1]), int_from_int64(g_thresholds[2])});
  return t ? Value::from_obj(t) : Value();
}

// set_threshold(threshold0[, threshold1[, threshold2]]): remembered (see the file comment).
Value gc_set_threshold(Value* args, int64_t nargs, TupleObject* kw) {
  if (kw && kw->size) return raise_msg(TypeErrorType, "set_threshold() takes no keyword arguments");
  if (nargs < 1) return raise_fmt(TypeErrorType, "set_threshold() takes at least 1 argument (%lld given)", static_cast<long long>(nargs));
  if (nargs > 3) return raise_fmt(TypeErrorType, "set_threshold() takes at most 3 arguments (%lld given)", static_cast<long long>(nargs));
  int64_t v[3] = {g_thresholds[0], g_thresholds[1], g_thresholds[2]};
  for (int64_t i = 0; i < nargs; ++i) {
    if (!is_int(args[i])) return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(args[i]));
    bool overflow = false;
    if (!as_int64(args[i], &v[i], &overflow)) return Value();
    if (overflow || v[i] > INT32_MAX || v[i] < INT32_MIN) return raise_msg(OverflowErrorType, "signed integer is greater than maximum");
  }
  for (int i = 0; i < 3; ++i) g_thresholds[i] = v[i];
  return None;
}

// is_finalized(obj): whether the collector already ran obj's __del__.
Value gc_is_finalized(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("is_finalized", nargs, kw, 1, 1)) return Value();
  Value o = args[0];
  return bool_value(o.is_obj() && (o.as_obj()->gc_bits & gc::bit(gc::HeaderBit::kPyFinalized)));
}

// is_tracked(obj): whether the collector traces obj's references. Coil traces every heap
// object that can refer to others (CPython's untracking of dicts and tuples of atoms is an
// optimisation Coil does not make); atoms — ints, floats, complex numbers, str, bytes and
// the singletons — hold no references.
Value gc_is_tracked(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("is_tracked", nargs, kw, 1, 1)) return Value();
  Value o = args[0];
  if (!o.is_obj()) return False;
  TypeObject* t = o.as_obj()->type;
  for (TypeObject* atom : {IntType, BoolType, FloatType, ComplexType, StrType, BytesType, NoneTypeType})
    if (t == atom) return False;
  return bool_value(o != NotImplemented && o != EllipsisValue);
}

bool init_gc(ModuleObject* m) {
  g_gc_module = m;
  static bool rooted = false;
  if (!rooted) {
    rooted = true;
    add_runtime_root_hook([](Visitor& v) {
      if (g_gc_module) v.visit(g_gc_module);
    });
  }
  ListObject* callbacks = new_list(0);
  ListObject* garbage = new_list(0);
  if (!callbacks || !garbage) return false;
  // CPython's debug flags (set_debug is not offered: the collector has no debug output).
  return module_add(m, "callbacks", Value::from_obj(callbacks)) && module_add(m, "garbage", Value::from_obj(garbage)) &&
         module_add(m, "DEBUG_STATS", Value::from_small_int(1)) &&
         module_add(m, "DEBUG_COLLECTABLE", Value::from_small_int(2)) &&
         module_add(m, "DEBUG_UNCOLLECTABLE", Value::from_small_int(4)) &&
         module_add(m, "DEBUG_SAVEALL", Value::from_small_int(32)) &&
         module_add(m, "DEBUG_LEAK", Value::from_small_int(38));
}

const NativeFunctionDef kGcFunctions[] = {
    {"collect", gc_collect},       {"enable", gc_enable},         {"disable", gc_disable},
    {"isenabled", gc_isenabled},   {"get_count", gc_get_count},   {"get_threshold", gc_get_threshold},
    {"set_threshold", gc_set_threshold}, {"is_finalized", gc_is_finalized},
    {"is_tracked", gc_is_tracked},
};

}  // namespace

extern const NativeModuleDef kGcModule;
const NativeModuleDef kGcModule = {"gc", kGcFunctions, std::size(kGcFunctions), init_gc};

}  // namespace coil::lib
