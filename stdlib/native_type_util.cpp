// native_type_util.cpp — shared helpers of the stdlib modules that define native types.
#include "stdlib/native_type_util.h"

#include "runtime/os_error.h"

#include <string>
#include <vector>
#include <string_view>

#include <cerrno>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::lib {

using namespace coil::rt;

namespace {
std::vector<TypeObject*>& native_types() {
  static auto* v = new std::vector<TypeObject*>();
  return *v;
}
}  // namespace

TypeObject* make_native_type(const char* name, uint32_t size, VisitFn visit, bool subclassable, TypeObject* base) {
  auto* t = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
  t->name = name;
  t->base = base ? base : ObjectType;
  t->flags = TypeFlag::Immutable | TypeFlag::ExtType | (subclassable ? TypeFlag::BaseType : TypeFlag::None);
  if (base) t->flags = t->flags | static_cast<TypeFlag>(static_cast<uint32_t>(base->flags) & 0xFF00u);
  AllocFn alloc = [](TypeObject* type) -> Object* { return new_instance(type); };
  finish_builtin_type(t, size, base ? nullptr : alloc, visit);
  if (native_types().empty())
    add_runtime_root_hook([](Visitor& v) {
      for (TypeObject* t : native_types()) v.visit(t);
    });
  native_types().push_back(t);
  return t;
}

Object* new_instance(TypeObject* type) {
  Object* o = allocate_object(type, type->basic_size);
  if (!o) raise_memory_error();
  return o;
}

TypeObject* check_new_cls(TypeObject* type, Value* args, int64_t nargs) {
  if (nargs < 1) {
    raise_fmt(TypeErrorType, "%s.__new__(): not enough arguments", type->name);
    return nullptr;
  }
  Value cls = args[0];
  if (!cls.is_obj() || !has(type_of(cls), TypeFlag::TypeSubclass)) {
    raise_fmt(TypeErrorType, "%s.__new__(X): X is not a type object (%s)", type->name, type_name(cls));
    return nullptr;
  }
  auto* t = static_cast<TypeObject*>(cls.as_obj());
  if (!is_subtype(t, type)) {
    raise_fmt(TypeErrorType, "%s.__new__(%s): %s is not a subtype of %s", type->name, t->name, t->name, type->name);
    return nullptr;
  }
  return t;
}


Value raise_errno(TypeObject* type, int err) {
  if (type == OSErrorType) type = rt::os_error_type_for_errno(err);  // PEP 3151 subclass
  TupleObject* args = tuple_of({Value::from_small_int(err), str_value(std::strerror(err))});
  if (!args) return Value();
  Value exc = call(Value::from_obj(type), args->items, args->size);
  if (exc.is_empty_slot()) return exc;
  return raise(exc);
}

TypeObject* new_exception_class(const char* name, TypeObject* base) {
  std::string_view full(name);
  size_t dot = full.rfind('.');
  DictObject* ns = new_dict();
  if (!ns) return nullptr;
  if (dot != std::string_view::npos &&
      !dict_set_str(ns, intern("__module__"), str_value(std::string(full.substr(0, dot)))))
    return nullptr;
  TupleObject* bases = tuple_of({Value::from_obj(base)});
  if (!bases) return nullptr;
  Value args[3] = {str_value(std::string(dot == std::string_view::npos ? full : full.substr(dot + 1))),
                   Value::from_obj(bases), Value::from_obj(ns)};
  Value t = call(Value::from_obj(TypeType), args, 3);
  if (t.is_empty_slot()) return nullptr;
  return static_cast<TypeObject*>(t.as_obj());
}

