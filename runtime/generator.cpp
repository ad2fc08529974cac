// generator.cpp — generator objects: creation from a frame at ReturnGenerator, resuming
// in place, StopIteration on return, PEP 479, throw() and close(), yield-from delegation.
#include "runtime/generator.h"

#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/frame_object.h"
#include "runtime/gc.h"
#include "runtime/import.h"
#include "runtime/roots.h"
#include "runtime/sys_state.h"
#include "runtime/traceback_format.h"
#include "stdlib/io_support.h"
#include "stdlib/unraisable.h"
#include "stdlib/warnings_module.h"
#include "runtime/int.h"
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
  v.visit(g->finalizer);
  v.visit(g->origin);
  v.visit(g->exc_state);
  Frame& f = g->frame;
  v.visit(f.code);
  v.visit(f.func);
  v.visit(f.globals);
  v.visit(f.builtins);
  v.visit(f.locals);
  v.visit(f.frame_object);
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
  // A running generator's pc is stale (it is in the interpreter's registers): nothing to report.
  if (g->finished || !g->started || g->running) return Value();
  // Suspended at `YieldValue 1` (pc points after it): the delegate is under the top.
  int64_t pc = f.pc - 1;
  if (pc < 0) return Value();
  uint32_t unit = f.code->code[pc];
  if (fe::unit_op(unit) == fe::Opcode::YieldValue && fe::unit_arg(unit) == 1) return f.sp[-1];
  return Value();
}

}  // namespace

namespace {
int64_t g_origin_depth = 0;
}  // namespace

void set_coroutine_origin_depth(int64_t depth) { g_origin_depth = depth; }
int64_t coroutine_origin_depth() { return g_origin_depth; }

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
  move_frame_object(f, &gf, g);
  g->name = f->func ? f->func->name : code->name;
  g->qualname = f->func ? f->func->qualname : code->qualname;
  // A coroutine that dies never awaited is reported (RuntimeWarning) by its finalizer.
  if (type == CoroutineType) {
    gc::register_python_finalizer(g);
    if (g_origin_depth > 0) {
      // cr_origin: (filename, line, function) of the creating frames, innermost first.
      ListObject* frames = new_list(0);
      if (!frames) return Value();
      int64_t n = 0;
      for (Frame* fr = f->back; fr && n < g_origin_depth; fr = fr->back, ++n) {
        TupleObject* t = tuple_of({Value::from_obj(fr->code->filename), int_from_int64(code_line(fr->code, fr->pc)),
                                   Value::from_obj(fr->code->name)});
        if (!t || !list_append(frames, Value::from_obj(t))) return Value();
      }
      Value t = sequence_to_tuple(Value::from_obj(frames));
      if (t.is_empty_slot()) return t;
      g->origin = t;
    }
  }
  return Value::from_obj(g);
}

