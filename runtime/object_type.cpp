// object_type.cpp — the methods of `object` and `type`: __new__/__init__, attribute
// hooks, __repr__/__str__/__hash__/__eq__, type(name, bases, dict), __build_class__ support.
#include <algorithm>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/frame.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/super.h"
#include "runtime/match.h"
#include "runtime/names.h"
#include "runtime/object_reduce.h"
#include "runtime/sequence_ops.h"
#include "runtime/shape.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/type_mro.h"
#include "runtime/typeobject.h"

namespace coil::rt {

Value object_default_repr(Value v);  // conversions.cpp: "<module.Name object at 0x...>"

namespace {

// Does `type` get `name` (__init__ / __new__) from somewhere other than object itself?
bool overrides_object(TypeObject* type, StrObject* name) {
  return type_lookup(type, name) != dict_get_str(ObjectType->dict, name);
}

// TypeError for instantiating a class whose __abstractmethods__ is non-empty, naming them sorted.
Value refuse_abstract(TypeObject* type) {
  Value methods = get_attr(Value::from_obj(type), intern("__abstractmethods__"));
  if (methods.is_empty_slot()) return methods;
  ListObject* l = new_list(0);
  if (!l || !list_extend(l, methods) || !list_sort(l, Value(), false)) return Value();
  std::string joined;
  for (int64_t i = 0; i < l->size; ++i) {
    std::string s;
    if (!str_string(l->items()[i], &s)) return Value();
    if (i) joined += ", ";
    joined += s;
  }
  return raise_fmt(TypeErrorType, "Can't instantiate abstract class %s with abstract method%s %s", type->name,
                   l->size > 1 ? "s" : "", joined.c_str());
}

// object.__new__ and object.__init__ tolerate extra arguments only when the other one of
// the pair is overridden (CPython's excess_args rules, with its messages).
Value object_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 1 || !args[0].is_obj() || !has(args[0].as_obj()->type, TypeFlag::TypeSubclass))
    return raise_msg(TypeErrorType, "object.__new__(X): X is not a type object");
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  // A native type without a constructor of its own (types.UnionType, iterators) cannot be
  // instantiated at all, whatever the arguments.
  if (!type->alloc) return raise_fmt(TypeErrorType, "cannot create '%s' instances", type->name);
  bool has_args = nargs > 1 || (kwnames && kwnames->size);
  if (has_args) {
    if (overrides_object(type, names::dunder_new))
      return raise_msg(TypeErrorType, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (!overrides_object(type, names::dunder_init))
      return raise_fmt(TypeErrorType, "%s() takes no arguments", type->name);
  }
  if (has(type, TypeFlag::IsAbstract)) return refuse_abstract(type);
  // A built-in type, or a class deriving from one, with its own __new__ (str, bytes, a native
  // module's type...) must build the instance's value: its fields would be left unset.
  TypeObject* solid = type;
  while (solid && has(solid, TypeFlag::HeapType)) solid = solid->base;
  if (solid && solid != ObjectType &&
      type_lookup(solid, names::dunder_new) != type_lookup(ObjectType, names::dunder_new))
    return raise_fmt(TypeErrorType, "object.__new__(%s) is not safe, use %s.__new__()", type->name, type->name);
  Object* o = type->alloc(type);
  return o ? Value::from_obj(o) : Value();
}

Value object_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  bool has_args = nargs > 1 || (kwnames && kwnames->size);
  if (has_args) {
    TypeObject* type = type_of(args[0]);
    if (overrides_object(type, names::dunder_init))
      return raise_msg(TypeErrorType, "object.__init__() takes exactly one argument (the instance to initialize)");
    if (!overrides_object(type, names::dunder_new))
      return raise_fmt(TypeErrorType, "%s.__init__() takes exactly one argument (the instance to initialize)",
                       type->name);
  }
  return None;
}

Value object_repr_m(Value* args, int64_t, TupleObject*) { return object_default_repr(args[0]); }

Value object_str_m(Value* args, int64_t, TupleObject*) { return repr(args[0]); }

Value object_hash_m(Value* args, int64_t, TupleObject*) {
  uint64_t p = args[0].bits();
  p = (p >> 4) | (p << 60);
  return int_from_int64(static_cast<int64_t>(p));
}