bool no_kwargs(const char* fname, TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise_fmt(TypeErrorType, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

const char* arg_type_name(Value v) { return v == None ? "None" : type_name(v); }

bool no_kwargs_for(const char* fname, TypeObject* type, TupleObject* kwnames) {
  if (!kwnames || !kwnames->size) return true;
  StrObject* init = intern("__init__");
  if (type_lookup(type, init) != type_lookup(ObjectType, init)) return true;
  return no_kwargs(fname, kwnames);
}

bool parse_args(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames,
                std::initializer_list<const char*> names, int64_t required, Value* outs, int64_t kwonly_from) {
  const int64_t nnames = static_cast<int64_t>(names.size());
  const int64_t max_pos = kwonly_from < 0 ? nnames : kwonly_from;
  const int64_t nkw = kwnames ? kwnames->size : 0;
  if (nargs > max_pos || (kwonly_from < 0 && nargs + nkw > nnames)) {
    int64_t given = kwonly_from < 0 ? nargs + nkw : nargs;
    int64_t most = max_pos;
    if (most == 0) raise_fmt(TypeErrorType, "%s() takes no positional arguments", fname);
    else
      raise_fmt(TypeErrorType, "%s() takes at most %lld %sargument%s (%lld given)", fname,
                static_cast<long long>(most), kwonly_from < 0 ? "" : "positional ", most == 1 ? "" : "s",
                static_cast<long long>(given));
    return false;
  }
  int64_t used_kw = 0;
  int64_t i = 0;
  for (const char* name : names) {
    Value v = i < nargs ? args[i] : Value();
    Value k = kwarg(args, nargs, kwnames, name);
    if (!k.is_empty_slot()) {
      if (i < nargs) {
        raise_fmt(TypeErrorType, "argument for %s() given by name ('%s') and position (%lld)", fname, name,
                  static_cast<long long>(i + 1));
        return false;
      }
      v = k;
      ++used_kw;
    }
    if (v.is_empty_slot() && i < required) {
      raise_fmt(TypeErrorType, "%s() missing required argument '%s' (pos %lld)", fname, name,
                static_cast<long long>(i + 1));
      return false;
    }
    outs[i++] = v;
  }
  if (used_kw < nkw) {
    for (int64_t j = 0; j < nkw; ++j) {
      std::string_view k = as_str(kwnames->items[j])->view();
      bool known = false;
      for (const char* name : names) known |= k == name;
      if (!known) {
        raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for %s()", as_str(kwnames->items[j])->data,
                  fname);
        return false;
      }
    }
  }
  return true;
}

bool check_positional(const char* fname, int64_t nargs, int64_t min, int64_t max) {
  if (nargs >= min && nargs <= max) return true;
  int64_t bound = nargs < min ? min : max;
  const char* how = min == max ? "" : nargs < min ? "at least " : "at most ";
  raise_fmt(TypeErrorType, "%s expected %s%lld argument%s, got %lld", fname, how, static_cast<long long>(bound),
            bound == 1 ? "" : "s", static_cast<long long>(nargs));
  return false;
}

Value return_self(Value* args, int64_t, TupleObject*) { return args[0]; }

}  // namespace coil::lib


namespace coil::lib {

TypeObject* make_exception_class(const char* module, const char* name, TypeObject* base) {
  DictObject* ns = new_dict();
  if (!ns || !dict_set_str(ns, intern("__module__"), str_value(module))) return nullptr;
  TupleObject* bases = tuple_of({Value::from_obj(base)});
  if (!bases) return nullptr;
  TypeObject* t = new_heap_type(TypeType, str_value(name), bases, ns);
  if (!t) return nullptr;
  static std::vector<TypeObject*>* classes = nullptr;
  if (!classes) {
    classes = new std::vector<TypeObject*>();
    add_runtime_root_hook([](Visitor& v) {
      for (TypeObject* c : *classes) v.visit(c);
    });
  }
  classes->push_back(t);
  return t;
}

}  // namespace coil::lib

namespace coil::lib {

namespace {
std::vector<const TypeObject*>& weakrefable_types() {
  static auto* v = new std::vector<const TypeObject*>();
  return *v;
}
}  // namespace

void register_weakrefable_type(TypeObject* type) { weakrefable_types().push_back(type); }

bool is_registered_weakrefable(const TypeObject* type) {
  for (const TypeObject* t : weakrefable_types())
    if (t == type) return true;
  return false;
}

}  // namespace coil::lib
