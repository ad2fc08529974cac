// interpreter.h — running bytecode: calling Python functions and executing frames.
#pragma once

#include "runtime/frame.h"

namespace coil::rt {

struct TupleObject;

// Calls a Python function with vectorcall-style arguments.
Value call_function(FunctionObject* f, Value* args, int64_t nargs, TupleObject* kwnames);
// Runs module-level (or exec/eval) code with the given globals and locals mapping.
Value run_code(CodeObject* code, DictObject* globals, Value locals);
// Executes `f` from f->pc until it returns (or yields: *yielded is set). `throw_in`, when
// not empty, is raised at the resume point first (generator.throw).
Value eval_frame(Frame* f, bool* yielded, Value throw_in = Value());

// builtins.__build_class__ and the class-body runner it uses (returns the __class__ cell
// the body returned, or None).
Value build_class(Value* args, int64_t nargs, TupleObject* kwnames);
Value run_class_body(FunctionObject* body, Value ns);
// The frame's locals as a mapping (locals()); a snapshot dict for function frames.
Value frame_locals(Frame* f);

struct TracebackObject : Object {
  Value next;           // None or the next (inner) traceback entry
  CodeObject* code;
  int64_t lasti;
  int32_t lineno;
  Value frame;          // the frame object, when one was made
  DictObject* globals;  // what tb_frame needs to make the frame object on demand
  Value locals;         // module/class locals mapping, or empty for function frames
};
// Adds an entry for frame `f` at `pc` in front of the exception's traceback.
void add_traceback(Value exc, Frame* f, int64_t pc);

}  // namespace coil::rt
