// attributes.cpp — attribute access: object.__getattribute__ with descriptors, type and
// module attributes, __getattr__ fallbacks, and setting/deleting attributes.
#include <array>
#include <cstring>
#include <unordered_map>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/import.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/roots.h"
#include "runtime/new_wrapper.h"
#include "runtime/shape.h"
#include "runtime/str.h"
#include "runtime/super.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

// The function a native static method (int.__new__, str.maketrans) reads as: made once per
// descriptor, because CPython's are plain objects in the type's dict and code relies on their
// identity (enum tests `cls._new_member_ is object.__new__`). Built-in types live for the whole run,
// so the table is a root and never shrinks.
Value static_method_function(MethodDescrObject* md) {
  static std::unordered_map<MethodDescrObject*, NativeFunctionObject*>* table = nullptr;
  if (!table) {
    table = new std::unordered_map<MethodDescrObject*, NativeFunctionObject*>();
    add_runtime_root_hook([](Visitor& v) {
      for (auto& [descr, fn] : *table) {
        v.visit(descr);
        v.visit(fn);
      }
    });
  }
  auto it = table->find(md);
  if (it != table->end()) return Value::from_obj(it->second);
  NativeFunctionObject* f = bind_static_native(md);
  if (!f) return Value();
  table->emplace(md, f);
  return Value::from_obj(f);
}

bool is_native_data_descr(TypeObject* t) { return t == GetSetDescrType || t == PropertyType || t == MemberDescrType; }

// Is `descr` a data descriptor (defines __set__ or __delete__)?
bool is_data_descr(Value descr) {
  if (!descr.is_obj()) return false;
  TypeObject* t = descr.as_obj()->type;
  if (is_native_data_descr(t)) return true;
  if (!has(t, TypeFlag::HeapType)) return false;
  return !type_lookup(t, names::dunder_set).is_empty_slot() ||
         !type_lookup(t, names::dunder_delete).is_empty_slot();
}

// A data descriptor without __get__ (only __set__) does not shadow the instance's own
// attribute on reads: CPython calls it only when it has both.
bool is_readable_data_descr(Value descr) {
  if (!is_data_descr(descr)) return false;
  TypeObject* t = descr.as_obj()->type;
  return !has(t, TypeFlag::HeapType) || !type_lookup(t, names::dunder_get).is_empty_slot();
}

// Built-in types whose instances are never descriptors (no lookup of __get__ needed).
bool is_plain_value_type(TypeObject* t) {
  return t == IntType || t == StrType || t == FloatType || t == TupleType || t == ListType || t == DictType ||
         t == BoolType || t == NoneTypeType || t == BytesType || t == SetType || t == FrozenSetType ||
         has(t, TypeFlag::TypeSubclass);
}

// descr.__get__(obj, owner); obj empty means "accessed on the class".
Value descr_get(Value descr, Value obj, TypeObject* owner, bool* is_descr) {
  *is_descr = true;
  if (!descr.is_obj()) {
    *is_descr = false;
    return descr;
  }
  TypeObject* t = descr.as_obj()->type;
  if (t == FunctionType) {
    if (obj.is_empty_slot()) return descr;
    MethodObject* m = new_method(descr, obj);
    return m ? Value::from_obj(m) : Value();
  }
  if (t == MethodDescrType) {
    auto* md = static_cast<MethodDescrObject*>(descr.as_obj());
    if (md->is_static) return static_method_function(md);
    if (md->is_classmethod) {
      NativeFunctionObject* f = new_native_function(md->name, md->fn, Value::from_obj(owner), Value(), md->doc);
      return f ? Value::from_obj(f) : Value();
    }
    if (obj.is_empty_slot()) return descr;
    NativeFunctionObject* f = new_native_function(md->name, md->fn, obj, Value(), md->doc);
    return f ? Value::from_obj(f) : Value();
  }
  if (t == GetSetDescrType) {
    if (obj.is_empty_slot()) return descr;
    return static_cast<GetSetObject*>(descr.as_obj())->def->get(obj);
  }
  if (t == MemberDescrType) {
    if (obj.is_empty_slot()) return descr;
    return member_get(static_cast<MemberDescrObject*>(descr.as_obj()), obj);
  }
  if (t == PropertyType) {
    if (obj.is_empty_slot()) return descr;
    auto* p = static_cast<PropertyObject*>(descr.as_obj());
    if (p->fget.is_empty_slot() || p->fget == None) return property_missing(p, obj, "getter");
    return call1(p->fget, obj);
  }
  if (t == ClassMethodType) return classmethod_bind(static_cast<ClassMethodObject*>(descr.as_obj())->func, Value::from_obj(owner));
  if (t == StaticMethodType) return static_cast<ClassMethodObject*>(descr.as_obj())->func;
  // Classes, and any other native type with __get__ (super, a native module's descriptors).
  if (has(t, TypeFlag::HeapType) || !is_plain_value_type(t)) {
    Value get = type_lookup(t, names::dunder_get);
    if (!get.is_empty_slot()) {
      Value args[3] = {descr, obj.is_empty_slot() ? None : obj, Value::from_obj(owner)};
      return call(get, args, 3);
    }
  }
  *is_descr = false;
  return descr;
}

