// trace.cpp — the events of sys.settrace and sys.setprofile (CPython 3.11's rules, PEP 626's
// line events), sent from the interpreter's tracing entry; see trace.h.
//
// Line events: before an instruction of a frame that has a local trace function, a 'line'
// event is sent when the instruction has a line and it differs from the line of the
// instruction the frame executed before it (f->pc, which the tracing entry keeps), or when
// control jumped backwards to it (a loop), except the jump back to a `Send` of a
// yield-from/await loop. The first instruction after a frame starts always gets one; after
// a generator resumes, the line of the yield counts as the previous one.
//
// Frame starts and resumes are recognised from f->pc alone: a new frame arrives at its first
// instruction after the prologue with f->pc at or before it (calls leave 0 there), and a
// resumed generator arrives at exactly the pc it saved (no instruction jumps to itself).
#include "runtime/trace.h"

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/frame_object.h"
#include "runtime/function.h"
#include "runtime/generator.h"
#include "runtime/interpreter.h"
#include "runtime/iterators.h"
#include "runtime/type.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

using fe::Opcode;

// The names the hooks receive, by TraceEvent.
StrObject* event_name(TraceEvent e) {
  static StrObject* names[8];
  static const char* const kText[8] = {"call", "exception", "line", "return", "c_call", "c_exception", "c_return",
                                       "opcode"};
  auto i = static_cast<int>(e);
  if (!names[i]) names[i] = intern(kText[i]);  // interned strings live for good
  return names[i];
}

void update_use_tracing(ThreadState& ts) {
  ts.use_tracing = !ts.trace_func.is_empty_slot() || !ts.profile_func.is_empty_slot();
  refresh_dispatch_table();
}

// Index of the first instruction after the prologue (cells, free variables, the copies of
// parameters into their cells, generator creation): CPython's RESUME comes after these, so
// they send no events.
int64_t first_traceable(const CodeObject* code) {
  int64_t pc = 0;
  while (pc < code->ncode) {
    uint32_t unit = code->code[pc];
    Opcode op = fe::unit_op(unit);
    if (op == Opcode::MakeCell || op == Opcode::CopyFreeVars || op == Opcode::ReturnGenerator) {
      ++pc;
      continue;
    }
    // `LoadFast p; StoreDeref c` where c is the cell of parameter p: only the prologue does
    // this (in the body, a captured parameter is only reached through its cell).
    if (op == Opcode::LoadFast && pc + 1 < code->ncode && fe::unit_op(code->code[pc + 1]) == Opcode::StoreDeref) {
      uint32_t local = fe::unit_arg(unit), cell = fe::unit_arg(code->code[pc + 1]);
      if (cell < static_cast<uint32_t>(code->cellvars->size) &&
          local < static_cast<uint32_t>(code->varnames->size) &&
          code->cellvars->items[cell] == code->varnames->items[local]) {
        pc += 2;
        continue;
      }
    }
    break;
  }
  return pc;
}

// Calls hook(frame, event, arg) with events paused on this thread and the frame's f_locals
// dict (if one was made) synchronised both ways, as CPython's call_trampoline does. Returns
// the hook's result, empty with its exception pending.
Value call_hook(Value hook, FrameObject* fo, TraceEvent event, Value arg) {
  ThreadState& ts = thread_state();
  ++ts.tracing;
  refresh_dispatch_table();
  Value r;
  if (frame_sync_locals(fo)) {
    Value args[3] = {Value::from_obj(fo), Value::from_obj(event_name(event)), arg};
    r = call(hook, args, 3);
    frame_write_back_locals(fo);
  }
  --ts.tracing;
  refresh_dispatch_table();
  return r;
}

// The frame object the hooks receive; null with MemoryError pending.
FrameObject* hook_frame(Frame* f) {
  Value fo = frame_object_for(f);
  return fo.is_empty_slot() ? nullptr : static_cast<FrameObject*>(fo.as_obj());
}

// Sends an event to the trace function: 'call' goes to the thread's function, the others to
// the frame's f_trace (nothing when it has none). A result other than None becomes the
// frame's f_trace. A hook that raises is removed (and the frame's f_trace cleared).
bool send_trace(Frame* f, TraceEvent event, Value arg) {
  ThreadState& ts = thread_state();
  if (ts.trace_func.is_empty_slot()) return true;
  FrameObject* fo = hook_frame(f);
  if (!fo) return false;
  Value hook = event == TraceEvent::kCall ? ts.trace_func : fo->trace;
  if (hook.is_empty_slot()) return true;
  Value r = call_hook(hook, fo, event, arg);
  if (r.is_empty_slot()) {
    set_trace_function(None);
    fo->trace = Value();
    return false;
  }
  if (r != None) fo->trace = r;
  return true;
}

