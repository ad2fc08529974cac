// match.cpp — pattern-matching support with CPython 3.11's rules and messages: which
// subjects are mappings and sequences, key lookup through .get(), __match_args__ and the
// "match self" built-ins for class patterns.
#include "runtime/match.h"

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

// isinstance(subject, collections.abc.<abc>) when collections.abc is loaded (registering
// with the ABC is what makes a user class a mapping/sequence for match).
int abc_check(Value subject, const char* abc) {
  Value mod = dict_get_str(g_sys_modules, intern("collections.abc"));
  if (mod.is_empty_slot()) return 0;
  bool err = false;
  Value cls = get_attr_opt(mod, intern(abc), &err);
  if (err) return -1;
  if (cls.is_empty_slot()) return 0;
  return is_instance(subject, cls);
}

bool is_match_self_type(TypeObject* t) {
  return t == BoolType || t == ByteArrayType || t == BytesType || t == DictType || t == FloatType ||
         t == FrozenSetType || t == IntType || t == ListType || t == SetType || t == StrType || t == TupleType;
}

}  // namespace

namespace {

// The kind from the type's flags; a class without one may still be registered with
// collections.abc (CPython's register sets the flag, Coil's pure-Python abc cannot), which an
// isinstance check finds. Built-in types and their subclasses only have their flags (str is
// registered as a Sequence, yet is none for match).
int collection_check(Value subject, CollectionKind want) {
  TypeObject* t = type_of(subject);
  uint32_t k = collection_kind(t);
  // Native subclasses (defaultdict, OrderedDict) inherit their base's kind.
  for (TypeObject* b = t->base; !k && b; b = b->base) k = collection_kind(b);
  if (k) return k == want;
  if (!has(t, TypeFlag::HeapType)) return 0;
  for (TypeObject* b = t->base; b; b = b->base)
    if (b != ObjectType && !has(b, TypeFlag::HeapType)) return 0;
  return abc_check(subject, want == kCollectionSequence ? "Sequence" : "Mapping");
}

}  // namespace

int match_is_mapping(Value subject) { return collection_check(subject, kCollectionMapping); }
int match_is_sequence(Value subject) { return collection_check(subject, kCollectionSequence); }

bool inherit_collection_kind(TypeObject* t, DictObject*) {
  // `__abc_tpflags__` (collections.abc's Sequence and Mapping) is read by the native _abc when
  // ABCMeta initialises the class (stdlib/abc_module.cpp); here the kind is inherited.
  if (!t->mro) return true;
  for (int64_t i = 1; i < t->mro->size; ++i) {
    Value b = t->mro->items[i];
    if (!b.is_obj()) continue;
    if (uint32_t k = collection_kind(static_cast<TypeObject*>(b.as_obj()))) {
      set_collection_kind(t, CollectionKind(k));
      break;
    }
  }
  return true;
}

void init_collection_kinds() {
  for (TypeObject* t : {ListType, TupleType, RangeType, MemoryViewType}) set_collection_kind(t, kCollectionSequence);
  for (TypeObject* t : {DictType, MappingProxyType}) set_collection_kind(t, kCollectionMapping);
}

Value match_keys(Value subject, TupleObject* keys) {
  if (keys->size == 0) {
    TupleObject* t = empty_tuple();
    return Value::from_obj(t);
  }
  bool exact = is_exact(subject, DictType);
  Value get = exact ? Value() : get_attr(subject, names::get);
  if (!exact && get.is_empty_slot()) return get;
  // A private sentinel tells "missing" from a stored None.
  Value dummy = Value::from_obj(new_list(0));
  TupleObject* values = new_tuple(keys->size);
  if (!values) return Value();
  DictObject* seen = new_dict();
  if (!seen) return Value();
  for (int64_t i = 0; i < keys->size; ++i) {
    Value k = keys->items[i];
    bool err = false;
    if (!dict_get(seen, k, &err).is_empty_slot()) {
      std::string r;
      if (!repr_string(k, &r)) return Value();
      return raise_fmt(ValueErrorType, "mapping pattern checks duplicate key (%s)", r.c_str());
    }
    if (err || !dict_set(seen, k, None)) return Value();
    Value v;
    if (exact) {
      v = dict_get(as_dict(subject), k, &err);
      if (err) return Value();
      if (v.is_empty_slot()) v = dummy;
    } else {
      v = call2(get, k, dummy);
    }
    if (v.is_empty_slot()) return v;
    if (v == dummy) return None;
    values->items[i] = v;
  }
  return Value::from_obj(values);
}

