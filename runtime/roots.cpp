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
#include "runtime/frame.h"
#include "runtime/gc.h"
#include "runtime/gc_explain.h"
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

// COIL_GC_WHY's description of where thread states hold `o`: the exception state, or a word of
// a frame on a data stack (which frame, which slot, and whether it is above the saved sp).
struct DescribeCtx {
  Object* target;
  std::string out;
};

void describe_in_thread_state(ThreadState& ts, void* ctx) {
  auto& d = *static_cast<DescribeCtx*>(ctx);
  auto holds = [&](Value v) { return v.is_obj() && v.as_obj() == d.target; };
  if (holds(ts.pending)) d.out += "[thread's pending exception] ";
  if (holds(ts.handled)) d.out += "[thread's handled exception] ";
  if (holds(ts.context)) d.out += "[thread's context] ";
  if (!ts.data_stack_top) return;
  char* top = *ts.data_stack_top;
  for (char* p = ts.data_stack_base; p < top;) {
    auto* f = reinterpret_cast<Frame*>(p);
    size_t size = (frame_size(f->code) + 15) & ~size_t(15);
    std::string fname = f->code && f->code->qualname ? std::string(f->code->qualname->view()) : "?";
    for (auto* w = reinterpret_cast<uintptr_t*>(p); w < reinterpret_cast<uintptr_t*>(p + size) && w < reinterpret_cast<uintptr_t*>(top); ++w) {
      if ((*w & 7) || gc::find_object(reinterpret_cast<void*>(*w)) != d.target) continue;
      ptrdiff_t i = reinterpret_cast<Value*>(w) - f->slots;
      char buf[200];
      if (i < 0) {
        std::snprintf(buf, sizeof buf, "[frame %s: header word %td] ", fname.c_str(), i + static_cast<ptrdiff_t>(sizeof(Frame) / 8));
      } else if (i < f->code->nlocalsplus) {
        std::snprintf(buf, sizeof buf, "[frame %s: local slot %td] ", fname.c_str(), i);
      } else {
        std::snprintf(buf, sizeof buf, "[frame %s: value stack %td, saved depth %td%s] ", fname.c_str(),
                      i - f->code->nlocalsplus, f->sp - f->stack_base(),
                      reinterpret_cast<Value*>(w) >= f->sp ? ", ABOVE saved sp" : "");
      }
      d.out += buf;
    }
    p += size;
  }
}

std::string describe_root(Object* o) {
  DescribeCtx d{o, {}};
  ThreadState& self = thread_state();
  if (!self.registered) describe_in_thread_state(self, &d);
  for_each_thread_state(describe_in_thread_state, &d);
  return d.out;
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
  gc::set_root_describer(describe_root);
  gc::set_pending_notify(request_finalizers);
  gc::set_python_finalizer_hook(run_python_finalizer);
}

}  // namespace coil::rt
