// descriptors.cpp — property, classmethod and staticmethod: construction, attributes and
// their __get__/__set__/__delete__ methods. attributes.cpp binds the exact types natively;
// the methods here serve subclasses and explicit calls.
#include "runtime/descriptors.h"

#include <algorithm>
#include <cstddef>
#include <vector>
#include <string>

#include "runtime/abstract.h"
#include "runtime/sequence_ops.h"
#include "runtime/arg_parse.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/names.h"
#include "runtime/shape.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

PropertyObject* as_property(Value v) { return static_cast<PropertyObject*>(v.as_obj()); }
ClassMethodObject* as_cm(Value v) { return static_cast<ClassMethodObject*>(v.as_obj()); }

void visit_property(Object* self, Visitor& v) {
  auto* p = static_cast<PropertyObject*>(self);
  v.visit(p->fget);
  v.visit(p->fset);
  v.visit(p->fdel);
  v.visit(p->doc);
  v.visit(p->name);
}

void visit_classmethod(Object* self, Visitor& v) {
  auto* c = static_cast<ClassMethodObject*>(self);
  v.visit(c->func);
  v.visit(c->dict);
}

Object* alloc_basic(TypeObject* type) {
  Object* o = allocate_object(type, type->basic_size);
  if (!o) raise_memory_error();
  return o;
}

Value or_none(Value v) { return v.is_empty_slot() ? None : v; }

// --- property ---

Value property_new(Value* args, int64_t, TupleObject*) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  auto* p = static_cast<PropertyObject*>(type->alloc(type));
  if (!p) return Value();
  p->fget = p->fset = p->fdel = p->doc = None;
  return Value::from_obj(p);
}

// The getter's docstring, or empty when it has none.
Value getter_doc(Value fget) {
  if (fget == None) return Value();
  bool error = false;
  Value d = get_attr_opt(fget, names::dunder_doc, &error);
  if (error) clear_exception();
  return d;
}

Value property_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args({"property", {"fget", "fset", "fdel", "doc"}, 0, 0}, args + 1, nargs - 1, kwnames, a))
    return Value();
  PropertyObject* p = as_property(args[0]);
  p->fget = or_none(a[0]);
  p->fset = or_none(a[1]);
  p->fdel = or_none(a[2]);
  p->doc = or_none(a[3]);
  // Without an explicit doc, the getter's docstring is the property's.
  if (p->doc == None) {
    Value d = getter_doc(p->fget);
    if (!d.is_empty_slot()) p->doc = d;
  }
  // A subclass instance keeps __doc__ in its dict (its class attribute would shadow it).
  TypeObject* t = type_of(args[0]);
  // Without instance storage (__slots__) that fails with AttributeError, as in CPython.
  if (t != PropertyType && p->doc != None) {
    if (!set_attr(args[0], names::dunder_doc, p->doc)) return Value();
  }
  return None;
}

Value property_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__get__", nargs - 1, kwnames, 1, 2)) return Value();
  Value obj = args[1];
  if (obj == None) return args[0];
  PropertyObject* p = as_property(args[0]);
  if (p->fget == None) return property_missing(p, obj, "getter");
  return call1(p->fget, obj);
}

Value property_set_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__set__", nargs - 1, kwnames, 2, 2)) return Value();
  PropertyObject* p = as_property(args[0]);
  if (p->fset == None) return property_missing(p, args[1], "setter");
  return call2(p->fset, args[1], args[2]).is_empty_slot() ? Value() : None;
}

Value property_delete_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__delete__", nargs - 1, kwnames, 1, 1)) return Value();
  PropertyObject* p = as_property(args[0]);
  if (p->fdel == None) return property_missing(p, args[1], "deleter");
  return call1(p->fdel, args[1]).is_empty_slot() ? Value() : None;
}

// A copy of the property with one accessor replaced, made by calling type(self) so that
// subclasses stay subclasses. The docstring follows a new getter when it came from the old.
Value property_copy(Value self, Value fget, Value fset, Value fdel) {
  PropertyObject* p = as_property(self);
  Value doc = p->doc;
  if (fget != p->fget) {
    Value old = getter_doc(p->fget);
    if (!old.is_empty_slot() && old == p->doc) doc = None;
  }
  Value cargs[4] = {fget, fset, fdel, doc};
  Value r = call(Value::from_obj(type_of(self)), cargs, 4);
  if (r.is_empty_slot()) return r;
  if (r.is_obj() && is_subtype(type_of(r), PropertyType)) as_property(r)->name = p->name;
  return r;
}