Value object_eq_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  return args[0] == args[1] ? True : NotImplemented;
}

Value object_ne_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  Value r = rich_compare(args[0], args[1], fe::CompareKind::Eq);
  if (r.is_empty_slot() || r == NotImplemented) return r;
  int t = is_true(r);
  if (t < 0) return Value();
  return bool_value(!t);
}

Value object_getattribute_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  return generic_get_attr(args[0], as_str(args[1]), false);
}

// object.__setattr__(x, ...) may not skip a built-in type's own __setattr__ between
// type(x) and object (type.__setattr__ for a metaclass's instances): CPython's hackcheck.
bool setattr_applies(Value self, const char* what) {
  for (TypeObject* b = type_of(self); b && b != ObjectType; b = b->base) {
    if (has(b, TypeFlag::HeapType)) continue;
    if (!dict_get_str(b->dict, names::dunder_setattr).is_empty_slot()) {
      raise_fmt(TypeErrorType, "can't apply this %s to %s object", what, type_name(self));
      return false;
    }
  }
  return true;
}

Value object_setattr_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 3 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  if (!setattr_applies(args[0], "__setattr__")) return Value();
  return generic_set_attr(args[0], as_str(args[1]), args[2]) ? None : Value();
}

Value object_delattr_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  if (!setattr_applies(args[0], "__delattr__")) return Value();
  return generic_set_attr(args[0], as_str(args[1]), Value()) ? None : Value();
}

// type.__setattr__ / __delattr__: the namespace of a class (generic_set_attr knows types).
Value type_setattr_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 3 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  return generic_set_attr(args[0], as_str(args[1]), args[2]) ? None : Value();
}
Value type_delattr_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  return generic_set_attr(args[0], as_str(args[1]), Value()) ? None : Value();
}

Value object_init_subclass_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size)
    return raise_fmt(TypeErrorType, "%s.__init_subclass__() takes no keyword arguments",
                     static_cast<TypeObject*>(args[0].as_obj())->name);
  return None;
}

Value object_format_m(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "format() argument must be str");
  if (as_str(args[1])->nbytes)
    return raise_fmt(TypeErrorType, "unsupported format string passed to %s.__format__", type_name(args[0]));
  return str_of(args[0]);
}

// Adds the names of cls.__dict__ and, recursively, of its bases' dicts to `names`.
bool merge_class_names(DictObject* names_out, Value cls) {
  bool error = false;
  Value d = get_attr_opt(cls, names::dunder_dict, &error);
  if (error) return false;
  if (!d.is_empty_slot() && !dict_update_from(names_out, d)) return false;
  Value bases = get_attr_opt(cls, names::dunder_bases, &error);
  if (error) return false;
  if (bases.is_empty_slot() || !is_tuple(bases)) return true;
  for (int64_t i = 0; i < as_tuple(bases)->size; ++i)
    if (!merge_class_names(names_out, as_tuple(bases)->items[i])) return false;
  return true;
}

Value dict_keys_list(DictObject* d) {
  ListObject* l = new_list(0);
  if (!l) return Value();
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v))
    if (!list_append(l, k)) return Value();
  return Value::from_obj(l);
}

// object.__dir__: the instance dict's names plus those of its class and the class's bases.
Value object_dir_m(Value* args, int64_t, TupleObject*) {
  DictObject* out = new_dict();
  if (!out) return Value();
  bool error = false;
  // The instance's own names; read without `obj.__dict__` (which would move a shaped
  // instance to dict mode) unless a class overrides __dict__.
  TypeObject* t = type_of(args[0]);
  Value dd = type_lookup(t, names::dunder_dict);
  bool plain_dict = dd.is_obj() && dd.as_obj()->type == GetSetDescrType &&
                    static_cast<GetSetObject*>(dd.as_obj())->def ==
                        static_cast<GetSetObject*>(dict_get_str(ObjectType->dict, names::dunder_dict).as_obj())->def;
  if (args[0].is_obj() && t->dict_offset && uses_generic_getattr(t) && plain_dict) {
    if (!instance_attrs_copy_into(args[0].as_obj(), out)) return Value();
  } else {
    Value d = get_attr_opt(args[0], names::dunder_dict, &error);
    if (error) return Value();
    if (!d.is_empty_slot() && is_dict(d) && !dict_update_from(out, d)) return Value();
  }
  Value cls = get_attr_opt(args[0], names::dunder_class, &error);
  if (error) return Value();
  if (!cls.is_empty_slot() && !merge_class_names(out, cls)) return Value();
  return dict_keys_list(out);
}

