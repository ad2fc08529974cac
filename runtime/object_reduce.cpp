// object_reduce.cpp — object.__reduce_ex__(protocol), object.__reduce__() and
// object.__getstate__(), as CPython 3.11's typeobject.c defines them: an overridden
// __reduce__ wins; protocol 2+ reduces to copyreg.__newobj__(cls, *args) (or
// __newobj_ex__ with keyword arguments from __getnewargs_ex__), the state from
// __getstate__ (the instance dict, plus a dict of __slots__ values), and the items of list
// and dict subclasses; protocols 0 and 1 go to copyreg._reduce_ex.
#include "runtime/object_reduce.h"

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

Value copyreg_attr(const char* name) {
  Value copyreg = import_module("copyreg");
  if (copyreg.is_empty_slot()) return copyreg;
  return get_attr(copyreg, intern(name));
}

// The first non-heap type in the MRO: where the instance's C++ layout comes from.
TypeObject* layout_base(TypeObject* t) {
  while (has(t, TypeFlag::HeapType) && t->base) t = t->base;
  return t;
}

// copyreg._slotnames(cls): the __slots__ names of the class and its bases (cached).
Value slot_names(TypeObject* cls) {
  Value fn = copyreg_attr("_slotnames");
  if (fn.is_empty_slot()) return fn;
  return call1(fn, Value::from_obj(cls));
}

// object.__getstate__ without an override: the instance dict (None when empty), paired
// with a dict of slot values when the class has __slots__. `required`: the state is all
// there is to rebuild the object, so a native layout beyond object cannot be pickled.
Value default_getstate(Value obj, bool required) {
  TypeObject* t = type_of(obj);
  if (required && layout_base(t) != ObjectType)
    return raise_fmt(TypeErrorType, "cannot pickle '%s' object", type_name(obj));
  Value state = None;
  bool err = false;
  Value d = has(t, TypeFlag::HeapType) ? get_attr_opt(obj, intern("__dict__"), &err) : Value();
  if (err) return Value();
  if (!d.is_empty_slot() && d != None) {
    int64_t n = length(d);
    if (n < 0) return Value();
    if (n > 0) state = d;
  }
  Value names = slot_names(t);
  if (names.is_empty_slot()) return names;
  if (names != None && is_list(names) && as_list(names)->size > 0) {
    DictObject* slots = new_dict();
    if (!slots) return Value();
    ListObject* l = as_list(names);
    for (int64_t i = 0; i < l->size; ++i) {
      Value name = l->items()[i];
      if (!is_str(name)) continue;
      Value v = get_attr_opt(obj, as_str(name), &err);
      if (err) return Value();
      if (!v.is_empty_slot() && !dict_set(slots, name, v)) return Value();
    }
    if (slots->used > 0) {
      TupleObject* pair = tuple_of({state, Value::from_obj(slots)});
      if (!pair) return Value();
      state = Value::from_obj(pair);
    }
  }
  return state;
}

Value object_getstate_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1 || (kwnames && kwnames->size))
    return raise_fmt(TypeErrorType, "object.__getstate__() takes no arguments (%lld given)",
                     static_cast<long long>(nargs - 1 + (kwnames ? kwnames->size : 0)));
  return default_getstate(args[0], false);
}

}  // namespace

Value object_getstate(Value obj, bool required) {
  Value m = type_lookup(type_of(obj), intern("__getstate__"));
  if (m.is_obj() && m.as_obj()->type == MethodDescrType &&
      static_cast<MethodDescrObject*>(m.as_obj())->fn == object_getstate_m)
    return default_getstate(obj, required);
  Value bound = get_attr(obj, intern("__getstate__"));
  if (bound.is_empty_slot()) return bound;
  return call0(bound);
}

