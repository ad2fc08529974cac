// conversions.cpp — repr/str/ascii/format, len, `in`, item access, and isinstance /
// issubclass: native paths for built-in types, then the dunder protocol.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/containers.h"
#include "runtime/set.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/complex.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/pending_features.h"
#include "runtime/formatting.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

bool append_repr(std::string& out, Value v) {
  std::string s;
  if (!repr_string(v, &s)) return false;
  out += s;
  return true;
}

}  // namespace

// "<module.Name object at 0x...>": object.__repr__ (also object_type.cpp).
Value object_default_repr(Value v) {
  TypeObject* t = type_of(v);
  std::string mod;
  if (has(t, TypeFlag::HeapType)) {
    Value m = dict_get_str(t->dict, names::dunder_module);
    if (!m.is_empty_slot() && is_str(m) && as_str(m)->view() != "builtins") mod = std::string(as_str(m)->view()) + ".";
  }
  // A built-in type is named by its tp_name ("itertools.count"), a class by module and qualname.
  std::string qual = has(t, TypeFlag::HeapType) && t->qualname ? std::string(t->qualname->view()) : t->name;
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %#llx>", static_cast<unsigned long long>(v.bits()));
  return str_value("<" + mod + qual + buf);
}

// <class 'module.qualname'>: repr() of a class, also type.__repr__ (type_attrs.cpp).
std::string type_repr(TypeObject* t) {
  std::string mod = "builtins";
  if (has(t, TypeFlag::HeapType)) {
    Value m = dict_get_str(t->dict, names::dunder_module);
    if (!m.is_empty_slot() && is_str(m)) mod = as_str(m)->view();
  } else {
    std::string_view full = t->name;
    size_t dot = full.rfind('.');
    if (dot != std::string_view::npos) return "<class '" + std::string(full) + "'>";
  }
  // A built-in type is named by its tp_name ("itertools.count"), a class by module and qualname.
  std::string qual = has(t, TypeFlag::HeapType) && t->qualname ? std::string(t->qualname->view()) : t->name;
  if (mod == "builtins") return "<class '" + qual + "'>";
  return "<class '" + mod + "." + qual + "'>";
}

namespace {

// The native repr of a built-in layout; empty Value when `t` has none (use object's).
Value native_repr(Value v, TypeObject* t) {
  if (t == IntType) return int_repr(v);
  if (t == BoolType) return str_value(v.as_obj()->aux ? "True" : "False");
  if (t == FloatType) return str_value(float_repr(float_of(v)));
  if (t == ComplexType) return str_value(complex_repr(as_complex(v)->real, as_complex(v)->imag));
  if (t == StrType) return str_value(str_repr(as_str(v)->view()));
  if (t == BytesType) return str_value(bytes_repr(as_bytes(v)->view()));
  if (t == NoneTypeType) return str_value("None");
  if (t == NotImplementedTypeType) return str_value("NotImplemented");
  if (t == EllipsisType) return str_value("Ellipsis");
  if (t == TypeType) return str_value(type_repr(static_cast<TypeObject*>(v.as_obj())));
  if (Value r = container_repr(v, t); !r.is_empty_slot() || has_pending_exception()) return r;
  if (t == FunctionType) {
    auto* f = static_cast<FunctionObject*>(v.as_obj());
    char buf[64];
    std::snprintf(buf, sizeof buf, " at %#llx>", static_cast<unsigned long long>(v.bits()));
    return str_value("<function " + std::string(f->qualname->view()) + buf);
  }
  if (t == NativeFunctionType) {
    auto* f = static_cast<NativeFunctionObject*>(v.as_obj());
    if (!f->self.is_empty_slot()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, " object at %#llx>", static_cast<unsigned long long>(f->self.bits()));
      return str_value("<built-in method " + std::string(f->name) + " of " + type_name(f->self) + buf);
    }
    return str_value("<built-in function " + std::string(f->name) + ">");
  }
  if (t == ModuleType) {
    Value n = dict_get_str(as_module(v)->dict, names::dunder_name);
    Value file = dict_get_str(as_module(v)->dict, names::dunder_file);
    std::string name = !n.is_empty_slot() && is_str(n) ? str_repr(as_str(n)->view()) : "'?'";
    if (!file.is_empty_slot() && is_str(file)) return str_value("<module " + name + " from " + str_repr(as_str(file)->view()) + ">");
    return str_value("<module " + name + " (built-in)>");
  }
  if (t == SliceType) {
    auto* s = static_cast<SliceObject*>(v.as_obj());
    std::string out = "slice(";
    if (!append_repr(out, s->start)) return Value();
    out += ", ";
    if (!append_repr(out, s->stop)) return Value();
    out += ", ";
    if (!append_repr(out, s->step)) return Value();
    return str_value(out + ")");
  }
  if (has(t, TypeFlag::BaseExcSubclass) && !has(t, TypeFlag::HeapType)) return exception_repr(v);
  return Value();
}

