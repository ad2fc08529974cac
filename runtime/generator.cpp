// generator.cpp — generator objects: creation from a frame at ReturnGenerator, resuming
// in place, StopIteration on return, PEP 479, throw() and close(), yield-from delegation.
#include "runtime/generator.h"

#include <cstring>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/interpreter.h"
#include "runtime/iterators.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

void visit_generator(Object* self, Visitor& v) {
  auto* g = static_cast<GeneratorObject*>(self);
  v.visit(g->name);
  v.visit(g->qualname);
  v.visit(g->yield_from);
  Frame& f = g->frame;
  v.visit(f.code);
  v.visit(f.func);
  v.visit(f.globals);
  v.visit(f.builtins);
  v.visit(f.locals);
  if (g->finished) return;
  if (g->running) {
    // While running, the frame's saved sp is stale (the interpreter keeps sp in a register),
    // so scan every slot conservatively, as the data stack is.
    int64_t n = f.code->nlocalsplus + f.code->stacksize;
    for (int64_t i = 0; i < n; ++i) {
      Value w = f.slots[i];
      if (!w.is_obj()) continue;
      if (Object* o = gc::find_object(w.as_obj())) v.visit(o);
    }
    return;
  }
  v.visit_range(f.slots, f.sp ? f.sp : f.slots + f.code->nlocalsplus);
}

// The value a generator delegating with `yield from` is suspended on (Send loop), if any.
Value delegate_of(GeneratorObject* g) {
  Frame& f = g->frame;
  if (g->finished || !g->started) return Value();
  // Suspended at `YieldValue 1` (pc points after it): the delegate is under the top.
  int64_t pc = f.pc - 1;
  if (pc < 0) return Value();
  uint32_t unit = f.code->code[pc];
  if (fe::unit_op(unit) == fe::Opcode::YieldValue && fe::unit_arg(unit) == 1) return f.sp[-1];
  return Value();
}

}  // namespace

Value make_generator(Frame* f) {
  CodeObject* code = f->code;
  size_t size = sizeof(GeneratorObject) + sizeof(Value) * static_cast<size_t>(code->nlocalsplus + code->stacksize + 1);
  TypeObject* type = (code->flags & fe::coflag::COROUTINE) ? CoroutineType
                     : (code->flags & fe::coflag::ASYNC_GENERATOR) ? AsyncGeneratorType
                                                                   : GeneratorType;
  auto* g = static_cast<GeneratorObject*>(allocate_object(type, size));
  if (!g) return raise_memory_error();
  std::memcpy(static_cast<void*>(&g->frame), f, frame_size(code));
  Frame& gf = g->frame;
  gf.sp = gf.slots + (f->sp - f->slots);
  gf.owner = g;
  gf.back = nullptr;
  g->name = code->name;
  g->qualname = f->func ? f->func->qualname : code->qualname;
  return Value::from_obj(g);
}

Value gen_resume(GeneratorObject* g, Value value, Value exc, bool* returned) {
  *returned = false;
  if (g->running) return raise_msg(ValueErrorType, "generator already executing");
  if (g->finished) {
    if (!exc.is_empty_slot()) return raise(exc);
    *returned = true;
    return None;
  }
  if (!g->started && value != None && exc.is_empty_slot())
    return raise_msg(TypeErrorType, "can't send non-None value to a just-started generator");
  Frame* f = &g->frame;
  if (g->started && exc.is_empty_slot()) *f->sp++ = value;
  g->started = true;
  g->running = true;
  if (!enter_call("")) {
    g->running = false;
    return Value();
  }
  bool yielded = false;
  Value r = eval_frame(f, &yielded, exc);
  leave_call();
  g->running = false;
  if (yielded) return r;
  g->finished = true;
  if (r.is_empty_slot()) {
    // PEP 479: a StopIteration escaping the generator becomes RuntimeError.
    if (pending_matches(StopIterationType)) {
      Value si = take_exception();
      raise_msg(RuntimeErrorType, g->type == CoroutineType ? "coroutine raised StopIteration"
                                                           : "generator raised StopIteration");
      Value re = pending_exception();
      as_exception(re)->cause = si;
      as_exception(re)->context = si;
      as_exception(re)->suppress_context = true;
    }
    return Value();
  }
  *returned = true;
  return r;
}

