// weakref.cpp — the _weakref module: weakref.ref (ReferenceType), proxies (ProxyType,
// CallableProxyType), getweakrefcount/getweakrefs, built on the collector's weak slots.
//
// Each weakref object holds its referent in a weak slot registered with the collector (its own
// field, owner = the weakref). A process-wide registry maps a referent's address to native weak
// slots pointing at the weakref objects, so getweakrefs() and the sharing of the basic ref
// (`ref(o) is ref(o)`) work without keeping any weakref alive; stale entries (a dead weakref, or
// a weakref whose referent died and whose address was reused) are pruned when seen.
#include <cstdio>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/generic_alias.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/run.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/native_type_util.h"

namespace coil::rt {
Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames);  // generic_alias.cpp
}

namespace coil::lib {

using namespace coil::rt;

namespace {

struct WeakRefObject : Object {
  Value referent;    // weak slot: none_slot() once the referent died
  Value callback;    // empty or None: no callback
  int64_t hash;      // cached hash of the referent (valid when aux & kHashCached)
  uintptr_t key;     // the referent's address, for the registry (not a reference)
};
constexpr uint32_t kHashCached = 1;

TypeObject* g_ref_type = nullptr;
TypeObject* g_proxy_type = nullptr;
TypeObject* g_callable_proxy_type = nullptr;

// referent address -> native weak slots holding the weakref objects to it, in creation order.
std::unordered_map<uintptr_t, std::vector<Value*>>& registry() {
  static auto* r = new std::unordered_map<uintptr_t, std::vector<Value*>>();
  return *r;
}

WeakRefObject* as_weak(Value v) { return static_cast<WeakRefObject*>(v.as_obj()); }
bool is_proxy_type(TypeObject* t) { return t == g_proxy_type || t == g_callable_proxy_type; }
bool is_weakref_object(Value v) {
  return v.is_obj() && (is_subtype(v.as_obj()->type, g_ref_type) || is_proxy_type(v.as_obj()->type));
}

// The live referent, or empty when it died.
Value referent_of(WeakRefObject* w) { return w->referent.is_obj() ? w->referent : Value(); }

// The weakrefs currently referring to `target` (pruning stale registry entries).
std::vector<WeakRefObject*> live_refs(Value target) {
  std::vector<WeakRefObject*> out;
  auto it = registry().find(reinterpret_cast<uintptr_t>(target.as_obj()));
  if (it == registry().end()) return out;
  std::vector<Value*>& slots = it->second;
  size_t kept = 0;
  for (Value* s : slots) {
    if (s->is_obj() && as_weak(*s)->referent == target) {
      out.push_back(as_weak(*s));
      slots[kept++] = s;
    } else {
      gc::unregister_weak_slot(s);
      delete s;
    }
  }
  slots.resize(kept);
  if (slots.empty()) registry().erase(it);
  return out;
}

void register_ref(WeakRefObject* w) {
  auto* s = new Value(Value::from_obj(w));
  gc::register_weak_slot(s, nullptr);
  registry()[w->key].push_back(s);
}

// Can `v` be weakly referenced? CPython's rule: types with a weakref list slot.
bool weakrefable(Value v) {
  if (!v.is_obj()) return false;
  if (is_generic_alias(v)) return true;  // list[int] and typing's subclasses (with empty __slots__)
  TypeObject* t = v.as_obj()->type;
  if (has(t, TypeFlag::TypeSubclass)) return true;
  if (has(t, TypeFlag::HeapType)) {
    // Classes without __slots__ or naming __weakref__ in them (not over int, bytes, tuple);
    // otherwise what their built-in base allows.
    if (has(t, TypeFlag::WeakrefSlot)) return true;
    while (t && has(t, TypeFlag::HeapType)) t = t->base;
    if (!t) return false;
  }
  for (TypeObject* ok : {SetType, FrozenSetType, FunctionType, NativeFunctionType, MethodType, ModuleType, CodeType,
                         FrameType, GeneratorType, CoroutineType, AsyncGeneratorType})
    if (t == ok) return true;
  return is_registered_weakrefable(t);
}

// Makes a weakref object of `type` to `target` (no sharing).
Value make_ref(TypeObject* type, Value target, Value callback) {
  Object* o = type->alloc ? type->alloc(type) : allocate_object(type, type->basic_size);
  if (!o) return raise_memory_error();
  auto* w = static_cast<WeakRefObject*>(o);
  w->referent = target;
  w->callback = callback == None ? Value() : callback;
  w->key = reinterpret_cast<uintptr_t>(target.as_obj());
  gc::register_weak_slot(&w->referent, w);
  register_ref(w);
  return Value::from_obj(w);
}

// The basic (callback-less, exact-type) weakref of `type` to `target`, if one exists.
WeakRefObject* find_basic(Value target, TypeObject* type) {
  for (WeakRefObject* w : live_refs(target))
    if (w->type == type && w->callback.is_empty_slot()) return w;
  return nullptr;
}

Value cannot_weakref(Value target) {
  return raise_fmt(TypeErrorType, "cannot create weak reference to '%s' object", type_name(target));
}

// Runs a weakref's callback once its referent died (the collector's weakref hook). Errors are
// reported like CPython's unraisable exceptions and never propagate.
void run_weakref_callback(Object* o) {
  auto* w = static_cast<WeakRefObject*>(o);
  live_refs(Value::from_obj(o));  // no-op lookup keeps the registry small for this address
  Value cb = w->callback;
  w->callback = Value();
  if (cb.is_empty_slot() || cb == None) return;
  ThreadState& ts = thread_state();
  Value saved = ts.pending;
  ts.pending = Value();
  if (call1(cb, Value::from_obj(o)).is_empty_slot()) {
    std::string where;
    if (!repr_string(cb, &where)) clear_exception();
    std::fflush(stdout);
    std::fprintf(stderr, "Exception ignored in: %s\n", where.c_str());
    print_pending_exception();
  }
  ts.pending = saved;
}

// ---- ReferenceType ------------------------------------------------------------------------------

Value ref_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  int64_t n = nargs - 1;
  if (kwnames && kwnames->size && type == g_ref_type)
    return raise_msg(TypeErrorType, "ref() takes no keyword arguments");
  if (n < 1) return raise_fmt(TypeErrorType, "__new__ expected at least 1 argument, got %lld", static_cast<long long>(n));
  if (n > 2) return raise_fmt(TypeErrorType, "__new__ expected at most 2 arguments, got %lld", static_cast<long long>(n));
  Value target = args[1];
  Value callback = n == 2 ? args[2] : None;
  if (!weakrefable(target)) return cannot_weakref(target);
  if (callback == None && type == g_ref_type)
    if (WeakRefObject* w = find_basic(target, g_ref_type)) return Value::from_obj(w);
  return make_ref(type, target, callback);
}

Value ref_init(Value*, int64_t, TupleObject*) { return None; }

Value ref_call(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("weakref", kwnames) || !check_positional("weakref", nargs - 1, 0, 0)) return Value();
  Value r = referent_of(as_weak(args[0]));
  return r.is_empty_slot() ? None : r;
}