// Sends an event to the profile function (its result is ignored); one that raises is removed.
bool send_profile(Frame* f, TraceEvent event, Value arg) {
  ThreadState& ts = thread_state();
  if (ts.profile_func.is_empty_slot()) return true;
  FrameObject* fo = hook_frame(f);
  if (!fo) return false;
  if (call_hook(ts.profile_func, fo, event, arg).is_empty_slot()) {
    set_profile_function(None);
    return false;
  }
  return true;
}

// The exception being unwound stays pending unless a hook raises a new one (CPython's
// call_trace_protected).
template <typename Fn>
bool protected_send(Fn send) {
  ThreadState& ts = thread_state();
  Value saved = ts.pending;
  ts.pending = Value();
  if (!send()) return false;
  ts.pending = saved;
  return true;
}

// 'call' to the trace then the profile function, f_lineno reading `line` meanwhile.
bool send_call(Frame* f, int line) {
  FrameObject* fo = hook_frame(f);
  if (!fo) return false;
  fo->event_line = line;
  bool ok = protected_send([&] { return send_trace(f, TraceEvent::kCall, None); }) &&
            protected_send([&] { return send_profile(f, TraceEvent::kCall, None); });
  fo->event_line = -1;
  return ok;
}

// The line f_lineno shows at a 'call' event: the `def` line (0 for module code), or the
// yield a generator resumes after.
int call_line(Frame* f, int64_t pc, bool fresh) {
  if (!fresh) return code_line(f->code, pc - 1);
  return f->func ? f->code->firstlineno : 0;
}

}  // namespace

void set_trace_function(Value fn) {
  ThreadState& ts = thread_state();
  ts.trace_func = fn == None ? Value() : fn;
  update_use_tracing(ts);
}

void set_profile_function(Value fn) {
  ThreadState& ts = thread_state();
  ts.profile_func = fn == None ? Value() : fn;
  update_use_tracing(ts);
}

TraceStep trace_step(Frame* f, int64_t pc) {
  int64_t prev = f->pc;
  f->pc = pc;
  CodeObject* code = f->code;
  int64_t first = first_traceable(code);
  if (pc < first) return TraceStep::kContinue;
  int lastline;
  bool fresh = pc == first && prev <= pc;
  if (fresh || prev == pc) {
    int line = call_line(f, pc, fresh);
    if (!send_call(f, line)) {
      // The frame reports the exception at its start (CPython's RESUME), outside any handler.
      add_traceback(pending_exception(), f, fresh ? -1 : pc - 1);
      return TraceStep::kUnwindTraced;
    }
    lastline = fresh ? -1 : line;
  } else {
    lastline = code_line(code, prev);
  }
  ThreadState& ts = thread_state();
  Opcode op = fe::unit_op(code->code[pc]);
  auto* fo = static_cast<FrameObject*>(f->frame_object);
  if (fo && !fo->trace.is_empty_slot() && !ts.trace_func.is_empty_slot()) {
    int line = code_line(code, pc);
    bool backward = pc < prev && op != Opcode::Send;
    if (line > 0 && fo->trace_lines && (line != lastline || backward)) {
      if (!send_trace(f, TraceEvent::kLine, None)) return TraceStep::kError;
    }
    if (fo->trace_opcodes && !send_trace(f, TraceEvent::kOpcode, None)) return TraceStep::kError;
  }
  if (op == Opcode::ReturnValue || op == Opcode::YieldValue) {
    Value v = f->sp[-1];
    if (!send_trace(f, TraceEvent::kReturn, v) || !send_profile(f, TraceEvent::kReturn, v)) return TraceStep::kUnwind;
  }
  return TraceStep::kContinue;
}

bool trace_resume_by_throw(Frame* f) {
  if (!send_call(f, call_line(f, f->pc, false))) {
    add_traceback(pending_exception(), f, f->pc - 1);
    return false;
  }
  return true;
}

void trace_exception(Frame* f, int64_t pc) {
  ThreadState& ts = thread_state();
  if (ts.tracing || ts.trace_func.is_empty_slot()) return;
  auto* fo = static_cast<FrameObject*>(f->frame_object);
  if (!fo || fo->trace.is_empty_slot()) return;
  f->pc = pc;
  Value exc = ts.pending;
  if (!is_exception(exc)) return;
  Value tb = as_exception(exc)->traceback;
  TupleObject* arg = tuple_of({Value::from_obj(exc.as_obj()->type), exc, tb.is_empty_slot() ? None : tb});
  if (!arg) return;  // MemoryError replaces the exception, as a failing hook's would
  protected_send([&] { return send_trace(f, TraceEvent::kException, Value::from_obj(arg)); });
}

void trace_unwind_return(Frame* f, int64_t pc) {
  ThreadState& ts = thread_state();
  if (ts.tracing) return;
  f->pc = pc;
  protected_send([&] { return send_trace(f, TraceEvent::kReturn, None); }) &&
      protected_send([&] { return send_profile(f, TraceEvent::kReturn, None); });
}

