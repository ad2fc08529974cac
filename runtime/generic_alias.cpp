// generic_alias.cpp — types.GenericAlias, what `list[int]` / `dict[str, T]` make through
// __class_getitem__ (CPython's genericaliasobject.c semantics): it records the origin and
// arguments, collects the type variables among them (__parameters__), substitutes them when
// subscripted (dict[str, T][int]), unpacks as `*tuple[int, ...]` (PEP 646), prints as
// `list[int]`, forwards every other attribute to the origin, and calling it calls the origin
// (setting __orig_class__ on the result).
#include "runtime/generic_alias.h"

#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/roots.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

struct GenericAliasObject : Object {
  Value origin;
  TupleObject* args;
  TupleObject* parameters;  // null until first asked for
  bool starred;             // *tuple[int]: an unpacked alias
};

// The iterator of iter(alias): yields the starred alias once.
struct AliasIterObject : Object {
  Value alias;  // empty once exhausted
};

TypeObject* g_alias_type = nullptr;
TypeObject* g_alias_iter_type = nullptr;

void visit_alias(Object* self, Visitor& v) {
  auto* a = static_cast<GenericAliasObject*>(self);
  v.visit(a->origin);
  v.visit(a->args);
  v.visit(a->parameters);
}

void visit_alias_iter(Object* self, Visitor& v) { v.visit(static_cast<AliasIterObject*>(self)->alias); }

GenericAliasObject* as_alias(Value v) { return static_cast<GenericAliasObject*>(v.as_obj()); }

bool is_type_value(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::TypeSubclass); }

GenericAliasObject* new_alias(TypeObject* type, Value origin, TupleObject* args, bool starred) {
  Object* o = type->alloc ? type->alloc(type) : allocate_object(type, sizeof(GenericAliasObject));
  if (!o) {
    if (!has_pending_exception()) raise_memory_error();
    return nullptr;
  }
  auto* a = static_cast<GenericAliasObject*>(o);
  a->origin = origin;
  a->args = args;
  a->starred = starred;
  return a;
}

// getattr(obj, name) where a missing attribute is not an error: empty result, *error false.
Value lookup_attr(Value obj, const char* name, bool* error) { return get_attr_opt(obj, intern(name), error); }

// --- repr ---

// How one item prints inside alias[...]: ..., a nested alias by its repr, a class as
// module.qualname (builtins unqualified), anything else by repr.
bool repr_item(Value p, std::string* out) {
  if (p == EllipsisValue) {
    *out = "...";
    return true;
  }
  bool err = false;
  Value tmp = lookup_attr(p, "__origin__", &err);
  if (err) return false;
  bool use_repr = false;
  if (!tmp.is_empty_slot()) {
    tmp = lookup_attr(p, "__args__", &err);
    if (err) return false;
    use_repr = !tmp.is_empty_slot();  // it looks like a GenericAlias
  }
  if (!use_repr) {
    Value qualname = lookup_attr(p, "__qualname__", &err);
    if (err) return false;
    Value module = qualname.is_empty_slot() ? Value() : lookup_attr(p, "__module__", &err);
    if (err) return false;
    if (!qualname.is_empty_slot() && !module.is_empty_slot() && module != None) {
      std::string q;
      if (!str_string(qualname, &q)) return false;
      if (is_str(module) && as_str(module)->view() == "builtins") {
        *out = q;
        return true;
      }
      std::string m;
      if (!str_string(module, &m)) return false;
      *out = m + "." + q;
      return true;
    }
  }
  return repr_string(p, out);
}

Value alias_repr_m(Value* args, int64_t, TupleObject*) {
  GenericAliasObject* a = as_alias(args[0]);
  std::string out = a->starred ? "*" : "";
  std::string r;
  if (!repr_item(a->origin, &r)) return Value();
  out += r + "[";
  for (int64_t i = 0; i < a->args->size; ++i) {
    if (i) out += ", ";
    if (!repr_item(a->args->items[i], &r)) return Value();
    out += r;
  }
  if (a->args->size == 0) out += "()";
  return str_value(out + "]");
}

// --- parameters and substitution (shared with typing's own aliases through __getitem__) ---

int64_t index_of(TupleObject* t, int64_t n, Value item) {
  for (int64_t i = 0; i < n; ++i)
    if (t->items[i] == item) return i;
  return -1;
}

bool append_unique(ListObject* l, Value v) {
  for (int64_t i = 0; i < l->size; ++i)
    if (l->items()[i] == v) return true;
  return list_append(l, v);
}

