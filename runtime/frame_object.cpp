// frame_object.cpp — frame and traceback objects as Python sees them: f_code, f_globals,
// f_locals, f_lineno, f_back, f_lasti, f_builtins, f_trace*; tb_frame, tb_next, tb_lineno,
// tb_lasti. Live frame objects read their interpreter Frame; see frame_object.h.
#include "runtime/frame_object.h"

#include <cstdio>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/generator.h"
#include "runtime/interpreter.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

void visit_frame_object(Object* self, Visitor& v) {
  auto* f = static_cast<FrameObject*>(self);
  v.visit(f->owner);
  v.visit(f->code);
  v.visit(f->globals);
  v.visit(f->builtins);
  v.visit(f->locals);
  v.visit(f->back);
  v.visit(f->trace);
  if (f->saved) v.visit_range(f->slots, f->slots + f->nslots);
}

FrameObject* self_frame(Value v) { return static_cast<FrameObject*>(v.as_obj()); }

// A frame object with room for `nslots` saved slots (what a function frame keeps when it ends:
// no second allocation then).
FrameObject* new_frame_object(CodeObject* code, DictObject* globals, DictObject* builtins, int32_t nslots = 0) {
  auto* f = static_cast<FrameObject*>(allocate_object(FrameType, sizeof(FrameObject) + sizeof(Value) * size_t(nslots)));
  if (!f) {
    raise_memory_error();
    return nullptr;
  }
  f->nslots = nslots;
  f->code = code;
  f->globals = globals;
  f->builtins = builtins;
  f->back = None;
  f->event_line = -1;
  f->trace_lines = true;
  return f;
}

// The name of local slot i of `code` (plain locals, then cells, then free variables).
StrObject* slot_name(CodeObject* code, int64_t i) {
  if (i < code->nlocals) return as_str(code->varnames->items[i]);
  i -= code->nlocals;
  int64_t nc = code->cellvars->size;
  return as_str(i < nc ? code->cellvars->items[i] : code->freevars->items[i - nc]);
}

// The cell in slot i (a cell or free variable whose cell exists yet), or null.
CellObject* slot_cell(CodeObject* code, Value* slots, int64_t i) {
  if (i < code->nlocals) return nullptr;
  Value c = slots[i];
  return c.is_obj() && c.as_obj()->type == CellType ? static_cast<CellObject*>(c.as_obj()) : nullptr;
}

// Writes the values of `slots` into `d` (unbound names removed), as FastToLocals.
bool fill_locals(DictObject* d, CodeObject* code, Value* slots) {
  for (int64_t i = 0; i < code->nlocalsplus; ++i) {
    Value v;
    if (i < code->nlocals) {
      v = slots[i];
    } else if (CellObject* c = slot_cell(code, slots, i)) {
      v = c->contents;
    } else {
      continue;
    }
    // Unbound names are removed; a parameter captured by an inner scope is a plain slot
    // (empty once its cell is made) and then a cell, which comes later and wins.
    StrObject* name = slot_name(code, i);
    if (!v.is_empty_slot()) {
      if (!dict_set_str(d, name, v)) return false;
    } else if (dict_del(d, Value::from_obj(name)) < 0) {
      return false;
    }
  }
  return true;
}

Value f_code(Value s) { return Value::from_obj(self_frame(s)->code); }
Value f_globals(Value s) { return Value::from_obj(self_frame(s)->globals); }
Value f_builtins(Value s) { return self_frame(s)->builtins ? Value::from_obj(self_frame(s)->builtins) : None; }
Value f_locals(Value s) {
  FrameObject* f = self_frame(s);
  if (f->live && f->live->locals.is_empty_slot()) {
    if (f->locals.is_empty_slot()) {
      DictObject* d = new_dict();
      if (!d) return Value();
      f->locals = Value::from_obj(d);
    }
    if (!frame_sync_locals(f)) return Value();
  }
  if (f->saved) {
    // A finished function frame's slots, kept by detach_frame_object: the dict now.
    DictObject* d = new_dict();
    if (!d || !fill_locals(d, f->code, f->slots)) return Value();
    f->locals = Value::from_obj(d);
    f->saved = false;
  }
  if (f->locals.is_empty_slot()) {
    DictObject* d = new_dict();
    if (!d) return Value();
    f->locals = Value::from_obj(d);
  }
  return f->locals;
}
// A generator's frame has a caller only while the generator runs.
Value f_back(Value s) {
  FrameObject* f = self_frame(s);
  if (!f->live) return f->back.is_empty_slot() ? None : f->back;
  if (f->owner && !static_cast<GeneratorObject*>(f->owner)->running) return None;
  return frame_object_for(f->live->back);
}
Value f_lineno(Value s) {
  FrameObject* f = self_frame(s);
  if (f->event_line >= 0) return Value::from_small_int(f->event_line);
  int line = f->live ? code_line(f->code, f->live->pc) : f->lineno;
  return line > 0 ? Value::from_small_int(line) : None;
}
Value f_lasti(Value s) {
  FrameObject* f = self_frame(s);
  return Value::from_small_int((f->live ? f->live->pc : f->lasti) * 2);
}
Value f_trace(Value s) { return self_frame(s)->trace.is_empty_slot() ? None : self_frame(s)->trace; }
bool f_trace_set(Value s, Value v) {
  self_frame(s)->trace = v == None ? Value() : v;
  return true;
}
// f_trace_lines / f_trace_opcodes are bool members (CPython's T_BOOL rules).
bool set_bool_member(Value v, bool* field) {
  if (v.is_empty_slot()) {
    raise_msg(TypeErrorType, "can't delete numeric/char attribute");
    return false;
  }
  if (v != True && v != False) {
    raise_msg(TypeErrorType, "attribute value type must be bool");
    return false;
  }
  *field = v == True;
  return true;
}
Value f_trace_lines(Value s) { return bool_value(self_frame(s)->trace_lines); }
bool f_trace_lines_set(Value s, Value v) { return set_bool_member(v, &self_frame(s)->trace_lines); }
Value f_trace_opcodes(Value s) { return bool_value(self_frame(s)->trace_opcodes); }
bool f_trace_opcodes_set(Value s, Value v) { return set_bool_member(v, &self_frame(s)->trace_opcodes); }

