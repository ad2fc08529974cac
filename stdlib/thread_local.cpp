// thread_local.cpp — `_thread._local` (threading.local): an object whose attributes are
// separate in each thread.
//
// Each instance keeps one attribute dict per thread, keyed by a per-thread serial number (not
// the pthread id, which the OS reuses). Every attribute access first swaps the calling thread's
// dict into the instance's ordinary dict slot, so the generic attribute code, `__dict__` and
// subclasses all see that thread's attributes; no Python code runs between the swap and the
// generic access reading the slot. A thread seen for the first time gets a fresh dict and, for
// subclasses with __init__, the constructor runs again with the original arguments. When a
// thread ends, its dicts are dropped from every live instance (found through native weak slots).
#include <atomic>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/native_type_util.h"
#include "stdlib/thread_module.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

struct LocalObject : Object {
  DictObject* dict;    // the dict slot: the dict of the thread that accessed it last
  DictObject* dicts;   // thread serial -> that thread's dict
  Value args;          // constructor arguments, replayed for __init__ in other threads
  Value kwargs;
};

TypeObject* g_local_type = nullptr;
std::atomic<int64_t> g_next_serial{0};
thread_local int64_t t_serial = -1;
// Native weak slots naming every live _local (GIL held).
std::vector<Value*>* g_locals = nullptr;

int64_t thread_serial() {
  if (t_serial < 0) t_serial = g_next_serial.fetch_add(1);
  return t_serial;
}

void visit_local(Object* o, Visitor& v) {
  auto* l = static_cast<LocalObject*>(o);
  v.visit(l->dict);
  v.visit(l->dicts);
  v.visit(l->args);
  v.visit(l->kwargs);
}

LocalObject* as_local(Value v) { return static_cast<LocalObject*>(v.as_obj()); }

bool has_own_init(TypeObject* t) {
  return type_lookup(t, names::dunder_init) != type_lookup(ObjectType, names::dunder_init);
}

// Puts the calling thread's dict in the slot, creating it (and running __init__ for threads
// other than the creator's); false with an exception pending.
bool select_dict(Value self) {
  LocalObject* l = as_local(self);
  Value key = Value::from_small_int(thread_serial());
  bool err;
  Value d = dict_get(l->dicts, key, &err);
  if (err) return false;
  if (!d.is_empty_slot()) {
    l->dict = as_dict(d);
    return true;
  }
  DictObject* fresh = new_dict();
  if (!fresh || !dict_set(l->dicts, key, Value::from_obj(fresh))) return false;
  l->dict = fresh;
  if (has_own_init(l->type)) {
    Value init = type_lookup(l->type, names::dunder_init);
    TupleObject* a = as_tuple(l->args);
    TupleObject* targs = new_tuple(a->size + 1);
    if (!targs) return false;
    targs->items[0] = self;
    for (int64_t i = 0; i < a->size; ++i) targs->items[i + 1] = a->items[i];
    Value r = call_tuple_dict(init, targs, l->kwargs.is_empty_slot() ? nullptr : as_dict(l->kwargs));
    if (r.is_empty_slot()) {
      Value exc = take_exception();
      dict_del(l->dicts, key);
      raise(exc);
      return false;
    }
  }
  return true;
}

Value local_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  TypeObject* type = check_new_cls(g_local_type, args, nargs);
  if (!type) return Value();
  int64_t nkw = kwnames ? kwnames->size : 0;
  if ((nargs > 1 || nkw) && !has_own_init(type))
    return raise_msg(TypeErrorType, "Initialization arguments are not supported");
  auto* l = static_cast<LocalObject*>(new_instance(type));
  if (!l) return Value();
  Value self = Value::from_obj(l);
  l->dicts = new_dict();
  TupleObject* a = new_tuple(nargs - 1);
  if (!l->dicts || !a) return Value();
  for (int64_t i = 1; i < nargs; ++i) a->items[i - 1] = args[i];
  l->args = Value::from_obj(a);
  if (nkw) {
    DictObject* kw = new_dict();
    if (!kw) return Value();
    for (int64_t i = 0; i < nkw; ++i)
      if (!dict_set(kw, kwnames->items[i], args[nargs + i])) return Value();
    l->kwargs = Value::from_obj(kw);
  }
  DictObject* mine = new_dict();
  if (!mine || !dict_set(l->dicts, Value::from_small_int(thread_serial()), Value::from_obj(mine))) return Value();
  l->dict = mine;
  if (!g_locals) g_locals = new std::vector<Value*>();
  auto* slot = new Value(self);
  gc::register_weak_slot(slot, nullptr);
  g_locals->push_back(slot);
  return self;
}

bool check_name(Value name) {
  if (is_str(name)) return true;
  raise_fmt(TypeErrorType, "attribute name must be string, not '%s'", type_name(name));
  return false;
}

Value local_getattribute(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__getattribute__", nargs - 1, kwnames, 1, 1) || !check_name(args[1])) return Value();
  if (!select_dict(args[0])) return Value();
  return generic_get_attr(args[0], as_str(args[1]), false);
}

Value local_setattr_impl(Value self, Value name, Value value) {
  if (!check_name(name)) return Value();
  if (as_str(name)->view() == "__dict__")
    return raise_fmt(AttributeErrorType, "'%s' object attribute '__dict__' is read-only", type_of(self)->name);
  if (!select_dict(self)) return Value();
  return generic_set_attr(self, as_str(name), value) ? None : Value();
}

Value local_setattr(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setattr__", nargs - 1, kwnames, 2, 2)) return Value();
  return local_setattr_impl(args[0], args[1], args[2]);
}

Value local_delattr(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__delattr__", nargs - 1, kwnames, 1, 1)) return Value();
  return local_setattr_impl(args[0], args[1], Value());
}

const NativeMethodDef kLocalMethods[] = {
    {"__new__", local_new, NativeMethodDef::Kind::StaticMethod},
    {"__getattribute__", local_getattribute},
    {"__setattr__", local_setattr},
    {"__delattr__", local_delattr},
};

}  // namespace

bool add_local_type(ModuleObject* m) {
  if (!g_local_type) {
    g_local_type = make_native_type("_thread._local", sizeof(LocalObject), visit_local, true);
    g_local_type->dict_offset = offsetof(LocalObject, dict);
    g_local_type->flags = g_local_type->flags | TypeFlag::HasDict;
    add_methods(g_local_type, kLocalMethods);
  }
  return module_add(m, "_local", Value::from_obj(g_local_type));
}

void clear_thread_locals() {
  if (!g_locals || t_serial < 0) return;
  Value key = Value::from_small_int(t_serial);
  std::vector<Value*>& v = *g_locals;
  size_t out = 0;
  for (size_t i = 0; i < v.size(); ++i) {
    Value* slot = v[i];
    if (slot->is_empty_slot()) {
      gc::unregister_weak_slot(slot);
      delete slot;
      continue;
    }
    LocalObject* l = as_local(*slot);
    bool err;
    Value mine = dict_get(l->dicts, key, &err);
    if (!mine.is_empty_slot() && l->dict == mine.as_obj()) l->dict = nullptr;
    if (dict_del(l->dicts, key) < 0) clear_exception();
    v[out++] = slot;
  }
  v.resize(out);
}

}  // namespace coil::lib
