// typeobject.h — making types, their MRO and namespace, lookup through the MRO with a
// version-tagged cache, and the definition tables of native methods.
#pragma once

#include "runtime/function.h"
#include "runtime/type.h"

namespace coil::rt {

struct NativeMethodDef {
  const char* name;
  NativeFn fn;
  enum class Kind { Method, ClassMethod, StaticMethod } kind = Kind::Method;
  const char* doc = nullptr;
};

// A computed attribute of a built-in type (int.real, function.__name__, ...).
using GetterFn = Value (*)(Value self);
using SetterFn = bool (*)(Value self, Value value);  // value empty: delete
struct NativeGetSetDef {
  const char* name;
  GetterFn get;
  SetterFn set = nullptr;
  const char* doc = nullptr;
};

// Adds native methods / getsets to a built-in type's namespace.
void add_methods(TypeObject* type, const NativeMethodDef* defs, size_t n);
template <size_t N>
void add_methods(TypeObject* type, const NativeMethodDef (&defs)[N]) { add_methods(type, defs, N); }
void add_getsets(TypeObject* type, const NativeGetSetDef* defs, size_t n);
template <size_t N>
void add_getsets(TypeObject* type, const NativeGetSetDef (&defs)[N]) { add_getsets(type, defs, N); }
// Sets one attribute of a type's namespace (bumps versions).
bool type_set_attr_raw(TypeObject* type, StrObject* name, Value value);

// Gives a built-in type its dict, MRO, __name__; instances of `size` bytes made by `alloc`.
void finish_builtin_type(TypeObject* type, uint32_t basic_size, AllocFn alloc, VisitFn visit);

// The class statement / type(name, bases, dict): a new heap type. Null with an
// exception pending on failure (bad bases, MRO conflict, ...).
TypeObject* new_heap_type(TypeObject* metatype, Value name, TupleObject* bases, DictObject* ns);

// The most derived metaclass among `meta` and the bases' types (TypeError on a conflict).
Value calculate_metaclass(Value meta, TupleObject* bases);
// Finds `name` through the MRO of `type` (cached by version); empty when absent.
Value type_lookup(TypeObject* type, StrObject* name);
// Marks `type` and its subclasses changed (their version tags move on).
void type_modified(TypeObject* type);
// A read-only view of `mapping` (Class.__dict__, types.MappingProxyType); mappingproxy.cpp.
Value new_mapping_proxy(Value mapping);
// C.__bases__ = v: new bases and MRO for the class and its subclasses (CPython's checks).
bool type_set_bases(TypeObject* type, Value v);

// A getset descriptor object (what NativeGetSetDef entries become in a namespace).
struct GetSetObject : Object {
  const NativeGetSetDef* def;
  TypeObject* owner;
};

void init_type_type();

}  // namespace coil::rt