Value frame_repr(Value* args, int64_t, TupleObject*) {
  FrameObject* f = self_frame(args[0]);
  Value line = f_lineno(args[0]);
  char buf[96];
  std::snprintf(buf, sizeof buf, "<frame at %#llx, file ", static_cast<unsigned long long>(args[0].bits()));
  return str_value(std::string(buf) + str_repr(f->code->filename->view()) + ", line " +
                   std::to_string(line.is_small_int() ? line.as_small_int() : 0) + ", code " +
                   std::string(f->code->name->view()) + ">");
}

const NativeGetSetDef kFrameGetSets[] = {
    {"f_code", f_code},
    {"f_globals", f_globals},
    {"f_builtins", f_builtins},
    {"f_locals", f_locals},
    {"f_back", f_back},
    {"f_lineno", f_lineno},
    {"f_lasti", f_lasti},
    {"f_trace", f_trace, f_trace_set},
    {"f_trace_lines", f_trace_lines, f_trace_lines_set},
    {"f_trace_opcodes", f_trace_opcodes, f_trace_opcodes_set},
};
// frame.clear(): drops the local variables a finished frame keeps (traceback.clear_frames and
// unittest call it to break reference cycles); a suspended generator's frame is closed
// first; a frame still running cannot be cleared. A module-level frame (whose locals are its
// globals) keeps them, as CPython's does.
Value frame_clear(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1 || (kwnames && kwnames->size))
    return raise_fmt(TypeErrorType, "frame.clear() takes no arguments (%lld given)",
                     static_cast<long long>(nargs - 1 + (kwnames ? kwnames->size : 0)));
  FrameObject* f = self_frame(args[0]);
  if (f->live) {
    auto* g = static_cast<GeneratorObject*>(f->owner);
    if (!g || g->running) return raise_msg(RuntimeErrorType, "cannot clear an executing frame");
    if (!g->finished && gen_close(g).is_empty_slot()) return Value();
    return None;
  }
  f->saved = false;
  if (f->locals != Value::from_obj(f->globals)) {
    DictObject* d = new_dict();
    if (!d) return raise_memory_error();
    f->locals = Value::from_obj(d);
  }
  return None;
}

const NativeMethodDef kFrameMethods[] = {
    {"__repr__", frame_repr},
    {"clear", frame_clear},
};

TracebackObject* self_tb(Value v) { return static_cast<TracebackObject*>(v.as_obj()); }

Value tb_next(Value s) { return self_tb(s)->next; }
bool tb_next_set(Value s, Value v) {
  if (v != None && !(v.is_obj() && v.as_obj()->type == TracebackType)) {
    raise_fmt(TypeErrorType, "expected traceback object or None, got '%s'", type_name(v));
    return false;
  }
  self_tb(s)->next = v;
  return true;
}
Value tb_lineno(Value s) { return Value::from_small_int(self_tb(s)->lineno); }
Value tb_lasti(Value s) { return Value::from_small_int(self_tb(s)->lasti * 2); }
Value tb_frame(Value s) {
  TracebackObject* tb = self_tb(s);
  if (tb->frame.is_empty_slot() || tb->frame == None) {
    Value fo = frame_object_from_parts(tb->code, tb->globals, nullptr, tb->locals, tb->lineno, tb->lasti);
    if (fo.is_empty_slot()) return fo;
    tb->frame = fo;
  }
  return tb->frame;
}

