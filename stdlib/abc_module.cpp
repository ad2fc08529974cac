// abc_module.cpp — the _abc module: the native core of abc.ABCMeta (abstract-method bookkeeping,
// register(), isinstance/issubclass with a positive cache, a negative cache invalidated by a
// global counter, and the __abc_tpflags__ hook that gives collections.abc.Sequence / Mapping
// their pattern-matching kind).
//
// Each ABC keeps an _abc_data object in `_abc_impl` holding three weak sets (registry, cache,
// negative cache): sets of weakref.ref objects whose callback drops them from their set when
// the class dies, so registering or testing a class never keeps it alive.
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

struct AbcDataObject : Object {
  Value registry;        // set of weakrefs, or empty until first used
  Value cache;           // classes known to be subclasses
  Value negative_cache;  // classes known not to be, valid while negative_version is current
  uint64_t negative_version;
};

TypeObject* g_abc_data_type = nullptr;
Value g_weakref_type;  // _weakref.ref
// Bumped by every register(): negative caches made before it are stale.
uint64_t g_invalidation_counter = 0;

void visit_abc_data(Object* o, Visitor& v) {
  auto* d = static_cast<AbcDataObject*>(o);
  v.visit(d->registry);
  v.visit(d->cache);
  v.visit(d->negative_cache);
}

AbcDataObject* as_data(Value v) { return static_cast<AbcDataObject*>(v.as_obj()); }

Value abc_data_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  TypeObject* type = check_new_cls(g_abc_data_type, args, nargs);
  if (!type) return Value();
  if (nargs > 1 || (kwnames && kwnames->size)) return raise_msg(TypeErrorType, "_abc_data() takes no arguments");
  Object* o = new_instance(type);
  if (!o) return Value();
  static_cast<AbcDataObject*>(o)->negative_version = g_invalidation_counter;
  return Value::from_obj(o);
}

const NativeMethodDef kAbcDataMethods[] = {
    {"__new__", abc_data_new, NativeMethodDef::Kind::StaticMethod},
};

// The ABC's _abc_data (TypeError if _abc_impl holds something else).
AbcDataObject* get_impl(Value cls) {
  Value impl = get_attr(cls, "_abc_impl");
  if (impl.is_empty_slot()) return nullptr;
  if (!impl.is_obj() || impl.as_obj()->type != g_abc_data_type) {
    raise_msg(TypeErrorType, "_abc_impl is set to a wrong type");
    return nullptr;
  }
  return as_data(impl);
}

Value weakref_to(Value obj, Value callback) {
  if (g_weakref_type.is_empty_slot()) {
    Value mod = import_module("_weakref");
    if (mod.is_empty_slot()) return mod;
    g_weakref_type = get_attr(mod, "ref");
    if (g_weakref_type.is_empty_slot()) return g_weakref_type;
  }
  return callback.is_empty_slot() ? call1(g_weakref_type, obj) : call2(g_weakref_type, obj, callback);
}

// The weakref callback of a weak set's entries: args[0] is the set (bound), args[1] the dead ref.
Value drop_dead_ref(Value* args, int64_t nargs, TupleObject*) {
  if (nargs == 2 && args[0].is_obj() && is_anyset(args[0]) && set_discard_key(as_set(args[0]), args[1]) < 0)
    return Value();
  return None;
}

// 1 if `obj` is in the weak set, 0 if not (or the set was never made), -1 on error.
int in_weak_set(Value set, Value obj) {
  if (set.is_empty_slot() || as_set(set)->used == 0) return 0;
  Value ref = weakref_to(obj, Value());
  if (ref.is_empty_slot()) {
    // Objects that cannot be weakly referenced are never in a weak set.
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      return 0;
    }
    return -1;
  }
  return set_contains_key(as_set(set), ref);
}

bool add_to_weak_set(Value* set, Value obj) {
  if (set->is_empty_slot()) {
    SetObject* s = new_set(SetType);
    if (!s) return false;
    *set = Value::from_obj(s);
  }
  NativeFunctionObject* cb = new_native_function("_destroy", drop_dead_ref, *set, Value());
  if (!cb) return false;
  Value ref = weakref_to(obj, Value::from_obj(cb));
  if (ref.is_empty_slot()) return false;
  return set_add_key(as_set(*set), ref);
}

