// super.cpp — super(): explicit super(C, obj) and zero-argument super() through the
// frame's first argument and its __class__ cell.
#include "runtime/super.h"

#include "runtime/abstract.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/frame.h"
#include "runtime/native_module.h"
#include "runtime/names.h"
#include "runtime/new_wrapper.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

void visit_super(Object* self, Visitor& v) {
  auto* s = static_cast<SuperObject*>(self);
  v.visit(s->type);
  v.visit(s->obj);
  v.visit(s->obj_type);
}

bool is_type_value(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::TypeSubclass); }

// PyType_IsSubtype exactly: membership in a's MRO (a custom mro() may leave a out of its
// own), the __base__ chain while the MRO is not computed yet.
bool in_mro(TypeObject* a, TypeObject* b) {
  if (!a->mro) return is_subtype(a, b);
  for (int64_t i = 0; i < a->mro->size; ++i)
    if (a->mro->items[i].as_obj() == b) return true;
  return false;
}

Value super_check(Value type, Value obj) {
  auto* t = static_cast<TypeObject*>(type.as_obj());
  if (is_type_value(obj) && in_mro(static_cast<TypeObject*>(obj.as_obj()), t)) return obj;
  if (in_mro(type_of(obj), t)) return Value::from_obj(type_of(obj));
  // A proxy may claim a class through its __class__ attribute.
  bool error = false;
  Value cls = get_attr_opt(obj, names::dunder_class, &error);
  if (error) return Value();
  if (is_type_value(cls) && cls.as_obj() != type_of(obj) && is_subtype(static_cast<TypeObject*>(cls.as_obj()), t))
    return cls;
  return raise_msg(TypeErrorType, "super(type, obj): obj must be an instance or subtype of type");
}

Value super_init_args(Value* args, int64_t nargs, Value* type, Value* obj) {
  if (nargs >= 2) {
    *type = args[0];
    *obj = args[1];
    return None;
  }
  if (nargs == 1) {
    *type = args[0];
    *obj = Value();
    return None;
  }
  // Zero arguments: the calling function's first argument and its __class__ cell.
  Frame* f = thread_state().frame;
  if (!f || !f->code) return raise_msg(RuntimeErrorType, "super(): no current frame");
  CodeObject* code = f->code;
  if (code->argcount == 0 && !(code->flags & fe::coflag::VARARGS))
    return raise_msg(RuntimeErrorType, "super(): no arguments");
  Value first = f->slots[0];
  // The first argument may have been moved into a cell.
  for (int64_t i = 0; i < code->cellvars->size; ++i) {
    if (str_equal(as_str(code->cellvars->items[i]), as_str(code->varnames->items[0]))) {
      Value cell = f->slots[code->nlocals + i];
      if (cell.is_obj() && cell.as_obj()->type == CellType) first = static_cast<CellObject*>(cell.as_obj())->contents;
    }
  }
  if (first.is_empty_slot()) return raise_msg(RuntimeErrorType, "super(): arg[0] deleted");
  int64_t nc = code->cellvars->size;
  for (int64_t i = 0; i < code->freevars->size; ++i) {
    if (as_str(code->freevars->items[i])->view() == "__class__") {
      Value cell = f->slots[code->nlocals + nc + i];
      Value cls = static_cast<CellObject*>(cell.as_obj())->contents;
      if (cls.is_empty_slot()) return raise_msg(RuntimeErrorType, "super(): empty __class__ cell");
      if (!is_type_value(cls)) return raise_msg(RuntimeErrorType, "super(): __class__ is not a type");
      *type = cls;
      *obj = first;
      return None;
    }
  }
  return raise_msg(RuntimeErrorType, "super(): __class__ cell not found");
}

Value super_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "super() takes no keyword arguments");
  if (nargs - 1 > 2)
    return raise_fmt(TypeErrorType, "super() expected at most 2 arguments, got %lld", static_cast<long long>(nargs - 1));
  Value type, obj;
  if (super_init_args(args + 1, nargs - 1, &type, &obj).is_empty_slot()) return Value();
  if (!is_type_value(type))
    return raise_fmt(TypeErrorType, "super() argument 1 must be a type, not %s", type_name(type));
  // A subclass of super gets an instance of itself (with its attribute storage).
  auto* cls = static_cast<TypeObject*>(args[0].as_obj());
  Value ot = None;
  if (!obj.is_empty_slot()) {
    ot = super_check(type, obj);
    if (ot.is_empty_slot()) return ot;
  } else {
    obj = None;
  }
  auto* s = static_cast<SuperObject*>(cls == SuperType ? allocate_object(SuperType, sizeof(SuperObject)) : cls->alloc(cls));
  if (!s) return raise_memory_error();
  s->type = type;
  s->obj = obj;
  s->obj_type = ot;
  return Value::from_obj(s);
}

Value super_init(Value*, int64_t, TupleObject*) { return None; }

// An unbound super(C) stored on a class binds to the instance it is read through
// (`self.__super.meth()`); a subclass of super is rebuilt through its own constructor.
Value super_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__get__", nargs - 1, kwnames, 1, 2)) return Value();
  auto* s = static_cast<SuperObject*>(args[0].as_obj());
  Value obj = args[1];
  if (obj == None || s->obj != None) return args[0];
  if (type_of(args[0]) != SuperType) return call2(Value::from_obj(type_of(args[0])), s->type, obj);
  return new_super_value(s->type, obj);
}