namespace {

// What a kind of generator is called in messages.
const char* kind_name(GeneratorObject* g) {
  if (g->type == CoroutineType) return "coroutine";
  if (g->type == AsyncGeneratorType) return "async generator";
  return "generator";
}

// A generator suspended where an exception handler covers the yield (a try/finally, a with)
// must be closed when it dies, as CPython's finalizer does; one suspended elsewhere can die
// silently (closing it could not run any code). So only the former are registered with the
// collector, once, the first time they suspend there. Async generators with a finalizer
// hook are registered too (the hook must see them die).
void note_suspension(GeneratorObject* g) {
  if (g->gc_bits & (gc::bit(gc::HeaderBit::kPyFinalizable) | gc::bit(gc::HeaderBit::kPyFinalized))) return;
  if (g->type == AsyncGeneratorType && !g->finalizer.is_empty_slot()) {
    gc::register_python_finalizer(g);
    return;
  }
  int64_t pc = g->frame.pc - 1;  // the YieldValue
  for (const fe::ExceptionEntry& e : g->frame.code->unit->exception_table)
    if (static_cast<int64_t>(e.start) <= pc && pc < static_cast<int64_t>(e.end)) {
      gc::register_python_finalizer(g);
      return;
    }
}

// Runs g's frame from where it stands (the sent value already pushed, or `exc` to raise);
// marks it finished when it returns or raises and applies PEP 479.
Value run_frame(GeneratorObject* g, Value exc, bool* returned) {
  Frame* f = &g->frame;
  // Thrown into before it started: raised at ReturnGenerator, as CPython's frame reports it
  // (no handler covers the prologue; the traceback entry has no column range).
  if (!g->started && !exc.is_empty_slot() && f->pc > 0 &&
      fe::unit_op(f->code->code[f->pc - 1]) == fe::Opcode::ReturnGenerator)
    f->pc -= 1;
  g->started = true;
  g->running = true;
  if (!enter_call("")) {
    g->running = false;
    return Value();
  }
  // The generator's own handled exception is the innermost level while it runs (what it
  // handles does not leak to its resumer, and it sees its own across yields).
  ThreadState& ts = thread_state();
  ExcStackItem outer{ts.handled, ts.exc_outer};
  ts.exc_outer = &outer;
  ts.handled = g->exc_state;
  g->exc_state = Value();
  // A thrown exception is chained to the exception the generator itself is handling, if any
  // (never to the resumer's): raise() chains to the innermost level, which is now g's.
  if (!exc.is_empty_slot() && !ts.handled.is_empty_slot()) {
    raise(exc);
    exc = take_exception();
  }
  bool yielded = false;
  Value r = eval_frame(f, &yielded, exc);
  if (yielded) g->exc_state = ts.handled;
  ts.handled = outer.value;
  ts.exc_outer = outer.previous;
  leave_call();
  g->running = false;
  if (yielded) {
    note_suspension(g);
    return r;
  }
  g->finished = true;
  frame_ending(f);  // its slots are no longer visited: a frame object keeps copies
  if (r.is_empty_slot()) {
    // PEP 479: a StopIteration escaping the generator becomes RuntimeError (PEP 525: so does
    // StopAsyncIteration escaping an async generator).
    bool async_gen = g->type == AsyncGeneratorType;
    bool stop = pending_matches(StopIterationType);
    if (stop || (async_gen && pending_matches(StopAsyncIterationType))) {
      Value si = take_exception();
      std::string msg = std::string(kind_name(g)) + (stop ? " raised StopIteration" : " raised StopAsyncIteration");
      raise_msg(RuntimeErrorType, msg);
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

}  // namespace

Value gen_resume(GeneratorObject* g, Value value, Value exc, bool* returned) {
  *returned = false;
  if (g->running) return raise_fmt(ValueErrorType, "%s already executing", kind_name(g));
  if (g->finished) {
    if (g->type == CoroutineType) return raise_msg(RuntimeErrorType, "cannot reuse already awaited coroutine");
    if (!exc.is_empty_slot()) {
      thread_state().pending = exc;  // as thrown: no __context__ chaining
      return Value();
    }
    *returned = true;
    return None;
  }
  if (!g->started && value != None && exc.is_empty_slot())
    return raise_fmt(TypeErrorType, "can't send non-None value to a just-started %s", kind_name(g));
  Frame* f = &g->frame;
  if (g->started && exc.is_empty_slot()) *f->sp++ = value;
  return run_frame(g, exc, returned);
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
  if (nargs != 2)
    return raise_fmt(TypeErrorType, "%s.send() takes exactly one argument (%lld given)", args[0].as_obj()->type->name,
                     static_cast<long long>(nargs - 1));
  return gen_send(args[0], args[1]);
}

// Closes the object a generator delegates to (CPython's gen_close_iter). False with an
// exception pending if its close() failed.
bool close_delegate(Value d) {
  if (d.is_obj() && (d.as_obj()->type == GeneratorType || d.as_obj()->type == CoroutineType))
    return !gen_close(static_cast<GeneratorObject*>(d.as_obj())).is_empty_slot();
  bool error = false;
  Value closer = get_attr_opt(d, names::close, &error);
  if (error) return false;
  if (closer.is_empty_slot()) return true;
  return !call0(closer).is_empty_slot();
}

}  // namespace

// Makes the exception object `throw(typ[, val[, tb]])` raises, with CPython's checks.
Value thrown_exception(Value* targs, int64_t n) {
  Value typ = targs[0];
  Value val = n > 1 ? targs[1] : None;
  Value tb = n > 2 ? targs[2] : None;
  if (tb != None && !(tb.is_obj() && tb.as_obj()->type == TracebackType))
    return raise_msg(TypeErrorType, "throw() third argument must be a traceback object");
  Value exc;
  if (is_exception(typ)) {
    if (val != None) return raise_msg(TypeErrorType, "instance exception may not have a separate value");
    exc = typ;
  } else if (typ.is_obj() && has(typ.as_obj()->type, TypeFlag::TypeSubclass) &&
             has(static_cast<TypeObject*>(typ.as_obj()), TypeFlag::BaseExcSubclass)) {
    // As CPython's exception normalization: when making the instance fails, the error it
    // raised is what gets thrown in.
    if (is_exception(val) && is_subtype(type_of(val), static_cast<TypeObject*>(typ.as_obj()))) exc = val;
    else if (val == None) exc = call0(typ);
    else if (is_exact(val, TupleType)) exc = call(typ, as_tuple(val)->items, as_tuple(val)->size);
    else exc = call1(typ, val);
    if (exc.is_empty_slot()) return take_exception();
    if (!is_exception(exc)) {
      std::string tr;
      if (!repr_string(typ, &tr)) return take_exception();
      raise_fmt(TypeErrorType, "calling %s should have returned an instance of BaseException, not %s", tr.c_str(),
                type_name(exc));
      return take_exception();
    }
  } else {
    return raise_fmt(TypeErrorType, "exceptions must be classes or instances deriving from BaseException, not %s",
                     type_name(typ));
  }
  if (tb != None) as_exception(exc)->traceback = tb;
  return exc;
}

Value gen_throw_raw(GeneratorObject* g, Value exc, bool* returned) {
  *returned = false;
  Value delegate = delegate_of(g);
  if (!delegate.is_empty_slot() && !g->running) {
    Value r;
    bool dret = false;
    if (is_exception(exc) && is_subtype(type_of(exc), GeneratorExitType)) {
      // GeneratorExit closes the delegate, then is raised here (or close()'s own error is).
      g->running = true;
      bool ok = close_delegate(delegate);
      g->running = false;
      if (!ok) exc = take_exception();
      goto throw_here;
    }
    g->running = true;
    if (delegate.is_obj() && (delegate.as_obj()->type == GeneratorType || delegate.as_obj()->type == CoroutineType)) {
      // g's frame is the current one meanwhile, so the delegate's frame sees it as its caller.
      ThreadState& ts = thread_state();
      g->frame.back = ts.frame;
      ts.frame = &g->frame;
      r = gen_throw_raw(static_cast<GeneratorObject*>(delegate.as_obj()), exc, &dret);
      ts.frame = g->frame.back;
      g->frame.back = nullptr;
    } else {
      bool error = false;
      Value meth = get_attr_opt(delegate, names::throw_, &error);
      if (error) {
        g->running = false;
        exc = take_exception();
        goto throw_here;
      }
      if (meth.is_empty_slot()) {
        g->running = false;
        goto throw_here;
      }
      r = call1(meth, exc);
      if (r.is_empty_slot() && pending_matches(StopIterationType)) {
        Value si = take_exception();
        TupleObject* sargs = as_exception(si)->args;
        r = sargs->size ? sargs->items[0] : None;
        dret = true;
      }
    }
    g->running = false;
    if (!r.is_empty_slot() && !dret) return r;  // the delegate yielded: so do we
    if (dret) {
      // The delegate finished: pop it and resume at the Send's target with its value.
      Frame* f = &g->frame;
      f->sp -= 1;
      int64_t jb = f->pc;  // the Jump right after YieldValue 1 goes back to the Send
      uint32_t send_pc = fe::unit_arg(f->code->code[jb]);
      f->pc = fe::unit_arg(f->code->code[send_pc]);
      *f->sp++ = r;
      return run_frame(g, Value(), returned);
    }
    exc = take_exception();
  }
throw_here:
  return gen_resume(g, None, exc, returned);
}

Value gen_close(GeneratorObject* g) {
  if (g->finished || !g->started) {
    if (!g->finished) frame_ending(&g->frame);
    g->finished = true;
    return None;
  }
  ExceptionObject* ge = new_exception(GeneratorExitType, empty_tuple());
  if (!ge) return Value();
  bool returned = false;
  Value r = gen_throw_raw(g, Value::from_obj(ge), &returned);
  if (returned) return None;
  if (!r.is_empty_slot()) return raise_fmt(RuntimeErrorType, "%s ignored GeneratorExit", kind_name(g));
  if (pending_matches(GeneratorExitType) || pending_matches(StopIterationType)) {
    clear_exception();
    return None;
  }
  return Value();
}

namespace {

Value gen_throw_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs < 2) return raise_msg(TypeErrorType, "throw expected at least 1 argument, got 0");
  if (nargs > 4) return raise_fmt(TypeErrorType, "throw expected at most 3 arguments, got %lld", static_cast<long long>(nargs - 1));
  Value exc = thrown_exception(args + 1, nargs - 1);
  if (exc.is_empty_slot()) return exc;
  bool returned = false;
  Value r = gen_throw_raw(static_cast<GeneratorObject*>(args[0].as_obj()), exc, &returned);
  if (returned) {
    ExceptionObject* e = new_exception(StopIterationType, r == None ? empty_tuple() : tuple_of({r}));
    return e ? raise(Value::from_obj(e)) : Value();
  }
  return r;
}

Value gen_close_m(Value* args, int64_t, TupleObject*) { return gen_close(static_cast<GeneratorObject*>(args[0].as_obj())); }

Value gen_iter_m(Value* args, int64_t, TupleObject*) { return args[0]; }

void write_unraisable(Value exc, Value obj) { lib::write_unraisable(exc, nullptr, obj); }

// "coroutine '...' was never awaited", as _PyErr_WarnUnawaitedCoroutine: through
// warnings._warn_unawaited_coroutine; if that fails, the error is reported as unraisable and,
// unless the error was the warning itself (an "error" filter), a plain RuntimeWarning follows.
void warn_unawaited(GeneratorObject* g) {
  Value coro = Value::from_obj(g);
  bool warned = false;
  Value mod = import_module("warnings");
  Value fn = mod.is_empty_slot() ? Value() : get_attr(mod, intern("_warn_unawaited_coroutine"));
  if (fn.is_empty_slot()) clear_exception();
  else if (!call1(fn, coro).is_empty_slot() || pending_matches(RuntimeWarningType)) warned = true;
  if (has_pending_exception()) write_unraisable(take_exception(), coro);
  if (!warned) {
    std::string msg = "coroutine '" + std::string(g->qualname->view()) + "' was never awaited";
    if (!lib::warn(RuntimeWarningType, msg, 1)) write_unraisable(take_exception(), coro);
  }
}

// The finalizer CPython runs when a generator, coroutine or async generator dies (exposed as
// __del__, as CPython exposes tp_finalize): the async generator finalizer hook, the
// never-awaited warning, or close() of a suspended one; errors are unraisable.
Value gen_del_m(Value* args, int64_t, TupleObject*) {
  auto* g = static_cast<GeneratorObject*>(args[0].as_obj());
  Value saved = take_exception();
  if (g->type == AsyncGeneratorType && !g->finalizer.is_empty_slot() && !g->closed) {
    if (call1(g->finalizer, args[0]).is_empty_slot()) write_unraisable(take_exception(), args[0]);
  } else if (!g->finished) {
    if (g->type == CoroutineType && !g->started) warn_unawaited(g);
    if (gen_close(g).is_empty_slot()) write_unraisable(take_exception(), args[0]);
  }
  if (!saved.is_empty_slot()) thread_state().pending = saved;
  return None;
}

// cr_origin: where the coroutine was created, when sys.set_coroutine_origin_tracking_depth
// asked for it; else None.
Value coro_origin(Value self) {
  Value o = static_cast<GeneratorObject*>(self.as_obj())->origin;
  return o.is_empty_slot() ? None : o;
}

Value gen_name(Value self) { return Value::from_obj(static_cast<GeneratorObject*>(self.as_obj())->name); }
Value gen_qualname(Value self) { return Value::from_obj(static_cast<GeneratorObject*>(self.as_obj())->qualname); }
// __name__ / __qualname__ are writable, with strs only (deleting is refused the same way).
bool gen_set_name(Value self, Value v) {
  if (v.is_empty_slot() || !is_str(v)) {
    raise_msg(TypeErrorType, "__name__ must be set to a string object");
    return false;
  }
  static_cast<GeneratorObject*>(self.as_obj())->name = as_str(v);
  return true;
}
bool gen_set_qualname(Value self, Value v) {
  if (v.is_empty_slot() || !is_str(v)) {
    raise_msg(TypeErrorType, "__qualname__ must be set to a string object");
    return false;
  }
  static_cast<GeneratorObject*>(self.as_obj())->qualname = as_str(v);
  return true;
}
Value gen_running(Value self) { return bool_value(static_cast<GeneratorObject*>(self.as_obj())->running); }
// gi_suspended / cr_suspended: paused at a yield or await (started, not running, not done).
Value gen_suspended(Value self) {
  auto* g = static_cast<GeneratorObject*>(self.as_obj());
  return bool_value(g->started && !g->running && !g->finished);
}
Value gen_code(Value self) { return Value::from_obj(static_cast<GeneratorObject*>(self.as_obj())->frame.code); }
// gi_frame / cr_frame / ag_frame: a snapshot frame object while the generator can still run.
Value gen_frame(Value self) {
  auto* g = static_cast<GeneratorObject*>(self.as_obj());
  if (g->finished) return None;
  return frame_object_for(&g->frame);
}
// gi_yieldfrom / cr_await / ag_await: what a suspended `yield from` / `await` delegates to.
Value gen_delegate(Value self) {
  Value d = delegate_of(static_cast<GeneratorObject*>(self.as_obj()));
  return d.is_empty_slot() ? None : d;
}
// <generator object f at 0x...>, named by the qualified name.
Value gen_repr_m(Value* args, int64_t, TupleObject*) {
  auto* g = static_cast<GeneratorObject*>(args[0].as_obj());
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(g));
  return str_value("<" + std::string(g->type->name) + " object " + std::string(g->qualname->view()) + " at " + addr + ">");
}