Value ref_hash(Value* args, int64_t, TupleObject*) {
  WeakRefObject* w = as_weak(args[0]);
  if (w->aux & kHashCached) return int_from_int64(w->hash);
  Value r = referent_of(w);
  if (r.is_empty_slot()) return raise_msg(TypeErrorType, "weak object has gone away");
  int64_t h = hash(r);
  if (h == -1 && has_pending_exception()) return Value();
  w->hash = h;
  w->aux |= kHashCached;
  return int_from_int64(h);
}

Value ref_compare(Value* args, bool eq) {
  Value a = args[0], b = args[1];
  if (!is_weakref_object(b) || is_proxy_type(type_of(b))) return NotImplemented;
  Value ra = referent_of(as_weak(a)), rb = referent_of(as_weak(b));
  if (ra.is_empty_slot() || rb.is_empty_slot()) return bool_value(eq == (a == b));
  return rich_compare(ra, rb, eq ? fe::CompareKind::Eq : fe::CompareKind::Ne);
}
Value ref_eq(Value* args, int64_t, TupleObject*) { return ref_compare(args, true); }
Value ref_ne(Value* args, int64_t, TupleObject*) { return ref_compare(args, false); }

// "<weakref at 0x..; to 'T' at 0x.. (name)>" / "<weakref at 0x..; dead>" (proxies say weakproxy).
Value weak_repr(Value self, const char* kind) {
  WeakRefObject* w = as_weak(self);
  char buf[96];
  Value r = referent_of(w);
  if (r.is_empty_slot()) {
    std::snprintf(buf, sizeof buf, "<%s at %#llx; dead>", kind, static_cast<unsigned long long>(self.bits()));
    return str_value(buf);
  }
  std::snprintf(buf, sizeof buf, "<%s at %#llx; to '", kind, static_cast<unsigned long long>(self.bits()));
  std::string out = buf;
  out += type_name(r);
  std::snprintf(buf, sizeof buf, "' at %#llx", static_cast<unsigned long long>(r.bits()));
  out += buf;
  bool error = false;
  Value name = get_attr_opt(r, names::dunder_name, &error);
  if (error) return Value();
  if (!name.is_empty_slot() && is_str(name)) out += " (" + std::string(as_str(name)->view()) + ")";
  return str_value(out + ">");
}
Value ref_repr(Value* args, int64_t, TupleObject*) { return weak_repr(args[0], "weakref"); }

