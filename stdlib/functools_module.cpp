// functools_module.cpp — the _functools module: reduce, partial (flattening nested partials,
// attribute dict, CPython's repr) and cmp_to_key (functools.KeyWrapper).
#include <cstddef>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/containers.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/itertools.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// ---- reduce -------------------------------------------------------------------------------------
Value ft_reduce(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("reduce", kwnames) || !check_positional("reduce", nargs, 2, 3)) return Value();
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) {
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      return raise_msg(TypeErrorType, "reduce() arg 2 must support iteration");
    }
    return it;
  }
  Value acc = nargs == 3 ? args[2] : Value();
  while (true) {
    bool done = false;
    Value v = iter_next(it, &done);
    if (done) break;
    if (v.is_empty_slot()) return v;
    if (acc.is_empty_slot()) {
      acc = v;
      continue;
    }
    acc = call2(args[0], acc, v);
    if (acc.is_empty_slot()) return acc;
  }
  if (acc.is_empty_slot()) return raise_msg(TypeErrorType, "reduce() of empty iterable with no initial value");
  return acc;
}

// ---- partial ------------------------------------------------------------------------------------
struct PartialObject : Object {
  Value fn;
  Value args;      // tuple
  Value kw;        // dict
  DictObject* dict;
};
TypeObject* g_partial_type = nullptr;

void visit_partial(Object* self, Visitor& v) {
  auto* p = static_cast<PartialObject*>(self);
  v.visit(p->fn);
  v.visit(p->args);
  v.visit(p->kw);
  v.visit(reinterpret_cast<Object*>(p->dict));
}
PartialObject* P(Value v) { return static_cast<PartialObject*>(v.as_obj()); }

Value partial_call(Value* args, int64_t nargs, TupleObject* kwnames);

Value partial_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  if (nargs < 2) return raise_msg(TypeErrorType, "type 'partial' takes at least one argument");
  Value func = args[1];
  if (!is_callable(func)) return raise_msg(TypeErrorType, "the first argument must be callable");
  TupleObject* pargs = nullptr;
  DictObject* pkw = nullptr;
  // A partial of a plain partial (one without instance attributes) flattens into one.
  if (func.is_obj() && is_subtype(func.as_obj()->type, g_partial_type)) {
    PartialObject* inner = P(func);
    Value call_m = type_lookup(func.as_obj()->type, intern("__call__"));
    if (call_m == type_lookup(g_partial_type, intern("__call__")) && (!inner->dict || inner->dict->used == 0)) {
      pargs = as_tuple(inner->args);
      pkw = as_dict(inner->kw);
      func = inner->fn;
    }
  }
  int64_t extra = nargs - 2;
  int64_t before = pargs ? pargs->size : 0;
  TupleObject* all = new_tuple(before + extra);
  if (!all) return Value();
  for (int64_t i = 0; i < before; ++i) all->items[i] = pargs->items[i];
  for (int64_t i = 0; i < extra; ++i) all->items[before + i] = args[2 + i];
  DictObject* kw = new_dict();
  if (!kw) return Value();
  if (pkw && !dict_update_from(kw, Value::from_obj(pkw))) return Value();
  for (int64_t i = 0; kwnames && i < kwnames->size; ++i)
    if (!dict_set(kw, kwnames->items[i], args[nargs + i])) return Value();
  auto* p = static_cast<PartialObject*>(new_instance(type));
  if (!p) return Value();
  p->fn = func;
  p->args = Value::from_obj(all);
  p->kw = Value::from_obj(kw);
  return Value::from_obj(p);
}

Value partial_call(Value* args, int64_t nargs, TupleObject* kwnames) {
  PartialObject* p = P(args[0]);
  TupleObject* pargs = as_tuple(p->args);
  DictObject* pkw = as_dict(p->kw);
  int64_t ncall = nargs - 1;
  int64_t ncallkw = kwnames ? kwnames->size : 0;
  if (pkw->used == 0) {
    // Positional arguments stored, then the call's; the call's keywords pass through.
    std::vector<Value> buf(static_cast<size_t>(pargs->size + ncall + ncallkw));
    for (int64_t i = 0; i < pargs->size; ++i) buf[i] = pargs->items[i];
    for (int64_t i = 0; i < ncall + ncallkw; ++i) buf[pargs->size + i] = args[1 + i];
    return call(p->fn, buf.data(), pargs->size + ncall, kwnames);
  }
  TupleObject* all = new_tuple(pargs->size + ncall);
  if (!all) return Value();
  for (int64_t i = 0; i < pargs->size; ++i) all->items[i] = pargs->items[i];
  for (int64_t i = 0; i < ncall; ++i) all->items[pargs->size + i] = args[1 + i];
  DictObject* kw = new_dict();
  if (!kw || !dict_update_from(kw, Value::from_obj(pkw))) return Value();
  for (int64_t i = 0; i < ncallkw; ++i)
    if (!dict_set(kw, kwnames->items[i], args[nargs + i])) return Value();
  return call_tuple_dict(p->fn, all, kw);
}