Value match_class(Value subject, Value cls, int64_t npos, TupleObject* kwnames) {
  if (!cls.is_obj() || !has(cls.as_obj()->type, TypeFlag::TypeSubclass))
    return raise_msg(TypeErrorType, "called match pattern must be a type");
  auto* type = static_cast<TypeObject*>(cls.as_obj());
  int r = is_instance(subject, cls);
  if (r < 0) return Value();
  if (!r) return None;
  int64_t nkw = kwnames ? kwnames->size : 0;
  TupleObject* attrs = new_tuple(npos + nkw);
  if (!attrs) return Value();
  ListObject* seen = new_list(0);
  if (!seen) return Value();
  auto fetch = [&](Value name, int64_t slot) -> int {
    for (int64_t i = 0; i < seen->size; ++i) {
      int eq = equal(seen->items()[i], name);
      if (eq < 0) return -1;
      if (eq) {
        std::string nr;
        if (!repr_string(name, &nr)) return -1;
        raise_fmt(TypeErrorType, "%s() got multiple sub-patterns for attribute %s", type->name_obj->data, nr.c_str());
        return -1;
      }
    }
    if (!list_append(seen, name)) return -1;
    bool err = false;
    Value v = get_attr_opt(subject, as_str(name), &err);
    if (err) return -1;
    if (v.is_empty_slot()) return 0;
    attrs->items[slot] = v;
    return 1;
  };
  if (npos > 0) {
    bool err = false;
    Value match_args = get_attr_opt(cls, names::dunder_match_args, &err);
    if (err) return Value();
    if (match_args.is_empty_slot()) {
      if (is_match_self_type(type) || is_match_self_type(type->base ? type : type)) {
        bool self_match = false;
        for (TypeObject* t = type; t; t = t->base)
          if (is_match_self_type(t)) self_match = true;
        if (self_match) {
          if (npos > 1)
            return raise_fmt(TypeErrorType, "%s() accepts 1 positional sub-pattern (%lld given)", type->name_obj->data,
                             static_cast<long long>(npos));
          attrs->items[0] = subject;
          goto keywords;
        }
      }
      match_args = Value::from_obj(empty_tuple());
    } else if (!is_exact(match_args, TupleType)) {
      return raise_fmt(TypeErrorType, "%s.__match_args__ must be a tuple (got %s)", type->name_obj->data,
                       type_name(match_args));
    }
    TupleObject* ma = as_tuple(match_args);
    if (npos > ma->size) {
      return raise_fmt(TypeErrorType, "%s() accepts %lld positional sub-pattern%s (%lld given)", type->name_obj->data,
                       static_cast<long long>(ma->size), ma->size == 1 ? "" : "s", static_cast<long long>(npos));
    }
    for (int64_t i = 0; i < npos; ++i) {
      Value name = ma->items[i];
      if (!is_str(name))
        return raise_fmt(TypeErrorType, "__match_args__ elements must be strings (got %s)", type_name(name));
      int got = fetch(name, i);
      if (got < 0) return Value();
      if (got == 0) return None;
    }
  }
keywords:
  for (int64_t k = 0; k < nkw; ++k) {
    int got = fetch(kwnames->items[k], npos + k);
    if (got < 0) return Value();
    if (got == 0) return None;
  }
  return Value::from_obj(attrs);
}

Value copy_dict_without_keys(Value subject, TupleObject* keys) {
  DictObject* d = new_dict();
  if (!d || !dict_update_from(d, subject)) return Value();
  for (int64_t i = 0; i < keys->size; ++i)
    if (dict_del(d, keys->items[i]) < 0) return Value();
  return Value::from_obj(d);
}

}  // namespace coil::rt