// AttributeError.name / .obj, which CPython's "Did you mean" hint reads.
void set_attribute_error_context(Value obj, StrObject* name) {
  Value exc = pending_exception();
  if (!is_exception(exc)) return;
  ExceptionObject* e = as_exception(exc);
  if (!e->dict) e->dict = new_dict();
  if (!e->dict) return;
  dict_set_str(e->dict, intern("name"), Value::from_obj(name));
  dict_set_str(e->dict, intern("obj"), obj);
  thread_state().pending = exc;
}

Value missing_attr(Value obj, StrObject* name) {
  bool done = false;
  if (obj.is_obj() && obj.as_obj()->type == ModuleType) {
    Value n = dict_get_str(as_module(obj)->dict, names::dunder_name);
    if (!n.is_empty_slot() && is_str(n)) {
      if (module_initializing(obj))
        raise_fmt(AttributeErrorType,
                  "partially initialized module '%s' has no attribute '%s' (most likely due to a circular import)",
                  as_str(n)->data, name->data);
      else if (module_uninitialized_submodule(obj, name))
        raise_fmt(AttributeErrorType,
                  "cannot access submodule '%s' of module '%s' (most likely due to a circular import)", name->data,
                  as_str(n)->data);
      else
        raise_fmt(AttributeErrorType, "module '%s' has no attribute '%s'", as_str(n)->data, name->data);
      done = true;
    }
  }
  if (!done && obj.is_obj() && has(obj.as_obj()->type, TypeFlag::TypeSubclass)) {
    raise_fmt(AttributeErrorType, "type object '%s' has no attribute '%s'",
              static_cast<TypeObject*>(obj.as_obj())->name, name->data);
    done = true;
  }
  if (!done) raise_fmt(AttributeErrorType, "'%s' object has no attribute '%s'", type_name(obj), name->data);
  set_attribute_error_context(obj, name);
  return Value();
}

Value type_get_attr(TypeObject* type, StrObject* name, bool suppress) {
  TypeObject* meta = type->type;
  Value meta_attr = type_lookup(meta, name);
  bool is_descr;
  if (!meta_attr.is_empty_slot() && is_readable_data_descr(meta_attr))
    return descr_get(meta_attr, Value::from_obj(type), meta, &is_descr);
  Value attr = type_lookup(type, name);
  if (!attr.is_empty_slot()) return descr_get(attr, Value(), type, &is_descr);
  if (!meta_attr.is_empty_slot()) return descr_get(meta_attr, Value::from_obj(type), meta, &is_descr);
  if (suppress) return Value();
  return missing_attr(Value::from_obj(type), name);
}

}  // namespace

Value lookup_special(Value obj, StrObject* name) { return type_lookup(type_of(obj), name); }