// type.__dir__: the names of the class and its bases (not the metaclass's).
Value type_dir_m(Value* args, int64_t, TupleObject*) {
  DictObject* out = new_dict();
  if (!out || !merge_class_names(out, args[0])) return Value();
  return dict_keys_list(out);
}

Value object_class(Value self) { return Value::from_obj(type_of(self)); }

// obj.__class__ = C: only between classes (heap types) with the same instance layout.
// The __slots__ members a class itself defines, by name (their storage is in name order).
std::vector<std::string> own_slot_names(TypeObject* t) {
  std::vector<std::string> out;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(t->dict, &pos, &k, &v))
    if (v.is_obj() && v.as_obj()->type == MemberDescrType && static_cast<MemberDescrObject*>(v.as_obj())->owner == t)
      out.emplace_back(as_str(k)->view());
  std::sort(out.begin(), out.end());
  return out;
}
bool same_slot_names(TypeObject* a, TypeObject* b) {
  return has(a, TypeFlag::HeapType) && has(b, TypeFlag::HeapType) && own_slot_names(a) == own_slot_names(b);
}

bool object_class_set(Value self, Value v) {
  if (v.is_empty_slot()) {
    raise_msg(TypeErrorType, "can't delete __class__ attribute");
    return false;
  }
  if (!v.is_obj() || !has(v.as_obj()->type, TypeFlag::TypeSubclass)) {
    raise_fmt(TypeErrorType, "__class__ must be set to a class, not '%s' object", type_name(v));
    return false;
  }
  auto* to = static_cast<TypeObject*>(v.as_obj());
  TypeObject* from = type_of(self);
  bool modules = is_subtype(from, ModuleType) && is_subtype(to, ModuleType);
  if (!self.is_obj() || (!modules && (!has(from, TypeFlag::HeapType) || !has(to, TypeFlag::HeapType)))) {
    raise_msg(TypeErrorType, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return false;
  }
  TypeObject* solid_from = from;
  while (has(solid_from, TypeFlag::HeapType)) solid_from = solid_from->base;
  TypeObject* solid_to = to;
  while (has(solid_to, TypeFlag::HeapType)) solid_to = solid_to->base;
  if (solid_from != solid_to || from->basic_size != to->basic_size || from->dict_offset != to->dict_offset ||
      has(from, TypeFlag::ShapedAttrs) != has(to, TypeFlag::ShapedAttrs)) {
    raise_fmt(TypeErrorType, "__class__ assignment: '%s' object layout differs from '%s'", to->name, from->name);
    return false;
  }
  // The classes that add to the layout must add the same named slots on the same base.
  TypeObject* lay_from = solid_base(from);
  TypeObject* lay_to = solid_base(to);
  if ((!modules && has(from, TypeFlag::WeakrefSlot) != has(to, TypeFlag::WeakrefSlot)) ||
      (lay_from != lay_to && (lay_from->base != lay_to->base || !same_slot_names(lay_from, lay_to)))) {
    raise_fmt(TypeErrorType, "__class__ assignment: '%s' object layout differs from '%s'", to->name, from->name);
    return false;
  }
  if (!instance_attrs_rehome(self.as_obj(), to)) return false;
  self.as_obj()->type = to;
  return true;
}

Value object_subclasshook_m(Value*, int64_t, TupleObject*) { return NotImplemented; }

// type.__prepare__(name, bases, **kw): the plain dict a class body runs in.
Value type_prepare_m(Value*, int64_t, TupleObject*) {
  DictObject* d = new_dict();
  return d ? Value::from_obj(d) : Value();
}

// The __dict__ getset of the nearest built-in base of type(self) that has its own (type's,
// for a class whose metaclass lists a plain class before type): a class's __dict__ goes
// through it, as CPython's subtype_dict does.
Value builtin_dict_descr(Value self) {
  for (TypeObject* b = type_of(self); b && b != ObjectType; b = b->base) {
    if (has(b, TypeFlag::HeapType)) continue;
    Value d = dict_get_str(b->dict, names::dunder_dict);
    if (d.is_obj() && (d.as_obj()->type == GetSetDescrType || d.as_obj()->type == MemberDescrType)) return d;
  }
  return Value();
}

Value object_dict(Value self) {
  Value bd = builtin_dict_descr(self);
  if (!bd.is_empty_slot()) {
    if (bd.as_obj()->type == MemberDescrType) return member_get(static_cast<MemberDescrObject*>(bd.as_obj()), self);
    return static_cast<GetSetObject*>(bd.as_obj())->def->get(self);
  }
  if (!self.is_obj() || !self.as_obj()->type->dict_offset)
    return raise_fmt(AttributeErrorType, "'%s' object has no attribute '__dict__'", type_name(self));
  DictObject* d = instance_dict(self.as_obj());
  return d ? Value::from_obj(d) : Value();
}

// obj.__dict__ = d (any dict); `del obj.__dict__` leaves the instance without attributes.
bool object_dict_set(Value self, Value v) {
  Value bd = builtin_dict_descr(self);
  if (!bd.is_empty_slot() && bd.as_obj()->type == MemberDescrType)
    return member_set(static_cast<MemberDescrObject*>(bd.as_obj()), self, v);
  if (!bd.is_empty_slot()) {
    auto* g = static_cast<GetSetObject*>(bd.as_obj());
    if (g->def->set) return g->def->set(self, v);
    raise_fmt(AttributeErrorType, "attribute '__dict__' of '%s' objects is not writable", g->owner->name);
    return false;
  }
  if (!self.is_obj() || !self.as_obj()->type->dict_offset) {
    raise_fmt(AttributeErrorType, "'%s' object has no attribute '__dict__'", type_name(self));
    return false;
  }
  if (!v.is_empty_slot() && !is_dict(v)) {
    raise_fmt(TypeErrorType, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
    return false;
  }
  if (v.is_empty_slot()) {
    // A dict that a built-in layout provides (functools.partial's) cannot be deleted.
    TypeObject* b = self.as_obj()->type;
    while (b && has(b, TypeFlag::HeapType)) b = b->base;
    if (b && b->dict_offset) {
      raise_msg(TypeErrorType, "cannot delete __dict__");
      return false;
    }
    DictObject* fresh = new_dict();
    if (!fresh) return false;
    instance_dict_assign(self.as_obj(), fresh);
  } else {
    instance_dict_assign(self.as_obj(), as_dict(v));
  }
  return true;
}

// --- type ---

// A class name or docstring must be valid UTF-8 text (no lone surrogates: UnicodeEncodeError)
// and a name has no NUL (ValueError), as CPython checks them; false with the error pending.
bool check_type_text(Value s, bool is_name) {
  if (is_name && as_str(s)->view().find('\0') != std::string_view::npos) {
    raise_msg(ValueErrorType, "type name must not contain null characters");
    return false;
  }
  return !call_method(s, intern("encode"), nullptr, 0).is_empty_slot();
}

Value type_new_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  // type.__new__(meta, name, bases, ns) — also type(x) through call_type.
  if (nargs == 2 && args[0].as_obj() == TypeType) return Value::from_obj(type_of(args[1]));
  if (nargs != 4) return raise_msg(TypeErrorType, "type() takes 1 or 3 arguments");
  auto* meta = static_cast<TypeObject*>(args[0].as_obj());
  if (is_exact(args[2], TupleType)) {
    // The most derived metaclass of the bases wins; its own __new__ takes over.
    Value winner = calculate_metaclass(args[0], as_tuple(args[2]));
    if (winner.is_empty_slot()) return winner;
    if (winner != args[0]) {
      Value wnew = type_lookup(static_cast<TypeObject*>(winner.as_obj()), names::dunder_new);
      if (wnew != type_lookup(TypeType, names::dunder_new)) {
        if (wnew.is_obj() && wnew.as_obj()->type == StaticMethodType)
          wnew = static_cast<ClassMethodObject*>(wnew.as_obj())->func;
        int64_t total = nargs + (kwnames ? kwnames->size : 0);
        std::vector<Value> buf(args, args + total);
        buf[0] = winner;
        return call(wnew, buf.data(), nargs, kwnames);
      }
      meta = static_cast<TypeObject*>(winner.as_obj());
    }
  }
  if (!is_str(args[1])) return raise_fmt(TypeErrorType, "type.__new__() argument 1 must be str, not %s", type_name(args[1]));
  if (!is_exact(args[2], TupleType)) return raise_fmt(TypeErrorType, "type.__new__() argument 2 must be tuple, not %s", type_name(args[2]));
  if (!is_dict(args[3])) return raise_fmt(TypeErrorType, "type.__new__() argument 3 must be dict, not %s", type_name(args[3]));
  // The namespace is copied: later changes to it do not affect the class.
  DictObject* ns = new_dict();
  if (!ns || !dict_update_from(ns, args[3])) return Value();
  if (!check_type_text(args[1], true)) return Value();
  Value doc = dict_get_str(ns, names::dunder_doc);
  if (!doc.is_empty_slot() && is_str(doc) && !check_type_text(doc, false)) return Value();
  if (dict_get_str(ns, names::dunder_module).is_empty_slot()) {
    // As a class statement would: __module__ is the calling code's module name.
    Frame* f = thread_state().frame;
    Value modname = f && f->globals ? dict_get_str(f->globals, names::dunder_name) : Value();
    if (!modname.is_empty_slot() && !dict_set_str(ns, names::dunder_module, modname)) return Value();
  }
  TypeObject* t = new_heap_type(meta, args[1], as_tuple(args[2]), ns);
  if (!t) return Value();
  if (!inherit_collection_kind(t, ns)) return Value();
  // (new_heap_type took __qualname__ and __classcell__ out.) __new__ is implicitly a static
  // method, __init_subclass__ and __class_getitem__ class methods.
  Value nw = dict_get_str(ns, names::dunder_new);
  if (!nw.is_empty_slot() && nw.is_obj() && nw.as_obj()->type == FunctionType) {
    auto* sm = static_cast<ClassMethodObject*>(allocate_object(StaticMethodType, sizeof(ClassMethodObject)));
    sm->func = nw;
    dict_set_str(ns, names::dunder_new, Value::from_obj(sm));
  }
  for (StrObject* implicit : {names::dunder_init_subclass, names::dunder_class_getitem}) {
    Value fn = dict_get_str(ns, implicit);
    if (!fn.is_empty_slot() && fn.is_obj() && fn.as_obj()->type == FunctionType) {
      auto* cm = static_cast<ClassMethodObject*>(allocate_object(ClassMethodType, sizeof(ClassMethodObject)));
      if (!cm) return raise_memory_error();
      cm->func = fn;
      dict_set_str(ns, implicit, Value::from_obj(cm));
    }
  }
  if (!dict_get_str(ns, names::dunder_del).is_empty_slot() || has(t->base, TypeFlag::HasDel)) {
    t->flags = t->flags | TypeFlag::HasDel;
    t->gc_flags = t->gc_flags | GcTypeFlag::kHasPythonFinalizer;
  }
  // A class that defines __eq__ but not __hash__ is unhashable.
  if (!dict_get_str(ns, names::dunder_eq).is_empty_slot() && dict_get_str(ns, names::dunder_hash).is_empty_slot())
    dict_set_str(ns, names::dunder_hash, None);
  // __set_name__ on descriptors, then the parent's __init_subclass__. Over a copy of the
  // namespace, as CPython does: __set_name__ may change the class dict (enum does).
  ListObject* items = new_list(0);
  if (!items) return Value();
  int64_t pos = 0;
  Value k, v;
  while (dict_next(ns, &pos, &k, &v))
    if (!list_append(items, k) || !list_append(items, v)) return Value();
  for (int64_t i = 0; i + 1 < items->size; i += 2) {
    Value key = items->items()[i], val = items->items()[i + 1];
    Value sn = lookup_special(val, names::dunder_set_name);
    if (!sn.is_empty_slot()) {
      Value a2[2] = {Value::from_obj(t), key};
      if (call_special(sn, val, a2, 2).is_empty_slot()) {
        // 3.11 wraps the error in a RuntimeError naming the attribute (raised from it).
        Value cause = take_exception();
        std::string key_repr;
        if (!repr_string(key, &key_repr)) return Value();
        raise_fmt(RuntimeErrorType, "Error calling __set_name__ on '%s' instance %s in '%s'", type_name(val),
                  key_repr.c_str(), t->name);
        Value exc = pending_exception();
        if (is_exception(exc) && is_exception(cause)) {
          as_exception(exc)->cause = cause;
          as_exception(exc)->context = cause;
          as_exception(exc)->suppress_context = true;
        }
        return Value();
      }
    }
  }
  Value sup = new_super_value(Value::from_obj(t), Value::from_obj(t));
  if (sup.is_empty_slot()) return Value();
  Value init_sub = get_attr(sup, names::dunder_init_subclass);
  if (init_sub.is_empty_slot()) return Value();
  Value r = call(init_sub, kwnames ? args + nargs : nullptr, 0, kwnames);
  if (r.is_empty_slot()) return r;
  type_modified(t);
  return Value::from_obj(t);
}

Value type_init_m(Value*, int64_t, TupleObject*) { return None; }

Value type_call_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  return call_type_default(args[0], args + 1, nargs - 1, kwnames);
}

