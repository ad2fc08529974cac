// async_generator.cpp — async generators (PEP 525): the generator's own methods (__anext__,
// asend, athrow, aclose), the asend/athrow awaitables that drive it, the wrapper that tells a
// `yield` from an inner `await`, and the firstiter/finalizer hooks of sys.set_asyncgen_hooks.
//
// An async generator runs on the same frame machinery as a generator. `yield v` produces a
// wrapped value (AsyncGenWrap); an `await` inside passes its delegate's raw values through.
// The awaitables returned by asend()/athrow() forward send/throw to the generator and turn a
// wrapped value into StopIteration(v) (the awaited result), a return into
// StopAsyncIteration, and let raw values propagate to the event loop.
#include <cstdio>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/generic_alias.h"
#include "runtime/frame_object.h"
#include "runtime/generator.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

struct WrappedValueObject : Object {
  Value value;
};

// The state of an asend/athrow awaitable: not yet sent to, iterating, done.
enum class AwaitState : uint8_t { Init, Iter, Closed };

struct ASendObject : Object {
  GeneratorObject* gen;
  Value sendval;
  AwaitState state;
};

struct AThrowObject : Object {
  GeneratorObject* gen;
  TupleObject* args;  // athrow's (typ[, val[, tb]]); null for aclose()
  AwaitState state;
};

TypeObject* g_wrapped_type = nullptr;
TypeObject* g_asend_type = nullptr;
TypeObject* g_athrow_type = nullptr;
Value g_firstiter;  // sys.set_asyncgen_hooks(firstiter=...), or empty
Value g_finalizer;

void visit_wrapped(Object* self, Visitor& v) { v.visit(static_cast<WrappedValueObject*>(self)->value); }
void visit_asend(Object* self, Visitor& v) {
  auto* a = static_cast<ASendObject*>(self);
  v.visit(a->gen);
  v.visit(a->sendval);
}
void visit_athrow(Object* self, Visitor& v) {
  auto* a = static_cast<AThrowObject*>(self);
  v.visit(a->gen);
  v.visit(a->args);
}

// METH_O / METH_NOARGS argument checks with CPython's "type.method()" messages.
bool one_arg(const char* qual, int64_t n, TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise_fmt(TypeErrorType, "%s() takes no keyword arguments", qual);
    return false;
  }
  if (n == 1) return true;
  raise_fmt(TypeErrorType, "%s() takes exactly one argument (%lld given)", qual, static_cast<long long>(n));
  return false;
}
bool no_args_kw(TupleObject* kwnames) {
  if (!kwnames || !kwnames->size) return true;
  raise_msg(TypeErrorType, "throw() takes no keyword arguments");
  return false;
}
bool no_args(const char* qual, int64_t n, TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise_fmt(TypeErrorType, "%s() takes no keyword arguments", qual);
    return false;
  }
  if (n == 0) return true;
  raise_fmt(TypeErrorType, "%s() takes no arguments (%lld given)", qual, static_cast<long long>(n));
  return false;
}

// throw(typ[, val[, tb]])'s count check.
bool throw_count(const char* fname, int64_t n) {
  if (n < 1) {
    raise_fmt(TypeErrorType, "%s expected at least 1 argument, got %lld", fname, static_cast<long long>(n));
    return false;
  }
  if (n > 3) {
    raise_fmt(TypeErrorType, "%s expected at most 3 arguments, got %lld", fname, static_cast<long long>(n));
    return false;
  }
  return true;
}

GeneratorObject* as_gen(Value v) { return static_cast<GeneratorObject*>(v.as_obj()); }

bool is_wrapped(Value v) { return v.is_obj() && v.as_obj()->type == g_wrapped_type; }

Value raise_none(TypeObject* type) {
  ExceptionObject* e = new_exception(type, empty_tuple());
  return e ? raise(Value::from_obj(e)) : Value();
}

Value raise_stop_value(Value v) {
  ExceptionObject* e = new_exception(StopIterationType, v == None ? empty_tuple() : tuple_of({v}));
  return e ? raise(Value::from_obj(e)) : Value();
}