Value generic_get_attr(Value obj, StrObject* name, bool suppress_missing) {
  TypeObject* type = type_of(obj);
  if (has(type, TypeFlag::TypeSubclass) && obj.is_obj())
    return type_get_attr(static_cast<TypeObject*>(obj.as_obj()), name, suppress_missing);
  Value descr = type_lookup(type, name);
  bool is_descr;
  if (!descr.is_empty_slot() && is_readable_data_descr(descr)) return descr_get(descr, obj, type, &is_descr);
  if (type->dict_offset && obj.is_obj()) {
    Value v = instance_attr_get(obj.as_obj(), name);
    if (!v.is_empty_slot()) return v;
  }
  if (!descr.is_empty_slot()) return descr_get(descr, obj, type, &is_descr);
  if (type == ModuleType) {
    Value ga = dict_get_str(as_module(obj)->dict, names::dunder_getattr);
    if (!ga.is_empty_slot()) return call1(ga, Value::from_obj(name));
  }
  if (suppress_missing) return Value();
  return missing_attr(obj, name);
}

namespace {

Value object_getattribute() {
  static Value object_ga;
  if (object_ga.is_empty_slot()) object_ga = type_lookup(ObjectType, names::dunder_getattribute);
  return object_ga;
}

}  // namespace

bool uses_generic_getattr(TypeObject* type) {
  if (type->getattr_version == type->version && type->version) return type->getattr_generic;
  Value ga = type_lookup(type, names::dunder_getattribute);
  bool generic = ga.is_empty_slot() || ga == object_getattribute();
  type->getattr_version = type->version;
  type->getattr_generic = generic;
  return generic;
}

// Gives a pending AttributeError that names nothing (raised by a __getattr__ or a custom
// __getattribute__) the attribute and object looked up, as CPython's PyObject_GetAttr
// does, so the traceback printer can offer "Did you mean".
void add_attribute_error_context(Value obj, StrObject* name) {
  if (!pending_matches(AttributeErrorType)) return;
  Value exc = pending_exception();
  if (!is_exception(exc) || !is_subtype(as_exception(exc)->type, AttributeErrorType)) return;
  DictObject* d = as_exception(exc)->dict;
  if (!d) return;
  Value n = dict_get_str(d, intern("name")), o = dict_get_str(d, intern("obj"));
  if ((!n.is_empty_slot() && n != None) || (!o.is_empty_slot() && o != None)) return;
  dict_set_str(d, intern("name"), Value::from_obj(name));
  dict_set_str(d, intern("obj"), obj);
}

Value get_attr(Value obj, StrObject* name) {
  TypeObject* type = type_of(obj);
  if (type == SuperType) return super_get_attr(obj, name);
  // object.__getattribute__ (and type's, which is object's) means the generic path.
  bool custom = !uses_generic_getattr(type);
  Value r = custom ? call_special1(type_lookup(type, names::dunder_getattribute), obj, Value::from_obj(name))
                   : generic_get_attr(obj, name, false);
  if (r.is_empty_slot() && has(type, TypeFlag::HeapType) && pending_matches(AttributeErrorType)) {
    Value getattr = type_lookup(type, names::dunder_getattr);
    if (!getattr.is_empty_slot()) {
      clear_exception();
      r = call_special1(getattr, obj, Value::from_obj(name));
    }
  }
  if (r.is_empty_slot() && (custom || has(type, TypeFlag::HeapType))) add_attribute_error_context(obj, name);
  return r;
}

Value get_attr(Value obj, const char* name) { return get_attr(obj, intern(name)); }

Value get_attr_opt(Value obj, StrObject* name, bool* error) {
  *error = false;
  Value r = get_attr(obj, name);
  if (r.is_empty_slot()) {
    if (pending_matches(AttributeErrorType)) clear_exception();
    else *error = true;
  }
  return r;
}