// A list of the live referents of a weak set (a snapshot: callbacks may shrink the set).
ListObject* weak_set_items(Value set) {
  ListObject* out = new_list(0);
  if (!out || set.is_empty_slot()) return out;
  ListObject* refs = new_list(0);
  if (!refs) return nullptr;
  int64_t pos = 0;
  SetEntry* e;
  while (set_next(as_set(set), &pos, &e))
    if (!list_append(refs, e->key)) return nullptr;
  for (int64_t i = 0; i < refs->size; ++i) {
    Value obj = call(refs->items()[i], nullptr, 0);
    if (obj.is_empty_slot()) return nullptr;
    if (obj != None && !list_append(out, obj)) return nullptr;
  }
  return out;
}

Value copy_weak_set(Value set) {
  SetObject* s = new_set(SetType);
  if (!s) return Value();
  if (!set.is_empty_slot() && !set_update_internal(s, set)) return Value();
  return Value::from_obj(s);
}

// getattr(value, "__isabstractmethod__", False) is true.
int is_abstract(Value value) {
  bool err = false;
  Value flag = get_attr_opt(value, intern("__isabstractmethod__"), &err);
  if (err) return -1;
  if (flag.is_empty_slot()) return 0;
  return is_true(flag);
}

// cls.__abstractmethods__ = frozenset of the names abstract in its namespace or still abstract
// among what its bases declared abstract.
bool compute_abstract_methods(Value cls) {
  SetObject* abstracts = new_set(SetType);
  if (!abstracts) return false;
  Value ns = get_attr(cls, names::dunder_dict);
  if (ns.is_empty_slot()) return false;
  Value keys = call_method(ns, intern("keys"), nullptr, 0);
  if (keys.is_empty_slot()) return false;
  Value it = get_iter(keys);
  if (it.is_empty_slot()) return false;
  while (true) {
    bool done = false;
    Value key = iter_next(it, &done);
    if (done) break;
    if (key.is_empty_slot()) return false;
    Value value = get_item(ns, key);
    if (value.is_empty_slot()) return false;
    int r = is_abstract(value);
    if (r < 0 || (r && !set_add_key(abstracts, key))) return false;
  }
  Value bases = get_attr(cls, names::dunder_bases);
  if (bases.is_empty_slot()) return false;
  if (!is_tuple(bases)) {
    raise_msg(TypeErrorType, "__bases__ is not tuple");
    return false;
  }
  TupleObject* bt = as_tuple(bases);
  for (int64_t i = 0; i < bt->size; ++i) {
    bool err = false;
    Value base_abstracts = get_attr_opt(bt->items[i], intern("__abstractmethods__"), &err);
    if (err) return false;
    if (base_abstracts.is_empty_slot()) continue;
    Value bit = get_iter(base_abstracts);
    if (bit.is_empty_slot()) return false;
    while (true) {
      bool done = false;
      Value key = iter_next(bit, &done);
      if (done) break;
      if (key.is_empty_slot()) return false;
      if (!is_str(key)) {
        raise_fmt(TypeErrorType, "attribute name must be string, not '%s'", type_name(key));
        return false;
      }
      Value value = get_attr_opt(cls, as_str(key), &err);
      if (err) return false;
      if (value.is_empty_slot()) continue;
      int r = is_abstract(value);
      if (r < 0 || (r && !set_add_key(abstracts, key))) return false;
    }
  }
  Value frozen = make_new_set(FrozenSetType, Value::from_obj(abstracts));
  if (frozen.is_empty_slot()) return false;
  return set_attr(cls, intern("__abstractmethods__"), frozen);
}

constexpr TypeFlag kCollectionFlags = TypeFlag::Sequence | TypeFlag::Mapping;
constexpr int64_t kSequenceBit = 1 << 5, kMappingBit = 1 << 6;  // CPython's values (type.__flags__)

TypeObject* type_or_null(Value v) {
  return v.is_obj() && has(v.as_obj()->type, TypeFlag::TypeSubclass) ? static_cast<TypeObject*>(v.as_obj()) : nullptr;
}

// Gives a registered class (and its subclasses that have no kind of their own) the ABC's kind.
void set_collection_flag_recursive(TypeObject* t, TypeFlag flag) {
  if (!has(t, TypeFlag::HeapType) || any(t->flags & kCollectionFlags)) return;
  t->flags = t->flags | flag;
  if (!t->subclasses) return;
  auto* subs = static_cast<ListObject*>(t->subclasses);
  for (int64_t i = 0; i < subs->size; ++i) set_collection_flag_recursive(static_cast<TypeObject*>(subs->items()[i].as_obj()), flag);
}