constexpr const char* kSendDoc = "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration.";
constexpr const char* kThrowDoc =
    "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration.";
constexpr const char* kCloseDoc = "close() -> raise GeneratorExit inside generator.";

const NativeMethodDef kGenMethods[] = {
    {"__next__", gen_next_m, NativeMethodDef::Kind::Method, "Implement next(self)."},
    {"__iter__", gen_iter_m, NativeMethodDef::Kind::Method, "Implement iter(self)."},
    {"send", gen_send_m, NativeMethodDef::Kind::Method, kSendDoc},
    {"throw", gen_throw_m, NativeMethodDef::Kind::Method, kThrowDoc},
    {"close", gen_close_m, NativeMethodDef::Kind::Method, kCloseDoc},
    {"__repr__", gen_repr_m},
    {"__del__", gen_del_m},
};

const NativeGetSetDef kGenGetSets[] = {
    {"__name__", gen_name, gen_set_name},
    {"__qualname__", gen_qualname, gen_set_qualname},
    {"gi_running", gen_running},
    {"gi_code", gen_code},
    {"gi_frame", gen_frame},
    {"gi_yieldfrom", gen_delegate},
    {"gi_suspended", gen_suspended},
};
const NativeGetSetDef kCoroGetSets[] = {
    {"__name__", gen_name, gen_set_name},
    {"__qualname__", gen_qualname, gen_set_qualname},
    {"cr_running", gen_running},
    {"cr_code", gen_code},
    {"cr_frame", gen_frame},
    {"cr_await", gen_delegate},
    {"cr_origin", coro_origin},
    {"cr_suspended", gen_suspended},
};
const NativeMethodDef kAsyncGenRepr[] = {
    {"__repr__", gen_repr_m},
    {"__del__", gen_del_m},
};
const NativeGetSetDef kAsyncGenGetSets[] = {
    {"__name__", gen_name, gen_set_name},
    {"__qualname__", gen_qualname, gen_set_qualname},
    {"ag_code", gen_code},
    {"ag_frame", gen_frame},
    {"ag_await", gen_delegate},
};

}  // namespace

