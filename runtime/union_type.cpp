// union_type.cpp — types.UnionType: `int | str` (PEP 604), usable in isinstance/issubclass,
// with CPython's repr, equality, hashing and flattening.
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

bool is_generic_alias(Value v);  // generic_alias.cpp

namespace {

struct UnionObject : Object {
  TupleObject* args;
};

TypeObject* g_union_type = nullptr;

void visit_union(Object* self, Visitor& v) { v.visit(static_cast<UnionObject*>(self)->args); }

bool is_union(Value v) { return v.is_obj() && v.as_obj()->type == g_union_type; }

// What may stand on either side of `|`: a class, None, or another union.
bool unionable(Value v) {
  return v == None || is_union(v) || is_generic_alias(v) ||
         (v.is_obj() && has(v.as_obj()->type, TypeFlag::TypeSubclass));
}

Value make_union(Value a, Value b) {
  ListObject* items = new_list(0);
  if (!items) return Value();
  auto add = [&](Value x) -> bool {
    if (x == None) x = Value::from_obj(NoneTypeType);
    for (int64_t i = 0; i < items->size; ++i)
      if (items->items()[i] == x) return true;
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
  if (nargs != 2 || !unionable(args[0]) || !unionable(args[1])) return NotImplemented;
  return make_union(args[0], args[1]);
}

Value union_ror(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !unionable(args[0]) || !unionable(args[1])) return NotImplemented;
  return make_union(args[1], args[0]);
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
    if (has(x.as_obj()->type, TypeFlag::TypeSubclass)) {
      auto* ty = static_cast<TypeObject*>(x.as_obj());
      Value mod = get_attr(x, "__module__");
      if (mod.is_empty_slot()) return mod;
      std::string m = is_str(mod) ? std::string(as_str(mod)->view()) : "";
      out += (m == "builtins" || m.empty() ? "" : m + ".") + std::string(ty->qualname->view());
      continue;
    }
    std::string r;
    if (!repr_string(x, &r)) return Value();
    out += r;
  }
  return str_value(out);
}

Value union_args(Value self) { return Value::from_obj(static_cast<UnionObject*>(self.as_obj())->args); }

Value union_eq(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_union(args[1])) return NotImplemented;
  TupleObject* a = static_cast<UnionObject*>(args[0].as_obj())->args;
  TupleObject* b = static_cast<UnionObject*>(args[1].as_obj())->args;
  if (a->size != b->size) return False;
  for (int64_t i = 0; i < a->size; ++i) {
    bool found = false;
    for (int64_t k = 0; k < b->size; ++k) found |= a->items[i] == b->items[k];
    if (!found) return False;
  }
  return True;
}

Value union_hash(Value* args, int64_t, TupleObject*) {
  TupleObject* a = static_cast<UnionObject*>(args[0].as_obj())->args;
  uint64_t h = 0;
  for (int64_t i = 0; i < a->size; ++i) h ^= a->items[i].bits() >> 4;  // order-independent
  return Value::from_small_int(static_cast<int64_t>(h & 0x3FFFFFFFFFFFFFFF));
}

Value union_instancecheck(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  int r = is_instance(args[1], Value::from_obj(static_cast<UnionObject*>(args[0].as_obj())->args));
  return r < 0 ? Value() : bool_value(r);
}

Value union_subclasscheck(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  int r = is_subclass(args[1], Value::from_obj(static_cast<UnionObject*>(args[0].as_obj())->args));
  return r < 0 ? Value() : bool_value(r);
}

// type.__or__ / __ror__: `int | str`.
Value type_or(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !unionable(args[1])) return NotImplemented;
  return make_union(args[0], args[1]);
}
Value type_ror(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !unionable(args[1])) return NotImplemented;
  return make_union(args[1], args[0]);
}

const NativeMethodDef kUnionMethods[] = {
    {"__or__", union_or},        {"__ror__", union_ror},   {"__repr__", union_repr},
    {"__eq__", union_eq},        {"__hash__", union_hash}, {"__instancecheck__", union_instancecheck},
    {"__subclasscheck__", union_subclasscheck},
};
const NativeGetSetDef kUnionGetSets[] = {
    {"__args__", union_args},
};
const NativeMethodDef kTypeOrMethods[] = {
    {"__or__", type_or},
    {"__ror__", type_ror},
};

}  // namespace

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
  add_methods(g_union_type, kUnionMethods);
  add_getsets(g_union_type, kUnionGetSets);
  add_methods(TypeType, kTypeOrMethods);
  add_methods(NoneTypeType, kTypeOrMethods);
  add_runtime_root_hook([](Visitor& v) { v.visit(g_union_type); });
}

}  // namespace coil::rt