// type.mro(): the C3 linearisation of the current bases (what a custom mro() extends).
Value type_mro_m(Value* args, int64_t, TupleObject*) {
  auto* t = static_cast<TypeObject*>(args[0].as_obj());
  TupleObject* mro = t->mro;
  if (has(t, TypeFlag::HeapType)) {
    mro = compute_mro(t, t->bases);
    if (!mro) return Value();
  }
  ListObject* l = new_list(mro->size);
  if (!l) return Value();
  for (int64_t i = 0; i < mro->size; ++i) l->items()[i] = mro->items[i];
  return Value::from_obj(l);
}

Value type_subclasses_m(Value* args, int64_t, TupleObject*) {
  auto* t = static_cast<TypeObject*>(args[0].as_obj());
  ListObject* l = new_list(0);
  if (t->subclasses) {
    auto* subs = static_cast<ListObject*>(t->subclasses);
    for (int64_t i = 0; i < subs->size; ++i) list_append(l, subs->items()[i]);
  }
  return Value::from_obj(l);
}

Value type_name_get(Value self) { return Value::from_obj(static_cast<TypeObject*>(self.as_obj())->name_obj); }
bool type_name_set(Value self, Value v) {
  if (!is_str(v)) {
    raise_fmt(TypeErrorType, "can only assign string to %s.__name__, not '%s'", static_cast<TypeObject*>(self.as_obj())->name, type_name(v));
    return false;
  }
  if (!check_type_text(v, true)) return false;
  static_cast<TypeObject*>(self.as_obj())->name_obj = as_str(v);
  return true;
}
Value type_qualname_get(Value self) { return Value::from_obj(static_cast<TypeObject*>(self.as_obj())->qualname); }
bool type_qualname_set(Value self, Value v) {
  if (!is_str(v)) {
    raise_msg(TypeErrorType, "can only assign string to __qualname__");
    return false;
  }
  static_cast<TypeObject*>(self.as_obj())->qualname = as_str(v);
  return true;
}
// None while the class's mro() is still running.
Value type_mro_get(Value self) {
  TupleObject* mro = static_cast<TypeObject*>(self.as_obj())->mro;
  return mro ? Value::from_obj(mro) : None;
}

