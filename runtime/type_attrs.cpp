// type_attrs.cpp — type's introspection attributes (__flags__ with CPython's bit values,
// __annotations__, __basicsize__, __dictoffset__, __text_signature__), type.__instancecheck__ /
// __subclasscheck__ / __repr__, and object's ordering methods.
#include <algorithm>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

std::string type_repr(TypeObject* t);  // conversions.cpp: <class 'module.qualname'>

namespace {

TypeObject* as_type(Value v) { return static_cast<TypeObject*>(v.as_obj()); }

// CPython 3.11's Py_TPFLAGS_* bit for each TypeFlag Coil tracks (object.h there). Flags with no
// CPython counterpart (HasDict, ShapedAttrs, ...) are not reported; nor are CPython's that Coil
// has no notion of (HAVE_GC, MANAGED_DICT, VALID_VERSION_TAG, ...).
struct FlagBit {
  TypeFlag flag;
  uint64_t cpython_bit;
};
constexpr FlagBit kFlagBits[] = {
    {TypeFlag::Sequence, 1u << 5},         {TypeFlag::Mapping, 1u << 6},
    {TypeFlag::HeapType, 1u << 9},         {TypeFlag::BaseType, 1u << 10},
    {TypeFlag::IsAbstract, 1u << 20},      {TypeFlag::IntSubclass, 1u << 24},
    {TypeFlag::ListSubclass, 1u << 25},    {TypeFlag::TupleSubclass, 1u << 26},
    {TypeFlag::BytesSubclass, 1u << 27},   {TypeFlag::StrSubclass, 1u << 28},
    {TypeFlag::DictSubclass, 1u << 29},    {TypeFlag::BaseExcSubclass, 1u << 30},
    {TypeFlag::TypeSubclass, 1ull << 31},
};
constexpr uint64_t kImmutableTypeBit = 1u << 8;  // every built-in (non-heap) type
constexpr uint64_t kReadyBit = 1u << 12;         // a type Python code can see is ready

Value type_flags_get(Value self) {
  TypeObject* t = as_type(self);
  uint64_t bits = kReadyBit;
  if (!has(t, TypeFlag::HeapType)) bits |= kImmutableTypeBit;
  for (const FlagBit& f : kFlagBits)
    if (has(t, f.flag)) bits |= f.cpython_bit;
  return int_from_uint64(bits);
}

// A class's annotations: its own dict's (made empty on first access), never a base's.
Value type_annotations_get(Value self) {
  TypeObject* t = as_type(self);
  if (!has(t, TypeFlag::HeapType))
    return raise_fmt(AttributeErrorType, "type object '%s' has no attribute '__annotations__'", t->name);
  StrObject* key = intern("__annotations__");
  Value a = dict_get_str(t->dict, key);
  if (!a.is_empty_slot()) {
    if (!a.is_obj()) return a;
    Value get = type_lookup(a.as_obj()->type, names::dunder_get);
    if (get.is_empty_slot()) return a;
    Value args[3] = {a, None, self};
    return call(get, args, 3);
  }
  DictObject* d = new_dict();
  if (!d || !dict_set_str(t->dict, key, Value::from_obj(d))) return Value();
  type_modified(t);
  return Value::from_obj(d);
}

bool type_annotations_set(Value self, Value v) {
  TypeObject* t = as_type(self);
  if (!has(t, TypeFlag::HeapType)) {
    raise_fmt(TypeErrorType, "cannot set '__annotations__' attribute of immutable type '%s'", t->name);
    return false;
  }
  StrObject* key = intern("__annotations__");
  if (v.is_empty_slot()) {
    int r = dict_del(t->dict, Value::from_obj(key));
    if (r < 0) return false;
    if (r == 0) {
      raise_msg(AttributeErrorType, "__annotations__");
      return false;
    }
  } else if (!dict_set_str(t->dict, key, v)) {
    return false;
  }
  type_modified(t);
  return true;
}

Value type_basicsize_get(Value self) { return int_from_int64(as_type(self)->basic_size); }
// Where an instance keeps its attributes (0: instances have no __dict__).
Value type_dictoffset_get(Value self) {
  TypeObject* t = as_type(self);
  return int_from_int64(has(t, TypeFlag::HasDict) ? t->dict_offset : 0);
}

// The "(sig)" of a doc written as "name(sig)\n--\n\n...", as CPython derives
// __text_signature__ from a type's docstring; None when the doc has no such header.
// The signatures CPython's built-in types carry in their internal docstrings (what
// inspect.signature(list) reads); types not listed have none, as int and dict have none there.
struct NativeSignature {
  TypeObject** type;
  const char* signature;
};
const NativeSignature kNativeSignatures[] = {
    {&ObjectType, "()"},
    {&ComplexType, "(real=0, imag=0)"},
    {&EnumerateType, "(iterable, start=0)"},
    {&FloatType, "(x=0, /)"},
    {&ListType, "(iterable=(), /)"},
    {&MemoryViewType, "(object)"},
    {&PropertyType, "(fget=None, fset=None, fdel=None, doc=None)"},
    {&ReversedType, "(sequence, /)"},
    {&TupleType, "(iterable=(), /)"},
    {&CellType, "([contents])"},
    {&FunctionType, "(code, globals, name=None, argdefs=None, closure=None)"},
    {&MethodType, "(function, instance, /)"},
    {&ModuleType, "(name, doc=None)"},
};

Value type_text_signature_get(Value self) {
  TypeObject* t = as_type(self);
  if (!has(t, TypeFlag::HeapType)) {
    for (const NativeSignature& s : kNativeSignatures)
      if (*s.type == t) return str_value(s.signature);
    return None;
  }
  Value doc = dict_get_str(t->dict, names::dunder_doc);
  if (doc.is_empty_slot() || !is_str(doc)) return None;
  std::string_view d = as_str(doc)->view();
  std::string_view name = t->name;
  size_t dot = name.rfind('.');
  if (dot != std::string_view::npos) name = name.substr(dot + 1);
  if (d.substr(0, name.size()) != name || d.size() <= name.size() || d[name.size()] != '(') return None;
  size_t end = d.find(")\n--\n\n", name.size());
  if (end == std::string_view::npos) return None;
  // The signature ends at the first line break: a header spanning lines is not one.
  std::string_view sig = d.substr(name.size(), end + 1 - name.size());
  if (sig.find('\n') != std::string_view::npos) return None;
  return str_value(sig);
}

Value type_instancecheck_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2)
    return raise_fmt(TypeErrorType, "type.__instancecheck__() takes exactly one argument (%lld given)",
                     static_cast<long long>(nargs - 1));
  // The plain check, without the metaclass hook that brought us here.
  return bool_value(is_subtype(type_of(args[1]), as_type(args[0])));
}

