// interpreter.cpp — the bytecode interpreter: computed-goto dispatch generated from
// opcodes.def, the value stack, exception-table unwinding and tracebacks.
//
// Every opcode has a label `op_<Name>`; the dispatch table is built from the same table, so
// an opcode without a body fails to compile. Errors jump to `error`, which looks the
// faulting pc up in the code's exception table: a handler cuts the stack, pushes lasti (if
// asked) and the exception, and continues; no handler adds a traceback entry and returns.
#include "runtime/interpreter.h"

#include <cstring>
#include <sys/mman.h>

#include "runtime/abstract.h"
#include "runtime/alloc_fast.h"
#include "runtime/attr_cache.h"
#include "runtime/builtin_iterators.h"
#include "runtime/dict.h"
#include "runtime/dict_views.h"
#include "runtime/eval_breaker.h"
#include "runtime/import.h"
#include "runtime/pending_features.h"
#include "runtime/sequence_ops.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/exception_group.h"
#include "runtime/float_ops.h"
#include "runtime/generator.h"
#include "runtime/int.h"
#include "runtime/interp_support.h"
#include "runtime/iterators.h"
#include "runtime/match.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/super.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"

namespace coil::rt {

using fe::Opcode;
using namespace interp;

namespace {

// --- the data stack ---------------------------------------------------------------------
// Reserved per thread, committed on touch: the main thread gets more room than the others
// (their native stacks are smaller too).
constexpr size_t kMainDataStackBytes = size_t(1) << 30;
constexpr size_t kThreadDataStackBytes = size_t(1) << 28;

// The calling thread's data stack top and end. Scalars in TLS with the local-exec model (the
// runtime is only linked into executables), so each is one %fs-relative access: push and pop
// are the hottest lines of a call. Both null until the stack is mapped. The thread state
// points at t_data_top so the collector can read other threads' tops.
__attribute__((tls_model("local-exec"))) constinit thread_local char* t_data_top = nullptr;
__attribute__((tls_model("local-exec"))) constinit thread_local char* t_data_end = nullptr;

// Maps the data stack on first use; RecursionError when it is full.
[[gnu::noinline]] Frame* push_frame_slow(CodeObject* code, size_t size) {
  ThreadState& ts = thread_state();
  if (ts.data_stack_base) {
    raise_msg(RecursionErrorType, "maximum recursion depth exceeded");
    return nullptr;
  }
  size_t bytes = ts.is_main || !ts.registered ? kMainDataStackBytes : kThreadDataStackBytes;
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    raise_memory_error();
    return nullptr;
  }
  ts.data_stack_base = t_data_top = static_cast<char*>(p);
  ts.data_stack_top = &t_data_top;
  ts.data_stack_bytes = bytes;
  t_data_end = ts.data_stack_base + bytes;
  return push_frame(code);
}

}  // namespace

void release_data_stack(ThreadState& ts) {
  if (ts.data_stack_base) munmap(ts.data_stack_base, ts.data_stack_bytes);
  ts.data_stack_base = nullptr;
  ts.data_stack_top = nullptr;
  ts.data_stack_bytes = 0;
  t_data_top = t_data_end = nullptr;
}

Frame* push_frame(CodeObject* code) {
  size_t size = (frame_size(code) + 15) & ~size_t(15);
  char* top = t_data_top;
  if (__builtin_expect(size > static_cast<size_t>(t_data_end - top), 0)) return push_frame_slow(code, size);
  auto* f = reinterpret_cast<Frame*>(top);
  t_data_top = top + size;
  // Only the header and the locals/cells need clearing; the value stack is written before
  // it is read (stale words there only make the conservative scan keep a little more).
  std::memset(static_cast<void*>(f), 0, sizeof(Frame) + sizeof(Value) * static_cast<size_t>(code->nlocalsplus));
  f->code = code;
  f->nslots = code->nlocalsplus + code->stacksize;
  f->sp = f->stack_base();
  return f;
}

void pop_frame(Frame* f) { t_data_top = reinterpret_cast<char*>(f); }

void visit_traceback(Object* self, Visitor& v) {
  auto* tb = static_cast<TracebackObject*>(self);
  v.visit(tb->next);
  v.visit(tb->code);
  v.visit(tb->frame);
  v.visit(tb->globals);
  v.visit(tb->locals);
}

void add_traceback(Value exc, Frame* f, int64_t pc) {
  CodeObject* code = f->code;
  if (!is_exception(exc)) return;
  auto* tb = static_cast<TracebackObject*>(allocate_object(TracebackType, sizeof(TracebackObject)));
  if (!tb) return;
  ExceptionObject* e = as_exception(exc);
  tb->next = e->traceback.is_empty_slot() ? None : e->traceback;
  tb->code = code;
  tb->lasti = pc;
  tb->lineno = code_line(code, pc);
  tb->frame = None;
  tb->globals = f->globals;
  tb->locals = f->locals;
  e->traceback = Value::from_obj(tb);
}