// __itemsize__: the per-item size CPython's variable-size layouts report (a tuple's item is
// a pointer, an int's a 30-bit digit in 4 bytes, bytes' a byte); 0 for fixed-size types.
Value type_itemsize_get(Value self) {
  auto* t = static_cast<TypeObject*>(self.as_obj());
  if (is_subtype(t, TupleType)) return Value::from_small_int(8);
  if (is_subtype(t, IntType)) return Value::from_small_int(4);
  if (is_subtype(t, BytesType)) return Value::from_small_int(1);
  if (is_subtype(t, TypeType)) return Value::from_small_int(40);
  return Value::from_small_int(0);
}
Value type_bases_get(Value self) { return Value::from_obj(static_cast<TypeObject*>(self.as_obj())->bases); }
bool type_bases_set(Value self, Value v) { return type_set_bases(static_cast<TypeObject*>(self.as_obj()), v); }
Value type_base_get(Value self) {
  TypeObject* b = static_cast<TypeObject*>(self.as_obj())->base;
  return b ? Value::from_obj(b) : None;
}
// A read-only view: the namespace changes only through setattr, which moves version tags.
Value type_dict_get(Value self) { return new_mapping_proxy(Value::from_obj(static_cast<TypeObject*>(self.as_obj())->dict)); }
Value type_module_get(Value self) {
  auto* t = static_cast<TypeObject*>(self.as_obj());
  if (has(t, TypeFlag::HeapType)) {
    Value m = dict_get_str(t->dict, names::dunder_module);
    if (!m.is_empty_slot()) return m;
  }
  std::string_view full = t->name;
  size_t dot = full.rfind('.');
  return str_value(dot == std::string_view::npos ? "builtins" : full.substr(0, dot));
}
// C.__module__ = m: kept in the class's namespace (CPython's type_set_module).
bool type_module_set(Value self, Value v) {
  auto* t = static_cast<TypeObject*>(self.as_obj());
  if (!has(t, TypeFlag::HeapType) || v.is_empty_slot()) {
    raise_fmt(TypeErrorType, "cannot %s '__module__' attribute of immutable type '%s'",
              v.is_empty_slot() ? "delete" : "set", t->name);
    return false;
  }
  return type_set_attr_raw(t, names::dunder_module, v);
}