// An outcome of the generator (gen_resume's convention) as the awaitable reports it: a
// return ends the iteration (StopAsyncIteration), a wrapped value is the await's result.
Value unwrap_outcome(GeneratorObject* g, Value r, bool returned) {
  if (returned || r.is_empty_slot()) {
    if (returned) raise_none(StopAsyncIterationType);
    if (pending_matches(StopAsyncIterationType) || pending_matches(GeneratorExitType)) g->closed = true;
    g->running_async = false;
    return Value();
  }
  if (is_wrapped(r)) {
    g->running_async = false;
    return raise_stop_value(static_cast<WrappedValueObject*>(r.as_obj())->value);
  }
  return r;
}

// Calls the firstiter hook the first time the generator is iterated, and keeps the
// finalizer hook in force at that moment.
bool init_hooks(GeneratorObject* g) {
  if (g->hooks_inited) return true;
  g->hooks_inited = true;
  if (!g_finalizer.is_empty_slot()) g->finalizer = g_finalizer;
  if (!g_firstiter.is_empty_slot()) return !call1(g_firstiter, Value::from_obj(g)).is_empty_slot();
  return true;
}

// ---- asend ----------------------------------------------------------------------------

Value asend_send(ASendObject* o, Value arg) {
  if (o->state == AwaitState::Closed)
    return raise_msg(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()");
  GeneratorObject* g = o->gen;
  if (o->state == AwaitState::Init) {
    if (g->running_async) return raise_msg(RuntimeErrorType, "anext(): asynchronous generator is already running");
    if (arg == None) arg = o->sendval;
    o->state = AwaitState::Iter;
  }
  g->running_async = true;
  bool returned = false;
  Value r = gen_resume(g, arg, Value(), &returned);
  r = unwrap_outcome(g, r, returned);
  if (r.is_empty_slot()) o->state = AwaitState::Closed;
  return r;
}

Value asend_send_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!one_arg("async_generator_asend.send", nargs - 1, kwnames)) return Value();
  return asend_send(static_cast<ASendObject*>(args[0].as_obj()), args[1]);
}

Value asend_next_m(Value* args, int64_t, TupleObject*) {
  return asend_send(static_cast<ASendObject*>(args[0].as_obj()), None);
}

Value asend_throw_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* o = static_cast<ASendObject*>(args[0].as_obj());
  if (!no_args_kw(kwnames) || !throw_count("throw", nargs - 1)) return Value();
  if (o->state == AwaitState::Closed)
    return raise_msg(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()");
  Value exc = thrown_exception(args + 1, nargs - 1);
  if (exc.is_empty_slot()) return exc;
  bool returned = false;
  Value r = gen_throw_raw(o->gen, exc, &returned);
  r = unwrap_outcome(o->gen, r, returned);
  if (r.is_empty_slot()) o->state = AwaitState::Closed;
  return r;
}

Value asend_close_m(Value* args, int64_t, TupleObject*) {
  static_cast<ASendObject*>(args[0].as_obj())->state = AwaitState::Closed;
  return None;
}

Value self_m(Value* args, int64_t, TupleObject*) { return args[0]; }

const NativeMethodDef kASendMethods[] = {
    {"__await__", self_m}, {"__iter__", self_m},      {"__next__", asend_next_m},
    {"send", asend_send_m}, {"throw", asend_throw_m}, {"close", asend_close_m},
};

// ---- athrow / aclose ------------------------------------------------------------------

// aclose() is done: GeneratorExit or the end of the generator ends the await quietly.
Value athrow_check_error(AThrowObject* o) {
  o->gen->running_async = false;
  o->state = AwaitState::Closed;
  if (!o->args && (pending_matches(StopAsyncIterationType) || pending_matches(GeneratorExitType))) {
    clear_exception();
    return raise_none(StopIterationType);
  }
  return Value();
}

Value athrow_yield_close(AThrowObject* o) {
  o->gen->running_async = false;
  o->state = AwaitState::Closed;
  return raise_msg(RuntimeErrorType, "async generator ignored GeneratorExit");
}

