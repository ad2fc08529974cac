// exceptions.cpp — the built-in exception classes, exception objects and raising.
#include "runtime/exceptions.h"

#include <cstdarg>
#include <cstdio>
#include <pthread.h>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

#define EXC(Name, Base) TypeObject* Name##Type = nullptr;
#define EXC2(Name, Base1, Base2) TypeObject* Name##Type = nullptr;
#include "runtime/exceptions.def"

constinit thread_local ThreadState g_thread_state;

void init_stack_guard() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return;
  void* addr = nullptr;
  size_t size = 0;
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  // Keep 256 KiB of native stack for the error path, printing and native helpers.
  constexpr size_t kMargin = 256 * 1024;
  if (size > 2 * kMargin) thread_state().stack_limit = static_cast<const char*>(addr) + kMargin;
}

bool enter_call(const char* where) {
  ThreadState& ts = thread_state();
  char probe;
  if (ts.stack_limit && &probe < ts.stack_limit) {
    raise_fmt(RecursionErrorType, "maximum recursion depth exceeded%s", where);
    return false;
  }
  if (++ts.depth > ts.recursion_limit) {
    --ts.depth;
    raise_fmt(RecursionErrorType, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}

namespace {

void visit_exception(Object* self, Visitor& v) {
  auto* e = static_cast<ExceptionObject*>(self);
  v.visit(e->dict);
  v.visit(e->args);
  v.visit(e->traceback);
  v.visit(e->cause);
  v.visit(e->context);
  v.visit(e->notes);
  // A subclass instance may carry an instance dict slot at dict_offset: same field.
}

Object* alloc_exception(TypeObject* type) {
  auto* e = static_cast<ExceptionObject*>(allocate_object(type, type->basic_size));
  if (!e) {
    raise_memory_error();
    return nullptr;
  }
  e->args = empty_tuple();
  e->traceback = None;
  e->cause = None;
  e->context = None;
  return e;
}

ExceptionObject* g_memory_error = nullptr;  // preallocated: raising it must not allocate

}  // namespace

ExceptionObject* new_exception(TypeObject* type, TupleObject* args) {
  auto* e = static_cast<ExceptionObject*>(type->alloc ? type->alloc(type) : alloc_exception(type));
  if (!e) return nullptr;
  e->args = args ? args : empty_tuple();
  if (!init_special(e, e->args)) return nullptr;
  return e;
}

// Sets __context__ of a newly raised exception to the one being handled, breaking any
// cycle that would create (CPython's rule at every raise site).
static void chain_context(ThreadState& ts, Value exc) {
  Value handled = topmost_handled(ts);
  if (handled.is_empty_slot() || handled == exc || !is_exception(exc)) return;
  // Floyd's cycle detection, as CPython: a pre-existing context cycle must not hang us.
  Value o = handled, slow = handled;
  bool toggle = false;
  while (is_exception(o)) {
    Value ctx = as_exception(o)->context;
    if (ctx == exc) {
      as_exception(o)->context = None;
      break;
    }
    o = ctx;
    if (o == slow) break;
    if (toggle) slow = as_exception(slow)->context;
    toggle = !toggle;
  }
  as_exception(exc)->context = handled;
}

Value raise(Value exc) {
  ThreadState& ts = thread_state();
  chain_context(ts, exc);
  ts.pending = exc;
  return Value();
}

Value raise_msg(TypeObject* type, std::string_view message) {
  StrObject* s = new_str(message);
  if (!s) return Value();
  TupleObject* args = tuple_of({Value::from_obj(s)});
  if (!args) return Value();
  ExceptionObject* e = new_exception(type, args);
  if (!e) return Value();
  return raise(Value::from_obj(e));
}

Value raise_fmt(TypeObject* type, const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n >= static_cast<int>(sizeof buf)) {
    std::string big(n + 1, '\0');
    va_start(ap, fmt);
    std::vsnprintf(big.data(), big.size(), fmt, ap);
    va_end(ap);
    big.resize(n);
    return raise_msg(type, big);
  }
  return raise_msg(type, std::string_view(buf, n));
}

Value raise_memory_error() {
  if (!g_memory_error) {
    std::fputs("Fatal Python error: out of memory before MemoryError existed\n", stderr);
    std::abort();
  }
  g_memory_error->traceback = None;
  return raise(Value::from_obj(g_memory_error));
}

Value raise_object(Value obj) {
  if (obj.is_obj() && has(obj.as_obj()->type, TypeFlag::TypeSubclass) &&
      has(static_cast<TypeObject*>(obj.as_obj()), TypeFlag::BaseExcSubclass)) {
    Value inst = call0(obj);
    if (inst.is_empty_slot()) return Value();
    if (!is_exception(inst)) {
      return raise_fmt(TypeErrorType,
                       "calling %s should have returned an instance of BaseException, not %s",
                       static_cast<TypeObject*>(obj.as_obj())->name, type_name(inst));
    }
    return raise(inst);
  }
  if (is_exception(obj)) return raise(obj);
  return raise_msg(TypeErrorType, "exceptions must derive from BaseException");
}

Value pending_exception() { return thread_state().pending; }
bool has_pending_exception() { return !thread_state().pending.is_empty_slot(); }

Value take_exception() {
  ThreadState& ts = thread_state();
  Value e = ts.pending;
  ts.pending = Value();
  return e;
}

void clear_exception() { thread_state().pending = Value(); }

bool pending_matches(TypeObject* type) {
  Value e = thread_state().pending;
  return !e.is_empty_slot() && is_subtype(type_of(e), type);
}

const char* type_name(Value v) { return type_of(v)->name; }

void init_exception_types() {
  auto make = [](const char* name, std::initializer_list<TypeObject*> bases) {
    auto* t = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
    t->name = name;
    t->base = *bases.begin();
    t->flags = TypeFlag::BaseType | TypeFlag::BaseExcSubclass | TypeFlag::HasDict | TypeFlag::Immutable;
    if (bases.size() > 1) {
      TupleObject* tb = new_tuple(static_cast<int64_t>(bases.size()));
      int i = 0;
      for (TypeObject* b : bases) tb->items[i++] = Value::from_obj(b);
      t->bases = tb;
    }
    return t;
  };
#define EXC(Name, Base) Name##Type = make(#Name, {Base##Type});
#define EXC2(Name, Base1, Base2) Name##Type = make(#Name, {Base1##Type, Base2##Type});
#include "runtime/exceptions.def"
  // Layout: every exception is an ExceptionObject; the dict pointer is its first field.
#define EXC(Name, Base) \
  finish_builtin_type(Name##Type, sizeof(ExceptionObject), alloc_exception, visit_exception); \
  Name##Type->dict_offset = offsetof(ExceptionObject, dict);
#define EXC2(Name, Base1, Base2) EXC(Name, Base1)
#include "runtime/exceptions.def"
  g_memory_error = new_exception(MemoryErrorType, empty_tuple());
  add_runtime_root_hook([](Visitor& v) { v.visit(g_memory_error); });
}

}  // namespace coil::rt