TupleObject* list_to_tuple(ListObject* l) {
  TupleObject* t = new_tuple(l->size);
  if (!t) return nullptr;
  for (int64_t i = 0; i < l->size; ++i) t->items[i] = l->items()[i];
  return t;
}

// The args of an unpacked tuple (*tuple[int, str] or *Tuple[int, str]), or empty.
Value unpacked_tuple_args(Value arg, bool* error) {
  *error = false;
  if (arg.is_obj() && is_subtype(arg.as_obj()->type, g_alias_type) && as_alias(arg)->starred &&
      as_alias(arg)->origin.as_obj() == TupleType)
    return Value::from_obj(as_alias(arg)->args);
  Value r = lookup_attr(arg, "__typing_unpacked_tuple_args__", error);
  if (*error || r == None) return Value();
  return r;
}

// The subscript as a tuple, with unpacked fixed-length tuples spliced in.
TupleObject* unpack_args(Value item) {
  ListObject* out = new_list(0);
  if (!out) return nullptr;
  bool is_tup = is_tuple(item);
  int64_t n = is_tup ? as_tuple(item)->size : 1;
  for (int64_t i = 0; i < n; ++i) {
    Value x = is_tup ? as_tuple(item)->items[i] : item;
    if (!is_type_value(x)) {
      bool err;
      Value sub = unpacked_tuple_args(x, &err);
      if (err) return nullptr;
      if (!sub.is_empty_slot() && is_tuple(sub)) {
        TupleObject* st = as_tuple(sub);
        if (!(st->size && st->items[st->size - 1] == EllipsisValue)) {
          for (int64_t k = 0; k < st->size; ++k)
            if (!list_append(out, st->items[k])) return nullptr;
          continue;
        }
      }
    }
    if (!list_append(out, x)) return nullptr;
  }
  return list_to_tuple(out);
}

// 1 if `arg` is *Ts for a TypeVarTuple Ts, 0 if not, -1 on error.
int is_unpacked_typevartuple(Value arg) {
  if (is_type_value(arg)) return 0;
  bool err = false;
  Value v = lookup_attr(arg, "__typing_is_unpacked_typevartuple__", &err);
  if (err) return -1;
  return v.is_empty_slot() ? 0 : is_true(v);
}

bool extend_list(ListObject* l, Value tuple) {
  TupleObject* t = as_tuple(tuple);
  for (int64_t i = 0; i < t->size; ++i)
    if (!list_append(l, t->items[i])) return false;
  return true;
}

// obj with its own type variables replaced: obj[substituted __parameters__] (list[T] -> list[int]).
Value subs_tvars(Value obj, TupleObject* params, Value* argitems) {
  bool err = false;
  Value subparams = lookup_attr(obj, "__parameters__", &err);
  if (err) return Value();
  if (subparams.is_empty_slot() || !is_tuple(subparams) || as_tuple(subparams)->size == 0) return obj;
  TupleObject* sp = as_tuple(subparams);
  ListObject* subargs = new_list(0);
  if (!subargs) return Value();
  for (int64_t i = 0; i < sp->size; ++i) {
    Value arg = sp->items[i];
    int64_t ip = index_of(params, params->size, arg);
    if (ip >= 0) {
      Value param = params->items[ip];
      arg = argitems[ip];
      // A TypeVarTuple (iterable) takes its tuple of arguments spread out.
      if (!type_lookup(type_of(param), names::dunder_iter).is_empty_slot() && is_tuple(arg)) {
        if (!extend_list(subargs, arg)) return Value();
        continue;
      }
    }
    if (!list_append(subargs, arg)) return Value();
  }
  TupleObject* t = list_to_tuple(subargs);
  return t ? get_item(obj, Value::from_obj(t)) : Value();
}

}  // namespace

bool type_arg_repr(Value v, std::string* out) { return repr_item(v, out); }

TupleObject* make_type_parameters(TupleObject* args) {
  ListObject* params = new_list(0);
  if (!params) return nullptr;
  for (int64_t i = 0; i < args->size; ++i) {
    Value t = args->items[i];
    // A bare class's __parameters__ (a descriptor of Generic subclasses) is not wanted.
    if (is_type_value(t)) continue;
    bool err = false;
    Value subst = lookup_attr(t, "__typing_subst__", &err);
    if (err) return nullptr;
    if (!subst.is_empty_slot()) {
      if (!append_unique(params, t)) return nullptr;
      continue;
    }
    Value sub = lookup_attr(t, "__parameters__", &err);
    if (err) return nullptr;
    if (!sub.is_empty_slot() && is_tuple(sub))
      for (int64_t k = 0; k < as_tuple(sub)->size; ++k)
        if (!append_unique(params, as_tuple(sub)->items[k])) return nullptr;
  }
  return list_to_tuple(params);
}