Value gen_send(Value gen, Value value) {
  bool returned = false;
  Value r = gen_resume(static_cast<GeneratorObject*>(gen.as_obj()), value, Value(), &returned);
  if (returned) {
    ExceptionObject* e = new_exception(StopIterationType, r == None ? empty_tuple() : tuple_of({r}));
    if (!e) return Value();
    return raise(Value::from_obj(e));
  }
  return r;
}

Value send_to(Value it, Value v, bool* returned) {
  *returned = false;
  if (it.is_obj() && (it.as_obj()->type == GeneratorType || it.as_obj()->type == CoroutineType))
    return gen_resume(static_cast<GeneratorObject*>(it.as_obj()), v, Value(), returned);
  Value r;
  Value next = v == None && !is_native_iterator(it) ? lookup_special(it, names::dunder_next) : Value();
  if (!next.is_empty_slot()) {
    // __next__ called directly: the value of the StopIteration it raises is the result.
    r = call1(next, it);
    if (!r.is_empty_slot()) return r;
  } else if (v == None) {
    bool done = false;
    r = iter_next(it, &done);
    if (done) {
      *returned = true;
      return None;
    }
    if (!r.is_empty_slot()) return r;
  } else {
    r = call_method(it, names::send, &v, 1);
    if (!r.is_empty_slot()) return r;
  }
  if (pending_matches(StopIterationType)) {
    Value si = take_exception();
    TupleObject* args = as_exception(si)->args;
    *returned = true;
    return args->size > 0 ? args->items[0] : None;
  }
  return Value();
}

namespace {

Value gen_next_m(Value* args, int64_t nargs, TupleObject*) { return gen_send(args[0], None); }

Value gen_send_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "send() takes exactly one argument (%lld given)", static_cast<long long>(nargs - 1));
  return gen_send(args[0], args[1]);
}

Value gen_throw_m(Value* args, int64_t nargs, TupleObject*) {
  auto* g = static_cast<GeneratorObject*>(args[0].as_obj());
  if (nargs < 2) return raise_msg(TypeErrorType, "throw expected at least 1 argument, got 0");
  Value typ = args[1];
  Value exc;
  if (is_exception(typ)) {
    exc = typ;
  } else if (typ.is_obj() && has(typ.as_obj()->type, TypeFlag::TypeSubclass) &&
             has(static_cast<TypeObject*>(typ.as_obj()), TypeFlag::BaseExcSubclass)) {
    exc = nargs > 2 && args[2] != None ? call1(typ, args[2]) : call0(typ);
    if (exc.is_empty_slot()) return exc;
  } else {
    return raise_fmt(TypeErrorType, "exceptions must be classes or instances deriving from BaseException, not %s",
                     type_name(typ));
  }
  Value delegate = delegate_of(g);
  if (!delegate.is_empty_slot() && !g->running) {
    // Forward into the delegate; if it finishes, resume here with its value.
    Value r;
    if (delegate.is_obj() && (delegate.as_obj()->type == GeneratorType || delegate.as_obj()->type == CoroutineType)) {
      Value a[2] = {delegate, exc};
      r = gen_throw_m(a, 2, nullptr);
    } else {
      Value meth = get_attr(delegate, "throw");
      if (meth.is_empty_slot()) {
        clear_exception();
        goto throw_here;
      }
      r = call1(meth, exc);
    }
    if (!r.is_empty_slot()) return r;  // the delegate yielded: so do we
    if (pending_matches(StopIterationType)) {
      Value si = take_exception();
      TupleObject* sargs = as_exception(si)->args;
      Value v = sargs->size ? sargs->items[0] : None;
      // Pop the delegate and the yielded value slot; resume at the Send's target.
      Frame* f = &g->frame;
      f->sp -= 1;  // the delegate
      // Send after JumpBackward: find the Send this YieldValue loops to.
      int64_t jb = f->pc;  // JumpBackward right after YieldValue 1
      uint32_t send_pc = fe::unit_arg(f->code->code[jb]);
      f->pc = fe::unit_arg(f->code->code[send_pc]);
      bool returned = false;
      *f->sp++ = v;
      g->started = true;
      g->running = true;
      bool yielded = false;
      Value out = eval_frame(f, &yielded);
      g->running = false;
      if (yielded) return out;
      g->finished = true;
      (void)returned;
      if (out.is_empty_slot()) return out;
      ExceptionObject* e = new_exception(StopIterationType, out == None ? empty_tuple() : tuple_of({out}));
      return e ? raise(Value::from_obj(e)) : Value();
    }
    exc = take_exception();
  }
throw_here:
  bool returned = false;
  Value r = gen_resume(g, None, exc, &returned);
  if (returned) {
    ExceptionObject* e = new_exception(StopIterationType, r == None ? empty_tuple() : tuple_of({r}));
    return e ? raise(Value::from_obj(e)) : Value();
  }
  return r;
}