namespace {

// Looks the handler for `pc` up in the exception table; null when the frame has none.
const fe::ExceptionEntry* find_handler(CodeObject* code, int64_t pc) {
  for (const fe::ExceptionEntry& e : code->unit->exception_table)
    if (static_cast<int64_t>(e.start) <= pc && pc < static_cast<int64_t>(e.end)) return &e;
  return nullptr;
}

// BeforeWith / BeforeAsyncWith: replaces the manager on top of the stack (sp[-1]) with its
// bound exit method and returns what entering gave, with CPython's protocol errors.
Value enter_context(Value* sp, bool async) {
  Value mgr = sp[-1];
  const char* kind = async ? "asynchronous context manager" : "context manager";
  Value enter = lookup_special(mgr, async ? names::dunder_aenter : names::dunder_enter);
  if (enter.is_empty_slot())
    return raise_fmt(TypeErrorType, "'%s' object does not support the %s protocol", type_name(mgr), kind);
  Value exit_fn = lookup_special(mgr, async ? names::dunder_aexit : names::dunder_exit);
  if (exit_fn.is_empty_slot())
    return raise_fmt(TypeErrorType, "'%s' object does not support the %s protocol (missed %s method)", type_name(mgr),
                     kind, async ? "__aexit__" : "__exit__");
  Value exit = bind_descriptor(exit_fn, mgr);
  if (exit.is_empty_slot()) return exit;
  Value r = call_special0(enter, mgr);
  if (r.is_empty_slot()) return r;
  sp[-1] = exit;
  return r;
}

// A new exact float, allocated inline (docs/GC.md: fixed-size fast path).
inline Value box_float(double d) {
  auto* o = static_cast<FloatObject*>(allocate_fixed<sizeof(FloatObject)>());
  if (!o) [[unlikely]] return raise_memory_error();
  init_header(o, FloatType);
  o->value = d;
  return Value::from_obj(o);
}

// Reads an exact float, or a small int exactly representable as a double (|i| < 2**53).
inline bool exact_double(Value v, double* d) {
  if (!v.is_small_int()) {
    *d = float_of(v);
    return true;
  }
  int64_t i = v.as_small_int();
  *d = static_cast<double>(i);
  return i > -(int64_t(1) << 53) && i < (int64_t(1) << 53);
}

// float_binary_fast's **, // and % (out of line, to keep the inlined part small).
[[gnu::noinline]] Value float_binary_rare(double x, double y, fe::BinaryOpKind op) {
  using K = fe::BinaryOpKind;
  switch (plain_op(op)) {
    case K::Power: {
      // float ** float with CPython's special cases (float_ops.h); errors are the generic path's.
      double r;
      return float_pow(x, y, &r) == PowStatus::ok ? box_float(r) : Value();
    }
    case K::FloorDivide: {
      double q;
      return float_floordiv(x, y, &q) == NumStatus::ok ? box_float(q) : Value();
    }
    case K::Remainder: {
      double m;
      return float_mod(x, y, &m) == NumStatus::ok ? box_float(m) : Value();
    }
    default: return Value();
  }
}

// `x op y` on doubles for + - * / ** // %; empty for the rest and for every error case (zero
// divisor, overflow, complex power), which the generic path raises.
[[gnu::always_inline]] inline Value float_binary_fast(double x, double y, fe::BinaryOpKind op) {
  using K = fe::BinaryOpKind;
  switch (plain_op(op)) {
    case K::Add: return box_float(x + y);
    case K::Subtract: return box_float(x - y);
    case K::Multiply: return box_float(x * y);
    case K::TrueDivide: return y != 0.0 ? box_float(x / y) : Value();
    default: return float_binary_rare(x, y, op);
  }
}

// float_binary_fast writing into `box`, an exact float no one else refers to, for + - * /
// (the others allocate as usual).
[[gnu::always_inline]] inline Value float_binary_into(double x, double y, fe::BinaryOpKind op, Value box) {
  using K = fe::BinaryOpKind;
  double d;
  switch (plain_op(op)) {
    case K::Add: d = x + y; break;
    case K::Subtract: d = x - y; break;
    case K::Multiply: d = x * y; break;
    case K::TrueDivide:
      if (y == 0.0) return Value();
      d = x / y;
      break;
    default: return float_binary_rare(x, y, op);
  }
  static_cast<FloatObject*>(box.as_obj())->value = d;
  return box;
}

// An ordering or equality comparison of two ints or two doubles (NaN compares false except !=).
template <typename T>
inline int compare_ordered(T x, T y, fe::CompareKind k) {
  switch (k) {
    case fe::CompareKind::Lt: return x < y;
    case fe::CompareKind::Le: return x <= y;
    case fe::CompareKind::Eq: return x == y;
    case fe::CompareKind::Ne: return x != y;
    case fe::CompareKind::Gt: return x > y;
    default: return x >= y;
  }
}


// Pushes and binds the frame of a call to `fn` (recursion limit counted), ready to run; null
// with the exception pending (the caller's frame then reports it). Its `back` is the
// current frame, which becomes the callee. The slow path: binding with defaults, keywords,
// *args / **kwargs, and the errors of the limits.
[[gnu::noinline]] Frame* enter_python_call_slow(FunctionObject* fn, Value* args, int64_t nargs, TupleObject* kwnames) {
  // Calls check the eval breaker (GIL hand-off, signals, finalizers) so that recursion without
  // loops sees them too; the fast path only tests that the word is clear.
  if (eval_breaker_set() && !handle_eval_breaker()) return nullptr;
  if (!enter_call("")) return nullptr;
  CodeObject* code = fn->code;
  Frame* f = push_frame(code);
  if (!f) {
    leave_call();
    return nullptr;
  }
  f->func = fn;
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  constexpr uint32_t kStarFlags = fe::coflag::VARARGS | fe::coflag::VARKEYWORDS;
  if (!kwnames && nargs == code->argcount && code->kwonlyargcount == 0 && !(code->flags & kStarFlags)) {
    for (int64_t i = 0; i < nargs; ++i) f->slots[i] = args[i];
  } else if (!bind_arguments(fn, f, args, nargs, kwnames)) {
    pop_frame(f);
    leave_call();
    return nullptr;
  }
  ThreadState& ts = thread_state();
  f->back = ts.frame;
  ts.frame = f;
  return f;
}

// Call's inline cache (key: the callee type's version): key2 says what kind of class it is.
constexpr uint64_t kCallPlainInit = 1;
constexpr uint64_t kCallOther = 2;

static_assert(sizeof(Frame) == 10 * 8 + 2 * 4, "enter_python_call writes every Frame field: update it");

// The common call inline: exactly the positional parameters, under the recursion limit, room
// on the data stack. Frames run by the dispatch loop never grow the native stack, so only the
// depth counts; a call from C++ (kNative) also checks the native stack guard.
template <bool kNative = false>
[[gnu::always_inline]] inline Frame* enter_python_call(FunctionObject* fn, Value* args, int64_t nargs,
                                                       TupleObject* kwnames) {
  constexpr uint32_t kStarFlags = fe::coflag::VARARGS | fe::coflag::VARKEYWORDS;
  CodeObject* code = fn->code;
  ThreadState& ts = thread_state();
  size_t size = (frame_size(code) + 15) & ~size_t(15);
  char probe;
  if (kwnames || nargs != code->argcount || code->kwonlyargcount != 0 || (code->flags & kStarFlags) ||
      ts.depth >= ts.recursion_limit || size > static_cast<size_t>(t_data_end - t_data_top) ||
      (kNative && ts.stack_limit && &probe < ts.stack_limit) || eval_breaker_set()) [[unlikely]]
    return enter_python_call_slow(fn, args, nargs, kwnames);
  ++ts.depth;
  auto* f = reinterpret_cast<Frame*>(t_data_top);
  t_data_top += size;
  f->code = code;
  f->func = fn;
  f->back = ts.frame;
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  f->locals = Value();
  f->pc = 0;
  f->owner = nullptr;
  f->frame_object = nullptr;
  f->nslots = code->nlocalsplus + code->stacksize;
  f->call_kind = static_cast<int32_t>(FrameCallKind::kPlain);
  int64_t i = 0;
  for (; i < nargs; ++i) f->slots[i] = args[i];
  for (; i < code->nlocalsplus; ++i) f->slots[i] = Value();
  f->sp = f->slots + code->nlocalsplus;
  ts.frame = f;
  return f;
}

}  // namespace

Value eval_frame(Frame* f, bool* yielded, Value throw_in) {
  static void* const kDispatch[] = {
#define OP(Name, Format, Pop, Push, JumpPop, JumpPush, Flags) &&op_##Name,
#include "frontend/opcodes.def"
  };
  ThreadState& ts = thread_state();
  // Python-to-Python calls run in this loop (no C++ recursion): `f` switches to the callee's
  // frame and back on return. `entry` is the frame this activation was started with; only
  // returning from (or unwinding out of) it leaves eval_frame.
  Frame* const entry = f;
  CodeObject* code = f->code;
  const uint32_t* units = code->code;
  Value* locals = f->slots;
  Value* sp = f->sp;
  Value* consts = code->consts->items;
  Value* names_ = code->names->items;
  int64_t pc = f->pc;
  uint32_t unit = 0;
  uint32_t a = 0;
  uint64_t fresh_float = 0;  // bits of the float box BinaryOp made last (see op_BinaryOp)
  Value result;
  f->back = ts.frame;
  ts.frame = f;
  *yielded = false;

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<int64_t>(n)])
#define NAME(i) as_str(names_[i])
  // (ExtendedArg widens `a` itself and jumps straight to its op, so plain dispatch never
  // needs to merge prefix bits.)
#define DISPATCH()                                   \
  do {                                               \
    unit = units[pc];                                \
    a = fe::unit_arg(unit);                          \
    goto* kDispatch[static_cast<int>(fe::unit_op(unit))];              \
  } while (0)
#define NEXT(n) do { pc += (n); DISPATCH(); } while (0)
  // Width of the current instruction: 1, or 2 when a cache unit follows.
#define CACHED 2
#define CHECK(v) do { if ((v).is_empty_slot()) goto error; } while (0)
  // Makes `f` the executing frame: reloads the cached code pointers, stack and pc.
#define LOAD_FRAME()                  \
  do {                                \
    code = f->code;                   \
    units = code->code;               \
    locals = f->slots;                \
    sp = f->sp;                       \
    consts = code->consts->items;     \
    names_ = code->names->items;      \
    pc = f->pc;                       \
  } while (0)

  if (!throw_in.is_empty_slot()) {
    raise(throw_in);
    goto error;
  }
  DISPATCH();

op_Nop: NEXT(1);
op_ExtendedArg: {
  uint32_t ext = (a) << fe::kOperandBits;
  pc += 1;
  unit = units[pc];
  a = fe::unit_arg(unit) | ext;
  goto* kDispatch[static_cast<int>(fe::unit_op(unit))];
}
op_PopTop: --sp; NEXT(1);
op_Copy: { Value v = PEEK(a); PUSH(v); NEXT(1); }
op_Swap: { Value t = TOP(); TOP() = PEEK(a); PEEK(a) = t; NEXT(1); }
op_PushNull: PUSH(Value()); NEXT(1);