Value property_getter(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getter", nargs - 1, kwnames, 1, 1)) return Value();
  PropertyObject* p = as_property(args[0]);
  return property_copy(args[0], args[1], p->fset, p->fdel);
}
Value property_setter(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("setter", nargs - 1, kwnames, 1, 1)) return Value();
  PropertyObject* p = as_property(args[0]);
  return property_copy(args[0], p->fget, args[1], p->fdel);
}
Value property_deleter(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("deleter", nargs - 1, kwnames, 1, 1)) return Value();
  PropertyObject* p = as_property(args[0]);
  return property_copy(args[0], p->fget, p->fset, args[1]);
}

Value property_set_name(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "property.__set_name__() takes no keyword arguments");
  if (nargs - 1 != 2)
    return raise_fmt(TypeErrorType, "__set_name__() takes 2 positional arguments but %lld were given",
                     static_cast<long long>(nargs - 1));
  as_property(args[0])->name = args[2];
  return None;
}

// True when any accessor says it is abstract (abc uses this).
Value abstract_of(Value f) {
  if (f.is_empty_slot() || f == None) return False;
  bool error = false;
  Value r = get_attr_opt(f, intern("__isabstractmethod__"), &error);
  if (error) return Value();
  if (r.is_empty_slot()) return False;
  int t = is_true(r);
  if (t < 0) return Value();
  return bool_value(t);
}

Value property_isabstract(Value self) {
  PropertyObject* p = as_property(self);
  for (Value f : {p->fget, p->fset, p->fdel}) {
    Value r = abstract_of(f);
    if (r != False) return r;
  }
  return False;
}

Value property_doc(Value self) { return as_property(self)->doc; }
bool property_doc_set(Value self, Value v) {
  as_property(self)->doc = or_none(v);
  return true;
}

const NativeMethodDef kPropertyMethods[] = {
    {"__new__", property_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", property_init},
    {"__get__", property_get_m},
    {"__set__", property_set_m},
    {"__delete__", property_delete_m},
    {"getter", property_getter},
    {"setter", property_setter},
    {"deleter", property_deleter},
    {"__set_name__", property_set_name},
};
const NativeGetSetDef kPropertyGetSets[] = {
    {"__doc__", property_doc, property_doc_set},
    {"__isabstractmethod__", property_isabstract},
};

// --- classmethod / staticmethod ---

Value wrapper_new(Value* args, int64_t, TupleObject*) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  auto* c = static_cast<ClassMethodObject*>(type->alloc(type));
  if (!c) return Value();
  c->func = None;
  return Value::from_obj(c);
}

// classmethod(f) / staticmethod(f): keeps f and copies its identifying attributes into
// the wrapper's dict (as functools.wraps would), so __name__, __doc__ ... read through.
Value wrapper_init(Value* args, int64_t nargs, TupleObject* kwnames, const char* name) {
  if (kwnames && kwnames->size) return raise_fmt(TypeErrorType, "%s() takes no keyword arguments", name);
  if (nargs != 2)
    return raise_fmt(TypeErrorType, "%s expected 1 argument, got %lld", name, static_cast<long long>(nargs - 1));
  ClassMethodObject* c = as_cm(args[0]);
  c->func = args[1];
  if (!c->dict) {
    c->dict = new_dict();
    if (!c->dict) return Value();
  }
  for (const char* attr : {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"}) {
    bool error = false;
    Value v = get_attr_opt(args[1], intern(attr), &error);
    if (error) return Value();
    if (!v.is_empty_slot() && !dict_set_str(c->dict, intern(attr), v)) return Value();
  }
  return None;
}

Value classmethod_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  return wrapper_init(args, nargs, kwnames, "classmethod");
}
Value staticmethod_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  return wrapper_init(args, nargs, kwnames, "staticmethod");
}

Value classmethod_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__get__", nargs - 1, kwnames, 1, 2)) return Value();
  Value owner = nargs > 2 && args[2] != None ? args[2] : Value::from_obj(type_of(args[1]));
  return classmethod_bind(as_cm(args[0])->func, owner);
}