bool generic_set_attr(Value obj, StrObject* name, Value value) {
  TypeObject* type = type_of(obj);
  if (has(type, TypeFlag::TypeSubclass) && obj.is_obj()) {
    auto* t = static_cast<TypeObject*>(obj.as_obj());
    if (has(t, TypeFlag::Immutable)) {
      raise_fmt(TypeErrorType, "cannot set '%s' attribute of immutable type '%s'", name->data, t->name);
      return false;
    }
    // A data descriptor of the metaclass (type's own getsets, a property on a metaclass)
    // takes the store; a read-only one refuses it.
    Value meta_attr = type_lookup(type, name);
    if (!meta_attr.is_empty_slot() && meta_attr.is_obj()) {
      TypeObject* mt = meta_attr.as_obj()->type;
      if (mt == GetSetDescrType) {
        auto* gs = static_cast<GetSetObject*>(meta_attr.as_obj());
        if (gs->def->set) return gs->def->set(obj, value);
        raise_fmt(AttributeErrorType, "attribute '%s' of '%s' objects is not writable", name->data, gs->owner->name);
        return false;
      }
      if (is_data_descr(meta_attr)) {
        Value setter = type_lookup(mt, value.is_empty_slot() ? names::dunder_delete : names::dunder_set);
        if (!setter.is_empty_slot()) {
          Value args[3] = {meta_attr, obj, value};
          return !call(setter, args, value.is_empty_slot() ? 2 : 3).is_empty_slot();
        }
      }
    }
    return type_set_attr_raw(t, name, value);
  }
  Value descr = type_lookup(type, name);
  if (!descr.is_empty_slot() && descr.is_obj()) {
    TypeObject* dt = descr.as_obj()->type;
    if (dt == GetSetDescrType) {
      auto* gs = static_cast<GetSetObject*>(descr.as_obj());
      if (!gs->def->set) {
        raise_fmt(AttributeErrorType, "attribute '%s' of '%s' objects is not writable", name->data, type->name);
        return false;
      }
      return gs->def->set(obj, value);
    }
    if (dt == MemberDescrType) return member_set(static_cast<MemberDescrObject*>(descr.as_obj()), obj, value);
    if (dt == PropertyType) {
      auto* p = static_cast<PropertyObject*>(descr.as_obj());
      Value fn = value.is_empty_slot() ? p->fdel : p->fset;
      if (fn.is_empty_slot() || fn == None) {
        property_missing(p, obj, value.is_empty_slot() ? "deleter" : "setter");
        return false;
      }
      Value r = value.is_empty_slot() ? call1(fn, obj) : call2(fn, obj, value);
      return !r.is_empty_slot();
    }
    if (has(dt, TypeFlag::HeapType)) {
      Value setter = type_lookup(dt, value.is_empty_slot() ? names::dunder_delete : names::dunder_set);
      if (!setter.is_empty_slot()) {
        Value args[3] = {descr, obj, value};
        return !call(setter, args, value.is_empty_slot() ? 2 : 3).is_empty_slot();
      }
    }
  }
  if (!type->dict_offset || !obj.is_obj()) {
    if (descr.is_empty_slot())
      raise_fmt(AttributeErrorType, "'%s' object has no attribute '%s'", type->name, name->data);
    else
      raise_fmt(AttributeErrorType, "'%s' object attribute '%s' is read-only", type->name, name->data);
    return false;
  }
  if (value.is_empty_slot()) {
    int r = instance_attr_del(obj.as_obj(), name);
    if (r == 0) raise_fmt(AttributeErrorType, "'%s' object has no attribute '%s'", type->name, name->data);
    return r > 0;
  }
  return instance_attr_set(obj.as_obj(), name, value);
}

bool set_attr(Value obj, StrObject* name, Value value) {
  TypeObject* type = type_of(obj);
  if (uses_dict_dunders(type)) {
    Value sa = type_lookup(type, value.is_empty_slot() ? names::dunder_delattr : names::dunder_setattr);
    // Native __setattr__s are object's generic one, except those of ExtType natives (proxies).
    // (`__setattr__ = dict.__setitem__` is a native method too, but not a setattr: called.)
    bool native = sa.is_obj() && sa.as_obj()->type == MethodDescrType &&
                  !has(static_cast<MethodDescrObject*>(sa.as_obj())->owner, TypeFlag::ExtType) &&
                  std::strcmp(static_cast<MethodDescrObject*>(sa.as_obj())->name,
                              value.is_empty_slot() ? "__delattr__" : "__setattr__") == 0;
    if (!sa.is_empty_slot() && !native) {
      Value r = value.is_empty_slot() ? call_special1(sa, obj, Value::from_obj(name))
                                      : call_special2(sa, obj, Value::from_obj(name), value);
      return !r.is_empty_slot();
    }
  }
  return generic_set_attr(obj, name, value);
}

}  // namespace coil::rt