Value athrow_send(AThrowObject* o, Value arg) {
  GeneratorObject* g = o->gen;
  if (o->state == AwaitState::Closed) return raise_msg(RuntimeErrorType, "cannot reuse already awaited aclose()/athrow()");
  if (g->finished) {
    o->state = AwaitState::Closed;
    return raise_none(StopIterationType);
  }
  bool returned = false;
  Value r;
  if (o->state == AwaitState::Init) {
    if (g->running_async) {
      o->state = AwaitState::Closed;
      return raise_msg(RuntimeErrorType, o->args ? "athrow(): asynchronous generator is already running"
                                                 : "aclose(): asynchronous generator is already running");
    }
    if (g->closed) {
      o->state = AwaitState::Closed;
      return raise_none(StopAsyncIterationType);
    }
    if (arg != None) return raise_msg(RuntimeErrorType, "can't send non-None value to a just-started coroutine");
    o->state = AwaitState::Iter;
    g->running_async = true;
    if (!o->args) {
      g->closed = true;
      ExceptionObject* ge = new_exception(GeneratorExitType, empty_tuple());
      if (!ge) return Value();
      r = gen_throw_raw(g, Value::from_obj(ge), &returned);
      if (returned) {
        raise_none(StopAsyncIterationType);
        r = Value();
      }
      if (is_wrapped(r)) return athrow_yield_close(o);
    } else {
      // As CPython 3.11: a bad count fails before the generator is touched, leaving it "running".
      if (!throw_count("athrow", o->args->size)) return Value();
      Value exc = thrown_exception(o->args->items, o->args->size);
      if (exc.is_empty_slot()) {
        g->running_async = false;
        return athrow_check_error(o);
      }
      r = gen_throw_raw(g, exc, &returned);
      r = unwrap_outcome(g, r, returned);
    }
    if (r.is_empty_slot()) return athrow_check_error(o);
    return r;
  }
  r = gen_resume(g, arg, Value(), &returned);
  if (o->args) return unwrap_outcome(g, r, returned);
  if (returned) {
    raise_none(StopAsyncIterationType);
    return athrow_check_error(o);
  }
  if (r.is_empty_slot()) return athrow_check_error(o);
  if (is_wrapped(r)) return athrow_yield_close(o);
  return r;
}

Value athrow_send_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!one_arg("async_generator_athrow.send", nargs - 1, kwnames)) return Value();
  return athrow_send(static_cast<AThrowObject*>(args[0].as_obj()), args[1]);
}

Value athrow_next_m(Value* args, int64_t, TupleObject*) {
  return athrow_send(static_cast<AThrowObject*>(args[0].as_obj()), None);
}

Value athrow_throw_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* o = static_cast<AThrowObject*>(args[0].as_obj());
  if (!no_args_kw(kwnames) || !throw_count("throw", nargs - 1)) return Value();
  if (o->state == AwaitState::Closed) return raise_msg(RuntimeErrorType, "cannot reuse already awaited aclose()/athrow()");
  Value exc = thrown_exception(args + 1, nargs - 1);
  if (exc.is_empty_slot()) return exc;
  bool returned = false;
  Value r = gen_throw_raw(o->gen, exc, &returned);
  if (o->args) return unwrap_outcome(o->gen, r, returned);
  if (returned) {
    raise_none(StopAsyncIterationType);
    r = Value();
  }
  if (is_wrapped(r)) return athrow_yield_close(o);
  if (r.is_empty_slot() && (pending_matches(StopAsyncIterationType) || pending_matches(GeneratorExitType))) {
    clear_exception();
    return raise_none(StopIterationType);
  }
  return r;
}

Value athrow_close_m(Value* args, int64_t, TupleObject*) {
  static_cast<AThrowObject*>(args[0].as_obj())->state = AwaitState::Closed;
  return None;
}

const NativeMethodDef kAThrowMethods[] = {
    {"__await__", self_m}, {"__iter__", self_m},       {"__next__", athrow_next_m},
    {"send", athrow_send_m}, {"throw", athrow_throw_m}, {"close", athrow_close_m},
};

// ---- the async generator's own methods --------------------------------------------------

