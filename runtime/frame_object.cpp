// frame_object.cpp — frame and traceback objects as Python sees them: f_code, f_globals,
// f_locals, f_lineno, f_back, f_lasti, f_builtins; tb_frame, tb_next, tb_lineno, tb_lasti.
#include "runtime/frame_object.h"

#include <cstdio>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/interpreter.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

void visit_frame_object(Object* self, Visitor& v) {
  auto* f = static_cast<FrameObject*>(self);
  v.visit(f->code);
  v.visit(f->globals);
  v.visit(f->builtins);
  v.visit(f->locals);
  v.visit(f->back);
}

FrameObject* self_frame(Value v) { return static_cast<FrameObject*>(v.as_obj()); }

Value f_code(Value s) { return Value::from_obj(self_frame(s)->code); }
Value f_globals(Value s) { return Value::from_obj(self_frame(s)->globals); }
Value f_builtins(Value s) { return self_frame(s)->builtins ? Value::from_obj(self_frame(s)->builtins) : None; }
Value f_locals(Value s) { return self_frame(s)->locals.is_empty_slot() ? None : self_frame(s)->locals; }
Value f_back(Value s) { return self_frame(s)->back.is_empty_slot() ? None : self_frame(s)->back; }
Value f_lineno(Value s) { return Value::from_small_int(self_frame(s)->lineno); }
Value f_lasti(Value s) { return Value::from_small_int(self_frame(s)->lasti * 2); }
Value f_trace(Value) { return None; }

Value frame_repr(Value* args, int64_t, TupleObject*) {
  FrameObject* f = self_frame(args[0]);
  char buf[96];
  std::snprintf(buf, sizeof buf, "<frame at %#llx, file ", static_cast<unsigned long long>(args[0].bits()));
  return str_value(std::string(buf) + str_repr(f->code->filename->view()) + ", line " + std::to_string(f->lineno) +
                   ", code " + std::string(f->code->name->view()) + ">");
}

const NativeGetSetDef kFrameGetSets[] = {
    {"f_code", f_code},     {"f_globals", f_globals}, {"f_builtins", f_builtins}, {"f_locals", f_locals},
    {"f_back", f_back},     {"f_lineno", f_lineno},   {"f_lasti", f_lasti},       {"f_trace", f_trace},
};
// frame.clear(): drops the local variables the frame object holds (traceback.clear_frames and
// unittest call it to break reference cycles). A frame object is a snapshot of an interpreter
// frame, so a module-level frame (whose locals are its globals) keeps them, as CPython's does.
// Not done: CPython's "cannot clear an executing frame" check (a snapshot does not know whether
// its frame still runs) and closing a suspended generator that owns the frame.
Value frame_clear(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1 || (kwnames && kwnames->size))
    return raise_fmt(TypeErrorType, "frame.clear() takes no arguments (%lld given)",
                     static_cast<long long>(nargs - 1 + (kwnames ? kwnames->size : 0)));
  FrameObject* f = self_frame(args[0]);
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
  auto* f = static_cast<FrameObject*>(allocate_object(FrameType, sizeof(FrameObject)));
  if (!f) return raise_memory_error();
  f->code = code;
  f->globals = globals;
  f->builtins = builtins;
  f->locals = locals.is_empty_slot() ? Value::from_obj(new_dict()) : locals;
  f->back = None;
  f->lineno = lineno;
  f->lasti = lasti;
  return Value::from_obj(f);
}

Value frame_object_for(Frame* f) {
  if (!f) return None;
  Value locals = frame_locals(f);
  if (locals.is_empty_slot()) return locals;
  Value fo = frame_object_from_parts(f->code, f->globals, f->builtins, locals, code_line(f->code, f->pc), f->pc);
  if (fo.is_empty_slot()) return fo;
  Value back = frame_object_for(f->back);
  if (back.is_empty_slot()) return back;
  static_cast<FrameObject*>(fo.as_obj())->back = back;
  return fo;
}

void init_frame_object_types() {
  finish_builtin_type(FrameType, sizeof(FrameObject), nullptr, visit_frame_object);
  add_getsets(FrameType, kFrameGetSets);
  add_methods(FrameType, kFrameMethods);
  add_getsets(TracebackType, kTracebackGetSets);
  add_methods(TracebackType, kTracebackMethods);
}

}  // namespace coil::rt
