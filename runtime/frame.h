// frame.h — the interpreter's frame: a plain struct the JIT can read and write at known
// offsets. Slots hold locals, then cells and free variables, then the value stack.
//
// Frames of ordinary calls live on the thread's data stack (a region scanned
// conservatively by the GC); a generator's frame lives inside the generator object and is
// executed in place when it resumes.
#pragma once

#include <cstddef>
#include <cstdint>

#include "runtime/function.h"

namespace coil::rt {

// How the interpreter finishes a call whose frame it runs in its own loop.
enum class FrameCallKind : int32_t {
  kPlain = 0,  // the return value is the call's result
  kInit = 1,   // Class(...) running __init__: the result must be None; the call gives the instance
};

struct Frame {
  CodeObject* code;
  FunctionObject* func;     // null for module / exec code
  Frame* back;              // caller (the frame that was current when this one started)
  DictObject* globals;
  DictObject* builtins;
  Value locals;             // the locals mapping of module/class/exec code; empty otherwise
  int64_t pc;               // code unit index of the instruction executing (or to resume at)
  Value* sp;                // one past the top of the value stack
  Object* owner;            // the generator owning this frame, or null
  Object* frame_object;     // the Python-visible frame object, made on demand (sys._getframe)
  int32_t nslots;           // nlocalsplus + stacksize
  int32_t call_kind;        // FrameCallKind: what returning from this frame gives the caller
  Value slots[];            // nlocalsplus locals/cells/frees, then the value stack

  Value* stack_base() { return slots + code->nlocalsplus; }
};

static_assert(offsetof(Frame, code) == 0);

// Bytes a frame for `code` needs.
inline size_t frame_size(const CodeObject* code) {
  return sizeof(Frame) + sizeof(Value) * static_cast<size_t>(code->nlocalsplus + code->stacksize + 1);
}

// The thread's data stack: frames of ordinary calls are pushed and popped here.
Frame* push_frame(CodeObject* code);  // null with MemoryError/RecursionError pending
void pop_frame(Frame* f);

}  // namespace coil::rt