op_LoadConst: PUSH(consts[a]); NEXT(1);
op_LoadFast: {
  Value v = locals[a];
  if (v.is_empty_slot()) { unbound_local(code, a); goto error; }
  PUSH(v);
  NEXT(1);
}
op_StoreFast: locals[a] = POP(); NEXT(1);
op_DeleteFast:
  if (locals[a].is_empty_slot()) { unbound_local(code, a); goto error; }
  locals[a] = Value();
  NEXT(1);
op_MakeCell: {
  CellObject* c = new_cell(Value());
  if (!c) goto error;
  locals[code->nlocals + a] = Value::from_obj(c);
  NEXT(1);
}
op_CopyFreeVars: {
  TupleObject* closure = f->func->closure;
  int64_t base = code->nlocals + code->cellvars->size;
  for (uint32_t i = 0; i < a; ++i) locals[base + i] = closure->items[i];
  NEXT(1);
}
op_LoadClosure: PUSH(locals[code->nlocals + a]); NEXT(1);
op_LoadDeref: {
  Value v = static_cast<CellObject*>(locals[code->nlocals + a].as_obj())->contents;
  if (v.is_empty_slot()) { unbound_deref(code, a); goto error; }
  PUSH(v);
  NEXT(1);
}
op_StoreDeref: static_cast<CellObject*>(locals[code->nlocals + a].as_obj())->contents = POP(); NEXT(1);
op_DeleteDeref: {
  auto* c = static_cast<CellObject*>(locals[code->nlocals + a].as_obj());
  if (c->contents.is_empty_slot()) { unbound_deref(code, a); goto error; }
  c->contents = Value();
  NEXT(1);
}
op_LoadClassDeref: {
  StrObject* name = as_str(deref_name(code, a));
  if (!f->locals.is_empty_slot() && is_dict(f->locals)) {
    Value v = dict_get_str(as_dict(f->locals), name);
    if (!v.is_empty_slot()) { PUSH(v); NEXT(1); }
  }
  Value v = static_cast<CellObject*>(locals[code->nlocals + a].as_obj())->contents;
  if (v.is_empty_slot()) { unbound_deref(code, a); goto error; }
  PUSH(v);
  NEXT(1);
}
op_LoadGlobal: {
  // Inline cache: the address of the entry in globals (obj == globals) or builtins, valid
  // while both dicts' key sets are unchanged (keys_version); the value is read fresh.
  InlineCache& c = code->caches[units[pc + 1]];
  DictObject* g = f->globals;
  DictObject* b = f->builtins;
  if (c.key == g->keys_version && c.key2 == b->keys_version && c.obj) {
    // `index` holds the entry's address, stable while the owner's
    // keys_version is (a resize replaces the storage and bumps keys_version).
    PUSH(reinterpret_cast<DictEntry*>(c.index)->value);
    NEXT(CACHED);
  }
  Value v = load_global(f, NAME(a));
  CHECK(v);
  int64_t ix = dict_index_str(g, NAME(a));
  DictObject* owner = g;
  if (ix < 0) {
    ix = dict_index_str(b, NAME(a));
    owner = b;
  }
  if (ix >= 0) {
    c.key = g->keys_version;
    c.key2 = b->keys_version;
    c.index = reinterpret_cast<int64_t>(&dict_entries(owner->storage)[ix]);
    c.obj = owner;
  }
  PUSH(v);
  NEXT(CACHED);
}
op_StoreGlobal: {
  Value v = POP();
  if (!dict_set_str(f->globals, NAME(a), v)) goto error;
  NEXT(1);
}
op_DeleteGlobal: {
  int r = dict_del(f->globals, Value::from_obj(NAME(a)));
  if (r < 0) goto error;
  if (r == 0) { raise_name_error(f, NAME(a)); goto error; }
  NEXT(1);
}
op_LoadName: {
  Value v = load_name(f, NAME(a));
  CHECK(v);
  PUSH(v);
  NEXT(1);
}
op_StoreName: {
  Value v = POP();
  if (f->locals.is_empty_slot()) {
    raise_fmt(SystemErrorType, "no locals found when storing '%s'", NAME(a)->data);
    goto error;
  }
  bool ok = is_exact(f->locals, DictType) ? dict_set_str(as_dict(f->locals), NAME(a), v)
                                           : set_item(f->locals, Value::from_obj(NAME(a)), v);
  if (!ok) goto error;
  NEXT(1);
}
op_DeleteName: {
  if (!del_item(f->locals, Value::from_obj(NAME(a)))) {
    if (pending_matches(KeyErrorType)) {
      clear_exception();
      raise_name_error(f, NAME(a));
    }
    goto error;
  }
  NEXT(1);
}
op_LoadLocals:
  if (f->locals.is_empty_slot()) { raise_msg(SystemErrorType, "no locals found"); goto error; }
  PUSH(f->locals);
  NEXT(1);
op_SetupAnnotations: {
  Value loc = f->locals;
  if (is_dict(loc)) {
    if (dict_get_str(as_dict(loc), names::dunder_annotations).is_empty_slot()) {
      DictObject* d = new_dict();
      if (!d || !dict_set_str(as_dict(loc), names::dunder_annotations, Value::from_obj(d))) goto error;
    }
  } else {
    Value v = get_item(loc, Value::from_obj(names::dunder_annotations));
    if (v.is_empty_slot()) {
      if (!pending_matches(KeyErrorType)) goto error;
      clear_exception();
      DictObject* d = new_dict();
      if (!d || !set_item(loc, Value::from_obj(names::dunder_annotations), Value::from_obj(d))) goto error;
    }
  }
  NEXT(1);
}