namespace {

// __getnewargs_ex__ / __getnewargs__: the arguments __new__ needs; args/kwargs stay empty
// when the class has neither.
bool new_arguments(Value obj, Value* args, Value* kwargs) {
  // Special-method lookup (on the type, bound): an instance __getattr__ is not consulted.
  Value ex = lookup_special(obj, intern("__getnewargs_ex__"));
  if (!ex.is_empty_slot()) ex = bind_descriptor(ex, obj);
  if (ex.is_empty_slot() && has_pending_exception()) return false;
  if (!ex.is_empty_slot()) {
    Value r = call0(ex);
    if (r.is_empty_slot()) return false;
    if (!is_exact(r, TupleType) && !(r.is_obj() && is_subtype(type_of(r), TupleType))) {
      raise_fmt(TypeErrorType, "__getnewargs_ex__ should return a tuple, not '%s'", type_name(r));
      return false;
    }
    TupleObject* t = as_tuple(r);
    if (t->size != 2) {
      raise_fmt(TypeErrorType, "__getnewargs_ex__ should return a tuple of length 2, not %lld",
                static_cast<long long>(t->size));
      return false;
    }
    if (!is_subtype(type_of(t->items[0]), TupleType)) {
      raise_fmt(TypeErrorType, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'",
                type_name(t->items[0]));
      return false;
    }
    if (!is_dict(t->items[1])) {
      raise_fmt(TypeErrorType, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'",
                type_name(t->items[1]));
      return false;
    }
    *args = t->items[0];
    *kwargs = t->items[1];
    return true;
  }
  Value plain = lookup_special(obj, intern("__getnewargs__"));
  if (!plain.is_empty_slot()) plain = bind_descriptor(plain, obj);
  if (plain.is_empty_slot() && has_pending_exception()) return false;
  if (!plain.is_empty_slot()) {
    Value r = call0(plain);
    if (r.is_empty_slot()) return false;
    if (!is_subtype(type_of(r), TupleType)) {
      raise_fmt(TypeErrorType, "__getnewargs__ should return a tuple, not '%s'", type_name(r));
      return false;
    }
    *args = r;
  }
  return true;
}

// Protocol 2 and up: (copyreg.__newobj__, (cls, *args), state, listitems, dictitems).
Value reduce_newobj(Value obj) {
  TypeObject* cls = type_of(obj);
  Value args, kwargs;
  if (!new_arguments(obj, &args, &kwargs)) return Value();
  bool has_kwargs = !kwargs.is_empty_slot() && as_dict(kwargs)->used > 0;
  Value newobj, newargs;
  if (!has_kwargs) {
    newobj = copyreg_attr("__newobj__");
    if (newobj.is_empty_slot()) return newobj;
    int64_t n = args.is_empty_slot() ? 0 : as_tuple(args)->size;
    TupleObject* t = new_tuple(n + 1);
    if (!t) return Value();
    t->items[0] = Value::from_obj(cls);
    for (int64_t i = 0; i < n; ++i) t->items[i + 1] = as_tuple(args)->items[i];
    newargs = Value::from_obj(t);
  } else {
    newobj = copyreg_attr("__newobj_ex__");
    if (newobj.is_empty_slot()) return newobj;
    TupleObject* t = tuple_of({Value::from_obj(cls), args, kwargs});
    if (!t) return Value();
    newargs = Value::from_obj(t);
  }
  bool is_list_like = is_subtype(cls, ListType), is_dict_like = is_subtype(cls, DictType);
  Value state = object_getstate(obj, !(!args.is_empty_slot() || is_list_like || is_dict_like));
  if (state.is_empty_slot()) return state;
  Value listitems = None, dictitems = None;
  if (is_list_like) {
    listitems = get_iter(obj);
    if (listitems.is_empty_slot()) return listitems;
  }
  if (is_dict_like) {
    Value items = call_method(obj, intern("items"), nullptr, 0);
    if (items.is_empty_slot()) return items;
    dictitems = get_iter(items);
    if (dictitems.is_empty_slot()) return dictitems;
  }
  TupleObject* r = tuple_of({newobj, newargs, state, listitems, dictitems});
  return r ? Value::from_obj(r) : Value();
}

Value common_reduce(Value obj, int64_t protocol) {
  if (protocol >= 2) return reduce_newobj(obj);
  Value fn = copyreg_attr("_reduce_ex");
  if (fn.is_empty_slot()) return fn;
  return call2(fn, obj, int_from_int64(protocol));
}

Value object_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1 || (kwnames && kwnames->size))
    return raise_fmt(TypeErrorType, "object.__reduce__() takes no arguments (%lld given)",
                     static_cast<long long>(nargs - 1 + (kwnames ? kwnames->size : 0)));
  return common_reduce(args[0], 0);
}

Value object_reduce_ex_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "object.__reduce_ex__() takes no keyword arguments");
  if (nargs != 2)
    return raise_fmt(TypeErrorType, "object.__reduce_ex__() takes exactly one argument (%lld given)",
                     static_cast<long long>(nargs - 1));
  if (is_float(args[1])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  int64_t protocol;
  bool overflow = false;
  if (!as_int64(args[1], &protocol, &overflow)) return Value();
  // A class that overrides __reduce__ is reduced by it.
  Value own = type_lookup(type_of(args[0]), intern("__reduce__"));
  bool overridden = !(own.is_obj() && own.as_obj()->type == MethodDescrType &&
                      static_cast<MethodDescrObject*>(own.as_obj())->fn == object_reduce_m);
  if (overridden && !own.is_empty_slot()) {
    Value bound = get_attr(args[0], intern("__reduce__"));
    if (bound.is_empty_slot()) return bound;
    return call0(bound);
  }
  return common_reduce(args[0], protocol);
}

const NativeMethodDef kReduceMethods[] = {
    {"__reduce_ex__", object_reduce_ex_m},
    {"__reduce__", object_reduce_m},
    {"__getstate__", object_getstate_m},
};

}  // namespace

void init_object_reduce() {
  add_methods(ObjectType, kReduceMethods);
}

}  // namespace coil::rt