Value abc_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_abc_init", nargs, kwnames, 1, 1)) return Value();
  Value cls = args[0];
  if (!compute_abstract_methods(cls)) return Value();
  Object* data = new_instance(g_abc_data_type);
  if (!data) return Value();
  static_cast<AbcDataObject*>(data)->negative_version = g_invalidation_counter;
  if (!set_attr(cls, intern("_abc_impl"), Value::from_obj(data))) return Value();
  // __abc_tpflags__ in the namespace (collections.abc) sets the class's matching kind, once.
  if (TypeObject* t = type_or_null(cls)) {
    StrObject* key = intern("__abc_tpflags__");
    Value flags = dict_get_str(t->dict, key);
    if (!flags.is_empty_slot()) {
      if (is_exact(flags, IntType)) {
        int64_t v;
        if (!int_to_int64(flags, &v)) return Value();
        if ((v & (kSequenceBit | kMappingBit)) == (kSequenceBit | kMappingBit))
          return raise_msg(TypeErrorType, "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
        if (v & kSequenceBit) t->flags = t->flags | TypeFlag::Sequence;
        if (v & kMappingBit) t->flags = t->flags | TypeFlag::Mapping;
      }
      if (dict_del(t->dict, Value::from_obj(key)) < 0) return Value();
      type_modified(t);
    }
  }
  return None;
}

Value abc_register(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_abc_register", nargs, kwnames, 2, 2)) return Value();
  Value cls = args[0], subclass = args[1];
  if (!type_or_null(subclass)) return raise_msg(TypeErrorType, "Can only register classes");
  int r = is_subclass(subclass, cls);
  if (r < 0) return Value();
  if (r > 0) return subclass;  // already a subclass
  // Cycles are tested after "already a subclass", so cls.register(cls) is allowed.
  r = is_subclass(cls, subclass);
  if (r < 0) return Value();
  if (r > 0) return raise_msg(RuntimeErrorType, "Refusing to create an inheritance cycle");
  AbcDataObject* impl = get_impl(cls);
  if (!impl || !add_to_weak_set(&impl->registry, subclass)) return Value();
  ++g_invalidation_counter;  // invalidates every negative cache
  if (TypeObject* t = type_or_null(cls)) {
    TypeFlag kind = t->flags & kCollectionFlags;
    if (any(kind)) set_collection_flag_recursive(type_or_null(subclass), kind);
  }
  return subclass;
}

Value abc_instancecheck(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_abc_instancecheck", nargs, kwnames, 2, 2)) return Value();
  Value cls = args[0], instance = args[1];
  AbcDataObject* impl = get_impl(cls);
  if (!impl) return Value();
  Value subclass = get_attr(instance, names::dunder_class);
  if (subclass.is_empty_slot()) return subclass;
  int r = in_weak_set(impl->cache, subclass);
  if (r < 0) return Value();
  if (r > 0) return True;
  Value subtype = Value::from_obj(type_of(instance));
  StrObject* check = intern("__subclasscheck__");
  if (subtype == subclass) {
    if (impl->negative_version == g_invalidation_counter) {
      r = in_weak_set(impl->negative_cache, subclass);
      if (r < 0) return Value();
      if (r > 0) return False;
    }
    return call_method(cls, check, &subclass, 1);
  }
  Value result = call_method(cls, check, &subclass, 1);
  if (result.is_empty_slot()) return result;
  int truth = is_true(result);
  if (truth < 0) return Value();
  if (truth) return result;
  return call_method(cls, check, &subtype, 1);
}

// Step 5 of the subclass check: a subclass of a registered class. 1 found, 0 not, -1 error.
int check_registry(AbcDataObject* impl, Value subclass) {
  int r = in_weak_set(impl->registry, subclass);
  if (r != 0) return r;
  if (impl->registry.is_empty_slot() || as_set(impl->registry)->used == 0) return 0;
  ListObject* registered = weak_set_items(impl->registry);
  if (!registered) return -1;
  for (int64_t i = 0; i < registered->size; ++i) {
    r = is_subclass(subclass, registered->items()[i]);
    if (r < 0) return -1;
    if (r > 0) return add_to_weak_set(&impl->cache, subclass) ? 1 : -1;
  }
  return 0;
}

