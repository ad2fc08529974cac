// roots.cpp — what the collector must treat as alive besides the native stack: the
// built-in types and singletons held in C++ globals, interned names, sys state, the
// thread's exception state, and the interpreter's data stack (scanned conservatively).
#include "runtime/roots.h"
#include "runtime/gc_finalize.h"
#include "stdlib/unraisable.h"

#include "runtime/dict.h"
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/eval_breaker.h"
#include "runtime/exceptions.h"
#include "runtime/run.h"
#include "runtime/typeobject.h"
#include "stdlib/io_support.h"
#include "runtime/gc.h"
#include "runtime/names.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"

namespace coil::rt {

void visit_interned_strings(Visitor& v);

namespace {

std::vector<RootVisitorHook>& extra_hooks() {
  static auto* hooks = new std::vector<RootVisitorHook>();
  return *hooks;
}

// Frames on a data stack hold raw pointers and Values side by side: every word is scanned.
void visit_thread_state(ThreadState& ts, void* ctx) {
  Visitor& v = *static_cast<Visitor*>(ctx);
  v.visit(ts.pending);
  v.visit(ts.handled);
  v.visit(ts.context);
  v.visit(ts.trace_func);
  v.visit(ts.profile_func);
  if (!ts.data_stack_top) return;
  auto* end = reinterpret_cast<uintptr_t*>(*ts.data_stack_top);
  for (auto* p = reinterpret_cast<uintptr_t*>(ts.data_stack_base); p < end; ++p) {
    if (*p & 7) continue;
    if (Object* o = gc::find_object(reinterpret_cast<void*>(*p))) v.visit(o);
  }
}

void visit_runtime_roots(Visitor& v, void*) {
#define TYPE(Var, Name, Base, Flags) v.visit(Var##Type);
#include "runtime/types.def"
#define EXC(Name, Base) v.visit(Name##Type);
#define EXC2(Name, Base1, Base2) v.visit(Name##Type);
#include "runtime/exceptions.def"
  v.visit(None);
  v.visit(True);
  v.visit(False);
  v.visit(NotImplemented);
  v.visit(EllipsisValue);
#define NAME(Var, Text) v.visit(names::Var);
#include "runtime/names.def"
  visit_interned_strings(v);
  v.visit(g_sys_module);
  v.visit(g_builtins_module);
  v.visit(g_sys_modules);
  // Every thread's exception state and data stack (the current thread's even before it is
  // registered, during start-up).
  ThreadState& self = thread_state();
  if (!self.registered) visit_thread_state(self, &v);
  for_each_thread_state(visit_thread_state, &v);
  for (RootVisitorHook hook : extra_hooks()) hook(v);
}

}  // namespace

// Calls o.__del__(); an error is reported as CPython does ("Exception ignored in: ...")
// and never propagates. The pending exception of the interrupted code is kept.
void run_python_finalizer(Object* o) {
  Value obj = Value::from_obj(o);
  Value del = type_lookup(o->type, names::dunder_del);
  if (del.is_empty_slot()) return;
  ThreadState& ts = thread_state();
  Value saved = ts.pending;
  ts.pending = Value();
  if (call1(del, obj).is_empty_slot()) {
    lib::write_unraisable(take_exception(), nullptr, del);
  }
  ts.pending = saved;
}

void add_runtime_root_hook(RootVisitorHook hook) { extra_hooks().push_back(hook); }

void init_gc_roots() {
  gc::init();
  gc::init_thread();
  gc::add_root_visitor(visit_runtime_roots, nullptr);
  gc::set_pending_notify(request_finalizers);
  gc::set_python_finalizer_hook(run_python_finalizer);
}

}  // namespace coil::rt
