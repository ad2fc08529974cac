// module.cpp — module objects, native module creation and argument-checking helpers.
#include "runtime/module.h"

#include <cstddef>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

void visit_module(Object* self, Visitor& v) { v.visit(static_cast<ModuleObject*>(self)->dict); }

Object* alloc_module(TypeObject* type) {
  auto* m = static_cast<ModuleObject*>(allocate_object(type, type->basic_size));
  if (!m) {
    raise_memory_error();
    return nullptr;
  }
  m->dict = new_dict();
  return m->dict ? m : nullptr;
}

Value module_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "module.__init__() argument 'name' must be str");
  ModuleObject* m = as_module(args[0]);
  dict_set_str(m->dict, names::dunder_name, args[1]);
  dict_set_str(m->dict, names::dunder_doc, nargs > 2 ? args[2] : None);
  dict_set_str(m->dict, names::dunder_package, None);
  dict_set_str(m->dict, names::dunder_loader, None);
  dict_set_str(m->dict, names::dunder_spec, None);
  return None;
}

// dir(module): the namespace's names, or the module's own __dir__ function.
// A subclass may redefine __dict__: its value is what dir() reads (CPython's module_dir).
Value module_dir(Value* args, int64_t, TupleObject*) {
  DictObject* d = as_module(args[0])->dict;
  if (type_of(args[0]) != ModuleType) {
    Value dv = get_attr(args[0], names::dunder_dict);
    if (dv.is_empty_slot()) return dv;
    if (!is_dict(dv)) return raise_msg(TypeErrorType, "<module>.__dict__ is not a dictionary");
    d = as_dict(dv);
  }
  Value custom = dict_get_str(d, names::dunder_dir);
  if (!custom.is_empty_slot()) return call0(custom);
  ListObject* l = new_list(0);
  if (!l) return Value();
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v))
    if (!list_append(l, k)) return Value();
  return Value::from_obj(l);
}

const NativeMethodDef kModuleMethods[] = {
    {"__init__", module_init},
    {"__dir__", module_dir},
};

}  // namespace

ModuleObject* new_module(std::string_view name) {
  auto* m = static_cast<ModuleObject*>(alloc_module(ModuleType));
  if (!m) return nullptr;
  Value n = str_value(name);
  if (n.is_empty_slot()) return nullptr;
  dict_set_str(m->dict, names::dunder_name, n);
  dict_set_str(m->dict, names::dunder_doc, None);
  dict_set_str(m->dict, names::dunder_package, None);
  dict_set_str(m->dict, names::dunder_loader, None);
  dict_set_str(m->dict, names::dunder_spec, None);
  return m;
}

bool module_add(ModuleObject* m, const char* name, Value value) {
  if (value.is_empty_slot()) return false;
  return dict_set_str(m->dict, intern(name), value);
}

ModuleObject* create_native_module(const NativeModuleDef& def) {
  ModuleObject* m = new_module(def.name);
  if (!m) return nullptr;
  Value modname = dict_get_str(m->dict, names::dunder_name);
  for (size_t i = 0; i < def.nfunctions; ++i) {
    const NativeFunctionDef& f = def.functions[i];
    NativeFunctionObject* fn = new_native_function(f.name, f.fn, Value(), modname, f.doc);
    if (!fn || !module_add(m, f.name, Value::from_obj(fn))) return nullptr;
  }
  if (def.init && !def.init(m)) return nullptr;
  return m;
}

bool check_args(const char* fname, int64_t nargs, TupleObject* kwnames, int64_t min, int64_t max) {
  if (kwnames && kwnames->size) {
    raise_fmt(TypeErrorType, "%s() takes no keyword arguments", fname);
    return false;
  }
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    if (min == 0) raise_fmt(TypeErrorType, "%s() takes no arguments (%lld given)", fname, static_cast<long long>(nargs));
    else if (min == 1) raise_fmt(TypeErrorType, "%s() takes exactly one argument (%lld given)", fname, static_cast<long long>(nargs));
    else raise_fmt(TypeErrorType, "%s expected %lld arguments, got %lld", fname, static_cast<long long>(min), static_cast<long long>(nargs));
  } else if (nargs < min) {
    raise_fmt(TypeErrorType, "%s expected at least %lld argument%s, got %lld", fname, static_cast<long long>(min),
              min == 1 ? "" : "s", static_cast<long long>(nargs));
  } else {
    raise_fmt(TypeErrorType, "%s expected at most %lld argument%s, got %lld", fname, static_cast<long long>(max),
              max == 1 ? "" : "s", static_cast<long long>(nargs));
  }
  return false;
}

Value kwarg(Value* args, int64_t nargs, TupleObject* kwnames, const char* name) {
  if (!kwnames) return Value();
  for (int64_t i = 0; i < kwnames->size; ++i)
    if (as_str(kwnames->items[i])->view() == name) return args[nargs + i];
  return Value();
}

bool check_kwargs(const char* fname, TupleObject* kwnames, std::initializer_list<const char*> allowed) {
  if (!kwnames) return true;
  for (int64_t i = 0; i < kwnames->size; ++i) {
    std::string_view k = as_str(kwnames->items[i])->view();
    bool ok = false;
    for (const char* a : allowed) ok |= k == a;
    if (!ok) {
      raise_fmt(TypeErrorType, "%s() got an unexpected keyword argument '%s'", fname, as_str(kwnames->items[i])->data);
      return false;
    }
  }
  return true;
}

void init_module_type() {
  finish_builtin_type(ModuleType, sizeof(ModuleObject), alloc_module, visit_module);
  ModuleType->dict_offset = offsetof(ModuleObject, dict);
  add_methods(ModuleType, kModuleMethods);
  // A read-only member, as in CPython: a module's namespace cannot be replaced.
  MemberDescrObject* d = new_member_descr(ModuleType, names::dunder_dict, static_cast<uint32_t>(offsetof(ModuleObject, dict)));
  d->readonly = true;
  dict_set_str(ModuleType->dict, names::dunder_dict, Value::from_obj(d));
}

}  // namespace coil::rt
