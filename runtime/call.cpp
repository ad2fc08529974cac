// call.cpp — calling any object: Python functions, natives, bound methods, types
// (type.__call__: __new__ then __init__) and objects with __call__.
#include <new>
#include <stdexcept>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/new_wrapper.h"
#include "runtime/str.h"
#include "runtime/super.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {


namespace {

// `self, args..., keyword values...` in one array: on the C++ stack for the usual few
// arguments (the GC scans it conservatively), on the malloc heap only for long calls (the
// caller's own array still holds those values, so they stay reachable).
class SelfArgs {
 public:
  SelfArgs(Value self, Value* args, int64_t nargs, TupleObject* kwnames) {
    int64_t total = nargs + (kwnames ? kwnames->size : 0);
    if (total + 1 > kInline) {
      big_.resize(static_cast<size_t>(total + 1));
      buf_ = big_.data();
    }
    buf_[0] = self;
    for (int64_t i = 0; i < total; ++i) buf_[i + 1] = args[i];
  }
  Value* data() { return buf_; }

 private:
  static constexpr int64_t kInline = 16;
  Value small_[kInline];
  std::vector<Value> big_;
  Value* buf_ = small_;
};

// Calls `fn` with `self` in front of the arguments.
Value call_with_self(Value fn, Value self, Value* args, int64_t nargs, TupleObject* kwnames) {
  SelfArgs buf(self, args, nargs, kwnames);
  return call(fn, buf.data(), nargs + 1, kwnames);
}

}  // namespace

// Functions and native method descriptors take self first without being bound (the
// common case, no bound object made); any other descriptor is bound through its
// __get__, and a plain callable (a builtin function, an instance with __call__) is called
// with the arguments alone, as CPython's slot functions do.
Value call_special(Value m, Value self, Value* args, int64_t nargs, TupleObject* kwnames) {
  if (m.is_obj()) {
    TypeObject* t = m.as_obj()->type;
    if (t == FunctionType || t == MethodDescrType) return call_with_self(m, self, args, nargs, kwnames);
    Value get = type_lookup(t, names::dunder_get);
    if (!get.is_empty_slot()) {
      Value gargs[3] = {m, self, Value::from_obj(type_of(self))};
      Value bound = call(get, gargs, 3);
      if (bound.is_empty_slot()) return bound;
      return call(bound, args, nargs, kwnames);
    }
  }
  return call(m, args, nargs, kwnames);
}

Value call_special0(Value m, Value self) { return call_special(m, self, nullptr, 0); }
Value call_special1(Value m, Value self, Value a) { return call_special(m, self, &a, 1); }
Value call_special2(Value m, Value self, Value a, Value b) {
  Value args[2] = {a, b};
  return call_special(m, self, args, 2);
}