Value ref_get_callback(Value self) {
  Value cb = as_weak(self)->callback;
  return cb.is_empty_slot() ? None : cb;
}

const NativeMethodDef kRefMethods[] = {
    {"__new__", ref_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", ref_init},
    {"__call__", ref_call},
    {"__hash__", ref_hash},
    {"__eq__", ref_eq},
    {"__ne__", ref_ne},
    {"__repr__", ref_repr},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};
const NativeGetSetDef kRefGetSets[] = {{"__callback__", ref_get_callback}};

// ---- Proxies ------------------------------------------------------------------------------------

// The proxy's referent, or empty with ReferenceError raised.
Value proxy_target(Value self) {
  Value r = referent_of(as_weak(self));
  if (r.is_empty_slot()) return raise_msg(ReferenceErrorType, "weakly-referenced object no longer exists");
  return r;
}
// Unwraps an operand that is itself a proxy.
Value unwrap(Value v) {
  if (v.is_obj() && is_proxy_type(v.as_obj()->type)) return proxy_target(v);
  return v;
}

Value proxy_getattribute(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  if (r.is_empty_slot()) return r;
  if (!is_str(args[1]))
    return raise_fmt(TypeErrorType, "attribute name must be string, not '%s'", type_name(args[1]));
  return get_attr(r, as_str(args[1]));
}
Value proxy_setattr(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  if (r.is_empty_slot()) return r;
  if (!is_str(args[1]))
    return raise_fmt(TypeErrorType, "attribute name must be string, not '%s'", type_name(args[1]));
  return set_attr(r, as_str(args[1]), args[2]) ? None : Value();
}
Value proxy_delattr(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  if (r.is_empty_slot()) return r;
  if (!is_str(args[1]))
    return raise_fmt(TypeErrorType, "attribute name must be string, not '%s'", type_name(args[1]));
  return set_attr(r, as_str(args[1]), Value()) ? None : Value();
}
Value proxy_repr(Value* args, int64_t, TupleObject*) { return weak_repr(args[0], "weakproxy"); }
Value proxy_str(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  return r.is_empty_slot() ? r : str_of(r);
}
Value proxy_call(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value r = proxy_target(args[0]);
  return r.is_empty_slot() ? r : call(r, args + 1, nargs - 1, kwnames);
}
Value proxy_len(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  if (r.is_empty_slot()) return r;
  int64_t n = length(r);
  return n < 0 ? Value() : int_from_int64(n);
}
Value proxy_bool(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  if (r.is_empty_slot()) return r;
  int b = is_true(r);
  return b < 0 ? Value() : bool_value(b);
}
Value proxy_iter(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  return r.is_empty_slot() ? r : get_iter(r);
}
Value proxy_getitem(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  return r.is_empty_slot() ? r : get_item(r, args[1]);
}
Value proxy_setitem(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  if (r.is_empty_slot()) return r;
  return set_item(r, args[1], args[2]) ? None : Value();
}
Value proxy_delitem(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  if (r.is_empty_slot()) return r;
  return del_item(r, args[1]) ? None : Value();
}
Value proxy_contains(Value* args, int64_t, TupleObject*) {
  Value r = proxy_target(args[0]);
  if (r.is_empty_slot()) return r;
  int c = contains(r, args[1]);
  return c < 0 ? Value() : bool_value(c);
}
Value proxy_hash(Value* args, int64_t, TupleObject*) {
  return raise_fmt(TypeErrorType, "unhashable type: '%s'", type_of(args[0])->name);
}
template <fe::CompareKind K>
Value proxy_cmp(Value* args, int64_t, TupleObject*) {
  Value a = proxy_target(args[0]);
  if (a.is_empty_slot()) return a;
  Value b = unwrap(args[1]);
  if (b.is_empty_slot()) return b;
  return rich_compare(a, b, K);
}
template <fe::BinaryOpKind K, bool Reflected>
Value proxy_binop(Value* args, int64_t, TupleObject*) {
  Value a = unwrap(args[0]);
  if (a.is_empty_slot()) return a;
  Value b = unwrap(args[1]);
  if (b.is_empty_slot()) return b;
  return Reflected ? binary_op(b, a, K) : binary_op(a, b, K);
}

const NativeMethodDef kProxyMethods[] = {
    {"__getattribute__", proxy_getattribute},
    {"__setattr__", proxy_setattr},
    {"__delattr__", proxy_delattr},
    {"__repr__", proxy_repr},
    {"__str__", proxy_str},
    {"__len__", proxy_len},
    {"__bool__", proxy_bool},
    {"__iter__", proxy_iter},
    {"__getitem__", proxy_getitem},
    {"__setitem__", proxy_setitem},
    {"__delitem__", proxy_delitem},
    {"__contains__", proxy_contains},
    {"__hash__", proxy_hash},
    {"__eq__", proxy_cmp<fe::CompareKind::Eq>},
    {"__ne__", proxy_cmp<fe::CompareKind::Ne>},
    {"__lt__", proxy_cmp<fe::CompareKind::Lt>},
    {"__le__", proxy_cmp<fe::CompareKind::Le>},
    {"__gt__", proxy_cmp<fe::CompareKind::Gt>},
    {"__ge__", proxy_cmp<fe::CompareKind::Ge>},
    {"__add__", proxy_binop<fe::BinaryOpKind::Add, false>},
    {"__radd__", proxy_binop<fe::BinaryOpKind::Add, true>},
    {"__sub__", proxy_binop<fe::BinaryOpKind::Subtract, false>},
    {"__rsub__", proxy_binop<fe::BinaryOpKind::Subtract, true>},
    {"__mul__", proxy_binop<fe::BinaryOpKind::Multiply, false>},
    {"__rmul__", proxy_binop<fe::BinaryOpKind::Multiply, true>},
};

// ---- module functions ---------------------------------------------------------------------------

Value wr_proxy(Value*, int64_t, TupleObject*);

Value wr_getweakrefcount(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getweakrefcount", nargs, kwnames, 1, 1)) return Value();
  if (!weakrefable(args[0])) return Value::from_small_int(0);
  return int_from_int64(static_cast<int64_t>(live_refs(args[0]).size()));
}

// CPython's list order: the basic ref, the basic proxy, then the others newest first.
Value wr_getweakrefs(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getweakrefs", nargs, kwnames, 1, 1)) return Value();
  ListObject* l = new_list(0);
  if (!l) return Value();
  if (!weakrefable(args[0])) return Value::from_obj(l);
  std::vector<WeakRefObject*> refs = live_refs(args[0]);
  WeakRefObject* basic_ref = find_basic(args[0], g_ref_type);
  WeakRefObject* basic_proxy = find_basic(args[0], is_callable(args[0]) ? g_callable_proxy_type : g_proxy_type);
  if (basic_ref && !list_append(l, Value::from_obj(basic_ref))) return Value();
  if (basic_proxy && !list_append(l, Value::from_obj(basic_proxy))) return Value();
  for (auto it = refs.rbegin(); it != refs.rend(); ++it)
    if (*it != basic_ref && *it != basic_proxy && !list_append(l, Value::from_obj(*it))) return Value();
  return Value::from_obj(l);
}

}  // namespace