Value staticmethod_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__get__", nargs - 1, kwnames, 1, 2)) return Value();
  return as_cm(args[0])->func;
}

Value staticmethod_call_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  return call(as_cm(args[0])->func, args + 1, nargs - 1, kwnames);
}

Value wrapper_func(Value self) { return as_cm(self)->func; }
Value wrapper_isabstract(Value self) { return abstract_of(as_cm(self)->func); }
Value wrapper_dict(Value self) {
  ClassMethodObject* c = as_cm(self);
  if (!c->dict) c->dict = new_dict();
  return c->dict ? Value::from_obj(c->dict) : Value();
}

const NativeMethodDef kClassMethodMethods[] = {
    {"__new__", wrapper_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", classmethod_init},
    {"__get__", classmethod_get_m},
};
const NativeMethodDef kStaticMethodMethods[] = {
    {"__new__", wrapper_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", staticmethod_init},
    {"__get__", staticmethod_get_m},
    {"__call__", staticmethod_call_m},
};
const NativeGetSetDef kWrapperGetSets[] = {
    {"__func__", wrapper_func},
    {"__wrapped__", wrapper_func},
    {"__isabstractmethod__", wrapper_isabstract},
    {"__dict__", wrapper_dict},
};

void set_layout(TypeObject* t, uint32_t size, VisitFn visit) {
  t->basic_size = size;
  t->alloc = alloc_basic;
  t->visit = visit;
}

}  // namespace

Value classmethod_bind(Value func, Value owner) {
  if (func.is_obj() && func.as_obj()->type != FunctionType) {
    Value get = type_lookup(type_of(func), names::dunder_get);
    if (!get.is_empty_slot()) {
      Value args[3] = {func, owner, owner};
      return call(get, args, 3);
    }
  }
  MethodObject* m = new_method(func, owner);
  return m ? Value::from_obj(m) : Value();
}

Value property_missing(PropertyObject* p, Value obj, const char* what) {
  TypeObject* t = type_of(obj);
  std::string qual = t->qualname ? std::string(t->qualname->view()) : t->name;
  if (!p->name.is_empty_slot() && p->name != None) {
    std::string name;
    if (!repr_string(p->name, &name)) return Value();
    return raise_fmt(AttributeErrorType, "property %s of %s object has no %s", name.c_str(), str_repr(qual).c_str(),
                     what);
  }
  return raise_fmt(AttributeErrorType, "property of %s object has no %s", str_repr(qual).c_str(), what);
}

void init_member_descr_type();
void init_getset_descr_type();

void init_descriptor_types() {
  init_member_descr_type();
  set_layout(PropertyType, sizeof(PropertyObject), visit_property);
  set_layout(ClassMethodType, sizeof(ClassMethodObject), visit_classmethod);
  set_layout(StaticMethodType, sizeof(ClassMethodObject), visit_classmethod);
  ClassMethodType->dict_offset = offsetof(ClassMethodObject, dict);
  StaticMethodType->dict_offset = offsetof(ClassMethodObject, dict);
  add_methods(PropertyType, kPropertyMethods);
  add_getsets(PropertyType, kPropertyGetSets);
  // fget/fset/fdel are read-only members, as in CPython (their error says "readonly attribute").
  for (auto [name, offset] : {std::pair{"fget", offsetof(PropertyObject, fget)}, std::pair{"fset", offsetof(PropertyObject, fset)},
                              std::pair{"fdel", offsetof(PropertyObject, fdel)}}) {
    MemberDescrObject* m = new_member_descr(PropertyType, intern(name), static_cast<uint32_t>(offset));
    m->readonly = true;
    dict_set_str(PropertyType->dict, intern(name), Value::from_obj(m));
  }
  init_getset_descr_type();
  add_methods(ClassMethodType, kClassMethodMethods);
  add_getsets(ClassMethodType, kWrapperGetSets);
  add_methods(StaticMethodType, kStaticMethodMethods);
  add_getsets(StaticMethodType, kWrapperGetSets);
}

}  // namespace coil::rt