namespace {

// type.__call__'s __new__ step: a function (or staticmethod) gets the type first; any other
// descriptor is first bound to the class (`__new__ = classmethod(f)` gets the class
// twice, as in CPython, whose slot_tp_new reads type.__new__ as an attribute).
Value call_new(Value new_fn, TypeObject* type, Value* args, int64_t nargs, TupleObject* kwnames) {
  Value tv = Value::from_obj(type);
  if (new_fn.is_obj() && new_fn.as_obj()->type != FunctionType) {
    Value get = type_lookup(new_fn.as_obj()->type, names::dunder_get);
    if (!get.is_empty_slot()) {
      Value gargs[3] = {new_fn, None, tv};
      new_fn = call(get, gargs, 3);
      if (new_fn.is_empty_slot()) return new_fn;
    }
  }
  return call_with_self(new_fn, tv, args, nargs, kwnames);
}

Value call_type(TypeObject* type, Value* args, int64_t nargs, TupleObject* kwnames) {
  // type(x): the type of x.
  if (type == TypeType && nargs == 1 && !kwnames) return Value::from_obj(type_of(args[0]));
  Value new_fn = type_lookup(type, names::dunder_new);
  if (new_fn.is_empty_slot()) return raise_fmt(TypeErrorType, "cannot create '%s' instances", type->name);
  // `__new__ = list.__new__` in a class body (a bound, checking __new__) is passed over: the
  // instance is made by the base's __new__, as CPython's slot update makes it.
  for (TypeObject* t = type; is_checked_new(new_fn) && t->base; t = t->base) new_fn = type_lookup(t->base, names::dunder_new);
  // __new__ is a static method: pass the type first.
  if (new_fn.is_obj() && new_fn.as_obj()->type == StaticMethodType)
    new_fn = static_cast<ClassMethodObject*>(new_fn.as_obj())->func;
  if (new_fn.is_obj() && new_fn.as_obj()->type == MethodDescrType) {
    // A native __new__ (object.__new__, int.__new__, range.__new__, ...) takes the type
    // first: called directly, without a bound function object.
    auto* md = static_cast<MethodDescrObject*>(new_fn.as_obj());
    Value obj;
    {
      SelfArgs buf(Value::from_obj(type), args, nargs, kwnames);
      if (!enter_call(" while calling a Python object")) return Value();
      obj = md->fn(buf.data(), nargs + 1, kwnames);
      leave_call();
    }
    if (obj.is_empty_slot() || !is_subtype(type_of(obj), type)) return obj;
    Value init = type_lookup(type_of(obj), names::dunder_init);
    if (init.is_empty_slot()) return obj;
    // int(x), str(x), range(n), ...: object.__init__ after a __new__ of the type's own accepts
    // any arguments and does nothing (CPython's excess_args rule), so it is not called.
    if (md->owner != ObjectType && init.is_obj() && init.as_obj()->type == MethodDescrType &&
        static_cast<MethodDescrObject*>(init.as_obj())->owner == ObjectType)
      return obj;
    Value r = call_special(init, obj, args, nargs, kwnames);
    if (r.is_empty_slot()) return r;
    if (r != None) return raise_fmt(TypeErrorType, "__init__() should return None, not '%s'", type_name(r));
    return obj;
  }
  Value obj = call_new(new_fn, type, args, nargs, kwnames);
  if (obj.is_empty_slot()) return obj;
  // __init__ runs only when __new__ returned an instance of the type.
  if (!is_subtype(type_of(obj), type)) return obj;
  TypeObject* ot = type_of(obj);
  Value init = type_lookup(ot, names::dunder_init);
  if (init.is_empty_slot()) return obj;
  Value r = call_special(init, obj, args, nargs, kwnames);
  if (r.is_empty_slot()) return r;
  if (r != None) return raise_fmt(TypeErrorType, "__init__() should return None, not '%s'", type_name(r));
  return obj;
}

}  // namespace

Value call_type_default(Value type, Value* args, int64_t nargs, TupleObject* kwnames) {
  return call_type(static_cast<TypeObject*>(type.as_obj()), args, nargs, kwnames);
}

static Value call_impl(Value callable, Value* args, int64_t nargs, TupleObject* kwnames);

// Native code that overflows a C++ container (std::bad_alloc / length_error) raises
// MemoryError instead of terminating the process.
Value call(Value callable, Value* args, int64_t nargs, TupleObject* kwnames) {
  try {
    return call_impl(callable, args, nargs, kwnames);
  } catch (const std::bad_alloc&) {
    return raise_memory_error();
  } catch (const std::length_error&) {
    return raise_memory_error();
  }
}

static Value call_impl(Value callable, Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!callable.is_obj()) return raise_fmt(TypeErrorType, "'%s' object is not callable", type_name(callable));
  TypeObject* t = callable.as_obj()->type;
  if (t == FunctionType) return call_function(static_cast<FunctionObject*>(callable.as_obj()), args, nargs, kwnames);
  if (t == NativeFunctionType) {
    auto* n = static_cast<NativeFunctionObject*>(callable.as_obj());
    if (!n->self.is_empty_slot()) {
      if (!enter_call(" while calling a Python object")) return Value();
      Value r;
      {
        SelfArgs buf(n->self, args, nargs, kwnames);
        r = n->fn(buf.data(), nargs + 1, kwnames);
      }
      leave_call();
      return r;
    }
    if (!enter_call(" while calling a Python object")) return Value();
    Value r = n->fn(args, nargs, kwnames);
    leave_call();
    return r;
  }
  if (t == MethodType) {
    auto* m = static_cast<MethodObject*>(callable.as_obj());
    return call_with_self(m->func, m->self, args, nargs, kwnames);
  }
  if (t == MethodDescrType) {
    auto* md = static_cast<MethodDescrObject*>(callable.as_obj());
    if (nargs < 1)
      return raise_fmt(TypeErrorType, "unbound method %s.%s() needs an argument", md->owner->name, md->name);
    if (!is_subtype(type_of(args[0]), md->owner))
      return is_slot_wrapper_name(md->name)
                 ? raise_fmt(TypeErrorType, "descriptor '%s' requires a '%s' object but received a '%s'", md->name,
                             md->owner->name, type_name(args[0]))
                 : raise_fmt(TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", md->name,
                             md->owner->name, type_name(args[0]));
    if (!enter_call(" while calling a Python object")) return Value();
    Value r = md->fn(args, nargs, kwnames);
    leave_call();
    return r;
  }
  if (has(t, TypeFlag::TypeSubclass)) {
    auto* type = static_cast<TypeObject*>(callable.as_obj());
    // A metaclass with its own __call__ takes over.
    if (t != TypeType) {
      Value mc = type_lookup(t, names::dunder_call);
      if (!mc.is_empty_slot() && !(mc.is_obj() && mc.as_obj()->type == MethodDescrType))
        return call_special(mc, callable, args, nargs, kwnames);
    }
    return call_type(type, args, nargs, kwnames);
  }
  Value c = type_lookup(t, names::dunder_call);
  if (c.is_empty_slot()) return raise_fmt(TypeErrorType, "'%s' object is not callable", t->name);
  // Counted as a call level: a `__call__` that is itself an instance of the class recurses here
  // without ever reaching Python code (CPython raises RecursionError the same way).
  if (!enter_call(" while calling a Python object")) return Value();
  Value r = call_special(c, callable, args, nargs, kwnames);
  leave_call();
  return r;
}