namespace {

// Reports the pending StopIteration to `f`, then takes it: its value, or empty when the
// trace function raised instead.
Value report_stop(Frame* f, int64_t pc) {
  trace_exception(f, pc);
  if (!pending_matches(StopIterationType)) return Value();
  Value si = take_exception();
  TupleObject* args = as_exception(si)->args;
  return args->size > 0 ? args->items[0] : None;
}

}  // namespace

Value traced_iter_step(Frame* f, int64_t pc, Value it, Value sent, bool* finished) {
  *finished = false;
  bool send = !sent.is_empty_slot();
  TypeObject* t = type_of(it);
  if (t == GeneratorType || t == CoroutineType) {
    bool returned = false;
    Value r = gen_resume(static_cast<GeneratorObject*>(it.as_obj()), send ? sent : None, Value(), &returned);
    if (!returned) return r;
    *finished = true;
    // CPython iterates a generator with tp_iternext (StopIteration only for a value other
    // than None) and sends to anything else with .send() (StopIteration always).
    bool raises = r != None || (send && (sent != None || t == CoroutineType));
    if (!raises) return r;
    ExceptionObject* e = new_exception(StopIterationType, r == None ? empty_tuple() : tuple_of({r}));
    if (!e) return Value();
    raise(Value::from_obj(e));
    return report_stop(f, pc);
  }
  // Built-in iterators end without raising (CPython's tp_iternext); only Python-level
  // __next__/send raise the StopIteration that the event reports.
  if (!has(t, TypeFlag::HeapType) && (!send || sent == None)) {
    if (!send) {
      Value r = iter_next(it, finished);
      return *finished ? None : r;
    }
    return send_to(it, sent, finished);
  }
  Value r = !send || sent == None ? call_method(it, names::dunder_next, nullptr, 0)
                                  : call_method(it, names::send, &sent, 1);
  if (!r.is_empty_slot() || !pending_matches(StopIterationType)) return r;
  *finished = true;
  return report_stop(f, pc);
}

namespace {

// The built-in callable the profile function is told about, or empty when the call is not
// one CPython reports: a builtin function or bound builtin method, or a method descriptor
// called with its receiver first (reported bound to it).
Value profiled_callee(Value callable, Value* args, int64_t nargs, bool* bound_first) {
  *bound_first = false;
  if (!callable.is_obj()) return Value();
  TypeObject* t = callable.as_obj()->type;
  if (t == NativeFunctionType) return callable;
  if (t == MethodDescrType && nargs > 0) {
    auto* d = static_cast<MethodDescrObject*>(callable.as_obj());
    if (d->is_classmethod || d->is_static) return Value();
    *bound_first = true;
    return bind_descriptor(callable, args[0]);
  }
  return Value();
}

// Runs `call` between 'c_call' and 'c_return' / 'c_exception' events about `func`.
template <typename Fn>
Value profiled(Value func, Fn call) {
  Frame* f = thread_state().frame;
  if (!send_profile(f, TraceEvent::kCCall, func)) return Value();
  Value r = call();
  if (thread_state().profile_func.is_empty_slot()) return r;
  if (r.is_empty_slot()) {
    protected_send([&] { return send_profile(f, TraceEvent::kCException, func); });
    return r;
  }
  if (!send_profile(f, TraceEvent::kCReturn, func)) return Value();
  return r;
}

}  // namespace

Value profile_native_call(Value callable, Value* args, int64_t nargs, TupleObject* kwnames, bool* handled) {
  bool bound_first;
  Value func = profiled_callee(callable, args, nargs, &bound_first);
  *handled = !func.is_empty_slot();
  if (!*handled) {
    if (has_pending_exception()) *handled = true;  // binding failed
    return Value();
  }
  if (bound_first) return profiled(func, [&] { return call(func, args + 1, nargs - 1, kwnames); });
  return profiled(func, [&] { return call(func, args, nargs, kwnames); });
}

Value profile_native_call_ex(Value callable, TupleObject* args, DictObject* kwargs, bool* handled) {
  bool bound_first;
  Value func = profiled_callee(callable, args->items, args->size, &bound_first);
  *handled = !func.is_empty_slot();
  if (!*handled) {
    if (has_pending_exception()) *handled = true;
    return Value();
  }
  if (!bound_first) return profiled(func, [&] { return call_tuple_dict(func, args, kwargs); });
  TupleObject* rest = new_tuple(args->size - 1);
  if (!rest) return Value();
  for (int64_t i = 1; i < args->size; ++i) rest->items[i - 1] = args->items[i];
  return profiled(func, [&] { return call_tuple_dict(func, rest, kwargs); });
}

}  // namespace coil::rt