Value partial_repr(Value* args, int64_t, TupleObject*) {
  PartialObject* p = P(args[0]);
  TypeObject* t = type_of(args[0]);
  std::string name = t == g_partial_type ? "functools.partial" : std::string(t->qualname->view());
  ReprGuard guard(args[0].as_obj());
  if (guard.recursive) return str_value("...");
  std::string out = name + "(";
  std::string s;
  if (!repr_string(p->fn, &s)) return Value();
  out += s;
  TupleObject* a = as_tuple(p->args);
  for (int64_t i = 0; i < a->size; ++i) {
    if (!repr_string(a->items[i], &s)) return Value();
    out += ", " + s;
  }
  int64_t pos = 0;
  Value k, v;
  while (dict_next(as_dict(p->kw), &pos, &k, &v)) {
    std::string ks;
    if (!str_string(k, &ks) || !repr_string(v, &s)) return Value();
    out += ", " + ks + "=" + s;
  }
  return str_value(out + ")");
}

// (type, (fn,), (fn, args, keywords, instance dict or None)).
Value partial_reduce(Value* args, int64_t, TupleObject*) {
  PartialObject* p = P(args[0]);
  Value dict = p->dict && p->dict->used ? Value::from_obj(p->dict) : None;
  TupleObject* state = tuple_of({p->fn, p->args, p->kw, dict});
  TupleObject* ctor = tuple_of({p->fn});
  if (!state || !ctor) return Value();
  TupleObject* t = tuple_of({Value::from_obj(type_of(args[0])), Value::from_obj(ctor), Value::from_obj(state)});
  return t ? Value::from_obj(t) : Value();
}
Value partial_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  Value st = args[1];
  if (!is_tuple(st)) return raise_msg(TypeErrorType, "argument to __setstate__ must be a tuple");
  TupleObject* t = as_tuple(st);
  if (t->size != 4) return raise_fmt(TypeErrorType, "expected 4 items in state, got %lld", static_cast<long long>(t->size));
  Value fn = t->items[0], fa = t->items[1], kw = t->items[2], dict = t->items[3];
  if (!is_callable(fn) || !is_tuple(fa) || (kw != None && !is_dict(kw)))
    return raise_msg(TypeErrorType, "invalid partial state");
  PartialObject* p = P(args[0]);
  Value fargs = is_exact(fa, TupleType) ? fa : sequence_to_tuple(fa);
  if (fargs.is_empty_slot()) return fargs;
  // As CPython: an exact dict of keywords and the instance dict are taken as they are (so a
  // copy.copy shares them), anything else is copied.
  Value nkw = kw;
  if (kw == None || !is_exact(kw, DictType)) {
    DictObject* d = new_dict();
    if (!d || (kw != None && !dict_update_from(d, kw))) return Value();
    nkw = Value::from_obj(d);
  }
  if (dict != None && !is_dict(dict)) return raise_msg(TypeErrorType, "invalid partial state");
  p->fn = fn;
  p->args = fargs;
  p->kw = nkw;
  p->dict = dict == None ? nullptr : as_dict(dict);
  return None;
}

Value partial_get_func(Value self) { return P(self)->fn; }
Value partial_get_args(Value self) { return P(self)->args; }
Value partial_get_keywords(Value self) { return P(self)->kw; }

const NativeMethodDef kPartialMethods[] = {
    {"__new__", partial_new, NativeMethodDef::Kind::StaticMethod},
    {"__call__", partial_call},
    {"__repr__", partial_repr},
    {"__reduce__", partial_reduce},
    {"__setstate__", partial_setstate},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};