op_LoadAttr: {
  // Inline cache (attr_cache.h): an instance slot, a __slots__ member, a class value, a
  // function to bind, a module global, a class object's attribute or a property, each
  // behind one or two compares; a miss first tries the global table (polymorphic sites).
  Value obj = TOP();
  InlineCache& c = code->caches[units[pc + 1]];
  if (obj.is_obj()) {
    Object* o = obj.as_obj();
    bool probed = false;
  load_attr_cached:
    switch (static_cast<AttrCacheKind>(c.kind)) {
      case AttrCacheKind::Slot:
        if (o->type->version == c.key) {
          InstanceAttrs* at = instance_attrs(o);
          if (reinterpret_cast<uintptr_t>(at->shape) == c.key2) {
            TOP() = static_cast<ValueArray*>(at->store)->items[c.index];
            NEXT(CACHED);
          }
        }
        break;
      case AttrCacheKind::Member:
        if (o->type->version == c.key) {
          Value v = *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + c.index);
          if (!v.is_empty_slot()) {
            TOP() = v;
            NEXT(CACHED);
          }
        }
        break;
      case AttrCacheKind::ClassValue:
        if (o->type->version == c.key && shape_key(o) == c.key2) {
          TOP() = cached_class_value(c);
          NEXT(CACHED);
        }
        break;
      case AttrCacheKind::Method:
        if (o->type->version == c.key && shape_key(o) == c.key2) {
          MethodObject* m = new_method(Value::from_obj(c.obj), obj);
          if (!m) goto error;
          TOP() = Value::from_obj(m);
          NEXT(CACHED);
        }
        break;
      case AttrCacheKind::Module:
        if (o->type == ModuleType && static_cast<ModuleObject*>(o)->dict &&
            static_cast<ModuleObject*>(o)->dict->keys_version == c.key) {
          TOP() = *reinterpret_cast<Value*>(static_cast<uintptr_t>(c.index));
          NEXT(CACHED);
        }
        break;
      case AttrCacheKind::ClassAttr:
        if (has(o->type, TypeFlag::TypeSubclass) && static_cast<TypeObject*>(o)->version == c.key &&
            o->type->version == c.key2) {
          TOP() = cached_class_value(c);
          NEXT(CACHED);
        }
        break;
      case AttrCacheKind::Property:
        if (o->type->version == c.key) {
          // The getter is read at each hit: property.__init__ may be called again.
          Value fget = static_cast<PropertyObject*>(c.obj)->fget;
          if (!fget.is_empty_slot() && fget != None) {
            Value v = call1(fget, obj);
            CHECK(v);
            TOP() = v;
            NEXT(CACHED);
          }
        }
        break;
      case AttrCacheKind::NativeDict:
        if (o->type->version == c.key) {
          DictObject* d = *native_dict_slot(o);
          Value v = d ? dict_get_str(d, NAME(a)) : Value();
          if (!v.is_empty_slot()) {
            TOP() = v;
            NEXT(CACHED);
          }
        }
        break;
      default:
        break;
    }
    if (!probed && attr_cache_probe(c, o, NAME(a), AttrOp::Load)) {
      probed = true;
      goto load_attr_cached;
    }
  }
  Value v = get_attr(obj, NAME(a));
  CHECK(v);
  fill_load_cache(c, obj, NAME(a), false);
  TOP() = v;
  NEXT(CACHED);
}
op_LoadMethod: {
  // Cached like LoadAttr; a function or native method of the type is pushed unbound with
  // the instance after it (the 3.11 call protocol), other results with a null before them.
  Value obj = TOP();
  InlineCache& c = code->caches[units[pc + 1]];
  if (obj.is_obj()) {
    Object* o = obj.as_obj();
    bool probed = false;
  load_method_cached:
    switch (static_cast<AttrCacheKind>(c.kind)) {
      case AttrCacheKind::Method:
        if (o->type->version == c.key && shape_key(o) == c.key2) {
          TOP() = Value::from_obj(c.obj);
          PUSH(obj);
          NEXT(CACHED);
        }
        break;
      case AttrCacheKind::Slot:
        if (o->type->version == c.key) {
          InstanceAttrs* at = instance_attrs(o);
          if (reinterpret_cast<uintptr_t>(at->shape) == c.key2) {
            TOP() = Value();
            PUSH(static_cast<ValueArray*>(at->store)->items[c.index]);
            NEXT(CACHED);
          }
        }
        break;
      case AttrCacheKind::Member:
        if (o->type->version == c.key) {
          Value v = *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + c.index);
          if (!v.is_empty_slot()) {
            TOP() = Value();
            PUSH(v);
            NEXT(CACHED);
          }
        }
        break;
      case AttrCacheKind::ClassValue:
        if (o->type->version == c.key && shape_key(o) == c.key2) {
          TOP() = Value();
          PUSH(cached_class_value(c));
          NEXT(CACHED);
        }
        break;
      case AttrCacheKind::Module:
        if (o->type == ModuleType && static_cast<ModuleObject*>(o)->dict &&
            static_cast<ModuleObject*>(o)->dict->keys_version == c.key) {
          TOP() = Value();
          PUSH(*reinterpret_cast<Value*>(static_cast<uintptr_t>(c.index)));
          NEXT(CACHED);
        }
        break;
      case AttrCacheKind::ClassAttr:
        if (has(o->type, TypeFlag::TypeSubclass) && static_cast<TypeObject*>(o)->version == c.key &&
            o->type->version == c.key2) {
          TOP() = Value();
          PUSH(cached_class_value(c));
          NEXT(CACHED);
        }
        break;
      case AttrCacheKind::Property:
        if (o->type->version == c.key) {
          // The getter is read at each hit: property.__init__ may be called again.
          Value fget = static_cast<PropertyObject*>(c.obj)->fget;
          if (!fget.is_empty_slot() && fget != None) {
            Value v = call1(fget, obj);
            CHECK(v);
            TOP() = Value();
            PUSH(v);
            NEXT(CACHED);
          }
        }
        break;
      default:
        break;
    }
    if (!probed && attr_cache_probe(c, o, NAME(a), AttrOp::Method)) {
      probed = true;
      goto load_method_cached;
    }
  }
  if (obj.is_obj() && obj.as_obj()->type == SuperType && NAME(a)->view() != "__class__") {
    // super().m(...): the function found after the class, pushed unbound with the instance.
    Value inst;
    Value fn = super_find_method(obj, NAME(a), &inst);
    if (!fn.is_empty_slot()) {
      TOP() = fn;
      PUSH(inst);
      NEXT(CACHED);
    }
  }
  Value v = get_attr(obj, NAME(a));
  CHECK(v);
  fill_load_cache(c, obj, NAME(a), true);
  if (static_cast<AttrCacheKind>(c.kind) == AttrCacheKind::Method && c.key == type_of(obj)->version &&
      obj.is_obj() && shape_key(obj.as_obj()) == c.key2) {
    // Just filled: the bound method made on the slow path is dropped for the unbound form.
    TOP() = Value::from_obj(c.obj);
    PUSH(obj);
    NEXT(CACHED);
  }
  TOP() = Value();
  PUSH(v);
  NEXT(CACHED);
}
op_StoreAttr: {
  // Cached (attr_cache.h): overwrite a slot, or add one through a known transition.
  Value obj = POP();
  Value v = POP();
  InlineCache& c = code->caches[units[pc + 1]];
  uint64_t before = kDictModeBits;
  if (obj.is_obj()) {
    Object* o = obj.as_obj();
    bool probed = false;
  store_attr_cached:
    AttrCacheKind kind = static_cast<AttrCacheKind>(c.kind);
    if (kind == AttrCacheKind::StoreNativeDict && o->type->version == c.key) {
      DictObject* d = *native_dict_slot(o);
      if (d) {
        if (!dict_set_str(d, NAME(a), v)) goto error;
        NEXT(CACHED);
      }
    }
    if (kind == AttrCacheKind::StoreMember && o->type->version == c.key) {
      *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + c.index) = v;
      NEXT(CACHED);
    }
    if ((kind == AttrCacheKind::StoreSlot || kind == AttrCacheKind::StoreAdd) && o->type->version == c.key) {
      InstanceAttrs* at = instance_attrs(o);
      if (reinterpret_cast<uintptr_t>(at->shape) == c.key2) {
        auto* slots = static_cast<ValueArray*>(at->store);
        if (kind == AttrCacheKind::StoreSlot) {
          slots->items[c.index] = v;
          NEXT(CACHED);
        }
        if (slots && c.index < slots->capacity) {
          slots->items[c.index] = v;
          at->shape = static_cast<Shape*>(c.obj);
          NEXT(CACHED);
        }
        if (!store_add_grow(o, c, v)) goto error;
        NEXT(CACHED);
      }
    }
    if (!probed && attr_cache_probe(c, o, NAME(a), AttrOp::Store)) {
      probed = true;
      goto store_attr_cached;
    }
    before = shape_key(o);
  }
  if (!set_attr(obj, NAME(a), v)) goto error;
  fill_store_cache(c, obj, NAME(a), before);
  NEXT(CACHED);
}
op_DeleteAttr: {
  Value obj = POP();
  if (!set_attr(obj, NAME(a), Value())) goto error;
  NEXT(1);
}
op_BinarySubscr: {
  Value key = POP();
  Value c = TOP();
  if (key.is_small_int() && c.is_obj()) {
    // list[i] / tuple[i] with an in-range small int: no call (errors take the generic path).
    TypeObject* t = c.as_obj()->type;
    int64_t i = key.as_small_int();
    if (t == ListType) {
      ListObject* l = as_list(c);
      if (i < 0) i += l->size;
      if (static_cast<uint64_t>(i) < static_cast<uint64_t>(l->size)) {
        TOP() = l->items()[i];
        NEXT(CACHED);
      }
    } else if (t == TupleType) {
      TupleObject* tp = as_tuple(c);
      if (i < 0) i += tp->size;
      if (static_cast<uint64_t>(i) < static_cast<uint64_t>(tp->size)) {
        TOP() = tp->items[i];
        NEXT(CACHED);
      }
    }
  }
  Value v = get_item(c, key);
  CHECK(v);
  TOP() = v;
  NEXT(CACHED);
}
op_StoreSubscr: {
  Value key = POP();
  Value c = POP();
  Value v = POP();
  if (key.is_small_int() && is_exact(c, ListType)) {
    ListObject* l = as_list(c);
    int64_t i = key.as_small_int();
    if (i < 0) i += l->size;
    if (static_cast<uint64_t>(i) < static_cast<uint64_t>(l->size)) {
      l->items()[i] = v;
      NEXT(CACHED);
    }
  }
  if (!set_item(c, key, v)) goto error;
  NEXT(CACHED);
}
op_DeleteSubscr: {
  Value key = POP();
  Value c = POP();
  if (!del_item(c, key)) goto error;
  NEXT(1);
}
op_BuildSlice: {
  Value step = a == 3 ? POP() : None;
  Value stop = POP();
  Value start = POP();
  Value s = new_slice(start, stop, step);
  CHECK(s);
  PUSH(s);
  NEXT(1);
}