namespace {

// coroutine.__await__(): a coroutine_wrapper, the iterator `yield from` and custom
// __await__ methods drive; it forwards __next__/send/throw/close to the coroutine.
struct CoroWrapperObject : Object {
  GeneratorObject* coro;
};

TypeObject* g_coro_wrapper_type = nullptr;

void visit_coro_wrapper(Object* self, Visitor& v) { v.visit(static_cast<CoroWrapperObject*>(self)->coro); }

Value wrapped_coro(Value self) { return Value::from_obj(static_cast<CoroWrapperObject*>(self.as_obj())->coro); }

Value cw_next_m(Value* args, int64_t, TupleObject*) { return gen_send(wrapped_coro(args[0]), None); }
Value cw_send_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2)
    return raise_fmt(TypeErrorType, "coroutine_wrapper.send() takes exactly one argument (%lld given)",
                     static_cast<long long>(nargs - 1));
  return gen_send(wrapped_coro(args[0]), args[1]);
}
Value cw_throw_m(Value* args, int64_t nargs, TupleObject* kw) {
  Value a[4] = {wrapped_coro(args[0]), nargs > 1 ? args[1] : Value(), nargs > 2 ? args[2] : Value(),
                nargs > 3 ? args[3] : Value()};
  if (nargs > 4) return raise_fmt(TypeErrorType, "throw expected at most 3 arguments, got %lld", static_cast<long long>(nargs - 1));
  return gen_throw_m(a, nargs, kw);
}
Value cw_close_m(Value* args, int64_t, TupleObject*) {
  return gen_close(static_cast<CoroWrapperObject*>(args[0].as_obj())->coro);
}
Value cw_iter_m(Value* args, int64_t, TupleObject*) { return args[0]; }