TupleObject* substitute_type_parameters(Value self, TupleObject* args, TupleObject* parameters, Value item) {
  int64_t nparams = parameters->size;
  if (nparams == 0) {
    std::string r;
    if (!repr_string(self, &r)) return nullptr;
    raise_fmt(TypeErrorType, "%s is not a generic class", r.c_str());
    return nullptr;
  }
  TupleObject* items = unpack_args(item);
  if (!items) return nullptr;
  Value itemv = Value::from_obj(items);
  for (int64_t i = 0; i < nparams; ++i) {
    bool err = false;
    Value prepare = lookup_attr(parameters->items[i], "__typing_prepare_subst__", &err);
    if (err) return nullptr;
    if (!prepare.is_empty_slot() && prepare != None) {
      if (!is_tuple(itemv)) {
        TupleObject* one = tuple_of({itemv});
        if (!one) return nullptr;
        itemv = Value::from_obj(one);
      }
      itemv = call2(prepare, self, itemv);
      if (itemv.is_empty_slot()) return nullptr;
    }
  }
  bool is_tup = is_tuple(itemv);
  int64_t nitems = is_tup ? as_tuple(itemv)->size : 1;
  Value* argitems = is_tup ? as_tuple(itemv)->items : &itemv;
  if (nitems != nparams) {
    std::string r;
    if (!repr_string(self, &r)) return nullptr;
    raise_fmt(TypeErrorType, "Too %s arguments for %s; actual %lld, expected %lld", nitems > nparams ? "many" : "few",
              r.c_str(), static_cast<long long>(nitems), static_cast<long long>(nparams));
    return nullptr;
  }
  // Each type variable among args becomes its value; args that hold type variables
  // (list[T]) are subscripted with theirs.
  ListObject* newargs = new_list(0);
  if (!newargs) return nullptr;
  for (int64_t i = 0; i < args->size; ++i) {
    Value arg = args->items[i];
    if (is_type_value(arg)) {
      if (!list_append(newargs, arg)) return nullptr;
      continue;
    }
    int unpack = is_unpacked_typevartuple(arg);
    if (unpack < 0) return nullptr;
    bool err = false;
    Value subst = lookup_attr(arg, "__typing_subst__", &err);
    if (err) return nullptr;
    if (!subst.is_empty_slot()) {
      int64_t ip = index_of(parameters, nparams, arg);
      arg = call1(subst, argitems[ip]);
    } else {
      arg = subs_tvars(arg, parameters, argitems);
    }
    if (arg.is_empty_slot()) return nullptr;
    if (unpack) {
      if (!is_tuple(arg)) {
        raise_fmt(TypeErrorType, "expected a tuple, not %s", type_name(arg));
        return nullptr;
      }
      if (!extend_list(newargs, arg)) return nullptr;
    } else if (!list_append(newargs, arg)) {
      return nullptr;
    }
  }
  return list_to_tuple(newargs);
}

namespace {

TupleObject* alias_parameters_of(GenericAliasObject* a) {
  if (!a->parameters) a->parameters = make_type_parameters(a->args);
  return a->parameters;
}

Value alias_getitem_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  GenericAliasObject* a = as_alias(args[0]);
  TupleObject* params = alias_parameters_of(a);
  if (!params) return Value();
  TupleObject* newargs = substitute_type_parameters(args[0], a->args, params, args[1]);
  if (!newargs) return Value();
  GenericAliasObject* r = new_alias(g_alias_type, a->origin, newargs, a->starred);
  return r ? Value::from_obj(r) : Value();
}

Value alias_call_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value obj = call(as_alias(args[0])->origin, args + 1, nargs - 1, kwnames);
  if (obj.is_empty_slot()) return obj;
  // list[int]() is a plain list, but instances of user generics learn their alias.
  if (!set_attr(obj, intern("__orig_class__"), args[0])) {
    if (!pending_matches(AttributeErrorType) && !pending_matches(TypeErrorType)) return Value();
    clear_exception();
  }
  return obj;
}

Value alias_richcompare(Value* args, int64_t nargs, bool ne) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  if (!args[1].is_obj() || !is_subtype(args[1].as_obj()->type, g_alias_type)) return NotImplemented;
  GenericAliasObject *a = as_alias(args[0]), *b = as_alias(args[1]);
  if (a->starred != b->starred) return bool_value(ne);
  int eq = equal(a->origin, b->origin);
  if (eq < 0) return Value();
  if (eq) eq = equal(Value::from_obj(a->args), Value::from_obj(b->args));
  if (eq < 0) return Value();
  return bool_value(ne ? !eq : eq);
}
Value alias_eq_m(Value* args, int64_t nargs, TupleObject*) { return alias_richcompare(args, nargs, false); }
Value alias_ne_m(Value* args, int64_t nargs, TupleObject*) { return alias_richcompare(args, nargs, true); }

