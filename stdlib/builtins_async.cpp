// builtins_async.cpp — aiter(), anext() (with the anext_awaitable that turns
// StopAsyncIteration into a default value) and breakpoint() (sys.breakpointhook).
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/generator.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::lib {

using namespace coil::rt;

bool add_builtin_functions(ModuleObject* m, const NativeFunctionDef* defs, size_t n, bool keep_existing);

namespace {

StrObject* name_aiter() {
  static StrObject* s = intern("__aiter__");
  return s;
}
StrObject* name_anext() {
  static StrObject* s = intern("__anext__");
  return s;
}

// `await anext(it, default)`: drives it.__anext__()'s awaitable; its StopAsyncIteration
// becomes StopIteration(default), i.e. the await evaluates to the default.
struct AnextAwaitableObject : Object {
  Value awaitable;  // what __anext__ returned
  Value iter;       // its __await__ iterator, once started
  Value dflt;
};

TypeObject* g_anext_awaitable_type = nullptr;

void visit_anext(Object* self, Visitor& v) {
  auto* a = static_cast<AnextAwaitableObject*>(self);
  v.visit(a->awaitable);
  v.visit(a->iter);
  v.visit(a->dflt);
}

Value raise_stop_iteration(Value value) {
  TupleObject* args = tuple_of({value});
  if (!args) return Value();
  ExceptionObject* e = new_exception(StopIterationType, args);
  return e ? raise(Value::from_obj(e)) : Value();
}

// Converts the inner awaitable's outcome: a return ends the await with that value, the
// end of the async iteration ends it with the default.
Value anext_outcome(AnextAwaitableObject* a, Value r, bool returned) {
  if (returned) return raise_stop_iteration(r);
  if (r.is_empty_slot() && pending_matches(StopAsyncIterationType)) {
    clear_exception();
    return raise_stop_iteration(a->dflt);
  }
  return r;
}

bool anext_start(AnextAwaitableObject* a) {
  if (!a->iter.is_empty_slot()) return true;
  Value it = get_awaitable(a->awaitable, 0);
  if (it.is_empty_slot()) return false;
  a->iter = it;
  return true;
}

Value anext_send_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("send", nargs - 1, kwnames, 1, 1)) return Value();
  auto* a = static_cast<AnextAwaitableObject*>(args[0].as_obj());
  if (!anext_start(a)) return Value();
  bool returned = false;
  Value r = send_to(a->iter, args[1], &returned);
  return anext_outcome(a, r, returned);
}

Value anext_next_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__next__", nargs - 1, kwnames, 0, 0)) return Value();
  Value send_args[2] = {args[0], None};
  return anext_send_m(send_args, 2, nullptr);
}

Value anext_throw_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* a = static_cast<AnextAwaitableObject*>(args[0].as_obj());
  if (!anext_start(a)) return Value();
  Value thrower = get_attr(a->iter, names::throw_);
  if (thrower.is_empty_slot()) return thrower;
  Value r = call(thrower, args + 1, nargs - 1, kwnames);
  if (r.is_empty_slot() && pending_matches(StopIterationType)) return r;
  return anext_outcome(a, r, false);
}

Value anext_close_m(Value* args, int64_t, TupleObject*) {
  auto* a = static_cast<AnextAwaitableObject*>(args[0].as_obj());
  if (!anext_start(a)) return Value();
  bool error = false;
  Value closer = get_attr_opt(a->iter, names::close, &error);
  if (error) return Value();
  return closer.is_empty_slot() ? None : call0(closer);
}

Value self_m(Value* args, int64_t, TupleObject*) { return args[0]; }

const NativeMethodDef kAnextMethods[] = {
    {"__await__", self_m}, {"__iter__", self_m},        {"__next__", anext_next_m},
    {"send", anext_send_m}, {"throw", anext_throw_m},   {"close", anext_close_m},
};

TypeObject* anext_awaitable_type() {
  if (!g_anext_awaitable_type) {
    add_runtime_root_hook([](Visitor& v) {
      if (g_anext_awaitable_type) v.visit(g_anext_awaitable_type);
    });
    auto* t = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
    if (!t) return nullptr;
    g_anext_awaitable_type = t;
    t->name = "anext_awaitable";
    t->base = ObjectType;
    t->flags = TypeFlag::Immutable;
    finish_builtin_type(t, sizeof(AnextAwaitableObject), nullptr, visit_anext);
    add_methods(t, kAnextMethods);
  }
  return g_anext_awaitable_type;
}

Value builtin_aiter(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("aiter", nargs, kwnames, 1, 1)) return Value();
  Value m = lookup_special(args[0], name_aiter());
  if (m.is_empty_slot())
    return raise_fmt(TypeErrorType, "'%s' object is not an async iterable", type_name(args[0]));
  Value it = call1(m, args[0]);
  if (it.is_empty_slot()) return it;
  if (lookup_special(it, name_anext()).is_empty_slot())
    return raise_fmt(TypeErrorType, "aiter() returned not an async iterator of type '%s'", type_name(it));
  return it;
}

Value builtin_anext(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("anext", nargs, kwnames, 1, 2)) return Value();
  Value m = lookup_special(args[0], name_anext());
  if (m.is_empty_slot())
    return raise_fmt(TypeErrorType, "'%s' object is not an async iterator", type_name(args[0]));
  Value awaitable = call1(m, args[0]);
  if (awaitable.is_empty_slot() || nargs == 1) return awaitable;
  TypeObject* t = anext_awaitable_type();
  if (!t) return Value();
  auto* a = static_cast<AnextAwaitableObject*>(allocate_object(t, sizeof(AnextAwaitableObject)));
  if (!a) return raise_memory_error();
  a->awaitable = awaitable;
  a->dflt = args[1];
  return Value::from_obj(a);
}

// breakpoint(*args, **kws) calls sys.breakpointhook(*args, **kws).
Value builtin_breakpoint(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value hook = sys_attr("breakpointhook");
  if (hook.is_empty_slot()) return raise_msg(RuntimeErrorType, "lost sys.breakpointhook");
  return call(hook, args, nargs, kwnames);
}

const NativeFunctionDef kAsyncBuiltins[] = {
    {"aiter", builtin_aiter},
    {"anext", builtin_anext},
    {"breakpoint", builtin_breakpoint},
};

}  // namespace

bool register_async_builtins(ModuleObject* m) {
  return add_builtin_functions(m, kAsyncBuiltins, std::size(kAsyncBuiltins), false);
}

}  // namespace coil::lib