op_BinaryOp: {
  Value r = PEEK(1), l = PEEK(2);
  const auto k = static_cast<fe::BinaryOpKind>(a & fe::kBinOpKindMask);
  Value v;
  if (l.is_small_int() && r.is_small_int()) {
    // 63-bit operands: + and - cannot overflow int64, only the small-int range.
    int64_t x = l.as_small_int(), y = r.as_small_int();
    if (k == fe::BinaryOpKind::Add || k == fe::BinaryOpKind::InplaceAdd) {
      if (Value::fits_small_int(x + y)) v = Value::from_small_int(x + y);
    } else if (k == fe::BinaryOpKind::Subtract || k == fe::BinaryOpKind::InplaceSubtract) {
      if (Value::fits_small_int(x - y)) v = Value::from_small_int(x - y);
    } else {
      v = small_int_binary(x, y, k);
    }
    if (v.is_empty_slot()) v = binary_op(l, r, k);
    fresh_float = 0;
  } else if ((is_float(l) || l.is_small_int()) && (is_float(r) || r.is_small_int())) {
    // Float arithmetic without the generic dispatch (ints that mix in are exact in a double
    // only below 2**53, so bigger ones take the generic path).
    double x, y;
    if (exact_double(l, &x) && exact_double(r, &y)) {
      // An operand that a nested BinaryOp just boxed (the compiler marks nested results; the box
      // is still the last one this loop made, so nothing else has seen it) takes the result.
      if ((a & fe::kBinOpRightTemp) && r.bits() == fresh_float)
        v = float_binary_into(x, y, k, r);
      else if ((a & fe::kBinOpLeftTemp) && l.bits() == fresh_float)
        v = float_binary_into(x, y, k, l);
      else
        v = float_binary_fast(x, y, k);
      fresh_float = v.bits();
    }
    if (v.is_empty_slot()) {
      fresh_float = 0;
      v = binary_op(l, r, k);
    }
  } else if (is_exact(l, StrType) && is_exact(r, StrType) &&
             (k == fe::BinaryOpKind::Add || k == fe::BinaryOpKind::InplaceAdd)) {
    v = str_concat(as_str(l), as_str(r));
  } else {
    // User code may run (and keep the object it returns): only results made just above count
    // as fresh.
    fresh_float = 0;
    v = binary_op(l, r, k);
  }
  CHECK(v);
  --sp;
  TOP() = v;
  NEXT(CACHED);
}
op_UnaryNegative: { Value v = unary_negative(TOP()); CHECK(v); TOP() = v; NEXT(1); }
op_UnaryPositive: { Value v = unary_positive(TOP()); CHECK(v); TOP() = v; NEXT(1); }
op_UnaryInvert: { Value v = unary_invert(TOP()); CHECK(v); TOP() = v; NEXT(1); }
op_UnaryNot: {
  int t = is_true(TOP());
  if (t < 0) goto error;
  TOP() = bool_value(!t);
  NEXT(1);
}
op_CompareOp: {
  // Ints, floats and str equality are compared inline; when a conditional jump follows (the
  // usual `if a < b:` / `while i < n:`), the bool is never boxed: the jump is taken here.
  Value r = PEEK(1), l = PEEK(2);
  int b;
  if (l.is_small_int() && r.is_small_int()) {
    b = compare_ordered(l.as_small_int(), r.as_small_int(), static_cast<fe::CompareKind>(a));
  } else if (is_float(l) && is_float(r)) {
    b = compare_ordered(float_of(l), float_of(r), static_cast<fe::CompareKind>(a));
  } else if (is_exact(l, StrType) && is_exact(r, StrType) &&
             (a == static_cast<uint32_t>(fe::CompareKind::Eq) || a == static_cast<uint32_t>(fe::CompareKind::Ne))) {
    b = str_equal(as_str(l), as_str(r)) == (a == static_cast<uint32_t>(fe::CompareKind::Eq));
  } else {
    Value v = rich_compare(l, r, static_cast<fe::CompareKind>(a));
    CHECK(v);
    --sp;
    TOP() = v;
    NEXT(CACHED);
  }
  {
    uint32_t next = units[pc + CACHED];
    Opcode nop = fe::unit_op(next);
    if (nop == Opcode::PopJumpIfFalse || nop == Opcode::PopJumpIfTrue) {
      sp -= 2;
      if ((nop == Opcode::PopJumpIfTrue) == (b != 0)) {
        pc = fe::unit_arg(next);
        DISPATCH();
      }
      NEXT(CACHED + 1);
    }
  }
  --sp;
  TOP() = bool_value(b);
  NEXT(CACHED);
}
op_IsOp: {
  Value r = POP();
  bool same = TOP() == r;
  TOP() = bool_value(a ? !same : same);
  NEXT(1);
}
op_ContainsOp: {
  Value c = POP();
  int r = contains(c, TOP());
  if (r < 0) goto error;
  TOP() = bool_value(a ? !r : r);
  NEXT(1);
}