namespace coil::rt {

// --- member descriptors (__slots__) ---

namespace {

MemberDescrObject* as_member(Value v) { return static_cast<MemberDescrObject*>(v.as_obj()); }

void visit_member(Object* self, Visitor& v) {
  auto* m = static_cast<MemberDescrObject*>(self);
  v.visit(m->owner);
  v.visit(m->name);
}

Value* member_slot(MemberDescrObject* m, Value obj) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.as_obj()) + m->offset);
}

bool member_applies(MemberDescrObject* m, Value obj) {
  if (obj.is_obj() && is_subtype(type_of(obj), m->owner)) return true;
  raise_fmt(TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m->name->data,
            m->owner->name, type_name(obj));
  return false;
}

Value member_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__get__", nargs - 1, kwnames, 1, 2)) return Value();
  if (args[1] == None) return args[0];
  if (!member_applies(as_member(args[0]), args[1])) return Value();
  return member_get(as_member(args[0]), args[1]);
}
Value member_set_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__set__", nargs - 1, kwnames, 2, 2)) return Value();
  if (!member_applies(as_member(args[0]), args[1])) return Value();
  return member_set(as_member(args[0]), args[1], args[2]) ? None : Value();
}
Value member_delete_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__delete__", nargs - 1, kwnames, 1, 1)) return Value();
  if (!member_applies(as_member(args[0]), args[1])) return Value();
  return member_set(as_member(args[0]), args[1], Value()) ? None : Value();
}
Value member_repr_m(Value* args, int64_t, TupleObject*) {
  MemberDescrObject* m = as_member(args[0]);
  return str_value("<member '" + std::string(m->name->view()) + "' of '" + m->owner->name + "' objects>");
}
Value member_name(Value self) { return Value::from_obj(as_member(self)->name); }
Value member_qualname(Value self) {
  return str_value(std::string(as_member(self)->owner->qualname->view()) + "." + std::string(as_member(self)->name->view()));
}
Value member_objclass(Value self) { return Value::from_obj(as_member(self)->owner); }
Value member_doc(Value self) { return as_member(self)->doc ? str_value(as_member(self)->doc) : None; }

const NativeMethodDef kMemberMethods[] = {
    {"__get__", member_get_m},
    {"__set__", member_set_m},
    {"__delete__", member_delete_m},
    {"__repr__", member_repr_m},
};
const NativeGetSetDef kMemberGetSets[] = {
    {"__name__", member_name},
    {"__qualname__", member_qualname},
    {"__objclass__", member_objclass},
    {"__doc__", member_doc},
};

// "__x" in class C is stored as "_C__x" (private name mangling).
StrObject* mangle(TypeObject* t, StrObject* name) {
  std::string_view n = name->view();
  if (n.size() < 3 || n.substr(0, 2) != "__" || n.substr(n.size() - 2) == "__") return name;
  std::string_view cls = t->name_obj->view();
  while (!cls.empty() && cls.front() == '_') cls.remove_prefix(1);
  if (cls.empty()) return name;
  return intern("_" + std::string(cls) + std::string(n));
}

// Built-in bases whose instances vary in size cannot take slots after them.
bool is_var_sized(TypeObject* b) {
  while (b && has(b, TypeFlag::HeapType)) b = b->base;
  return b == IntType || b == TupleType || b == BytesType || b == StrType;
}

}  // namespace

MemberDescrObject* new_member_descr(TypeObject* owner, StrObject* name, uint32_t offset) {
  auto* m = static_cast<MemberDescrObject*>(allocate_object(MemberDescrType, sizeof(MemberDescrObject)));
  if (!m) {
    raise_memory_error();
    return nullptr;
  }
  m->owner = owner;
  m->name = name;
  m->offset = offset;
  return m;
}

Value member_get(MemberDescrObject* m, Value obj) {
  Value v = *member_slot(m, obj);
  if (v.is_empty_slot())
    return raise_fmt(AttributeErrorType, "'%s' object has no attribute '%s'", type_name(obj), m->name->data);
  return v;
}

bool member_set(MemberDescrObject* m, Value obj, Value value) {
  if (m->readonly) {
    raise_msg(AttributeErrorType, "readonly attribute");
    return false;
  }
  Value* slot = member_slot(m, obj);
  if (value.is_empty_slot() && slot->is_empty_slot()) {
    raise_msg(AttributeErrorType, m->name->view());
    return false;
  }
  *slot = value;
  return true;
}

