// generic_alias.cpp — types.GenericAlias, what `list[int]` / `dict[str, int]` make through
// __class_getitem__: it records the origin and arguments, prints as `list[int]`, and
// calling it calls the origin. (No TypeVar substitution: __parameters__ is always ().)
#include <string>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/names.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

struct GenericAliasObject : Object {
  Value origin;
  TupleObject* args;
};

TypeObject* g_alias_type = nullptr;

}  // namespace
Value union_of(Value a, Value b);  // union_type.cpp: a | b, or NotImplemented
namespace {

void visit_alias(Object* self, Visitor& v) {
  auto* a = static_cast<GenericAliasObject*>(self);
  v.visit(a->origin);
  v.visit(a->args);
}

GenericAliasObject* as_alias(Value v) { return static_cast<GenericAliasObject*>(v.as_obj()); }

// How an argument prints inside list[...]: types by qualified name, ... as is.
bool arg_repr(Value v, std::string* out) {
  if (v == EllipsisValue) {
    *out = "...";
    return true;
  }
  if (v.is_obj() && has(v.as_obj()->type, TypeFlag::TypeSubclass)) {
    auto* t = static_cast<TypeObject*>(v.as_obj());
    Value mod = get_attr(v, names::dunder_module);
    if (mod.is_empty_slot()) return false;
    std::string q = t->qualname ? std::string(t->qualname->view()) : t->name;
    if (is_str(mod) && as_str(mod)->view() != "builtins") q = std::string(as_str(mod)->view()) + "." + q;
    *out = q;
    return true;
  }
  return repr_string(v, out);
}

Value alias_repr_m(Value* args, int64_t, TupleObject*) {
  GenericAliasObject* a = as_alias(args[0]);
  std::string out;
  if (!arg_repr(a->origin, &out)) return Value();
  out += "[";
  if (a->args->size == 0) out += "()";
  for (int64_t i = 0; i < a->args->size; ++i) {
    if (i) out += ", ";
    std::string r;
    if (!arg_repr(a->args->items[i], &r)) return Value();
    out += r;
  }
  return str_value(out + "]");
}

Value alias_call_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  return call(as_alias(args[0])->origin, args + 1, nargs - 1, kwnames);
}

Value alias_eq_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  if (!args[1].is_obj() || args[1].as_obj()->type != g_alias_type) return NotImplemented;
  GenericAliasObject *a = as_alias(args[0]), *b = as_alias(args[1]);
  int eq = equal(a->origin, b->origin);
  if (eq <= 0) return eq < 0 ? Value() : False;
  eq = equal(Value::from_obj(a->args), Value::from_obj(b->args));
  return eq < 0 ? Value() : bool_value(eq);
}

Value alias_hash_m(Value* args, int64_t, TupleObject*) {
  int64_t h1 = hash(as_alias(args[0])->origin);
  if (h1 == -1) return Value();
  int64_t h2 = hash(Value::from_obj(as_alias(args[0])->args));
  if (h2 == -1) return Value();
  return Value::from_small_int((h1 ^ h2) >> 2);
}

Value alias_origin(Value self) { return as_alias(self)->origin; }
Value alias_args(Value self) { return Value::from_obj(as_alias(self)->args); }
Value alias_parameters(Value) { return Value::from_obj(empty_tuple()); }

// Attributes not of the alias itself come from the origin (list[int].append, ...).
Value alias_getattr_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  bool error = false;
  Value r = generic_get_attr(args[0], as_str(args[1]), true);
  if (!r.is_empty_slot() || has_pending_exception()) return r;
  (void)error;
  std::string_view n = as_str(args[1])->view();
  if (n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__")
    return raise_fmt(AttributeErrorType, "'types.GenericAlias' object has no attribute '%s'", as_str(args[1])->data);
  return get_attr(as_alias(args[0])->origin, as_str(args[1]));
}

// GenericAlias(origin, args): also how subclasses (collections.abc's
// _CallableGenericAlias) are made, through super().__new__(cls, origin, args).
Value alias_new_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "GenericAlias() takes no keyword arguments");
  if (nargs != 3) return raise_fmt(TypeErrorType, "GenericAlias expected 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  Object* o = type->alloc ? type->alloc(type) : nullptr;
  if (!o) return has_pending_exception() ? Value() : raise_memory_error();
  auto* a = static_cast<GenericAliasObject*>(o);
  a->origin = args[1];
  a->args = is_exact(args[2], TupleType) ? as_tuple(args[2]) : tuple_of({args[2]});
  if (!a->args) return Value();
  return Value::from_obj(a);
}

Value alias_mro_entries_m(Value* args, int64_t nargs, TupleObject*) {
  TupleObject* t = tuple_of({as_alias(args[0])->origin});
  return t ? Value::from_obj(t) : Value();
}

// list[int] | None: a types.UnionType, as for classes.
Value alias_or_m(Value* args, int64_t nargs, TupleObject*) {
  return nargs == 2 ? union_of(args[0], args[1]) : NotImplemented;
}
Value alias_ror_m(Value* args, int64_t nargs, TupleObject*) {
  return nargs == 2 ? union_of(args[1], args[0]) : NotImplemented;
}
// Only `*tuple[...]` is unpacked, and Coil makes no starred aliases.
Value alias_unpacked(Value) { return False; }

const NativeMethodDef kAliasMethods[] = {
    {"__or__", alias_or_m},
    {"__ror__", alias_ror_m},
    {"__new__", alias_new_m, NativeMethodDef::Kind::StaticMethod},
    {"__mro_entries__", alias_mro_entries_m},
    {"__repr__", alias_repr_m},
    {"__call__", alias_call_m},
    {"__eq__", alias_eq_m},
    {"__hash__", alias_hash_m},
    {"__getattribute__", alias_getattr_m},
};
const NativeGetSetDef kAliasGetSets[] = {
    {"__origin__", alias_origin},
    {"__args__", alias_args},
    {"__parameters__", alias_parameters},
    {"__unpacked__", alias_unpacked},
};

TypeObject* alias_type() {
  if (!g_alias_type) {
    g_alias_type = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
    g_alias_type->name = "types.GenericAlias";
    g_alias_type->base = ObjectType;
    g_alias_type->flags = TypeFlag::Immutable | TypeFlag::BaseType | TypeFlag::ExtType;
    finish_builtin_type(g_alias_type, sizeof(GenericAliasObject), nullptr, visit_alias);
    add_methods(g_alias_type, kAliasMethods);
    add_getsets(g_alias_type, kAliasGetSets);
    add_runtime_root_hook([](Visitor& v) { v.visit(g_alias_type); });
  }
  return g_alias_type;
}

}  // namespace

bool is_generic_alias(Value v) { return g_alias_type && v.is_obj() && v.as_obj()->type == g_alias_type; }

Value generic_alias_repr(Value v) {
  if (!g_alias_type || !v.is_obj() || v.as_obj()->type != g_alias_type) return Value();
  Value self = v;
  return alias_repr_m(&self, 1, nullptr);
}

// cls[args]: the __class_getitem__ of list, tuple, dict, set, frozenset and their views.
Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 2) return raise_msg(TypeErrorType, "__class_getitem__ expected 1 argument");
  TupleObject* items = is_exact(args[1], TupleType) ? as_tuple(args[1]) : tuple_of({args[1]});
  if (!items) return Value();
  auto* a = static_cast<GenericAliasObject*>(allocate_object(alias_type(), sizeof(GenericAliasObject)));
  if (!a) return raise_memory_error();
  a->origin = args[0];
  a->args = items;
  return Value::from_obj(a);
}

}  // namespace coil::rt
