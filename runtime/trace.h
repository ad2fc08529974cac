// trace.h — sys.settrace / sys.setprofile: the per-thread trace and profile functions and
// the events the interpreter sends them, with CPython 3.11's semantics.
//
// Cost when off: none on the dispatch path. Each thread dispatches through its own label
// table (interpreter.cpp); while a trace or profile function is set (and none is running)
// every entry of that table is the loop's tracing entry, which calls trace_step before
// executing the instruction. Frame ends that the tracing entry cannot see (an exception
// leaving a frame) test ThreadState::use_tracing on their slow path.
#pragma once

#include <cstdint>

#include "runtime/frame.h"

namespace coil::rt {

struct ThreadState;

enum class TraceEvent : uint8_t { kCall, kException, kLine, kReturn, kCCall, kCException, kCReturn, kOpcode };

// Installs (fn) or removes (None) the calling thread's trace / profile function.
void set_trace_function(Value fn);
void set_profile_function(Value fn);

// Makes the calling thread's dispatch table match its tracing state (interpreter.cpp).
void refresh_dispatch_table();

// What the dispatch loop does after trace_step.
enum class TraceStep : uint8_t {
  kContinue,      // execute the instruction
  kError,         // an event's function raised: the instruction raises it (handlers apply)
  kUnwindTraced,  // the 'call' event raised: leave the frame (traceback entry made), with
                  // the unwinding 'return' event
  kUnwind,        // the 'return' event raised: leave the frame, no handler, no more events
};
// The tracing entry, before the instruction at `pc` of `f` (f->sp is current): sends
// 'call' when the frame starts or resumes, 'line' and 'opcode' to the frame's f_trace, and
// 'return' before ReturnValue / YieldValue. Records pc in f->pc.
TraceStep trace_step(Frame* f, int64_t pc);
// 'call' for a generator resumed by throw() (it skips the dispatch); false: leave the frame.
bool trace_resume_by_throw(Frame* f);
// 'exception' to the frame's f_trace, for the exception pending at `pc`; a failing trace
// function's exception replaces it.
void trace_exception(Frame* f, int64_t pc);
// 'return' None for an exception leaving `f` at `pc`.
void trace_unwind_return(Frame* f, int64_t pc);
// ForIter (sent empty) / Send one step while a trace function is set: a StopIteration that
// ends the iteration is first reported to `f` as an 'exception' event, as CPython's tracing
// paths of FOR_ITER and SEND do. *finished: the iterator is exhausted / returned (the result
// is then its value, None for a finished ForIter; empty always means an error).
Value traced_iter_step(Frame* f, int64_t pc, Value it, Value sent, bool* finished);
// A call the profile function sees as 'c_call' / 'c_return' / 'c_exception' when `callable`
// is a built-in function or method (CPython's rule); `*handled` false means it is not one
// and nothing was called.
Value profile_native_call(Value callable, Value* args, int64_t nargs, TupleObject* kwnames, bool* handled);
// CallEx's form: positional args in a tuple, keywords in a dict (or null).
Value profile_native_call_ex(Value callable, TupleObject* args, DictObject* kwargs, bool* handled);

}  // namespace coil::rt