bool layout_slots(TypeObject* t, Value slots, DictObject* ns) {
  TypeObject* base = t->base;
  ListObject* names = new_list(0);
  if (!names) return false;
  if (is_str(slots)) {
    if (!list_append(names, slots)) return false;
  } else {
    Value it = get_iter(slots);
    if (it.is_empty_slot()) return false;
    while (true) {
      bool done = false;
      Value n = iter_next(it, &done);
      if (done) break;
      if (n.is_empty_slot() || !list_append(names, n)) return false;
    }
  }
  bool want_dict = false, want_weakref = false;
  int64_t nslots = 0;
  for (int64_t i = 0; i < names->size; ++i) {
    Value n = names->items()[i];
    if (!is_str(n)) {
      raise_fmt(TypeErrorType, "__slots__ items must be strings, not '%s'", type_name(n));
      return false;
    }
    Value ident = call_method(n, intern("isidentifier"), nullptr, 0);
    if (ident.is_empty_slot()) return false;
    if (ident != True) {
      raise_msg(TypeErrorType, "__slots__ must be identifiers");
      return false;
    }
    std::string_view s = as_str(n)->view();
    if (s == "__dict__") {
      if (want_dict || base->dict_offset) {
        raise_msg(TypeErrorType, "__dict__ slot disallowed: we already got one");
        return false;
      }
      want_dict = true;
      names->items()[i] = Value();
    } else if (s == "__weakref__") {
      if ((want_weakref || has(base, TypeFlag::WeakrefSlot)) && !is_var_sized(base)) {
        raise_msg(TypeErrorType, "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
        return false;
      }
      want_weakref = true;
      names->items()[i] = Value();  // weak references need no storage of their own here
    } else {
      ++nslots;
    }
  }
  if (names->size && is_var_sized(base)) {  // CPython counts __dict__ and __weakref__ too
    raise_fmt(TypeErrorType, "nonempty __slots__ not supported for subtype of '%s'", base->name);
    return false;
  }
  // Every name is checked against the class body before any descriptor is added: a name listed
  // twice (datetime's `date.__slots__ + time.__slots__`) is allowed, as in CPython, and the later
  // descriptor wins while both keep their storage.
  for (int64_t i = 0; i < names->size; ++i) {
    Value n = names->items()[i];
    if (n.is_empty_slot()) continue;
    if (!dict_get_str(ns, mangle(t, intern(as_str(n)->view()))).is_empty_slot()) {
      raise_fmt(ValueErrorType, "'%s' in __slots__ conflicts with class variable", as_str(n)->data);
      return false;
    }
  }
  // Secondary bases may bring the instance dict or weak-reference support (CPython too).
  for (int64_t i = 0; t->bases && i < t->bases->size; ++i) {
    auto* b = static_cast<TypeObject*>(t->bases->items[i].as_obj());
    if (b == base) continue;
    if (!base->dict_offset && b->dict_offset) want_dict = true;
    if (has(b, TypeFlag::WeakrefSlot)) want_weakref = true;
  }
  if (want_weakref || has(base, TypeFlag::WeakrefSlot)) t->flags = t->flags | TypeFlag::WeakrefSlot;
  // Storage in the order of the mangled names (CPython sorts them), so classes naming the same
  // slots in another order share a layout (__class__ assignment between them).
  std::vector<StrObject*> sorted;
  for (int64_t i = 0; i < names->size; ++i)
    if (!names->items()[i].is_empty_slot()) sorted.push_back(mangle(t, intern(as_str(names->items()[i])->view())));
  std::stable_sort(sorted.begin(), sorted.end(), [](StrObject* a, StrObject* b) { return a->view() < b->view(); });
  uint32_t offset = base->basic_size;
  for (StrObject* name : sorted) {
    MemberDescrObject* m = new_member_descr(t, name, offset);
    if (!m || !dict_set_str(ns, name, Value::from_obj(m))) return false;
    offset += sizeof(Value);
  }
  if (base->dict_offset) {
    t->dict_offset = base->dict_offset;
    if (has(base, TypeFlag::ShapedAttrs)) t->flags = t->flags | TypeFlag::ShapedAttrs;
  } else if (want_dict) {
    t->dict_offset = offset;
    offset += kInstanceAttrsSize;
    t->flags = t->flags | TypeFlag::ShapedAttrs;
  } else {
    t->dict_offset = 0;
    t->flags = static_cast<TypeFlag>(static_cast<uint32_t>(t->flags) & ~static_cast<uint32_t>(TypeFlag::HasDict));
  }
  t->basic_size = offset;
  return true;
}

void init_member_descr_type() {
  MemberDescrType->basic_size = sizeof(MemberDescrObject);
  MemberDescrType->visit = visit_member;
  add_methods(MemberDescrType, kMemberMethods);
  add_getsets(MemberDescrType, kMemberGetSets);
}

}  // namespace coil::rt