// The first built-in (non-heap) type in t's base chain: it decides the native layout.
TypeObject* solid_builtin(TypeObject* t) {
  while (t && has(t, TypeFlag::HeapType)) t = t->base;
  return t;
}

}  // namespace

Value repr(Value v) {
  TypeObject* t = type_of(v);
  if (has(t, TypeFlag::HeapType) || has(t, TypeFlag::BaseExcSubclass)) {
    Value m = type_lookup(t, names::dunder_repr);
    if (!m.is_empty_slot() && !(m.is_obj() && m.as_obj()->type == MethodDescrType)) {
      if (!enter_call(" while getting the repr of an object")) return Value();
      Value r = call_special0(m, v);
      leave_call();
      if (r.is_empty_slot()) return r;
      if (!is_str(r)) return raise_fmt(TypeErrorType, "__repr__ returned non-string (type %s)", type_name(r));
      return r;
    }
  }
  Value r = native_repr(v, solid_builtin(t) == ObjectType ? t : solid_builtin(t));
  if (!r.is_empty_slot() || has_pending_exception()) return r;
  // A built-in type whose __repr__ is a native method of its own (bytearray, ...).
  Value m = type_lookup(t, names::dunder_repr);
  if (!m.is_empty_slot() && m != type_lookup(ObjectType, names::dunder_repr)) {
    r = call_special0(m, v);
    if (!r.is_empty_slot() && !is_str(r))
      return raise_fmt(TypeErrorType, "__repr__ returned non-string (type %s)", type_name(r));
    return r;
  }
  return object_default_repr(v);
}

// True for object.__str__ itself (whose behaviour is repr(v)); any other native __str__ found on a
// subclass — say `__str__ = int.__repr__`, as enum's ReprEnum installs — must really be called.
static bool is_object_str_descr(Value m) {
  if (!m.is_obj() || m.as_obj()->type != MethodDescrType) return false;
  auto* d = static_cast<MethodDescrObject*>(m.as_obj());
  return d->owner == ObjectType && std::strcmp(d->name, "__str__") == 0;
}

Value str_of(Value v) {
  TypeObject* t = type_of(v);
  if (t == StrType) return v;
  if (has(t, TypeFlag::HeapType) || has(t, TypeFlag::BaseExcSubclass)) {
    Value m = type_lookup(t, names::dunder_str);
    // A native __str__ of object, str or an exception class is handled below; any other one
    // (a Python method, or a native one such as IntEnum's __str__ = int.__repr__) is called.
    TypeObject* owner = m.is_obj() && m.as_obj()->type == MethodDescrType
                            ? static_cast<MethodDescrObject*>(m.as_obj())->owner
                            : nullptr;
    if (!m.is_empty_slot() &&
        !(owner && (owner == ObjectType || owner == StrType || has(owner, TypeFlag::BaseExcSubclass)))) {
      Value r = call1(m, v);
      if (r.is_empty_slot()) return r;
      if (!is_str(r)) return raise_fmt(TypeErrorType, "__str__ returned non-string (type %s)", type_name(r));
      return r;
    }
    // object.__str__ itself (also when a str subclass or an exception rebinds to it) is repr.
    if (is_object_str_descr(m)) return repr(v);
    if (owner == ObjectType) return call1(m, v);  // `__str__ = object.__repr__` and the like
    if (has(t, TypeFlag::BaseExcSubclass)) return exception_str(v);
    if (has(t, TypeFlag::StrSubclass)) return str_value(as_str(v)->view());
  } else if (has(t, TypeFlag::ExtType)) {
    // A native type defined outside the core (mappingproxy, ...) with a __str__ of its own.
    Value m = type_lookup(t, names::dunder_str);
    if (m.is_obj() && m.as_obj()->type == MethodDescrType && static_cast<MethodDescrObject*>(m.as_obj())->owner != ObjectType)
      return call_special0(m, v);
  }
  return repr(v);
}

Value ascii_of(Value v) {
  Value r = repr(v);
  if (r.is_empty_slot()) return r;
  std::string out;
  const char* p = as_str(r)->data;
  const char* end = p + as_str(r)->nbytes;
  static const char kHex[] = "0123456789abcdef";
  while (p < end) {
    uint32_t cp = decode_utf8(p);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp <= 0xFF) {
      out += "\\x";
      out += kHex[cp >> 4];
      out += kHex[cp & 15];
    } else if (cp <= 0xFFFF) {
      out += "\\u";
      for (int s = 12; s >= 0; s -= 4) out += kHex[(cp >> s) & 15];
    } else {
      out += "\\U";
      for (int s = 28; s >= 0; s -= 4) out += kHex[(cp >> s) & 15];
    }
  }
  return str_value(out);
}

