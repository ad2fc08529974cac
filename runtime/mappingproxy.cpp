// mappingproxy.cpp — the read-only view of a mapping that `Class.__dict__` returns (and
// types.MappingProxyType): a class namespace changes only through setattr on the class, which
// moves the type's version tag, so caches keyed on versions stay right.
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/generic_alias.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

using fe::BinaryOpKind;
using fe::CompareKind;

struct MappingProxyObject : Object {
  Value mapping;
};

Value target(Value self) { return static_cast<MappingProxyObject*>(self.as_obj())->mapping; }

void visit_proxy(Object* self, Visitor& v) { v.visit(static_cast<MappingProxyObject*>(self)->mapping); }

Value make_proxy(Value mapping) {
  auto* p = static_cast<MappingProxyObject*>(allocate_object(MappingProxyType, sizeof(MappingProxyObject)));
  if (!p) return raise_memory_error();
  p->mapping = mapping;
  return Value::from_obj(p);
}

Value proxy_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("mappingproxy", nargs - 1, kwnames, 1, 1)) return Value();
  Value m = args[1];
  if (is_list(m) || is_tuple(m) || lookup_special(m, names::dunder_getitem).is_empty_slot())
    return raise_fmt(TypeErrorType, "mappingproxy() argument must be a mapping, not %s", type_name(m));
  return make_proxy(m);
}

Value proxy_getitem(Value* args, int64_t, TupleObject*) { return get_item(target(args[0]), args[1]); }
Value proxy_contains(Value* args, int64_t, TupleObject*) {
  int r = contains(target(args[0]), args[1]);
  return r < 0 ? Value() : (r ? True : False);
}
Value proxy_len(Value* args, int64_t, TupleObject*) {
  int64_t n = length(target(args[0]));
  return n < 0 ? Value() : Value::from_small_int(n);
}
Value proxy_iter(Value* args, int64_t, TupleObject*) { return get_iter(target(args[0])); }
Value proxy_reversed(Value* args, int64_t, TupleObject*) { return call1(Value::from_obj(ReversedType), target(args[0])); }

// m.name(args...) on the underlying mapping.
Value forward(Value self, const char* name, Value* args, int64_t nargs) {
  return call_method(target(self), intern(name), args, nargs);
}
Value proxy_get(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("get", nargs - 1, kwnames, 1, 2)) return Value();
  Value a[2] = {args[1], nargs > 2 ? args[2] : None};
  return forward(args[0], "get", a, 2);
}
Value proxy_keys(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("keys", nargs - 1, kwnames, 0, 0)) return Value();
  return forward(args[0], "keys", nullptr, 0);
}
Value proxy_values(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("values", nargs - 1, kwnames, 0, 0)) return Value();
  return forward(args[0], "values", nullptr, 0);
}
Value proxy_items(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("items", nargs - 1, kwnames, 0, 0)) return Value();
  return forward(args[0], "items", nullptr, 0);
}
Value proxy_copy(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("copy", nargs - 1, kwnames, 0, 0)) return Value();
  return forward(args[0], "copy", nullptr, 0);
}
Value proxy_repr(Value* args, int64_t, TupleObject*) {
  std::string inner;
  if (!repr_string(target(args[0]), &inner)) return Value();
  return str_value("mappingproxy(" + inner + ")");
}
Value proxy_str(Value* args, int64_t, TupleObject*) { return str_of(target(args[0])); }

template <CompareKind K>
Value proxy_cmp(Value* args, int64_t, TupleObject*) {
  return rich_compare(target(args[0]), args[1], K);
}

Value unwrap(Value v) { return v.is_obj() && v.as_obj()->type == MappingProxyType ? target(v) : v; }
Value proxy_or(Value* args, int64_t, TupleObject*) {
  return binary_op(unwrap(args[0]), unwrap(args[1]), BinaryOpKind::Or);
}
Value proxy_ror(Value* args, int64_t, TupleObject*) {
  return binary_op(unwrap(args[1]), unwrap(args[0]), BinaryOpKind::Or);
}
Value proxy_ior(Value*, int64_t, TupleObject*) {
  return raise_msg(TypeErrorType, "'|=' is not supported by mappingproxy; use '|' instead");
}

const NativeMethodDef kProxyMethods[] = {
    {"__new__", proxy_new, NativeMethodDef::Kind::StaticMethod},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
    {"__getitem__", proxy_getitem},
    {"__contains__", proxy_contains},
    {"__len__", proxy_len},
    {"__iter__", proxy_iter},
    {"__reversed__", proxy_reversed},
    {"get", proxy_get},
    {"keys", proxy_keys},
    {"values", proxy_values},
    {"items", proxy_items},
    {"copy", proxy_copy},
    {"__repr__", proxy_repr},
    {"__str__", proxy_str},
    {"__eq__", proxy_cmp<CompareKind::Eq>},
    {"__ne__", proxy_cmp<CompareKind::Ne>},
    {"__lt__", proxy_cmp<CompareKind::Lt>},
    {"__le__", proxy_cmp<CompareKind::Le>},
    {"__gt__", proxy_cmp<CompareKind::Gt>},
    {"__ge__", proxy_cmp<CompareKind::Ge>},
    {"__or__", proxy_or},
    {"__ror__", proxy_ror},
    {"__ior__", proxy_ior},
};

}  // namespace

Value new_mapping_proxy(Value mapping) { return make_proxy(mapping); }

void init_mapping_proxy_type() {
  MappingProxyType->basic_size = sizeof(MappingProxyObject);
  MappingProxyType->visit = visit_proxy;
  add_methods(MappingProxyType, kProxyMethods);
  dict_set_str(MappingProxyType->dict, names::dunder_hash, None);
  type_modified(MappingProxyType);
}

}  // namespace coil::rt