Value alias_hash_m(Value* args, int64_t, TupleObject*) {
  int64_t h0 = hash(as_alias(args[0])->origin);
  if (h0 == -1) return Value();
  int64_t h1 = hash(Value::from_obj(as_alias(args[0])->args));
  if (h1 == -1) return Value();
  return int_from_int64(h0 ^ h1);
}

Value alias_origin(Value self) { return as_alias(self)->origin; }
Value alias_args(Value self) { return Value::from_obj(as_alias(self)->args); }
Value alias_parameters(Value self) {
  TupleObject* p = alias_parameters_of(as_alias(self));
  return p ? Value::from_obj(p) : Value();
}
Value alias_unpacked(Value self) { return bool_value(as_alias(self)->starred); }
Value alias_unpacked_tuple_args(Value self) {
  GenericAliasObject* a = as_alias(self);
  if (a->starred && a->origin.as_obj() == TupleType) return Value::from_obj(a->args);
  return None;
}

// The names an alias answers itself; every other attribute is the origin's.
constexpr const char* kOwnAttributes[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
};

bool is_own_attribute(std::string_view name) {
  for (const char* own : kOwnAttributes)
    if (name == own) return true;
  return false;
}

Value alias_getattr_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  StrObject* name = as_str(args[1]);
  if (!is_own_attribute(name->view())) return get_attr(as_alias(args[0])->origin, name);
  return generic_get_attr(args[0], name, false);
}

Value alias_dir_m(Value* args, int64_t, TupleObject*) {
  Value dir = call1(dict_get_str(g_builtins_module->dict, intern("dir")), as_alias(args[0])->origin);
  if (dir.is_empty_slot()) return dir;
  if (!is_list(dir)) return raise_msg(TypeErrorType, "dir() must return a list");
  for (const char* own : kOwnAttributes) {
    Value s = Value::from_obj(intern(own));
    int c = contains(dir, s);
    if (c < 0) return Value();
    if (!c && !list_append(as_list(dir), s)) return Value();
  }
  return dir;
}

// GenericAlias(origin, args): also how subclasses (collections.abc's _CallableGenericAlias)
// are made, through super().__new__(cls, origin, args).
Value alias_new_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "GenericAlias() takes no keyword arguments");
  if (nargs != 3) return raise_fmt(TypeErrorType, "GenericAlias expected 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  if (!is_type_value(args[0]) || !is_subtype(static_cast<TypeObject*>(args[0].as_obj()), g_alias_type))
    return raise_msg(TypeErrorType, "GenericAlias.__new__(X): X is not a subtype of GenericAlias");
  TupleObject* t = is_tuple(args[2]) ? as_tuple(args[2]) : tuple_of({args[2]});
  if (!t) return Value();
  if (is_tuple(args[2]) && !is_exact(args[2], TupleType)) {
    t = new_tuple(as_tuple(args[2])->size);
    if (!t) return Value();
    for (int64_t i = 0; i < t->size; ++i) t->items[i] = as_tuple(args[2])->items[i];
  }
  GenericAliasObject* a = new_alias(static_cast<TypeObject*>(args[0].as_obj()), args[1], t, false);
  return a ? Value::from_obj(a) : Value();
}

Value alias_mro_entries_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_fmt(TypeErrorType, "expected 1 argument, got %lld", static_cast<long long>(nargs - 1));
  TupleObject* t = tuple_of({as_alias(args[0])->origin});
  return t ? Value::from_obj(t) : Value();
}

Value alias_instancecheck_m(Value*, int64_t, TupleObject*) {
  return raise_msg(TypeErrorType, "isinstance() argument 2 cannot be a parameterized generic");
}
Value alias_subclasscheck_m(Value*, int64_t, TupleObject*) {
  return raise_msg(TypeErrorType, "issubclass() argument 2 cannot be a parameterized generic");
}

Value alias_iter_m(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<AliasIterObject*>(allocate_object(g_alias_iter_type, sizeof(AliasIterObject)));
  if (!it) return raise_memory_error();
  it->alias = args[0];
  return Value::from_obj(it);
}