// obj.__weakref__: the head of CPython's weakref list (the basic ref first), or None.
Value weakref_list_head(Value obj) {
  if (!weakrefable(obj)) return None;
  Value arg = obj;
  Value l = wr_getweakrefs(&arg, 1, nullptr);
  if (l.is_empty_slot()) return l;
  auto* list = static_cast<ListObject*>(l.as_obj());
  return list->size ? list->items()[0] : None;
}

namespace {

Value wr_proxy(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("proxy", nargs, kwnames, 1, 2)) return Value();
  Value target = args[0];
  Value callback = nargs == 2 ? args[1] : None;
  if (!weakrefable(target)) return cannot_weakref(target);
  TypeObject* type = is_callable(target) ? g_callable_proxy_type : g_proxy_type;
  if (callback == None)
    if (WeakRefObject* w = find_basic(target, type)) return Value::from_obj(w);
  return make_ref(type, target, callback);
}

Value wr_remove_dead_weakref(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_remove_dead_weakref", nargs, kwnames, 2, 2)) return Value();
  if (!is_dict(args[0])) return raise_fmt(TypeErrorType, "_remove_dead_weakref() argument 1 must be dict, not %s", type_name(args[0]));
  bool error = false;
  Value v = dict_get(as_dict(args[0]), args[1], &error);
  if (error) return Value();
  if (v.is_empty_slot()) return None;
  // Only a dead weakref is removed (a live one may have replaced it meanwhile).
  if (is_weakref_object(v) && referent_of(as_weak(v)).is_empty_slot()) {
    if (dict_del(as_dict(args[0]), args[1]) < 0) return Value();
  }
  return None;
}