namespace coil::lib {
// The first weak reference to `obj`, or None (weakref.cpp keeps the registry).
rt::Value weakref_list_head(rt::Value obj);
}  // namespace coil::lib

namespace coil::rt {

// --- getset descriptors (computed attributes of built-in types, a class's __dict__) ---

namespace {

GetSetObject* as_getset(Value v) { return static_cast<GetSetObject*>(v.as_obj()); }

void visit_getset(Object* self, Visitor& v) { v.visit(static_cast<GetSetObject*>(self)->owner); }

bool getset_applies(GetSetObject* g, Value obj) {
  if (is_subtype(type_of(obj), g->owner)) return true;
  raise_fmt(TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", g->def->name,
            g->owner->name, type_name(obj));
  return false;
}

Value getset_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__get__", nargs - 1, kwnames, 1, 2)) return Value();
  GetSetObject* g = as_getset(args[0]);
  if (args[1] == None) {
    if (nargs < 3 || args[2] == None) return raise_msg(TypeErrorType, "__get__(None, None) is invalid");
    return args[0];
  }
  if (!getset_applies(g, args[1])) return Value();
  return g->def->get(args[1]);
}

// Sets (value empty: deletes) through the getset; read-only ones refuse as CPython does.
Value getset_store(GetSetObject* g, Value obj, Value value) {
  if (!getset_applies(g, obj)) return Value();
  if (!g->def->set)
    return raise_fmt(AttributeErrorType, "attribute '%s' of '%s' objects is not writable", g->def->name, g->owner->name);
  return g->def->set(obj, value) ? None : Value();
}
Value getset_set_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__set__", nargs - 1, kwnames, 2, 2)) return Value();
  return getset_store(as_getset(args[0]), args[1], args[2]);
}
Value getset_delete_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__delete__", nargs - 1, kwnames, 1, 1)) return Value();
  return getset_store(as_getset(args[0]), args[1], Value());
}
Value getset_repr_m(Value* args, int64_t, TupleObject*) {
  GetSetObject* g = as_getset(args[0]);
  return str_value("<attribute '" + std::string(g->def->name) + "' of '" + g->owner->name + "' objects>");
}
Value getset_name(Value self) { return Value::from_obj(intern(as_getset(self)->def->name)); }
Value getset_qualname(Value self) {
  return str_value(std::string(as_getset(self)->owner->qualname->view()) + "." + as_getset(self)->def->name);
}
Value getset_objclass(Value self) { return Value::from_obj(as_getset(self)->owner); }
Value getset_doc(Value self) { return as_getset(self)->def->doc ? str_value(as_getset(self)->def->doc) : None; }

const NativeMethodDef kGetSetMethods[] = {
    {"__get__", getset_get_m},
    {"__set__", getset_set_m},
    {"__delete__", getset_delete_m},
    {"__repr__", getset_repr_m},
};
const NativeGetSetDef kGetSetGetSets[] = {
    {"__name__", getset_name},
    {"__qualname__", getset_qualname},
    {"__objclass__", getset_objclass},
    {"__doc__", getset_doc},
};

Value weakref_get(Value self) { return lib::weakref_list_head(self); }

}  // namespace

const NativeGetSetDef kWeakrefGetSet = {"__weakref__", weakref_get, nullptr, "list of weak references to the object (if defined)"};

void init_getset_descr_type() {
  GetSetDescrType->visit = visit_getset;
  add_methods(GetSetDescrType, kGetSetMethods);
  add_getsets(GetSetDescrType, kGetSetGetSets);
}

}  // namespace coil::rt