Value call0(Value callable) { return call(callable, nullptr, 0); }
Value call1(Value callable, Value a) { return call(callable, &a, 1); }
Value call2(Value callable, Value a, Value b) {
  Value args[2] = {a, b};
  return call(callable, args, 2);
}

Value call_method(Value obj, StrObject* name, Value* args, int64_t nargs) {
  Value m = get_attr(obj, name);
  if (m.is_empty_slot()) return m;
  return call(m, args, nargs);
}

Value call_tuple_dict(Value callable, TupleObject* args, DictObject* kwargs) {
  if (!kwargs || kwargs->used == 0) return call(callable, args->items, args->size);
  int64_t n = args->size, nk = kwargs->used;
  std::vector<Value> buf(n + nk);
  for (int64_t i = 0; i < n; ++i) buf[i] = args->items[i];
  TupleObject* kwnames = new_tuple(nk);
  if (!kwnames) return Value();
  int64_t pos = 0, k = 0;
  Value key, value;
  while (dict_next(kwargs, &pos, &key, &value)) {
    if (!is_str(key)) return raise_msg(TypeErrorType, "keywords must be strings");
    kwnames->items[k] = key;
    buf[n + k] = value;
    ++k;
  }
  return call(callable, buf.data(), n, kwnames);
}

bool is_callable(Value v) {
  if (!v.is_obj()) return false;
  TypeObject* t = v.as_obj()->type;
  if (t == FunctionType || t == NativeFunctionType || t == MethodType || t == MethodDescrType ||
      has(t, TypeFlag::TypeSubclass))
    return true;
  return !type_lookup(t, names::dunder_call).is_empty_slot();
}

std::string callable_description(Value callable) {
  if (callable.is_obj()) {
    TypeObject* t = callable.as_obj()->type;
    if (t == FunctionType) return std::string(static_cast<FunctionObject*>(callable.as_obj())->qualname->data) + "()";
    if (t == NativeFunctionType) return std::string(static_cast<NativeFunctionObject*>(callable.as_obj())->name) + "()";
    if (t == MethodType) return callable_description(static_cast<MethodObject*>(callable.as_obj())->func);
    if (has(t, TypeFlag::TypeSubclass)) return std::string(static_cast<TypeObject*>(callable.as_obj())->name) + "()";
  }
  return std::string(type_name(callable)) + " object";
}

Value bind_descriptor(Value descr, Value self) {
  if (descr.is_obj()) {
    TypeObject* t = descr.as_obj()->type;
    if (t == FunctionType) {
      MethodObject* m = new_method(descr, self);
      return m ? Value::from_obj(m) : Value();
    }
    if (t == MethodDescrType) {
      auto* md = static_cast<MethodDescrObject*>(descr.as_obj());
      NativeFunctionObject* f = new_native_function(md->name, md->fn, self, Value(), md->doc);
      return f ? Value::from_obj(f) : Value();
    }
    Value get = type_lookup(t, names::dunder_get);
    if (!get.is_empty_slot()) {
      Value args[3] = {descr, self, Value::from_obj(type_of(self))};
      return call(get, args, 3);
    }
  }
  return descr;
}

}  // namespace coil::rt