Value gen_close_m(Value* args, int64_t nargs, TupleObject*) {
  auto* g = static_cast<GeneratorObject*>(args[0].as_obj());
  if (g->finished || !g->started) {
    g->finished = true;
    return None;
  }
  ExceptionObject* ge = new_exception(GeneratorExitType, empty_tuple());
  if (!ge) return Value();
  Value a[2] = {args[0], Value::from_obj(ge)};
  Value r = gen_throw_m(a, 2, nullptr);
  if (!r.is_empty_slot()) return raise_msg(RuntimeErrorType, "generator ignored GeneratorExit");
  if (pending_matches(GeneratorExitType) || pending_matches(StopIterationType)) {
    clear_exception();
    return None;
  }
  return Value();
}

Value gen_iter_m(Value* args, int64_t, TupleObject*) { return args[0]; }

Value gen_name(Value self) { return Value::from_obj(static_cast<GeneratorObject*>(self.as_obj())->name); }
Value gen_qualname(Value self) { return Value::from_obj(static_cast<GeneratorObject*>(self.as_obj())->qualname); }
Value gen_running(Value self) { return bool_value(static_cast<GeneratorObject*>(self.as_obj())->running); }

const NativeMethodDef kGenMethods[] = {
    {"__next__", gen_next_m},
    {"__iter__", gen_iter_m},
    {"send", gen_send_m},
    {"throw", gen_throw_m},
    {"close", gen_close_m},
};

const NativeGetSetDef kGenGetSets[] = {
    {"__name__", gen_name},
    {"__qualname__", gen_qualname},
    {"gi_running", gen_running},
};

}  // namespace

namespace {

// coroutine.__await__: an iterator over the coroutine (CPython's coroutine_wrapper);
// Coil returns the coroutine itself, which supports send/throw/close and __next__.
Value coro_await_m(Value* args, int64_t, TupleObject*) { return args[0]; }

Value coro_next_m(Value* args, int64_t nargs, TupleObject* kw) { return gen_send(args[0], None); }

const NativeMethodDef kCoroMethods[] = {
    {"send", gen_send_m},
    {"throw", gen_throw_m},
    {"close", gen_close_m},
    {"__await__", coro_await_m},
};

}  // namespace

Value get_awaitable(Value v, int where) {
  if (v.is_obj() && v.as_obj()->type == CoroutineType) {
    auto* g = static_cast<GeneratorObject*>(v.as_obj());
    if (!delegate_of(g).is_empty_slot()) return raise_msg(RuntimeErrorType, "coroutine is being awaited already");
    return v;
  }
  Value m = lookup_special(v, names::dunder_await);
  if (m.is_empty_slot()) {
    if (where == 1)
      return raise_fmt(TypeErrorType, "'async with' received an object from __aenter__ that does not implement __await__: %s", type_name(v));
    if (where == 2)
      return raise_fmt(TypeErrorType, "'async with' received an object from __aexit__ that does not implement __await__: %s", type_name(v));
    return raise_fmt(TypeErrorType, "object %s can't be used in 'await' expression", type_name(v));
  }
  Value it = call1(m, v);
  if (it.is_empty_slot()) return it;
  if (it.is_obj() && it.as_obj()->type == CoroutineType) return raise_msg(TypeErrorType, "__await__() returned a coroutine");
  if (lookup_special(it, names::dunder_next).is_empty_slot() && !(it.is_obj() && it.as_obj()->type == GeneratorType))
    return raise_fmt(TypeErrorType, "__await__() returned non-iterator of type '%s'", type_name(it));
  return it;
}

namespace {

void init_coroutine_type() {
  finish_builtin_type(CoroutineType, sizeof(GeneratorObject), nullptr, visit_generator);
  add_methods(CoroutineType, kCoroMethods);
  add_getsets(CoroutineType, kGenGetSets);
}

}  // namespace

void init_generator_type() {
  finish_builtin_type(GeneratorType, sizeof(GeneratorObject), nullptr, visit_generator);
  add_methods(GeneratorType, kGenMethods);
  add_getsets(GeneratorType, kGenGetSets);
  init_coroutine_type();
}

}  // namespace coil::rt
