// atexit_module.cpp — the atexit module: register/unregister exit callbacks, _run_exitfuncs,
// _clear, _ncallbacks; the runner calls run_exit_functions() before the final flush.
#include "stdlib/atexit_module.h"

#include <cstdio>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/traceback_format.h"
#include "runtime/tuple.h"
#include "stdlib/io_support.h"
#include "stdlib/unraisable.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

ListObject* g_callbacks = nullptr;  // (func, args, kwargs-or-None) tuples; None once unregistered
int64_t g_ncallbacks = 0;           // as CPython: unregister() does not lower it

bool ensure_list() {
  if (g_callbacks) return true;
  g_callbacks = new_list(0);
  if (!g_callbacks) return false;
  add_runtime_root_hook([](Visitor& v) {
    if (g_callbacks) v.visit(g_callbacks);
  });
  return true;
}

Value ax_register(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 1)
    return raise_fmt(TypeErrorType, "register() takes at least 1 argument (0 given)");
  if (!is_callable(args[0])) return raise_msg(TypeErrorType, "the first argument must be callable");
  if (!ensure_list()) return Value();
  TupleObject* pos = new_tuple(nargs - 1);
  if (!pos) return Value();
  for (int64_t i = 1; i < nargs; ++i) pos->items[i - 1] = args[i];
  Value kw = None;
  if (kwnames && kwnames->size) {
    DictObject* d = new_dict();
    if (!d) return Value();
    for (int64_t i = 0; i < kwnames->size; ++i)
      if (!dict_set(d, kwnames->items[i], args[nargs + i])) return Value();
    kw = Value::from_obj(d);
  }
  TupleObject* entry = tuple_of({args[0], Value::from_obj(pos), kw});
  if (!entry || !list_append(g_callbacks, Value::from_obj(entry))) return Value();
  ++g_ncallbacks;
  return args[0];
}

Value ax_unregister(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("unregister", nargs, kwnames, 1, 1)) return Value();
  if (!g_callbacks) return None;
  for (int64_t i = 0; i < g_callbacks->size; ++i) {
    Value e = g_callbacks->items()[i];
    if (e == None) continue;
    int eq = equal(as_tuple(e)->items[0], args[0]);
    if (eq < 0) return Value();
    if (eq) g_callbacks->items()[i] = None;
  }
  return None;
}

Value ax_run(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_run_exitfuncs", nargs, kwnames, 0, 0)) return Value();
  run_exit_functions();
  return None;
}

Value ax_clear(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_clear", nargs, kwnames, 0, 0)) return Value();
  if (g_callbacks) g_callbacks->size = 0;
  g_ncallbacks = 0;
  return None;
}

Value ax_ncallbacks(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_ncallbacks", nargs, kwnames, 0, 0)) return Value();
  return Value::from_small_int(g_ncallbacks);
}

const NativeFunctionDef kAtexitFunctions[] = {
    {"register", ax_register},   {"unregister", ax_unregister}, {"_run_exitfuncs", ax_run},
    {"_clear", ax_clear},        {"_ncallbacks", ax_ncallbacks},
};

}  // namespace

void run_exit_functions() {
  if (!g_callbacks) return;
  Value saved = take_exception();
  while (g_callbacks->size > 0) {
    Value e = g_callbacks->items()[g_callbacks->size - 1];
    --g_callbacks->size;
    if (e == None) continue;
    TupleObject* t = as_tuple(e);
    TupleObject* pos = as_tuple(t->items[1]);
    Value r;
    if (t->items[2] == None) {
      r = call(t->items[0], pos->items, pos->size);
    } else {
      r = call_tuple_dict(t->items[0], pos, static_cast<DictObject*>(t->items[2].as_obj()));
    }
    if (r.is_empty_slot()) write_unraisable(take_exception(), "Exception ignored in atexit callback", t->items[0]);
  }
  g_ncallbacks = 0;
  if (!saved.is_empty_slot()) thread_state().pending = saved;
}

extern const NativeModuleDef kAtexitModule;
const NativeModuleDef kAtexitModule = {"atexit", kAtexitFunctions, std::size(kAtexitFunctions), nullptr};

}  // namespace coil::lib