Value abc_subclasscheck(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_abc_subclasscheck", nargs, kwnames, 2, 2)) return Value();
  Value cls = args[0], subclass = args[1];
  TypeObject* sub = type_or_null(subclass);
  if (!sub) return raise_msg(TypeErrorType, "issubclass() arg 1 must be a class");
  AbcDataObject* impl = get_impl(cls);
  if (!impl) return Value();
  // 1. The positive cache.
  int r = in_weak_set(impl->cache, subclass);
  if (r < 0) return Value();
  if (r > 0) return True;
  // 2. The negative cache, dropped when a register() happened since it was filled.
  if (impl->negative_version < g_invalidation_counter) {
    if (!impl->negative_cache.is_empty_slot()) set_clear_internal(as_set(impl->negative_cache));
    impl->negative_version = g_invalidation_counter;
  } else {
    r = in_weak_set(impl->negative_cache, subclass);
    if (r < 0) return Value();
    if (r > 0) return False;
  }
  // 3. The subclass hook.
  Value ok = call_method(cls, intern("__subclasshook__"), &subclass, 1);
  if (ok.is_empty_slot()) return ok;
  if (ok == True) return add_to_weak_set(&impl->cache, subclass) ? True : Value();
  if (ok == False) return add_to_weak_set(&impl->negative_cache, subclass) ? False : Value();
  if (ok != NotImplemented)
    return raise_msg(AssertionErrorType, "__subclasshook__ must return either False, True, or NotImplemented");
  // 4. A direct subclass.
  if (sub->mro) {
    for (int64_t i = 0; i < sub->mro->size; ++i)
      if (sub->mro->items[i] == cls) return add_to_weak_set(&impl->cache, subclass) ? True : Value();
  }
  // 5. A subclass of a registered class.
  r = check_registry(impl, subclass);
  if (r < 0) return Value();
  if (r > 0) return True;
  // 6. A subclass of a subclass.
  Value subclasses = call_method(cls, intern("__subclasses__"), nullptr, 0);
  if (subclasses.is_empty_slot()) return subclasses;
  if (!is_list(subclasses)) return raise_msg(TypeErrorType, "__subclasses__() must return a list");
  ListObject* l = as_list(subclasses);
  for (int64_t i = 0; i < l->size; ++i) {
    r = is_subclass(subclass, l->items()[i]);
    if (r < 0) return Value();
    if (r > 0) return add_to_weak_set(&impl->cache, subclass) ? True : Value();
  }
  return add_to_weak_set(&impl->negative_cache, subclass) ? False : Value();
}

Value abc_get_cache_token(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("get_cache_token", nargs, kwnames, 0, 0)) return Value();
  return int_from_uint64(g_invalidation_counter);
}

// (registry, cache, negative cache, negative cache version): shallow copies of the weak sets,
// for the regression tests' leak hunting.
Value abc_get_dump(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_get_dump", nargs, kwnames, 1, 1)) return Value();
  AbcDataObject* impl = get_impl(args[0]);
  if (!impl) return Value();
  Value reg = copy_weak_set(impl->registry);
  Value cache = reg.is_empty_slot() ? reg : copy_weak_set(impl->cache);
  Value neg = cache.is_empty_slot() ? cache : copy_weak_set(impl->negative_cache);
  if (neg.is_empty_slot()) return neg;
  return Value::from_obj(tuple_of({reg, cache, neg, int_from_uint64(impl->negative_version)}));
}

Value abc_reset_registry(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_reset_registry", nargs, kwnames, 1, 1)) return Value();
  AbcDataObject* impl = get_impl(args[0]);
  if (!impl) return Value();
  if (!impl->registry.is_empty_slot()) set_clear_internal(as_set(impl->registry));
  return None;
}

Value abc_reset_caches(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_reset_caches", nargs, kwnames, 1, 1)) return Value();
  AbcDataObject* impl = get_impl(args[0]);
  if (!impl) return Value();
  if (!impl->cache.is_empty_slot()) set_clear_internal(as_set(impl->cache));
  // The negative cache version stays: the cleared cache is as good as a fresh one.
  if (!impl->negative_cache.is_empty_slot()) set_clear_internal(as_set(impl->negative_cache));
  return None;
}

const NativeFunctionDef kAbcFunctions[] = {
    {"get_cache_token", abc_get_cache_token},
    {"_abc_init", abc_init},
    {"_abc_register", abc_register},
    {"_abc_instancecheck", abc_instancecheck},
    {"_abc_subclasscheck", abc_subclasscheck},
    {"_get_dump", abc_get_dump},
    {"_reset_registry", abc_reset_registry},
    {"_reset_caches", abc_reset_caches},
};

bool init_abc(ModuleObject* m) {
  if (!g_abc_data_type) {
    g_abc_data_type = make_native_type("_abc._abc_data", sizeof(AbcDataObject), visit_abc_data, false);
    add_methods(g_abc_data_type, kAbcDataMethods);
    add_runtime_root_hook([](Visitor& v) { v.visit(g_weakref_type); });
  }
  return module_add(m, "_abc_data", Value::from_obj(g_abc_data_type));
}

}  // namespace

extern const NativeModuleDef kAbcModule;
const NativeModuleDef kAbcModule = {"_abc", kAbcFunctions, std::size(kAbcFunctions), init_abc};

}  // namespace coil::lib