const NativeMethodDef kCoroWrapperMethods[] = {
    {"__iter__", cw_iter_m}, {"__next__", cw_next_m}, {"send", cw_send_m},
    {"throw", cw_throw_m},   {"close", cw_close_m},
};

Value coro_await_m(Value* args, int64_t, TupleObject*) {
  if (!g_coro_wrapper_type) {
    auto* t = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
    if (!t) return raise_memory_error();
    t->name = "coroutine_wrapper";
    t->base = ObjectType;
    t->flags = TypeFlag::Immutable;
    finish_builtin_type(t, sizeof(CoroWrapperObject), nullptr, visit_coro_wrapper);
    add_methods(t, kCoroWrapperMethods);
    g_coro_wrapper_type = t;
    add_runtime_root_hook([](Visitor& v) {
      if (g_coro_wrapper_type) v.visit(g_coro_wrapper_type);
    });
  }
  auto* w = static_cast<CoroWrapperObject*>(allocate_object(g_coro_wrapper_type, sizeof(CoroWrapperObject)));
  if (!w) return raise_memory_error();
  w->coro = static_cast<GeneratorObject*>(args[0].as_obj());
  return Value::from_obj(w);
}


const NativeMethodDef kCoroMethods[] = {
    {"send", gen_send_m},
    {"throw", gen_throw_m},
    {"close", gen_close_m},
    {"__await__", coro_await_m},
    {"__repr__", gen_repr_m},
    {"__del__", gen_del_m},
};

}  // namespace

Value get_awaitable(Value v, int where) {
  // A generator made by a CO_ITERABLE_COROUTINE function (types.coroutine) is awaitable as is.
  if (v.is_obj() && v.as_obj()->type == GeneratorType &&
      (static_cast<GeneratorObject*>(v.as_obj())->frame.code->flags & fe::coflag::ITERABLE_COROUTINE))
    return v;
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
  add_getsets(CoroutineType, kCoroGetSets);
}

}  // namespace

void init_generator_type() {
  finish_builtin_type(GeneratorType, sizeof(GeneratorObject), nullptr, visit_generator);
  add_methods(GeneratorType, kGenMethods);
  add_getsets(GeneratorType, kGenGetSets);
  init_coroutine_type();
  finish_builtin_type(AsyncGeneratorType, sizeof(GeneratorObject), nullptr, visit_generator);
  add_methods(AsyncGeneratorType, kAsyncGenRepr);
  add_getsets(AsyncGeneratorType, kAsyncGenGetSets);
  init_async_generator_types();
}

}  // namespace coil::rt