// A class's __doc__ may be a descriptor in its namespace: it is asked with no instance.
Value type_doc_get(Value self) {
  auto* t = static_cast<TypeObject*>(self.as_obj());
  Value d = dict_get_str(t->dict, names::dunder_doc);
  if (d.is_empty_slot()) return None;
  if (has(t, TypeFlag::HeapType) && d.is_obj()) {
    Value get = type_lookup(type_of(d), names::dunder_get);
    if (!get.is_empty_slot()) {
      Value args[3] = {d, None, self};
      return call(get, args, 3);
    }
  }
  return d;
}
bool type_doc_set(Value self, Value v) {
  auto* t = static_cast<TypeObject*>(self.as_obj());
  if (!has(t, TypeFlag::HeapType) || v.is_empty_slot()) {
    raise_fmt(TypeErrorType, "cannot %s '__doc__' attribute of immutable type '%s'", v.is_empty_slot() ? "delete" : "set",
              t->name);
    return false;
  }
  return type_set_attr_raw(t, names::dunder_doc, v);
}

// type.__annotations__: a class's own annotations, never a base's; a class without any
// gets an empty dict stored in its namespace (so later class-level reads see it).
Value type_annotations_get(Value self) {
  auto* t = static_cast<TypeObject*>(self.as_obj());
  if (!has(t, TypeFlag::HeapType))
    return raise_fmt(AttributeErrorType, "type object '%s' has no attribute '__annotations__'", t->name);
  Value a = dict_get_str(t->dict, names::dunder_annotations);
  if (a.is_empty_slot()) {
    DictObject* d = new_dict();
    if (!d || !type_set_attr_raw(t, names::dunder_annotations, Value::from_obj(d))) return Value();
    return Value::from_obj(d);
  }
  Value get = type_lookup(type_of(a), names::dunder_get);
  if (get.is_empty_slot()) return a;
  Value args[3] = {a, None, self};
  return call(get, args, 3);
}
bool type_annotations_set(Value self, Value v) {
  auto* t = static_cast<TypeObject*>(self.as_obj());
  if (has(t, TypeFlag::Immutable)) {
    raise_fmt(TypeErrorType, "cannot set '__annotations__' attribute of immutable type '%s'", t->name);
    return false;
  }
  if (v.is_empty_slot() && dict_get_str(t->dict, names::dunder_annotations).is_empty_slot()) {
    raise_msg(AttributeErrorType, "__annotations__");
    return false;
  }
  return type_set_attr_raw(t, names::dunder_annotations, v);
}