Value super_getattribute(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  return super_get_attr(args[0], as_str(args[1]));
}

}  // namespace

Value super_find_method(Value self, StrObject* name, Value* inst) {
  auto* s = static_cast<SuperObject*>(self.as_obj());
  if (s->obj_type == None || s->obj == s->obj_type || !has(s->type.as_obj()->type, TypeFlag::TypeSubclass)) return Value();
  auto* start = static_cast<TypeObject*>(s->type.as_obj());
  TupleObject* mro = static_cast<TypeObject*>(s->obj_type.as_obj())->mro;
  if (!mro) return Value();
  int64_t i = 0;
  while (i < mro->size && mro->items[i].as_obj() != start) ++i;
  for (++i; i < mro->size; ++i) {
    Value v = dict_get_str(static_cast<TypeObject*>(mro->items[i].as_obj())->dict, name);
    if (v.is_empty_slot()) continue;
    if (!v.is_obj() || v.as_obj()->type != FunctionType) return Value();
    *inst = s->obj;
    return v;
  }
  return Value();
}

Value super_get_attr(Value self, StrObject* name) {
  auto* s = static_cast<SuperObject*>(self.as_obj());
  if (s->obj_type != None && name->view() != "__class__") {
    auto* start = static_cast<TypeObject*>(s->type.as_obj());
    auto* ot = static_cast<TypeObject*>(s->obj_type.as_obj());
    TupleObject* mro = ot->mro;
    int64_t i = 0;
    int64_t n = mro ? mro->size : 0;  // a class whose MRO is still being computed
    while (i < n && mro->items[i].as_obj() != start) ++i;
    for (++i; i < n; ++i) {
      auto* t = static_cast<TypeObject*>(mro->items[i].as_obj());
      Value v = dict_get_str(t->dict, name);
      if (v.is_empty_slot()) continue;
      // Bind like a descriptor found on the type: obj is the instance, or None for a class.
      Value inst = s->obj == s->obj_type ? Value() : s->obj;
      if (v.is_obj()) {
        TypeObject* vt = v.as_obj()->type;
        if (vt == FunctionType) return inst.is_empty_slot() ? v : bind_descriptor(v, inst);
        if (vt == MethodDescrType) {
          auto* md = static_cast<MethodDescrObject*>(v.as_obj());
          if (md->is_static || md->is_classmethod) {
            NativeFunctionObject* f =
                md->is_static ? bind_static_native(md) : new_native_function(md->name, md->fn, s->obj_type, Value());
            return f ? Value::from_obj(f) : Value();
          }
          return inst.is_empty_slot() ? v : bind_descriptor(v, inst);
        }
        if (vt == ClassMethodType) return classmethod_bind(static_cast<ClassMethodObject*>(v.as_obj())->func, s->obj_type);
        if (vt == StaticMethodType) return static_cast<ClassMethodObject*>(v.as_obj())->func;
        if (vt == GetSetDescrType) {  // super().family on a native type's computed attribute
          auto* gs = static_cast<GetSetObject*>(v.as_obj());
          return inst.is_empty_slot() ? v : gs->def->get(inst);
        }
        Value get = type_lookup(vt, names::dunder_get);
        if (!get.is_empty_slot()) {
          Value a3[3] = {v, inst.is_empty_slot() ? None : inst, s->obj_type};
          return call(get, a3, 3);
        }
      }
      return v;
    }
  }
  return generic_get_attr(self, name, false);
}

namespace {

Value super_repr(Value* args, int64_t, TupleObject*) {
  auto* s = static_cast<SuperObject*>(args[0].as_obj());
  std::string out = "<super: <class '" + std::string(static_cast<TypeObject*>(s->type.as_obj())->name) + "'>, ";
  if (s->obj_type == None) return str_value(out + "NULL>");
  return str_value(out + "<" + static_cast<TypeObject*>(s->obj_type.as_obj())->name + " object>>");
}

Value super_thisclass(Value self) { return static_cast<SuperObject*>(self.as_obj())->type; }
Value super_self(Value self) { return static_cast<SuperObject*>(self.as_obj())->obj; }
Value super_self_class(Value self) { return static_cast<SuperObject*>(self.as_obj())->obj_type; }

const NativeGetSetDef kSuperGetSets[] = {
    {"__thisclass__", super_thisclass},
    {"__self__", super_self},
    {"__self_class__", super_self_class},
};

const NativeMethodDef kSuperMethods[] = {
    {"__new__", super_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", super_init},
    {"__getattribute__", super_getattribute},
    {"__get__", super_get_m},
    {"__repr__", super_repr},
};

}  // namespace

Value new_super_value(Value type, Value obj) {
  Value ot = super_check(type, obj);
  if (ot.is_empty_slot()) return ot;
  auto* s = static_cast<SuperObject*>(allocate_object(SuperType, sizeof(SuperObject)));
  if (!s) return raise_memory_error();
  s->type = type;
  s->obj = obj;
  s->obj_type = ot;
  return Value::from_obj(s);
}

void init_super_type() {
  finish_builtin_type(SuperType, sizeof(SuperObject), nullptr, visit_super);
  add_methods(SuperType, kSuperMethods);
  add_getsets(SuperType, kSuperGetSets);
}

}  // namespace coil::rt
