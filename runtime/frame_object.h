// frame_object.h — Python-visible frame objects (sys._getframe, tracing, tb_frame). A frame
// object made for a running frame is *live*: it reads the interpreter Frame it belongs to
// (line, locals, caller) until that frame ends, when it is detached and keeps what the frame
// last held. Frame objects for traceback entries that had none are snapshots.
#pragma once

#include "runtime/frame.h"

namespace coil::rt {

struct FrameObject : Object {
  Frame* live;        // the interpreter frame while it exists, else null (detached / snapshot)
  Object* owner;      // the generator whose object holds `live` (kept alive by this), or null
  CodeObject* code;
  DictObject* globals;
  DictObject* builtins;
  Value locals;       // module/class/exec frames: their locals mapping; function frames: the
                      // f_locals dict, refreshed from the frame's slots on each read (empty
                      // until first read)
  Value back;         // detached frames: the caller's frame object or None
  Value trace;        // f_trace: the frame's local trace function (empty: none)
  int32_t lineno;     // detached frames: the last line
  int32_t event_line; // >= 0 while a 'call' event runs: the line f_lineno reports (the def
                      // line, or the yield a generator resumes at); -1 otherwise
  int64_t lasti;      // detached frames: the last instruction
  bool trace_lines;   // f_trace_lines (default True)
  bool trace_opcodes; // f_trace_opcodes (default False)
  bool saved;         // a finished function frame whose f_locals dict was never made:
                      // `slots` holds its locals/cells/frees (the dict is made on demand)
  int32_t nslots;     // room in `slots` (function frames: nlocalsplus; others 0)
  Value slots[];
};

// The frame object of the live frame `f` (made on first use, then the same object), or
// None for a null frame.
Value frame_object_for(Frame* f);
// A frame object for a traceback entry (no caller chain).
Value frame_object_from_parts(CodeObject* code, DictObject* globals, DictObject* builtins, Value locals,
                              int32_t lineno, int64_t lasti);
// Called as `f` ends while it has a frame object: the object keeps the frame's last line,
// locals and caller. (Inline in pop paths: the test is one load.)
void detach_frame_object(Frame* f);
inline void frame_ending(Frame* f) {
  if (f->frame_object) [[unlikely]] detach_frame_object(f);
}
// Re-homes the frame object of `from` (if any) to `to`, a copy of it owned by `owner` (a
// generator taking its frame over).
void move_frame_object(Frame* from, Frame* to, Object* owner);
// Refreshes the f_locals dict of a live function frame from its slots (PyFrame_FastToLocals)
// and writes it back (PyFrame_LocalsToFast, `clear`: names missing from the dict unbind),
// around a trace function call. No-ops when the dict was never made.
bool frame_sync_locals(FrameObject* fo);
void frame_write_back_locals(FrameObject* fo);
void init_frame_object_types();

}  // namespace coil::rt