// dir(tb): only the traceback's own attributes, as CPython's tb_dir.
Value tb_dir(Value*, int64_t, TupleObject*) {
  ListObject* l = new_list(0);
  if (!l) return Value();
  for (const char* n : {"tb_frame", "tb_next", "tb_lasti", "tb_lineno"})
    if (!list_append(l, str_value(n))) return Value();
  return Value::from_obj(l);
}
const NativeMethodDef kTracebackMethods[] = {
    {"__dir__", tb_dir},
};

const NativeGetSetDef kTracebackGetSets[] = {
    {"tb_next", tb_next, tb_next_set},
    {"tb_frame", tb_frame},
    {"tb_lineno", tb_lineno},
    {"tb_lasti", tb_lasti},
};

}  // namespace

Value frame_object_from_parts(CodeObject* code, DictObject* globals, DictObject* builtins, Value locals,
                              int32_t lineno, int64_t lasti) {
  FrameObject* f = new_frame_object(code, globals, builtins);
  if (!f) return Value();
  f->locals = locals.is_empty_slot() ? Value::from_obj(new_dict()) : locals;
  f->lineno = lineno;
  f->lasti = lasti;
  return Value::from_obj(f);
}

Value frame_object_for(Frame* f) {
  if (!f) return None;
  if (f->frame_object) return Value::from_obj(f->frame_object);
  FrameObject* fo = new_frame_object(f->code, f->globals, f->builtins,
                                     f->locals.is_empty_slot() ? f->code->nlocalsplus : 0);
  if (!fo) return Value();
  fo->live = f;
  fo->owner = f->owner;
  if (!f->locals.is_empty_slot()) fo->locals = f->locals;
  f->frame_object = fo;
  return Value::from_obj(fo);
}

void detach_frame_object(Frame* f) {
  auto* fo = static_cast<FrameObject*>(f->frame_object);
  f->frame_object = nullptr;
  // Runs while frames pop, maybe with an exception unwinding: that one is kept, and a
  // failure here (MemoryError) only loses what the object would have kept.
  ThreadState& ts = thread_state();
  Value unwinding = ts.pending;
  ts.pending = Value();
  // The caller's object is made now, while the caller is known (CPython links f_back so).
  Value back = f->owner ? None : frame_object_for(f->back);
  fo->back = back.is_empty_slot() ? None : back;
  if (f->locals.is_empty_slot()) {
    // Function frames: an f_locals dict already made is brought up to date; otherwise the
    // slots are copied (cells as cells, read when f_locals is), the dict made on demand.
    if (!fo->locals.is_empty_slot()) {
      fill_locals(as_dict(fo->locals), f->code, f->slots);
    } else if (fo->nslots == f->code->nlocalsplus) {
      for (int32_t i = 0; i < fo->nslots; ++i) fo->slots[i] = f->slots[i];
      fo->saved = true;
    }
  }
  fo->lineno = code_line(f->code, f->pc);
  fo->lasti = f->pc;
  fo->live = nullptr;
  fo->owner = nullptr;
  ts.pending = unwinding;
}

void move_frame_object(Frame* from, Frame* to, Object* owner) {
  auto* fo = static_cast<FrameObject*>(from->frame_object);
  if (!fo) return;
  fo->live = to;
  fo->owner = owner;
  to->frame_object = fo;
  from->frame_object = nullptr;
}

bool frame_sync_locals(FrameObject* fo) {
  Frame* f = fo->live;
  if (!f || !f->locals.is_empty_slot() || fo->locals.is_empty_slot()) return true;
  return fill_locals(as_dict(fo->locals), f->code, f->slots);
}

void frame_write_back_locals(FrameObject* fo) {
  Frame* f = fo->live;
  if (!f || !f->locals.is_empty_slot() || fo->locals.is_empty_slot() || !is_dict(fo->locals)) return;
  DictObject* d = as_dict(fo->locals);
  CodeObject* code = f->code;
  for (int64_t i = 0; i < code->nlocalsplus; ++i) {
    Value v = dict_get_str(d, slot_name(code, i));
    if (CellObject* c = slot_cell(code, f->slots, i)) {
      c->contents = v;
    } else if (i < code->nlocals) {
      f->slots[i] = v;
    }
  }
}

void init_frame_object_types() {
  finish_builtin_type(FrameType, sizeof(FrameObject), nullptr, visit_frame_object);
  add_getsets(FrameType, kFrameGetSets);
  add_methods(FrameType, kFrameMethods);
  add_getsets(TracebackType, kTracebackGetSets);
  add_methods(TracebackType, kTracebackMethods);
}

}  // namespace coil::rt