const NativeFunctionDef kWeakrefFunctions[] = {
    {"getweakrefcount", wr_getweakrefcount},
    {"getweakrefs", wr_getweakrefs},
    {"proxy", wr_proxy},
    {"_remove_dead_weakref", wr_remove_dead_weakref},
};

void visit_weakref(Object* self, Visitor& v) { v.visit(static_cast<WeakRefObject*>(self)->callback); }

Object* alloc_weakref(TypeObject* type) {
  Object* o = allocate_object(type, type->basic_size);
  if (!o) raise_memory_error();
  return o;
}

TypeObject* make_type(const char* name, TypeFlag extra) {
  auto* t = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
  t->name = name;
  t->base = ObjectType;
  t->flags = TypeFlag::Immutable | TypeFlag::ExtType | extra;
  finish_builtin_type(t, sizeof(WeakRefObject), alloc_weakref, visit_weakref);
  return t;
}

bool init_weakref_module(ModuleObject* m) {
  if (!g_ref_type) {
    g_ref_type = make_type("weakref.ReferenceType", TypeFlag::BaseType);
    add_methods(g_ref_type, kRefMethods);
    add_getsets(g_ref_type, kRefGetSets);
    g_proxy_type = make_type("weakref.ProxyType", TypeFlag::None);
    add_methods(g_proxy_type, kProxyMethods);
    g_callable_proxy_type = make_type("weakref.CallableProxyType", TypeFlag::None);
    add_methods(g_callable_proxy_type, kProxyMethods);
    static const NativeMethodDef kCall[] = {{"__call__", proxy_call}};
    add_methods(g_callable_proxy_type, kCall);
    add_runtime_root_hook([](Visitor& v) {
      v.visit(g_ref_type);
      v.visit(g_proxy_type);
      v.visit(g_callable_proxy_type);
    });
    gc::set_weakref_callback_hook(run_weakref_callback);
  }
  return module_add(m, "ref", Value::from_obj(g_ref_type)) &&
         module_add(m, "ReferenceType", Value::from_obj(g_ref_type)) &&
         module_add(m, "ProxyType", Value::from_obj(g_proxy_type)) &&
         module_add(m, "CallableProxyType", Value::from_obj(g_callable_proxy_type));
}

}  // namespace

extern const NativeModuleDef kWeakrefModule;
const NativeModuleDef kWeakrefModule = {"_weakref", kWeakrefFunctions, std::size(kWeakrefFunctions),
                                        init_weakref_module};

}  // namespace coil::lib