op_BuildTuple: {
  if ((a == 2 || a == 3) && units[pc + 1] == fe::encode(Opcode::UnpackSequence, a)) {
    // `a, b = b, a` / `x[i], x[j] = x[j], x[i]`: packing then unpacking the same count only
    // reverses the items (CPython's compiler emits a SWAP here); no tuple is made.
    Value t = TOP();
    TOP() = PEEK(a);
    PEEK(a) = t;
    NEXT(1 + CACHED);
  }
  TupleObject* t = new_tuple(a);
  if (!t) goto error;
  sp -= a;
  for (uint32_t i = 0; i < a; ++i) t->items[i] = sp[i];
  PUSH(Value::from_obj(t));
  NEXT(1);
}
op_BuildList: {
  ListObject* l = new_list(a);
  if (!l) goto error;
  sp -= a;
  for (uint32_t i = 0; i < a; ++i) l->items()[i] = sp[i];
  PUSH(Value::from_obj(l));
  NEXT(1);
}
op_BuildSet: {
  Value s = new_set_from(sp - a, a);
  CHECK(s);
  sp -= a;
  PUSH(s);
  NEXT(1);
}
op_BuildMap: {
  DictObject* d = new_dict(a);
  if (!d) goto error;
  for (uint32_t i = 0; i < a; ++i)
    if (!dict_set(d, sp[-2 * static_cast<int64_t>(a) + 2 * i], sp[-2 * static_cast<int64_t>(a) + 2 * i + 1])) goto error;
  sp -= 2 * a;
  PUSH(Value::from_obj(d));
  NEXT(1);
}
op_BuildConstKeyMap: {
  TupleObject* keys = as_tuple(POP());
  DictObject* d = new_dict(a);
  if (!d) goto error;
  for (uint32_t i = 0; i < a; ++i)
    if (!dict_set(d, keys->items[i], sp[-static_cast<int64_t>(a) + i])) goto error;
  sp -= a;
  PUSH(Value::from_obj(d));
  NEXT(1);
}
op_BuildString: {
  Value s = build_string(sp - a, a);
  CHECK(s);
  sp -= a;
  PUSH(s);
  NEXT(1);
}
op_ListAppend: {
  Value v = POP();
  if (!list_append(as_list(PEEK(a)), v)) goto error;
  NEXT(1);
}
op_SetAdd: {
  Value v = POP();
  if (!set_add_value(PEEK(a), v)) goto error;
  NEXT(1);
}
op_MapAdd: {
  Value v = POP();
  Value k = POP();
  if (!dict_set(as_dict(PEEK(a)), k, v)) goto error;
  NEXT(1);
}
op_ListExtend: {
  Value it = POP();
  if (!list_extend(as_list(PEEK(a)), it)) {
    if (pending_matches(TypeErrorType) && get_iter_would_fail(it)) {
      clear_exception();
      raise_fmt(TypeErrorType, "Value after * must be an iterable, not %s", type_name(it));
    }
    goto error;
  }
  NEXT(1);
}
op_SetUpdate: {
  Value it = POP();
  if (!set_update_value(PEEK(a), it)) goto error;
  NEXT(1);
}
op_DictUpdate: {
  Value m = POP();
  if (!dict_update_from(as_dict(PEEK(a)), m)) {
    if (pending_matches(AttributeErrorType)) {
      clear_exception();
      raise_fmt(TypeErrorType, "'%s' object is not a mapping", type_name(m));
    }
    goto error;
  }
  NEXT(1);
}
op_DictMerge: {
  Value m = POP();
  DictObject* target = as_dict(PEEK(a));
  Value callee = PEEK(a + 2);
  if (!dict_merge_kwargs(target, m, callee)) goto error;
  NEXT(1);
}
op_ListToTuple: {
  ListObject* l = as_list(TOP());
  TupleObject* t = new_tuple(l->size);
  if (!t) goto error;
  for (int64_t i = 0; i < l->size; ++i) t->items[i] = l->items()[i];
  TOP() = Value::from_obj(t);
  NEXT(1);
}
op_FormatValue: {
  Value spec = (a & 4) ? POP() : Value();
  Value v = format_value(TOP(), a & 3, spec);
  CHECK(v);
  TOP() = v;
  NEXT(1);
}
op_UnpackSequence: {
  Value seq = POP();
  if (seq.is_obj() && seq.as_obj()->type == TupleType && as_tuple(seq)->size == a) {
    // `a, b = b, a` / `for k, v in pairs`: items pushed last-first, no call.
    Value* items = as_tuple(seq)->items;
    for (uint32_t i = 0; i < a; ++i) sp[i] = items[a - 1 - i];
    sp += a;
    NEXT(CACHED);
  }
  if (!unpack_sequence(seq, a, sp)) goto error;
  sp += a;
  NEXT(CACHED);
}
op_UnpackEx: {
  Value seq = POP();
  int64_t before = a & 0xFF, after = a >> 8;
  if (!unpack_ex(seq, before, after, sp)) goto error;
  sp += before + after + 1;
  NEXT(1);
}

op_Jump: pc = a; DISPATCH();
op_JumpBackward:
  // Loop back-edge: the JIT's profiling counter and the eval breaker go here.
  if (eval_breaker_set()) {
    if (!handle_eval_breaker()) goto error;
  }
  pc = a;
  DISPATCH();
op_PopJumpIfFalse: {
  Value v = POP();
  int t = v == True ? 1 : v == False || v == None ? 0 : v.is_small_int() ? v.as_small_int() != 0 : is_true(v);
  if (t < 0) goto error;
  if (!t) { pc = a; DISPATCH(); }
  NEXT(1);
}
op_PopJumpIfTrue: {
  Value v = POP();
  int t = v == True ? 1 : v == False || v == None ? 0 : v.is_small_int() ? v.as_small_int() != 0 : is_true(v);
  if (t < 0) goto error;
  if (t) { pc = a; DISPATCH(); }
  NEXT(1);
}
op_PopJumpIfNone: {
  Value v = POP();
  if (v == None) { pc = a; DISPATCH(); }
  NEXT(1);
}
op_PopJumpIfNotNone: {
  Value v = POP();
  if (v != None) { pc = a; DISPATCH(); }
  NEXT(1);
}
op_JumpIfFalseOrPop: {
  int t = is_true(TOP());
  if (t < 0) goto error;
  if (!t) { pc = a; DISPATCH(); }
  --sp;
  NEXT(1);
}
op_JumpIfTrueOrPop: {
  int t = is_true(TOP());
  if (t < 0) goto error;
  if (t) { pc = a; DISPATCH(); }
  --sp;
  NEXT(1);
}
op_GetIter: {
  Value it = get_iter(TOP());
  CHECK(it);
  TOP() = it;
  NEXT(1);
}
op_ForIter: {
  Value it = TOP();
  if (it.is_obj()) {
    // range and list iteration inline; everything else (and exhaustion) is iter_next's.
    TypeObject* t = it.as_obj()->type;
    if (t == RangeIterType) {
      auto* r = static_cast<RangeIterObject*>(it.as_obj());
      if (r->remaining > 0 && Value::fits_small_int(r->next)) {
        PUSH(Value::from_small_int(r->next));
        r->next += r->step;
        --r->remaining;
        NEXT(CACHED);
      }
    } else if (t == ListIterType) {
      auto* li = static_cast<SeqIterObject*>(it.as_obj());
      if (!li->seq.is_empty_slot()) {
        ListObject* l = as_list(li->seq);
        if (li->index < l->size) {
          PUSH(l->items()[li->index++]);
          NEXT(CACHED);
        }
      }
    } else if ((t == ZipType || t == EnumerateType || t == DictItemIterType) &&
               fe::unit_op(units[pc + CACHED]) == Opcode::UnpackSequence) {
      // `for a, b in zip(...)` / `enumerate(...)` / `d.items()`: the items go straight to
      // the stack as the UnpackSequence that follows would leave them; no tuple is made.
      uint32_t n = fe::unit_arg(units[pc + CACHED]);
      if (t == DictItemIterType ? n == 2 && dict_items_next_unpacked(it, sp) : next_unpacked(it, n, sp)) {
        sp += n;
        NEXT(CACHED + CACHED);
      }
    }
  }
  bool done = false;
  Value v = iter_next(it, &done);
  if (done) {
    --sp;
    pc = a;
    DISPATCH();
  }
  CHECK(v);
  PUSH(v);
  NEXT(CACHED);
}

