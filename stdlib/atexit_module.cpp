// atexit_module.cpp — the `atexit` module: callbacks registered with their arguments, run in
// reverse order when the interpreter exits (after non-daemon threads are joined).
#include "stdlib/atexit_module.h"

#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/run.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "stdlib/io_support.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// Entries are (func, args tuple, kwargs dict or None), or None once unregistered: like
// CPython's table, _ncallbacks counts those holes until the next clear.
ListObject* g_callbacks = nullptr;

bool ensure_callbacks() {
  if (g_callbacks) return true;
  g_callbacks = new_list(0);
  if (!g_callbacks) return false;
  add_runtime_root_hook([](Visitor& v) { v.visit(g_callbacks); });
  return true;
}

Value atexit_register(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 1) return raise_msg(TypeErrorType, "register() takes at least 1 argument (0 given)");
  if (!is_callable(args[0])) return raise_msg(TypeErrorType, "the first argument must be callable");
  if (!ensure_callbacks()) return Value();
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
  return args[0];
}

Value atexit_unregister(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("unregister", nargs, kwnames, 1, 1)) return Value();
  if (!g_callbacks) return None;
  for (int64_t i = 0; i < g_callbacks->size; ++i) {
    Value e = g_callbacks->items()[i];
    if (e == None) continue;
    int eq = rich_compare_bool(as_tuple(e)->items[0], args[0], fe::CompareKind::Eq);
    if (eq < 0) return Value();
    if (eq) g_callbacks->items()[i] = None;
  }
  return None;
}

Value atexit_clear(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_clear", nargs, kwnames, 0, 0)) return Value();
  if (g_callbacks) g_callbacks->size = 0;
  return None;
}

Value atexit_ncallbacks(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_ncallbacks", nargs, kwnames, 0, 0)) return Value();
  return Value::from_small_int(g_callbacks ? g_callbacks->size : 0);
}

Value atexit_run_exitfuncs(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_run_exitfuncs", nargs, kwnames, 0, 0)) return Value();
  run_exit_functions();
  return None;
}

const NativeFunctionDef kAtexitFunctions[] = {
    {"register", atexit_register},
    {"unregister", atexit_unregister},
    {"_clear", atexit_clear},
    {"_ncallbacks", atexit_ncallbacks},
    {"_run_exitfuncs", atexit_run_exitfuncs},
};

}  // namespace

void run_exit_functions() {
  if (!g_callbacks) return;
  for (int64_t i = g_callbacks->size - 1; i >= 0; --i) {
    if (i >= g_callbacks->size) continue;  // a callback cleared the table
    Value e = g_callbacks->items()[i];
    if (e == None) continue;
    TupleObject* t = as_tuple(e);
    Value kw = t->items[2];
    Value r = call_tuple_dict(t->items[0], as_tuple(t->items[1]), kw == None ? nullptr : as_dict(kw));
    if (r.is_empty_slot()) {
      Value exc = take_exception();
      std::string where;
      if (!repr_string(t->items[0], &where)) {
        clear_exception();
        where = "<object repr() failed>";
      }
      flush_std_streams();
      std::string text = "Exception ignored in atexit callback: " + where + "\n" + format_exception_text(exc);
      // Through sys.stderr, as CPython prints it; a failing stream drops the text.
      if (!write_to_file(sys_attr("stderr"), text, true)) clear_exception();
    }
  }
  if (g_callbacks) g_callbacks->size = 0;
}

extern const NativeModuleDef kAtexitModule;
const NativeModuleDef kAtexitModule = {"atexit", kAtexitFunctions, std::size(kAtexitFunctions), nullptr};

}  // namespace coil::lib