const NativeMethodDef kObjectMethods[] = {
    {"__new__", object_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", object_init},
    {"__repr__", object_repr_m},
    {"__str__", object_str_m},
    {"__hash__", object_hash_m},
    {"__eq__", object_eq_m},
    {"__ne__", object_ne_m},
    {"__getattribute__", object_getattribute_m},
    {"__setattr__", object_setattr_m},
    {"__delattr__", object_delattr_m},
    {"__init_subclass__", object_init_subclass_m, NativeMethodDef::Kind::ClassMethod},
    {"__format__", object_format_m},
    {"__dir__", object_dir_m},
    {"__subclasshook__", object_subclasshook_m, NativeMethodDef::Kind::ClassMethod},
};
const NativeGetSetDef kObjectGetSets[] = {
    {"__class__", object_class, object_class_set},
    {"__dict__", object_dict, object_dict_set, "dictionary for instance variables (if defined)"},
};
const NativeMethodDef kTypeMethods[] = {
    {"__new__", type_new_m, NativeMethodDef::Kind::StaticMethod},
    {"__init__", type_init_m},
    {"__call__", type_call_m},
    {"__setattr__", type_setattr_m},
    {"__delattr__", type_delattr_m},
    {"mro", type_mro_m},
    {"__subclasses__", type_subclasses_m},
    {"__dir__", type_dir_m},
    {"__prepare__", type_prepare_m, NativeMethodDef::Kind::ClassMethod},
};
// cls.__abstractmethods__ (what abc sets): kept in the class dict; a non-empty value marks the
// class abstract, so object.__new__ refuses it, as CPython's type_set_abstractmethods.
Value type_abstract_get(Value self) {
  auto* t = static_cast<TypeObject*>(self.as_obj());
  Value v = t == TypeType ? Value() : dict_get_str(t->dict, intern("__abstractmethods__"));
  if (v.is_empty_slot()) return raise_msg(AttributeErrorType, "__abstractmethods__");
  return v;
}
bool type_abstract_set(Value self, Value v) {
  auto* t = static_cast<TypeObject*>(self.as_obj());
  bool abstract = false;
  if (v.is_empty_slot()) {
    int r = t == TypeType ? 0 : dict_del(t->dict, Value::from_obj(intern("__abstractmethods__")));
    if (r < 0) return false;
    if (r == 0) {
      raise_msg(AttributeErrorType, "__abstractmethods__");
      return false;
    }
  } else {
    int truth = is_true(v);
    if (truth < 0 || !dict_set_str(t->dict, intern("__abstractmethods__"), v)) return false;
    abstract = truth != 0;
  }
  type_modified(t);
  t->flags = abstract ? t->flags | TypeFlag::IsAbstract
                      : static_cast<TypeFlag>(static_cast<uint32_t>(t->flags) & ~static_cast<uint32_t>(TypeFlag::IsAbstract));
  return true;
}

const NativeGetSetDef kTypeGetSets[] = {
    {"__abstractmethods__", type_abstract_get, type_abstract_set},
    {"__name__", type_name_get, type_name_set},
    {"__qualname__", type_qualname_get, type_qualname_set},
    {"__mro__", type_mro_get},
    {"__bases__", type_bases_get, type_bases_set},
    {"__base__", type_base_get},
    {"__itemsize__", type_itemsize_get},
    {"__dict__", type_dict_get},
    {"__module__", type_module_get, type_module_set},
    {"__doc__", type_doc_get, type_doc_set},
    {"__annotations__", type_annotations_get, type_annotations_set},
};

// Instances of object and of classes built on it: the type's own size (a class adds its
// dict and slots), zeroed.
Object* object_alloc(TypeObject* type) {
  Object* o = allocate_object(type, std::max<size_t>(type->basic_size, sizeof(Object)));
  if (!o) raise_memory_error();
  return o;
}

}  // namespace

void init_type_attrs();  // type_attrs.cpp

void init_object_and_type_methods() {
  ObjectType->alloc = object_alloc;
  // A metaclass's instances are type objects: their extra words (dict, slots) follow the
  // whole TypeObject, never overlap it.
  TypeType->basic_size = sizeof(TypeObject);
  add_methods(ObjectType, kObjectMethods);
  add_getsets(ObjectType, kObjectGetSets);
  init_object_reduce();
  dict_set_str(ObjectType->dict, names::dunder_doc,
               str_value("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a "
                         "new featureless\ninstance that has no instance attributes and cannot be given any.\n"));
  if (dict_get_str(TypeType->dict, names::dunder_doc).is_empty_slot()) dict_set_str(TypeType->dict, names::dunder_doc, None);
  add_methods(TypeType, kTypeMethods);
  add_getsets(TypeType, kTypeGetSets);
  init_type_attrs();
}

}  // namespace coil::rt