op_Call: {
  Value* base = sp - a - 2;
  Value callable;
  Value* args;
  int64_t nargs;
  if (base[0].is_empty_slot()) {
    callable = base[1];
    if (callable.is_obj() && callable.as_obj()->type == MethodType) {
      // A bound method in the null slot: unpack it in place, so its function gets the
      // self-first fast path below (base[0] = function, base[1] = self).
      auto* m = static_cast<MethodObject*>(callable.as_obj());
      base[0] = m->func;
      base[1] = m->self;
      callable = base[0];
      args = base + 1;
      nargs = a + 1;
    } else {
      args = base + 2;
      nargs = a;
    }
  } else {
    callable = base[0];
    args = base + 1;
    nargs = a + 1;
  }
  f->sp = sp;
  f->pc = pc;
  Value v;
  if (callable.is_obj()) {
    TypeObject* ct = callable.as_obj()->type;
    if (ct == TypeType && base[0].is_empty_slot()) {
      // Class(...) of a plain class (object.__new__, a Python __init__): the instance is made
      // here and __init__ runs in this loop; the classification is cached per type version.
      auto* type = static_cast<TypeObject*>(callable.as_obj());
      InlineCache& c = code->caches[units[pc + 1]];
      if (c.key != type->version) {
        FunctionObject* init = plain_init_class(type);
        c.key = type->version;
        c.key2 = init ? kCallPlainInit : kCallOther;
        c.obj = init;
      }
      if (c.key2 == kCallPlainInit) {
        Object* inst = type->alloc(type);
        if (!inst) { sp = base; goto error; }
        base[0] = Value::from_obj(c.obj);
        base[1] = Value::from_obj(inst);
        Frame* nf = enter_python_call(static_cast<FunctionObject*>(c.obj), base + 1, a + 1, nullptr);
        if (!nf) { sp = base; goto error; }
        nf->call_kind = static_cast<int32_t>(FrameCallKind::kInit);
        f->sp = base;
        f = nf;
        LOAD_FRAME();
        DISPATCH();
      }
      v = call(callable, args, nargs, nullptr);
    } else if (ct == FunctionType) {
      auto* fn = static_cast<FunctionObject*>(callable.as_obj());
      if (!(fn->code->flags & kGeneratorFlags)) {
        Frame* nf = enter_python_call(fn, args, nargs, nullptr);
        if (!nf) { sp = base; goto error; }
        f->sp = base;
        f = nf;
        LOAD_FRAME();
        DISPATCH();
      }
      v = call_function(fn, args, nargs, nullptr);
    } else if (ct == MethodDescrType && nargs >= 1 && type_of(args[0]) == static_cast<MethodDescrObject*>(callable.as_obj())->owner) {
      // `lst.append(x)` after LoadMethod: the receiver is exactly the method's type.
      if (!enter_call(" while calling a Python object")) { sp = base; goto error; }
      v = static_cast<MethodDescrObject*>(callable.as_obj())->fn(args, nargs, nullptr);
      leave_call();
    } else if (ct == NativeFunctionType && static_cast<NativeFunctionObject*>(callable.as_obj())->self.is_empty_slot()) {
      // A module-level builtin (len, isinstance, abs, ...): straight to its C++ entry.
      if (!enter_call(" while calling a Python object")) { sp = base; goto error; }
      v = static_cast<NativeFunctionObject*>(callable.as_obj())->fn(args, nargs, nullptr);
      leave_call();
    } else {
      v = call(callable, args, nargs, nullptr);
    }
  } else {
    v = call(callable, args, nargs, nullptr);
  }
  sp = base;
  CHECK(v);
  PUSH(v);
  NEXT(CACHED);
}
op_CallKw: {
  TupleObject* kwnames = as_tuple(sp[-1]);
  Value* base = sp - a - 3;
  Value callable;
  Value* args;
  int64_t nargs;
  if (base[0].is_empty_slot()) {
    callable = base[1];
    args = base + 2;
    nargs = a - kwnames->size;
  } else {
    callable = base[0];
    args = base + 1;
    nargs = a + 1 - kwnames->size;
  }
  f->sp = sp;
  f->pc = pc;
  if (callable.is_obj() && callable.as_obj()->type == FunctionType &&
      !(static_cast<FunctionObject*>(callable.as_obj())->code->flags & kGeneratorFlags)) {
    Frame* nf = enter_python_call(static_cast<FunctionObject*>(callable.as_obj()), args, nargs, kwnames);
    if (!nf) { sp = base; goto error; }
    f->sp = base;
    f = nf;
    LOAD_FRAME();
    DISPATCH();
  }
  Value v = call(callable, args, nargs, kwnames);
  sp = base;
  CHECK(v);
  PUSH(v);
  NEXT(1);
}
op_CallEx: {
  Value kwargs = (a & 1) ? POP() : Value();
  Value argt = POP();
  Value callable = POP();
  --sp;  // the null below the callable
  if (!is_exact(argt, TupleType)) {
    Value t = sequence_to_tuple(argt);
    if (t.is_empty_slot()) {
      // Only a non-iterable is reported so; a TypeError raised while iterating stays.
      if (pending_matches(TypeErrorType) && get_iter_would_fail(argt)) {
        clear_exception();
        raise_fmt(TypeErrorType, "%s argument after * must be an iterable, not %s",
                  callable_description(callable).c_str(), type_name(argt));
      }
      goto error;
    }
    argt = t;
  }
  f->sp = sp;
  f->pc = pc;
  Value v = call_tuple_dict(callable, as_tuple(argt), kwargs.is_empty_slot() ? nullptr : as_dict(kwargs));
  CHECK(v);
  PUSH(v);
  NEXT(1);
}
op_MakeFunction: {
  auto* fcode = static_cast<CodeObject*>(POP().as_obj());
  FunctionObject* fn = new_function(fcode, f->globals, Value());
  if (!fn) goto error;
  fn->builtins = f->builtins;
  if (a & 8) fn->closure = as_tuple(POP());
  if (a & 4) {
    TupleObject* ann = as_tuple(POP());
    DictObject* d = new_dict();
    if (!d) goto error;
    for (int64_t i = 0; i + 1 < ann->size; i += 2)
      if (!dict_set(d, ann->items[i], ann->items[i + 1])) goto error;
    fn->annotations = d;
  }
  if (a & 2) fn->kwdefaults = as_dict(POP());
  if (a & 1) fn->defaults = as_tuple(POP());
  PUSH(Value::from_obj(fn));
  NEXT(1);
}
op_ReturnValue:
  result = POP();
  f->sp = sp;
  if (f != entry) {
    // Back to the Python caller in this loop: the result replaces the call's operands.
    Frame* caller = f->back;
    bool init = f->call_kind == static_cast<int32_t>(FrameCallKind::kInit);
    ts.frame = caller;
    t_data_top = reinterpret_cast<char*>(f);  // pop_frame
    --ts.depth;                                // leave_call
    f = caller;
    LOAD_FRAME();
    if (init) {
      // The instance waits in the call's self slot (base[1]); sp is the call's base.
      if (result != None) {
        raise_fmt(TypeErrorType, "__init__() should return None, not '%s'", type_name(result));
        goto error;
      }
      result = sp[1];
    }
    PUSH(result);
    NEXT(fe::unit_op(units[pc]) == Opcode::Call ? CACHED : 1);
  }
  goto done;
op_LoadBuildClass: {
  Value bc = dict_get_str(f->builtins, names::dunder_build_class);
  if (bc.is_empty_slot()) { raise_msg(NameErrorType, "__build_class__ not found"); goto error; }
  PUSH(bc);
  NEXT(1);
}
op_ImportName: {
  Value fromlist = POP();
  Value level = POP();
  f->sp = sp;
  f->pc = pc;
  Value m = import_name(f, NAME(a), fromlist, level);
  CHECK(m);
  PUSH(m);
  NEXT(1);
}
op_ImportFrom: {
  Value v = import_from(TOP(), NAME(a));
  CHECK(v);
  PUSH(v);
  NEXT(1);
}
op_ImportStar: {
  Value m = POP();
  if (!import_star(f, m)) goto error;
  NEXT(1);
}
op_LoadAssertionError: PUSH(Value::from_obj(AssertionErrorType)); NEXT(1);
op_PrintExpr: {
  Value v = POP();
  if (!print_expr(v)) goto error;
  NEXT(1);
}

op_Raise: {
  if (a == 0) {
    Value h = ts.handled;
    if (h.is_empty_slot() || h == None) {
      raise_msg(RuntimeErrorType, "No active exception to reraise");
      goto error;
    }
    ts.pending = h;  // a bare `raise` keeps the traceback and context it had: no new entry
    goto reraise;
  }
  Value cause = a == 2 ? POP() : Value();
  Value exc = POP();
  if (a == 2) {
    // Evaluate the cause before raising, as CPython does (its errors win).
    if (cause.is_obj() && has(cause.as_obj()->type, TypeFlag::TypeSubclass) &&
        has(static_cast<TypeObject*>(cause.as_obj()), TypeFlag::BaseExcSubclass)) {
      cause = call0(cause);
      CHECK(cause);
    } else if (cause != None && !is_exception(cause)) {
      raise_msg(TypeErrorType, "exception causes must derive from BaseException");
      goto error;
    }
  }
  raise_object(exc);
  if (a == 2 && is_exception(ts.pending)) {
    as_exception(ts.pending)->cause = cause;
    as_exception(ts.pending)->suppress_context = true;
  }
  goto error;
}
op_Reraise: {
  Value exc = POP();
  if (a) {
    Value lasti = PEEK(a);
    if (lasti.is_small_int()) f->pc = lasti.as_small_int();
  }
  ts.pending = exc;  // no new traceback entry: it already has this frame's
  goto reraise;
}
op_PushExcInfo: {
  Value exc = TOP();
  Value prev = ts.handled.is_empty_slot() ? None : ts.handled;
  TOP() = prev;
  PUSH(exc);
  ts.handled = exc;
  NEXT(1);
}
op_PopExcept: {
  Value prev = POP();
  ts.handled = prev == None ? Value() : prev;
  NEXT(1);
}
op_CheckExcMatch: {
  Value type = TOP();
  Value exc = PEEK(2);
  int r = exception_matches(exc, type);
  if (r < 0) goto error;
  TOP() = bool_value(r);
  NEXT(1);
}
op_CheckEgMatch: {
  // rest type -> rest None (no match) | rest' match (match becomes the handled exception)
  Value type = POP();
  Value match, rest;
  f->sp = sp;
  if (!except_star_match(TOP(), type, &match, &rest)) goto error;
  if (match != None) {
    TOP() = rest;
    ts.handled = match;
  }
  PUSH(match);
  NEXT(1);
}
op_PrepReraiseStar: {
  // orig list -> exception to re-raise, or None
  Value list = POP();
  Value r = prep_reraise_star(TOP(), list);
  CHECK(r);
  TOP() = r;
  NEXT(1);
}
op_BeforeWith: {
  // mgr -> bound __exit__, __enter__() result
  Value r = enter_context(sp, false);
  CHECK(r);
  PUSH(r);
  NEXT(1);
}
op_WithExceptStart: {
  Value exc = TOP();
  Value exit = PEEK(4);
  ExceptionObject* e = as_exception(exc);
  Value args[3] = {Value::from_obj(exc.as_obj()->type), exc, e->traceback};
  Value r = call(exit, args, 3);
  CHECK(r);
  PUSH(r);
  NEXT(1);
}