bool repr_string(Value v, std::string* out) {
  Value r = repr(v);
  if (r.is_empty_slot()) return false;
  *out = as_str(r)->view();
  return true;
}

bool str_string(Value v, std::string* out) {
  Value r = str_of(v);
  if (r.is_empty_slot()) return false;
  *out = as_str(r)->view();
  return true;
}

Value format(Value v, Value spec) {
  TypeObject* t = type_of(v);
  Value m = type_lookup(t, names::dunder_format);
  // A subclass may have rebound __format__ to another type's native one (enum's ReprEnum does), so
  // only built-in types take the native shortcut.
  if (!m.is_empty_slot() && (has(t, TypeFlag::HeapType) || !(m.is_obj() && m.as_obj()->type == MethodDescrType))) {
    Value r = call_special1(m, v, spec);
    if (r.is_empty_slot()) return r;
    if (!is_str(r)) return raise_fmt(TypeErrorType, "__format__ must return a str, not %s", type_name(r));
    return r;
  }
  return native_format(v, spec);
}

int64_t length(Value v) {
  TypeObject* t = type_of(v);
  if (t == ListType) return as_list(v)->size;
  if (is_tuple_layout(t)) return as_tuple(v)->size;
  if (t == StrType) return as_str(v)->length;
  if (t == DictType) return as_dict(v)->used;
  if (t == SetType || t == FrozenSetType) return as_set(v)->used;
  if (t == BytesType) return as_bytes(v)->size;
  Value m = type_lookup(t, names::dunder_len);
  if (m.is_empty_slot() || (m.is_obj() && m.as_obj()->type == MethodDescrType && has(t, TypeFlag::HeapType) == false)) {
    if (m.is_empty_slot()) {
      raise_fmt(TypeErrorType, "object of type '%s' has no len()", t->name);
      return -1;
    }
  }
  Value r = call_special0(m, v);
  if (r.is_empty_slot()) return -1;
  if (!is_int(r)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(r));
    return -1;
  }
  int64_t n;
  if (int_sign(r) < 0) {  // checked before the size, as CPython: a huge negative is a ValueError
    raise_msg(ValueErrorType, "__len__() should return >= 0");
    return -1;
  }
  if (!int_to_int64(r, &n)) {
    raise_msg(OverflowErrorType, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (n < 0) {
    raise_msg(ValueErrorType, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

int contains(Value container, Value item) {
  TypeObject* t = type_of(container);
  if (t == ListType || is_tuple_layout(t)) {
    ListObject* l = t == ListType ? as_list(container) : nullptr;
    int64_t n = l ? l->size : as_tuple(container)->size;
    for (int64_t i = 0; i < n; ++i) {
      if (l && i >= l->size) break;
      Value x = l ? l->items()[i] : as_tuple(container)->items[i];
      int eq = equal(x, item);
      if (eq != 0) return eq;
    }
    return 0;
  }
  if (t == DictType) {
    bool err;
    Value v = dict_get(as_dict(container), item, &err);
    if (err) return -1;
    return !v.is_empty_slot();
  }
  if (t == SetType || t == FrozenSetType) return set_contains(as_set(container), item);
  if (t == StrType) {
    if (!is_str(item)) {
      raise_fmt(TypeErrorType, "'in <string>' requires string as left operand, not %s", type_name(item));
      return -1;
    }
    return as_str(container)->view().find(as_str(item)->view()) != std::string_view::npos;
  }
  Value m = type_lookup(t, names::dunder_contains);
  if (!m.is_empty_slot()) {
    Value r = call_special1(m, container, item);
    if (r.is_empty_slot()) return -1;
    return is_true(r);
  }
  Value it = get_iter(container);
  if (it.is_empty_slot()) {
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      raise_fmt(TypeErrorType, "argument of type '%s' is not iterable", t->name);
    }
    return -1;
  }
  while (true) {
    bool done = false;
    Value x = iter_next(it, &done);
    if (done) return 0;
    if (x.is_empty_slot()) return -1;
    int eq = equal(x, item);
    if (eq != 0) return eq;
  }
}

bool is_subtype(TypeObject* a, TypeObject* b) {
  if (a == b) return true;
  TupleObject* mro = a->mro;
  if (!mro) {
    for (TypeObject* t = a; t; t = t->base)
      if (t == b) return true;
    return false;
  }
  for (int64_t i = 0; i < mro->size; ++i)
    if (mro->items[i].as_obj() == b) return true;
  return false;
}

static bool is_type(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::TypeSubclass); }

// isinstance against a class: type(obj), then obj.__class__ when that says something else
// (a proxy's), as CPython's object_isinstance. The attribute is read only when the type
// could make it differ (a custom __getattribute__ or __class__).
static int object_isinstance(Value obj, TypeObject* t) {
  TypeObject* ot = type_of(obj);
  if (is_subtype(ot, t)) return 1;
  static Value object_class_descr;
  if (object_class_descr.is_empty_slot()) object_class_descr = dict_get_str(ObjectType->dict, names::dunder_class);
  if (uses_generic_getattr(ot) && type_lookup(ot, names::dunder_class) == object_class_descr) return 0;
  bool error = false;
  Value icls = get_attr_opt(obj, names::dunder_class, &error);
  if (error) return -1;
  if (!icls.is_empty_slot() && icls.as_obj() != ot && is_type(icls))
    return is_subtype(static_cast<TypeObject*>(icls.as_obj()), t);
  return 0;
}

int is_instance(Value obj, Value cls) {
  if (is_type(cls)) {
    auto* t = static_cast<TypeObject*>(cls.as_obj());
    if (is_subtype(type_of(obj), t)) return 1;
    if (cls.as_obj()->type != TypeType) {
      Value m = type_lookup(cls.as_obj()->type, names::dunder_instancecheck);
      if (!m.is_empty_slot() && !(m.is_obj() && m.as_obj()->type == MethodDescrType)) {
        Value r = call_special1(m, cls, obj);
        return r.is_empty_slot() ? -1 : is_true(r);
      }
    }
    // obj.__class__ may differ from type(obj) (proxies): CPython checks it too.
    return object_isinstance(obj, t);
  }
  if (is_union_type(cls)) cls = Value::from_obj(union_args(cls));  // int | str: as (int, str)
  if (is_exact(cls, TupleType)) {
    TupleObject* t = as_tuple(cls);
    for (int64_t i = 0; i < t->size; ++i) {
      int r = is_instance(obj, t->items[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  Value m = lookup_special(cls, names::dunder_instancecheck);
  if (!m.is_empty_slot()) {
    Value r = call_special1(m, cls, obj);
    return r.is_empty_slot() ? -1 : is_true(r);
  }
  raise_msg(TypeErrorType, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return -1;
}

int is_subclass(Value derived, Value cls) {
  if (is_union_type(cls)) cls = Value::from_obj(union_args(cls));
  if (is_exact(cls, TupleType)) {
    TupleObject* t = as_tuple(cls);
    for (int64_t i = 0; i < t->size; ++i) {
      int r = is_subclass(derived, t->items[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  if (is_type(cls) && cls.as_obj()->type != TypeType) {
    Value m = type_lookup(cls.as_obj()->type, names::dunder_subclasscheck);
    if (!m.is_empty_slot() && !(m.is_obj() && m.as_obj()->type == MethodDescrType)) {
      Value r = call_special1(m, cls, derived);
      return r.is_empty_slot() ? -1 : is_true(r);
    }
  }
  if (!is_type(cls) && !is_exact(cls, TupleType)) {
    // Any object may define __subclasscheck__ (found on its type).
    Value m = lookup_special(cls, names::dunder_subclasscheck);
    if (!m.is_empty_slot()) {
      Value r = call_special1(m, cls, derived);
      return r.is_empty_slot() ? -1 : is_true(r);
    }
  }
  if (!is_type(cls)) {
    // Any object may define the check (typing's special forms, parameterized generics).
    Value m = lookup_special(cls, names::dunder_subclasscheck);
    if (!m.is_empty_slot()) {
      Value r = call2(m, cls, derived);
      return r.is_empty_slot() ? -1 : is_true(r);
    }
    if (has_pending_exception()) return -1;
  }
  if (!is_type(derived)) {
    raise_msg(TypeErrorType, "issubclass() arg 1 must be a class");
    return -1;
  }
  if (!is_type(cls)) {
    raise_msg(TypeErrorType, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return is_subtype(static_cast<TypeObject*>(derived.as_obj()), static_cast<TypeObject*>(cls.as_obj()));
}

int exception_matches(Value exc, Value type) {
  auto check = [](Value t) {
    return is_type(t) && has(static_cast<TypeObject*>(t.as_obj()), TypeFlag::BaseExcSubclass);
  };
  if (is_exact(type, TupleType)) {
    TupleObject* t = as_tuple(type);
    for (int64_t i = 0; i < t->size; ++i)
      if (!check(t->items[i])) {
        raise_msg(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
      }
  } else if (!check(type)) {
    raise_msg(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return is_instance(exc, type);
}

}  // namespace coil::rt