Value new_asend(GeneratorObject* g, Value sendval) {
  auto* o = static_cast<ASendObject*>(allocate_object(g_asend_type, sizeof(ASendObject)));
  if (!o) return raise_memory_error();
  o->gen = g;
  o->sendval = sendval;
  o->state = AwaitState::Init;
  return Value::from_obj(o);
}

Value new_athrow(GeneratorObject* g, TupleObject* args) {
  auto* o = static_cast<AThrowObject*>(allocate_object(g_athrow_type, sizeof(AThrowObject)));
  if (!o) return raise_memory_error();
  o->gen = g;
  o->args = args;
  o->state = AwaitState::Init;
  return Value::from_obj(o);
}

Value ag_anext_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs - 1 != 0 || (kwnames && kwnames->size))
    return raise_fmt(TypeErrorType, "expected 0 arguments, got %lld", static_cast<long long>(nargs - 1));
  GeneratorObject* g = as_gen(args[0]);
  if (!init_hooks(g)) return Value();
  return new_asend(g, None);
}

Value ag_asend_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!one_arg("async_generator.asend", nargs - 1, kwnames)) return Value();
  GeneratorObject* g = as_gen(args[0]);
  if (!init_hooks(g)) return Value();
  return new_asend(g, args[1]);
}

Value ag_athrow_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "async_generator.athrow() takes no keyword arguments");
  GeneratorObject* g = as_gen(args[0]);
  if (!init_hooks(g)) return Value();
  TupleObject* t = new_tuple(nargs - 1);
  if (!t) return Value();
  for (int64_t i = 1; i < nargs; ++i) t->items[i - 1] = args[i];
  return new_athrow(g, t);
}

Value ag_aclose_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_args("async_generator.aclose", nargs - 1, kwnames)) return Value();
  GeneratorObject* g = as_gen(args[0]);
  if (!init_hooks(g)) return Value();
  return new_athrow(g, nullptr);
}

const NativeMethodDef kAsyncGenOwnMethods[] = {
    {"__aiter__", self_m}, {"__anext__", ag_anext_m}, {"asend", ag_asend_m},
    {"athrow", ag_athrow_m}, {"aclose", ag_aclose_m},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};

Value ag_running(Value self) { return bool_value(as_gen(self)->running_async); }

const NativeGetSetDef kAsyncGenRunning[] = {
    {"ag_running", ag_running},
};

TypeObject* make_type(const char* name, uint32_t size, VisitFn visit) {
  auto* t = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
  if (!t) return nullptr;
  t->name = name;
  t->base = ObjectType;
  t->flags = TypeFlag::Immutable;
  finish_builtin_type(t, size, nullptr, visit);
  return t;
}

}  // namespace

Value async_gen_wrap(Value v) {
  auto* w = static_cast<WrappedValueObject*>(allocate_object(g_wrapped_type, sizeof(WrappedValueObject)));
  if (!w) return raise_memory_error();
  w->value = v;
  return Value::from_obj(w);
}

Value async_gen_hooks(bool finalizer) { return finalizer ? g_finalizer : g_firstiter; }

void set_async_gen_hooks(Value firstiter, Value finalizer) {
  g_firstiter = firstiter == None ? Value() : firstiter;
  g_finalizer = finalizer == None ? Value() : finalizer;
}

void init_async_generator_types() {
  add_runtime_root_hook([](Visitor& v) {
    if (g_wrapped_type) v.visit(g_wrapped_type);
    if (g_asend_type) v.visit(g_asend_type);
    if (g_athrow_type) v.visit(g_athrow_type);
    v.visit(g_firstiter);
    v.visit(g_finalizer);
  });
  g_wrapped_type = make_type("async_generator_wrapped_value", sizeof(WrappedValueObject), visit_wrapped);
  g_asend_type = make_type("async_generator_asend", sizeof(ASendObject), visit_asend);
  g_athrow_type = make_type("async_generator_athrow", sizeof(AThrowObject), visit_athrow);
  add_methods(g_asend_type, kASendMethods);
  add_methods(g_athrow_type, kAThrowMethods);
  add_methods(AsyncGeneratorType, kAsyncGenOwnMethods);
  add_getsets(AsyncGeneratorType, kAsyncGenRunning);
}

}  // namespace coil::rt
