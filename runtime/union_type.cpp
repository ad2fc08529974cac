// union_type.cpp — types.UnionType: `int | str` (PEP 604), usable in isinstance/issubclass,
// with CPython's repr, equality, hashing, flattening and type-variable substitution.
#include "runtime/abstract.h"
#include "runtime/generic_alias.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/exceptions.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

struct UnionObject : Object {
  TupleObject* args;
  TupleObject* parameters;  // null until first asked for
};

TypeObject* g_union_type = nullptr;

void visit_union(Object* self, Visitor& v) {
  v.visit(static_cast<UnionObject*>(self)->args);
  v.visit(static_cast<UnionObject*>(self)->parameters);
}

bool is_union(Value v) { return v.is_obj() && v.as_obj()->type == g_union_type; }

// What may stand on either side of `|`: a class, None, a generic alias or another union.
bool unionable(Value v) {
  return v == None || is_union(v) || is_generic_alias(v) || (v.is_obj() && has(v.as_obj()->type, TypeFlag::TypeSubclass));
}

// The members of a | b, flattened and without duplicates (aliases compared by ==, the rest by
// identity); a union unless only one member is left.
Value make_union(Value a, Value b) {
  ListObject* items = new_list(0);
  if (!items) return Value();
  auto add = [&](Value x) -> bool {
    if (x == None) x = Value::from_obj(NoneTypeType);
    for (int64_t i = 0; i < items->size; ++i) {
      Value y = items->items()[i];
      int dup = is_generic_alias(x) && is_generic_alias(y) ? equal(x, y) : x == y;
      if (dup < 0) return false;
      if (dup) return true;
    }
    return list_append(items, x);
  };
  for (Value side : {a, b}) {
    if (is_union(side)) {
      TupleObject* t = static_cast<UnionObject*>(side.as_obj())->args;
      for (int64_t i = 0; i < t->size; ++i)
        if (!add(t->items[i])) return Value();
    } else if (!add(side)) {
      return Value();
    }
  }
  if (items->size == 1) return items->items()[0];
  auto* u = static_cast<UnionObject*>(allocate_object(g_union_type, sizeof(UnionObject)));
  if (!u) return raise_memory_error();
  u->args = new_tuple(items->size);
  if (!u->args) return Value();
  for (int64_t i = 0; i < items->size; ++i) u->args->items[i] = items->items()[i];
  return Value::from_obj(u);
}

Value union_or(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  return union_of(args[0], args[1]);
}

Value union_ror(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  return union_of(args[1], args[0]);
}

Value union_repr(Value* args, int64_t, TupleObject*) {
  TupleObject* t = static_cast<UnionObject*>(args[0].as_obj())->args;
  std::string out;
  for (int64_t i = 0; i < t->size; ++i) {
    if (i) out += " | ";
    Value x = t->items[i];
    if (x.as_obj() == NoneTypeType) {
      out += "None";
      continue;
    }
    std::string r;
    if (!type_arg_repr(x, &r)) return Value();
    out += r;
  }
  return str_value(out);
}

Value union_args_get(Value self) { return Value::from_obj(static_cast<UnionObject*>(self.as_obj())->args); }

TupleObject* union_parameters_of(UnionObject* u) {
  if (!u->parameters) u->parameters = make_type_parameters(u->args);
  return u->parameters;
}

Value union_parameters_get(Value self) {
  TupleObject* p = union_parameters_of(static_cast<UnionObject*>(self.as_obj()));
  return p ? Value::from_obj(p) : Value();
}

// (int | T)[str]: the members with type variables substituted, or-ed together again.
Value union_getitem(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  auto* u = static_cast<UnionObject*>(args[0].as_obj());
  TupleObject* params = union_parameters_of(u);
  if (!params) return Value();
  TupleObject* newargs = substitute_type_parameters(args[0], u->args, params, args[1]);
  if (!newargs) return Value();
  if (newargs->size == 0) return raise_msg(TypeErrorType, "Cannot take a Union of no types.");
  Value r = newargs->items[0];
  for (int64_t i = 1; i < newargs->size && !r.is_empty_slot(); ++i)
    r = binary_op(r, newargs->items[i], fe::BinaryOpKind::Or);
  return r;
}

// Unions are equal when they have the same members in any order (compared as sets).
Value union_eq(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_union(args[1])) return NotImplemented;
  Value a = make_new_set(SetType, Value::from_obj(static_cast<UnionObject*>(args[0].as_obj())->args));
  if (a.is_empty_slot()) return a;
  Value b = make_new_set(SetType, Value::from_obj(static_cast<UnionObject*>(args[1].as_obj())->args));
  if (b.is_empty_slot()) return b;
  return rich_compare(a, b, fe::CompareKind::Eq);
}

Value union_hash(Value* args, int64_t, TupleObject*) {
  Value s = make_new_set(FrozenSetType, Value::from_obj(static_cast<UnionObject*>(args[0].as_obj())->args));
  if (s.is_empty_slot()) return s;
  int64_t h = hash(s);
  return h == -1 ? Value() : int_from_int64(h);
}

// type.__or__ / __ror__: `int | str`.
Value type_or(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  return union_of(args[0], args[1]);
}
Value type_ror(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  return union_of(args[1], args[0]);
}

// A union answers __module__ with its type's ('types'), which typing relies on; the rest is generic.
Value union_getattribute(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  StrObject* name = as_str(args[1]);
  if (name->view() == "__module__") return get_attr(Value::from_obj(g_union_type), name);
  return generic_get_attr(args[0], name, false);
}

const NativeMethodDef kUnionMethods[] = {
    {"__getattribute__", union_getattribute},
    {"__or__", union_or},     {"__ror__", union_ror},         {"__repr__", union_repr}, {"__eq__", union_eq},
    {"__hash__", union_hash}, {"__getitem__", union_getitem},
};
const NativeGetSetDef kUnionGetSets[] = {
    {"__args__", union_args_get},
    {"__parameters__", union_parameters_get},
};
const NativeMethodDef kTypeOrMethods[] = {
    {"__or__", type_or},
    {"__ror__", type_ror},
};

}  // namespace

bool is_union_type(Value v) { return is_union(v); }
TupleObject* union_args(Value v) { return static_cast<UnionObject*>(v.as_obj())->args; }

Value union_of(Value a, Value b) {
  if (!unionable(a) || !unionable(b)) return NotImplemented;
  return make_union(a, b);
}

void init_union_type() {
  g_union_type = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
  g_union_type->name = "types.UnionType";
  g_union_type->base = ObjectType;
  g_union_type->flags = TypeFlag::Immutable | TypeFlag::ExtType;
  finish_builtin_type(g_union_type, sizeof(UnionObject), nullptr, visit_union);
  // Unions are made by `|` only: no constructor, and object.__new__ must not make an empty one.
  g_union_type->alloc = nullptr;
  add_methods(g_union_type, kUnionMethods);
  add_getsets(g_union_type, kUnionGetSets);
  add_methods(TypeType, kTypeOrMethods);
  add_runtime_root_hook([](Visitor& v) { v.visit(g_union_type); });
}

}  // namespace coil::rt
