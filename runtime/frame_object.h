// frame_object.h — Python-visible frame objects (tb_frame, sys._getframe): snapshots of an
// interpreter Frame's code, globals, locals and line, made on demand.
#pragma once

#include "runtime/frame.h"

namespace coil::rt {

struct FrameObject : Object {
  CodeObject* code;
  DictObject* globals;
  DictObject* builtins;
  Value locals;   // the locals mapping (a snapshot dict for function frames)
  Value back;     // the caller's frame object, or None
  int32_t lineno;
  int64_t lasti;
};

// A frame object for the live frame `f` and its callers (f_back chain).
Value frame_object_for(Frame* f);
// A frame object for a traceback entry (no caller chain).
Value frame_object_from_parts(CodeObject* code, DictObject* globals, DictObject* builtins, Value locals,
                              int32_t lineno, int64_t lasti);
void init_frame_object_types();

}  // namespace coil::rt