op_ReturnGenerator: {
  f->pc = pc + 1;
  f->sp = sp;
  ts.frame = f->back;
  Value g = make_generator(f);
  return g;  // the caller pops this frame; the generator owns a copy
}
op_YieldValue: {
  result = POP();
  f->sp = sp;
  f->pc = pc + 1;
  *yielded = true;
  ts.frame = f->back;
  return result;
}
op_Send: {
  Value v = POP();
  Value it = TOP();
  bool returned = false;
  Value r = send_to(it, v, &returned);
  CHECK(r);
  if (returned) {
    TOP() = r;
    pc = a;
    DISPATCH();
  }
  PUSH(r);
  NEXT(1);
}
op_GetYieldFromIter: {
  Value v = TOP();
  if (v.is_obj() && v.as_obj()->type == CoroutineType) {
    // Only a coroutine or a types.coroutine generator may delegate to a coroutine.
    if (!(code->flags & (fe::coflag::COROUTINE | fe::coflag::ITERABLE_COROUTINE))) {
      raise_msg(TypeErrorType, "cannot 'yield from' a coroutine object in a non-coroutine generator");
      goto error;
    }
  } else if (!(v.is_obj() && v.as_obj()->type == GeneratorType)) {
    Value it = get_iter(v);
    CHECK(it);
    TOP() = it;
  }
  NEXT(1);
}
op_GetAwaitable: {
  Value v = get_awaitable(TOP(), a);
  CHECK(v);
  TOP() = v;
  NEXT(1);
}
op_GetAIter: {
  Value obj = TOP();
  Value m = lookup_special(obj, names::dunder_aiter);
  if (m.is_empty_slot()) {
    raise_fmt(TypeErrorType, "'async for' requires an object with __aiter__ method, got %s", type_name(obj));
    goto error;
  }
  Value it = call1(m, obj);
  CHECK(it);
  if (lookup_special(it, names::dunder_anext).is_empty_slot()) {
    raise_fmt(TypeErrorType, "'async for' received an object from __aiter__ that does not implement __anext__: %s",
              type_name(it));
    goto error;
  }
  TOP() = it;
  NEXT(1);
}
op_GetANext: {
  Value ait = TOP();
  Value m = lookup_special(ait, names::dunder_anext);
  if (m.is_empty_slot()) {
    raise_fmt(TypeErrorType, "'async for' requires an iterator with __anext__ method, got %s", type_name(ait));
    goto error;
  }
  Value r = call1(m, ait);
  CHECK(r);
  Value aw = get_awaitable(r, 0);
  if (aw.is_empty_slot()) {
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      raise_fmt(TypeErrorType, "'async for' received an invalid object from __anext__: %s", type_name(r));
    }
    goto error;
  }
  PUSH(aw);
  NEXT(1);
}
op_EndAsyncFor: {
  Value exc = POP();
  if (is_exception(exc) && is_subtype(type_of(exc), StopAsyncIterationType)) {
    --sp;  // the async iterator
    NEXT(1);
  }
  ts.pending = exc;
  goto reraise;
}
op_BeforeAsyncWith: {
  // mgr -> bound __aexit__, __aenter__() awaitable
  Value r = enter_context(sp, true);
  CHECK(r);
  PUSH(r);
  NEXT(1);
}
op_AsyncGenWrap: {
  Value w = async_gen_wrap(TOP());
  CHECK(w);
  TOP() = w;
  NEXT(1);
}
op_GetLen: {
  int64_t n = length(TOP());
  if (n < 0) goto error;
  PUSH(int_from_int64(n));
  NEXT(1);
}
op_MatchMapping: {
  int r = match_is_mapping(TOP());
  if (r < 0) goto error;
  PUSH(bool_value(r));
  NEXT(1);
}
op_MatchSequence: {
  int r = match_is_sequence(TOP());
  if (r < 0) goto error;
  PUSH(bool_value(r));
  NEXT(1);
}
op_MatchKeys: {
  Value v = match_keys(PEEK(2), as_tuple(TOP()));
  CHECK(v);
  PUSH(v);
  NEXT(1);
}
op_MatchClass: {
  Value kwnames = POP();
  Value cls = POP();
  Value v = match_class(TOP(), cls, a, as_tuple(kwnames));
  CHECK(v);
  TOP() = v;
  NEXT(1);
}
op_CopyDictWithoutKeys: {
  Value v = copy_dict_without_keys(PEEK(2), as_tuple(TOP()));
  CHECK(v);
  TOP() = v;
  NEXT(1);
}

error:
  // A new exception passing through this frame gets a traceback entry for it.
  add_traceback(ts.pending, f, pc);
reraise: {
  Value exc = ts.pending;
  const fe::ExceptionEntry* h = find_handler(code, pc);
  if (h) {
    sp = f->stack_base() + h->depth;
    if (h->push_lasti) PUSH(Value::from_small_int(pc));
    ts.pending = Value();
    PUSH(exc);
    pc = h->target;
    DISPATCH();
  }
  result = Value();
  f->sp = sp;
  f->pc = pc;
  if (f != entry) {
    // Unwinding out of a frame this loop called: continue in the caller at its call site.
    Frame* caller = f->back;
    ts.frame = caller;
    t_data_top = reinterpret_cast<char*>(f);  // pop_frame
    --ts.depth;                                // leave_call
    f = caller;
    LOAD_FRAME();
    goto error;
  }
}
done:
  ts.frame = f->back;
  return result;
}

Value call_function(FunctionObject* fn, Value* args, int64_t nargs, TupleObject* kwnames) {
  Frame* f = enter_python_call<true>(fn, args, nargs, kwnames);
  if (!f) return Value();
  thread_state().frame = f->back;  // eval_frame links the frame itself
  bool yielded;
  Value result = eval_frame(f, &yielded);
  pop_frame(f);
  leave_call();
  return result;
}

Value run_code(CodeObject* code, DictObject* globals, Value locals) {
  // Module and exec frames count against the recursion limit, as in CPython.
  if (!enter_call("")) return Value();
  Frame* f = push_frame(code);
  if (!f) {
    leave_call();
    return Value();
  }
  f->globals = globals;
  Value b = dict_get_str(globals, names::dunder_builtins);
  if (b.is_obj() && b.as_obj()->type == ModuleType) b = Value::from_obj(as_module(b)->dict);
  f->builtins = b.is_empty_slot() || !is_dict(b) ? builtins_dict() : as_dict(b);
  f->locals = locals;
  bool yielded;
  Value r = eval_frame(f, &yielded);
  pop_frame(f);
  leave_call();
  return r;
}

}  // namespace coil::rt