Value type_subclasscheck_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2)
    return raise_fmt(TypeErrorType, "type.__subclasscheck__() takes exactly one argument (%lld given)",
                     static_cast<long long>(nargs - 1));
  Value sub = args[1];
  if (!sub.is_obj() || !has(sub.as_obj()->type, TypeFlag::TypeSubclass))
    return raise_msg(TypeErrorType, "issubclass() arg 1 must be a class");
  return bool_value(is_subtype(as_type(sub), as_type(args[0])));
}

Value type_repr_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 1) return raise_fmt(TypeErrorType, "expected 0 arguments, got %lld", static_cast<long long>(nargs - 1));
  return str_value(type_repr(as_type(args[0])));
}

// object's <, <=, >, >=: no ordering of its own (the other operand's reflected method may have one).
Value object_order_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  return NotImplemented;
}

const NativeGetSetDef kTypeAttrGetSets[] = {
    {"__flags__", type_flags_get},
    {"__annotations__", type_annotations_get, type_annotations_set},
    {"__basicsize__", type_basicsize_get},
    {"__dictoffset__", type_dictoffset_get},
    {"__text_signature__", type_text_signature_get},
};
const NativeMethodDef kTypeAttrMethods[] = {
    {"__instancecheck__", type_instancecheck_m},
    {"__subclasscheck__", type_subclasscheck_m},
    {"__repr__", type_repr_m},
};
const NativeMethodDef kObjectOrderMethods[] = {
    {"__lt__", object_order_m},
    {"__le__", object_order_m},
    {"__gt__", object_order_m},
    {"__ge__", object_order_m},
};

}  // namespace

void init_type_attrs() {
  add_getsets(TypeType, kTypeAttrGetSets);
  add_methods(TypeType, kTypeAttrMethods);
  add_methods(ObjectType, kObjectOrderMethods);
}

}  // namespace coil::rt