const NativeGetSetDef kPartialGetSets[] = {
    {"func", partial_get_func},
    {"args", partial_get_args},
    {"keywords", partial_get_keywords},
};

// ---- cmp_to_key ---------------------------------------------------------------------------------
struct KeyWrapperObject : Object {
  Value cmp;
  Value obj;  // empty in the factory cmp_to_key returns
};
TypeObject* g_keywrapper_type = nullptr;
void visit_keywrapper(Object* self, Visitor& v) {
  v.visit(static_cast<KeyWrapperObject*>(self)->cmp);
  v.visit(static_cast<KeyWrapperObject*>(self)->obj);
}
KeyWrapperObject* K(Value v) { return static_cast<KeyWrapperObject*>(v.as_obj()); }

Value new_keywrapper(Value cmp, Value obj) {
  auto* k = static_cast<KeyWrapperObject*>(new_instance(g_keywrapper_type));
  if (!k) return Value();
  k->cmp = cmp;
  k->obj = obj;
  return Value::from_obj(k);
}
Value ft_cmp_to_key(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("cmp_to_key", args, nargs, kwnames, {"mycmp"}, 1, a)) return Value();
  return new_keywrapper(a[0], Value());
}
Value keywrapper_call(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("K", args + 1, nargs - 1, kwnames, {"obj"}, 1, a)) return Value();
  return new_keywrapper(K(args[0])->cmp, a[0]);
}
template <fe::CompareKind Op>
Value keywrapper_cmp(Value* args, int64_t, TupleObject*) {
  if (!is_exact(args[1], g_keywrapper_type)) return raise_msg(TypeErrorType, "other argument must be K instance");
  Value a = K(args[0])->obj, b = K(args[1])->obj;
  if (a.is_empty_slot() || b.is_empty_slot()) return raise_msg(AttributeErrorType, "object");
  Value r = call2(K(args[0])->cmp, a, b);
  if (r.is_empty_slot()) return r;
  return rich_compare(r, Value::from_small_int(0), Op);
}
Value keywrapper_get_obj(Value self) {
  Value o = K(self)->obj;
  if (o.is_empty_slot()) return raise_msg(AttributeErrorType, "obj");
  return o;
}
bool keywrapper_set_obj(Value self, Value v) {
  K(self)->obj = v;
  return true;
}

const NativeMethodDef kKeyWrapperMethods[] = {
    {"__call__", keywrapper_call},
    {"__lt__", keywrapper_cmp<fe::CompareKind::Lt>},
    {"__le__", keywrapper_cmp<fe::CompareKind::Le>},
    {"__eq__", keywrapper_cmp<fe::CompareKind::Eq>},
    {"__ne__", keywrapper_cmp<fe::CompareKind::Ne>},
    {"__gt__", keywrapper_cmp<fe::CompareKind::Gt>},
    {"__ge__", keywrapper_cmp<fe::CompareKind::Ge>},
};
const NativeGetSetDef kKeyWrapperGetSets[] = {{"obj", keywrapper_get_obj, keywrapper_set_obj}};

const NativeFunctionDef kFunctoolsFunctions[] = {
    {"reduce", ft_reduce},
    {"cmp_to_key", ft_cmp_to_key},
};

bool init_functools(ModuleObject* m) {
  if (!g_partial_type) {
    g_partial_type = make_native_type("functools.partial", sizeof(PartialObject), visit_partial, true);
    g_partial_type->dict_offset = offsetof(PartialObject, dict);
    g_partial_type->flags = g_partial_type->flags | TypeFlag::HasDict;
    add_methods(g_partial_type, kPartialMethods);
    add_getsets(g_partial_type, kPartialGetSets);
    register_weakrefable_type(g_partial_type);
    g_keywrapper_type = make_native_type("functools.KeyWrapper", sizeof(KeyWrapperObject), visit_keywrapper, false);
    add_methods(g_keywrapper_type, kKeyWrapperMethods);
    add_getsets(g_keywrapper_type, kKeyWrapperGetSets);
    type_set_attr_raw(g_keywrapper_type, intern("__hash__"), None);
  }
  return module_add(m, "partial", Value::from_obj(g_partial_type));
}

}  // namespace

extern const NativeModuleDef kFunctoolsModule;
const NativeModuleDef kFunctoolsModule = {"_functools", kFunctoolsFunctions, std::size(kFunctoolsFunctions),
                                          init_functools};

}  // namespace coil::lib