// A starred alias pickles as next(iter(alias)); a plain one as GenericAlias(origin, args).
Value alias_reduce_m(Value* args, int64_t, TupleObject*) {
  GenericAliasObject* a = as_alias(args[0]);
  if (a->starred) {
    GenericAliasObject* plain = new_alias(g_alias_type, a->origin, a->args, false);
    if (!plain) return Value();
    Value pv = Value::from_obj(plain);
    Value it = alias_iter_m(&pv, 1, nullptr);
    if (it.is_empty_slot()) return it;
    TupleObject* inner = tuple_of({it});
    Value next = dict_get_str(g_builtins_module->dict, intern("next"));
    TupleObject* r = inner ? tuple_of({next, Value::from_obj(inner)}) : nullptr;
    return r ? Value::from_obj(r) : Value();
  }
  TupleObject* inner = tuple_of({a->origin, Value::from_obj(a->args)});
  TupleObject* r = inner ? tuple_of({Value::from_obj(a->type), Value::from_obj(inner)}) : nullptr;
  return r ? Value::from_obj(r) : Value();
}

Value alias_or_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  return union_of(args[0], args[1]);
}
Value alias_ror_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  return union_of(args[1], args[0]);
}

Value alias_iter_next_m(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<AliasIterObject*>(args[0].as_obj());
  if (it->alias.is_empty_slot()) return raise_msg(StopIterationType, "");
  GenericAliasObject* a = as_alias(it->alias);
  it->alias = Value();
  GenericAliasObject* starred = new_alias(g_alias_type, a->origin, a->args, true);
  return starred ? Value::from_obj(starred) : Value();
}

Value alias_iter_self_m(Value* args, int64_t, TupleObject*) { return args[0]; }

Value alias_iter_reduce_m(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<AliasIterObject*>(args[0].as_obj());
  Value iter = dict_get_str(g_builtins_module->dict, intern("iter"));
  Value arg = it->alias.is_empty_slot() ? Value::from_obj(empty_tuple()) : it->alias;
  TupleObject* inner = tuple_of({arg});
  TupleObject* r = inner ? tuple_of({iter, Value::from_obj(inner)}) : nullptr;
  return r ? Value::from_obj(r) : Value();
}

const NativeMethodDef kAliasMethods[] = {
    {"__new__", alias_new_m, NativeMethodDef::Kind::StaticMethod},
    {"__mro_entries__", alias_mro_entries_m},
    {"__instancecheck__", alias_instancecheck_m},
    {"__subclasscheck__", alias_subclasscheck_m},
    {"__reduce__", alias_reduce_m},
    {"__dir__", alias_dir_m},
    {"__repr__", alias_repr_m},
    {"__call__", alias_call_m},
    {"__eq__", alias_eq_m},
    {"__ne__", alias_ne_m},
    {"__hash__", alias_hash_m},
    {"__getattribute__", alias_getattr_m},
    {"__getitem__", alias_getitem_m},
    {"__iter__", alias_iter_m},
    {"__or__", alias_or_m},
    {"__ror__", alias_ror_m},
};
const NativeGetSetDef kAliasGetSets[] = {
    {"__origin__", alias_origin},
    {"__args__", alias_args},
    {"__parameters__", alias_parameters},
    {"__unpacked__", alias_unpacked},
    {"__typing_unpacked_tuple_args__", alias_unpacked_tuple_args},
};
const NativeMethodDef kAliasIterMethods[] = {
    {"__iter__", alias_iter_self_m},
    {"__next__", alias_iter_next_m},
    {"__reduce__", alias_iter_reduce_m},
};

TypeObject* make_type(const char* name, uint32_t size, VisitFn visit, TypeFlag extra) {
  auto* t = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
  t->name = name;
  t->base = ObjectType;
  t->flags = TypeFlag::Immutable | TypeFlag::ExtType | extra;
  finish_builtin_type(t, size, nullptr, visit);
  return t;
}

TypeObject* alias_type() {
  if (!g_alias_type) {
    g_alias_type = make_type("types.GenericAlias", sizeof(GenericAliasObject), visit_alias, TypeFlag::BaseType);
    add_methods(g_alias_type, kAliasMethods);
    add_getsets(g_alias_type, kAliasGetSets);
    g_alias_iter_type = make_type("generic_alias_iterator", sizeof(AliasIterObject), visit_alias_iter, TypeFlag::None);
    add_methods(g_alias_iter_type, kAliasIterMethods);
    add_runtime_root_hook([](Visitor& v) {
      v.visit(g_alias_type);
      v.visit(g_alias_iter_type);
    });
  }
  return g_alias_type;
}

}  // namespace

bool is_generic_alias(Value v) { return g_alias_type && v.is_obj() && is_subtype(v.as_obj()->type, g_alias_type); }

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
  GenericAliasObject* a = new_alias(alias_type(), args[0], items, false);
  return a ? Value::from_obj(a) : Value();
}

}  // namespace coil::rt
