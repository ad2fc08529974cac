// function_attrs.cpp — the Python-visible attributes and methods of functions, code
// objects, cells, bound methods, built-in functions and method descriptors (__name__,
// __defaults__, co_varnames, cell_contents, __self__, __get__, reprs, method equality).
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_set>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/descriptors.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/new_wrapper.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

extern DictObject* g_sys_modules;

namespace {

FunctionObject* as_func(Value v) { return static_cast<FunctionObject*>(v.as_obj()); }
CodeObject* as_code(Value v) { return static_cast<CodeObject*>(v.as_obj()); }
MethodObject* as_method(Value v) { return static_cast<MethodObject*>(v.as_obj()); }
NativeFunctionObject* as_native(Value v) { return static_cast<NativeFunctionObject*>(v.as_obj()); }
MethodDescrObject* as_mdescr(Value v) { return static_cast<MethodDescrObject*>(v.as_obj()); }

Value obj_or_none(Object* o) { return o ? Value::from_obj(o) : None; }

std::string address(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%#llx", static_cast<unsigned long long>(v.bits()));
  return buf;
}

// --- function ---

bool set_str_field(Value v, StrObject** field, const char* what) {
  if (v.is_empty_slot() || !is_str(v)) {
    raise_fmt(TypeErrorType, "%s must be set to a string object", what);
    return false;
  }
  *field = as_str(v);
  return true;
}

Value func_name(Value self) { return Value::from_obj(as_func(self)->name); }
bool func_name_set(Value self, Value v) { return set_str_field(v, &as_func(self)->name, "__name__"); }
Value func_qualname(Value self) { return Value::from_obj(as_func(self)->qualname); }
bool func_qualname_set(Value self, Value v) { return set_str_field(v, &as_func(self)->qualname, "__qualname__"); }
Value func_doc(Value self) { return as_func(self)->doc.is_empty_slot() ? None : as_func(self)->doc; }
bool func_doc_set(Value self, Value v) {
  as_func(self)->doc = v.is_empty_slot() ? None : v;
  return true;
}
Value func_module(Value self) { return as_func(self)->module.is_empty_slot() ? None : as_func(self)->module; }
bool func_module_set(Value self, Value v) {
  as_func(self)->module = v.is_empty_slot() ? None : v;
  return true;
}
Value func_defaults(Value self) { return obj_or_none(as_func(self)->defaults); }
bool func_defaults_set(Value self, Value v) {
  FunctionObject* f = as_func(self);
  if (v.is_empty_slot() || v == None) {
    f->defaults = nullptr;
  } else if (is_exact(v, TupleType)) {
    f->defaults = as_tuple(v);
  } else {
    raise_msg(TypeErrorType, "__defaults__ must be set to a tuple object");
    return false;
  }
  ++f->version;
  return true;
}
Value func_kwdefaults(Value self) { return obj_or_none(as_func(self)->kwdefaults); }
bool func_kwdefaults_set(Value self, Value v) {
  FunctionObject* f = as_func(self);
  if (v.is_empty_slot() || v == None) {
    f->kwdefaults = nullptr;
  } else if (is_dict(v)) {
    f->kwdefaults = as_dict(v);
  } else {
    raise_msg(TypeErrorType, "__kwdefaults__ must be set to a dict object");
    return false;
  }
  ++f->version;
  return true;
}
Value func_code(Value self) { return Value::from_obj(as_func(self)->code); }
bool func_code_set(Value self, Value v) {
  FunctionObject* f = as_func(self);
  if (v.is_empty_slot() || !v.is_obj() || v.as_obj()->type != CodeType) {
    raise_msg(TypeErrorType, "__code__ must be set to a code object");
    return false;
  }
  int64_t nfree = as_code(v)->freevars->size;
  int64_t nclosure = f->closure ? f->closure->size : 0;
  if (nfree != nclosure) {
    raise_fmt(ValueErrorType, "%s() requires a code object with %lld free vars, not %lld", f->name->data,
              static_cast<long long>(nclosure), static_cast<long long>(nfree));
    return false;
  }
  f->code = as_code(v);
  ++f->version;
  return true;
}
Value func_builtins(Value self) {
  FunctionObject* f = as_func(self);
  return Value::from_obj(f->builtins ? f->builtins : builtins_dict());
}
Value func_closure(Value self) { return obj_or_none(as_func(self)->closure); }
Value func_annotations(Value self) {
  FunctionObject* f = as_func(self);
  if (!f->annotations) f->annotations = new_dict();
  return obj_or_none(f->annotations);
}
bool func_annotations_set(Value self, Value v) {
  FunctionObject* f = as_func(self);
  if (v.is_empty_slot() || v == None) {
    f->annotations = nullptr;
  } else if (is_dict(v)) {
    f->annotations = as_dict(v);
  } else {
    raise_msg(TypeErrorType, "__annotations__ must be set to a dict object");
    return false;
  }
  return true;
}
Value func_dict(Value self) {
  FunctionObject* f = as_func(self);
  if (!f->dict) f->dict = new_dict();
  return obj_or_none(f->dict);
}
bool func_dict_set(Value self, Value v) {
  if (v.is_empty_slot()) {
    raise_msg(TypeErrorType, "cannot delete __dict__");
    return false;
  }
  if (!is_dict(v)) {
    raise_fmt(TypeErrorType, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
    return false;
  }
  as_func(self)->dict = as_dict(v);
  return true;
}

// f.__get__(obj, type): a bound method, or f itself when obj is None.
Value func_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__get__", nargs - 1, kwnames, 1, 2)) return Value();
  if (args[1] == None) return args[0];
  MethodObject* m = new_method(args[0], args[1]);
  return m ? Value::from_obj(m) : Value();
}

Value func_call_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  return call(args[0], args + 1, nargs - 1, kwnames);
}

Value func_repr_m(Value* args, int64_t, TupleObject*) { return repr(args[0]); }

const NativeGetSetDef kFunctionGetSets[] = {
    {"__name__", func_name, func_name_set},
    {"__qualname__", func_qualname, func_qualname_set},
    {"__doc__", func_doc, func_doc_set},
    {"__module__", func_module, func_module_set},
    {"__defaults__", func_defaults, func_defaults_set},
    {"__kwdefaults__", func_kwdefaults, func_kwdefaults_set},
    {"__code__", func_code, func_code_set},
    {"__builtins__", func_builtins},
    {"__closure__", func_closure},
    {"__annotations__", func_annotations, func_annotations_set},
    {"__dict__", func_dict, func_dict_set},
};
const NativeMethodDef kFunctionMethods[] = {
    {"__get__", func_get_m},
    {"__call__", func_call_m},
    {"__repr__", func_repr_m},
};

// --- code ---

Value code_int(int64_t v) { return int_from_int64(v); }
Value co_name(Value self) { return Value::from_obj(as_code(self)->name); }
Value co_qualname(Value self) { return Value::from_obj(as_code(self)->qualname); }
Value co_filename(Value self) { return Value::from_obj(as_code(self)->filename); }
Value co_firstlineno(Value self) { return code_int(as_code(self)->firstlineno); }
Value co_argcount(Value self) { return code_int(as_code(self)->argcount); }
Value co_posonlyargcount(Value self) { return code_int(as_code(self)->posonlyargcount); }
Value co_kwonlyargcount(Value self) { return code_int(as_code(self)->kwonlyargcount); }
Value co_nlocals(Value self) { return code_int(as_code(self)->nlocals); }
Value co_stacksize(Value self) { return code_int(as_code(self)->stacksize); }
Value co_flags(Value self) { return code_int(as_code(self)->flags); }
Value co_varnames(Value self) { return Value::from_obj(as_code(self)->varnames); }
Value co_cellvars(Value self) { return Value::from_obj(as_code(self)->cellvars); }
Value co_freevars(Value self) { return Value::from_obj(as_code(self)->freevars); }
Value co_names(Value self) { return Value::from_obj(as_code(self)->names); }
Value co_consts(Value self) { return Value::from_obj(as_code(self)->consts); }
// Coil's own instruction words (not CPython's bytecode): opaque bytes.
Value co_code(Value self) {
  CodeObject* c = as_code(self);
  BytesObject* b = new_bytes(std::string_view(reinterpret_cast<const char*>(c->code), c->ncode * sizeof(uint32_t)));
  return b ? Value::from_obj(b) : Value();
}

// co_positions(): (line, end_line, col, end_col) per code unit, None where unknown. A code
// unit counts as 2 bytes of "bytecode" (f_lasti / tb_lasti are 2 * unit index), so
// positions[tb_lasti // 2] is the instruction's, as the traceback module expects.
Value code_positions_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1 || (kwnames && kwnames->size)) return raise_msg(TypeErrorType, "co_positions() takes no arguments");
  CodeObject* c = as_code(args[0]);
  const auto& pos = c->unit->positions;
  TupleObject* out = new_tuple(static_cast<int64_t>(pos.size()));
  if (!out) return Value();
  auto opt = [](int v, bool line) { return (line ? v <= 0 : v < 0) ? None : Value::from_small_int(v); };
  for (size_t i = 0; i < pos.size(); ++i) {
    const fe::Position& p = pos[i];
    TupleObject* t = tuple_of({opt(p.line, true), opt(p.end_line, true), opt(p.col, false), opt(p.end_col, false)});
    if (!t) return Value();
    out->items[i] = Value::from_obj(t);
  }
  return get_iter(Value::from_obj(out));
}

// co_lines(): (start, end, line) byte ranges (2 bytes per code unit) of equal lines.
Value code_lines_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1 || (kwnames && kwnames->size)) return raise_msg(TypeErrorType, "co_lines() takes no arguments");
  CodeObject* c = as_code(args[0]);
  const auto& pos = c->unit->positions;
  ListObject* out = new_list(0);
  if (!out) return Value();
  size_t i = 0;
  while (i < pos.size()) {
    size_t j = i + 1;
    while (j < pos.size() && pos[j].line == pos[i].line) ++j;
    Value line = pos[i].line > 0 ? Value::from_small_int(pos[i].line) : None;
    TupleObject* t = tuple_of({Value::from_small_int(2 * static_cast<int64_t>(i)), Value::from_small_int(2 * static_cast<int64_t>(j)), line});
    if (!t || !list_append(out, Value::from_obj(t))) return Value();
    i = j;
  }
  return get_iter(Value::from_obj(out));
}

// code.replace(**changes): a copy with co_flags, co_name, co_qualname, co_filename or
// co_firstlineno changed (types.coroutine sets CO_ITERABLE_COROUTINE this way). Coil's
// instructions are its own, so the other fields can only be "replaced" by equal values.
Value code_replace_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1) return raise_fmt(TypeErrorType, "replace() takes no positional arguments");
  CodeObject* old = as_code(args[0]);
  CodeObject* c = code_from_unit(old->unit);
  if (!c) return Value();
  c->flags = old->flags;
  c->name = old->name;
  c->qualname = old->qualname;
  c->filename = old->filename;
  c->firstlineno = old->firstlineno;
  int64_t nkw = kwnames ? kwnames->size : 0;
  for (int64_t i = 0; i < nkw; ++i) {
    std::string key(as_str(kwnames->items[i])->view());
    Value v = args[nargs + i];
    auto need_int = [&](int32_t* field) {
      if (!is_int(v)) {
        raise_fmt(TypeErrorType, "replace() argument '%s' must be int, not %s", key.c_str(), type_name(v));
        return false;
      }
      int64_t n = 0;
      if (!int_to_int64(v, &n)) return false;
      *field = static_cast<int32_t>(n);
      return true;
    };
    auto need_str = [&](StrObject** field) {
      if (!is_exact(v, StrType)) {
        raise_fmt(TypeErrorType, "replace() argument '%s' must be str, not %s", key.c_str(), type_name(v));
        return false;
      }
      *field = as_str(v);
      return true;
    };
    bool ok;
    if (key == "co_flags") {
      int32_t f = 0;
      ok = need_int(&f);
      c->flags = static_cast<uint32_t>(f);
    } else if (key == "co_firstlineno") {
      ok = need_int(&c->firstlineno);
    } else if (key == "co_name") {
      ok = need_str(&c->name);
    } else if (key == "co_qualname") {
      ok = need_str(&c->qualname);
    } else if (key == "co_filename") {
      ok = need_str(&c->filename);
    } else {
      Value cur = get_attr(args[0], as_str(kwnames->items[i]));
      if (cur.is_empty_slot()) {
        clear_exception();
        return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for replace()", key.c_str());
      }
      int eq = equal(cur, v);
      if (eq < 0) return Value();
      if (!eq) return raise_fmt(ValueErrorType, "code.replace(): Coil cannot change %s", key.c_str());
      ok = true;
    }
    if (!ok) return Value();
  }
  return Value::from_obj(c);
}

Value code_repr_m(Value* args, int64_t, TupleObject*) {
  CodeObject* c = as_code(args[0]);
  std::string out = "<code object " + std::string(c->name->view()) + " at " + address(args[0]) + ", file \"" +
                    std::string(c->filename->view()) + "\", line " + std::to_string(c->firstlineno) + ">";
  return str_value(out);
}

const NativeGetSetDef kCodeGetSets[] = {
    {"co_name", co_name},
    {"co_qualname", co_qualname},
    {"co_filename", co_filename},
    {"co_firstlineno", co_firstlineno},
    {"co_argcount", co_argcount},
    {"co_posonlyargcount", co_posonlyargcount},
    {"co_kwonlyargcount", co_kwonlyargcount},
    {"co_nlocals", co_nlocals},
    {"co_stacksize", co_stacksize},
    {"co_flags", co_flags},
    {"co_varnames", co_varnames},
    {"co_cellvars", co_cellvars},
    {"co_freevars", co_freevars},
    {"co_names", co_names},
    {"co_consts", co_consts},
    {"co_code", co_code},
};
const NativeMethodDef kCodeMethods[] = {
    {"__repr__", code_repr_m},
    {"co_positions", code_positions_m},
    {"replace", code_replace_m},
    {"co_lines", code_lines_m},
};

// --- cell ---

Value cell_contents(Value self) {
  Value v = static_cast<CellObject*>(self.as_obj())->contents;
  if (v.is_empty_slot()) return raise_msg(ValueErrorType, "Cell is empty");
  return v;
}
bool cell_contents_set(Value self, Value v) {
  auto* c = static_cast<CellObject*>(self.as_obj());
  if (v.is_empty_slot() && c->contents.is_empty_slot()) {
    raise_msg(ValueErrorType, "Cell is empty");
    return false;
  }
  c->contents = v;
  return true;
}

Value cell_repr_m(Value* args, int64_t, TupleObject*) {
  Value v = static_cast<CellObject*>(args[0].as_obj())->contents;
  std::string out = "<cell at " + address(args[0]) + ": ";
  if (v.is_empty_slot()) return str_value(out + "empty>");
  return str_value(out + type_name(v) + " object at " + address(v) + ">");
}

Value cell_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "cell() takes no keyword arguments");
  if (!check_args("cell", nargs - 1, nullptr, 0, 1)) return Value();
  CellObject* c = new_cell(nargs > 1 ? args[1] : Value());
  return c ? Value::from_obj(c) : Value();
}

const NativeGetSetDef kCellGetSets[] = {
    {"cell_contents", cell_contents, cell_contents_set},
};
const NativeMethodDef kCellMethods[] = {
    {"__new__", cell_new, NativeMethodDef::Kind::StaticMethod},
    {"__repr__", cell_repr_m},
};

// --- bound method ---

Value method_self(Value self) { return as_method(self)->self; }
Value method_func(Value self) { return as_method(self)->func; }
Value method_forward(Value self, const char* name) { return get_attr(as_method(self)->func, name); }
Value method_name(Value self) { return method_forward(self, "__name__"); }
Value method_qualname(Value self) { return method_forward(self, "__qualname__"); }
Value method_doc(Value self) { return method_forward(self, "__doc__"); }
Value method_module(Value self) { return method_forward(self, "__module__"); }

Value method_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "method() takes no keyword arguments");
  if (!check_args("method", nargs - 1, nullptr, 2, 2)) return Value();
  if (!is_callable(args[1])) return raise_msg(TypeErrorType, "first argument must be callable");
  if (args[2] == None) return raise_msg(TypeErrorType, "instance must not be None");
  MethodObject* m = new_method(args[1], args[2]);
  return m ? Value::from_obj(m) : Value();
}

Value method_repr_m(Value* args, int64_t, TupleObject*) {
  MethodObject* m = as_method(args[0]);
  bool error = false;
  Value name = get_attr_opt(m->func, names::dunder_qualname, &error);
  if (error) return Value();
  if (name.is_empty_slot()) {
    name = get_attr_opt(m->func, names::dunder_name, &error);
    if (error) return Value();
  }
  std::string self_repr;
  if (!repr_string(m->self, &self_repr)) return Value();
  std::string fname = !name.is_empty_slot() && is_str(name) ? std::string(as_str(name)->view()) : "?";
  return str_value("<bound method " + fname + " of " + self_repr + ">");
}

// Bound methods are equal when they bind the same object (identity) to equal functions.
Value method_compare(Value* args, int64_t nargs, bool want_equal) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  if (!args[1].is_obj() || args[1].as_obj()->type != MethodType || args[0].as_obj()->type != MethodType)
    return NotImplemented;
  MethodObject* a = as_method(args[0]);
  MethodObject* b = as_method(args[1]);
  int eq = a->self == b->self ? equal(a->func, b->func) : 0;
  if (eq < 0) return Value();
  return bool_value(static_cast<bool>(eq) == want_equal);
}
Value method_eq(Value* args, int64_t nargs, TupleObject*) { return method_compare(args, nargs, true); }
Value method_ne(Value* args, int64_t nargs, TupleObject*) { return method_compare(args, nargs, false); }

Value method_hash(Value* args, int64_t, TupleObject*) {
  MethodObject* m = as_method(args[0]);
  uint64_t p = m->self.bits();
  p = (p >> 4) | (p << 60);
  int64_t y = hash(m->func);
  if (y == -1 && has_pending_exception()) return Value();
  int64_t x = static_cast<int64_t>(p) ^ y;
  return int_from_int64(x == -1 ? -2 : x);
}

// Attributes the method type lacks come from the function (m.__wrapped__, m.attr).
Value method_getattribute(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return raise_msg(TypeErrorType, "attribute name must be string");
  Value r = generic_get_attr(args[0], as_str(args[1]), true);
  if (!r.is_empty_slot() || has_pending_exception()) return r;
  return get_attr(as_method(args[0])->func, as_str(args[1]));
}

Value method_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__get__", nargs - 1, kwnames, 1, 2)) return Value();
  return args[0];
}

Value method_call_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  return call(args[0], args + 1, nargs - 1, kwnames);
}

const NativeGetSetDef kMethodGetSets[] = {
    {"__self__", method_self},         {"__func__", method_func},     {"__name__", method_name},
    {"__qualname__", method_qualname}, {"__doc__", method_doc},       {"__module__", method_module},
};
const NativeMethodDef kMethodMethods[] = {
    {"__new__", method_new, NativeMethodDef::Kind::StaticMethod},
    {"__repr__", method_repr_m},
    {"__eq__", method_eq},
    {"__ne__", method_ne},
    {"__hash__", method_hash},
    {"__getattribute__", method_getattribute},
    {"__get__", method_get_m},
    {"__call__", method_call_m},
};

// --- built-in function / method ---

Value native_name(Value self) { return str_value(as_native(self)->name); }

bool is_module_value(Value v) { return v.is_obj() && is_subtype(v.as_obj()->type, ModuleType); }

Value native_qualname(Value self) {
  NativeFunctionObject* n = as_native(self);
  if (n->self.is_empty_slot() || is_module_value(n->self)) return str_value(n->name);
  TypeObject* t = has(type_of(n->self), TypeFlag::TypeSubclass) ? static_cast<TypeObject*>(n->self.as_obj())
                                                                  : type_of(n->self);
  std::string qual = t->qualname ? std::string(t->qualname->view()) : t->name;
  return str_value(qual + "." + n->name);
}

// A module-level native reports its module as __self__ (len.__self__ is builtins).
Value native_self(Value self) {
  NativeFunctionObject* n = as_native(self);
  if (!n->self.is_empty_slot()) return n->self;
  if (!n->module.is_empty_slot() && is_str(n->module) && g_sys_modules) {
    Value m = dict_get_str(g_sys_modules, as_str(n->module));
    if (!m.is_empty_slot()) return m;
  }
  return None;
}

Value native_module(Value self) {
  NativeFunctionObject* n = as_native(self);
  return n->module.is_empty_slot() ? None : n->module;
}

Value native_doc(Value self) {
  NativeFunctionObject* n = as_native(self);
  return n->doc ? str_value(n->doc) : None;
}

Value native_compare(Value* args, int64_t nargs, bool want_equal) {
  if (nargs != 2) return raise_msg(TypeErrorType, "expected 1 argument");
  if (!args[1].is_obj() || args[1].as_obj()->type != NativeFunctionType) return NotImplemented;
  NativeFunctionObject* a = as_native(args[0]);
  NativeFunctionObject* b = as_native(args[1]);
  bool eq = a->fn == b->fn && a->self == b->self;
  return bool_value(eq == want_equal);
}
Value native_eq(Value* args, int64_t nargs, TupleObject*) { return native_compare(args, nargs, true); }
Value native_ne(Value* args, int64_t nargs, TupleObject*) { return native_compare(args, nargs, false); }

Value native_hash(Value* args, int64_t, TupleObject*) {
  NativeFunctionObject* n = as_native(args[0]);
  uint64_t x = n->self.bits() ^ reinterpret_cast<uint64_t>(n->fn);
  x = (x >> 4) | (x << 60);
  auto r = static_cast<int64_t>(x);
  return int_from_int64(r == -1 ? -2 : r);
}

Value native_call_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  return call(args[0], args + 1, nargs - 1, kwnames);
}

// A bound slot wrapper (`[].__add__`, CPython's method-wrapper) names the class that defines
// it: the owner of the native method it was bound from. Other builtins have no __objclass__.
Value native_objclass(Value self) {
  auto* n = static_cast<NativeFunctionObject*>(self.as_obj());
  if (!n->self.is_empty_slot() && is_slot_wrapper_name(n->name)) {
    TupleObject* mro = type_of(n->self)->mro;
    for (int64_t i = 0; mro && i < mro->size; ++i) {
      auto* t = static_cast<TypeObject*>(mro->items[i].as_obj());
      Value m = dict_get_str(t->dict, intern(n->name));
      if (m.is_obj() && m.as_obj()->type == MethodDescrType && static_cast<MethodDescrObject*>(m.as_obj())->fn == n->fn)
        return Value::from_obj(static_cast<MethodDescrObject*>(m.as_obj())->owner);
    }
  }
  return raise_fmt(AttributeErrorType, "'%s' object has no attribute '__objclass__'", type_name(self));
}

// (getattr, (owner, name)): how a bound built-in method or a method descriptor pickles.
Value reduce_to_getattr(Value owner, const char* name) {
  Value getattr_fn = dict_get_str(g_builtins_module->dict, intern("getattr"));
  if (getattr_fn.is_empty_slot()) return raise_msg(RuntimeErrorType, "lost builtins.getattr");
  TupleObject* inner = tuple_of({owner, str_value(name)});
  TupleObject* t = inner ? tuple_of({getattr_fn, Value::from_obj(inner)}) : nullptr;
  return t ? Value::from_obj(t) : Value();
}

// A module-level built-in pickles by name (found again through __module__); a bound method
// through getattr on its receiver, as CPython's meth_reduce.
Value native_reduce(Value* args, int64_t, TupleObject*) {
  NativeFunctionObject* n = as_native(args[0]);
  if (n->self.is_empty_slot() || (n->self.is_obj() && is_subtype(n->self.as_obj()->type, ModuleType)))
    return str_value(n->name);
  return reduce_to_getattr(n->self, n->name);
}

const NativeGetSetDef kNativeGetSets[] = {
    {"__name__", native_name},     {"__qualname__", native_qualname}, {"__self__", native_self},
    {"__module__", native_module}, {"__doc__", native_doc},           {"__objclass__", native_objclass},
};
const NativeMethodDef kNativeMethods[] = {
    {"__eq__", native_eq},
    {"__ne__", native_ne},
    {"__hash__", native_hash},
    {"__call__", native_call_m},
    {"__reduce__", native_reduce},
};

// --- method descriptor (list.append) ---

}  // namespace

bool is_slot_wrapper_name(const char* name) {
  static const std::unordered_set<std::string_view> kSlots = {
      "__repr__", "__hash__", "__call__", "__str__", "__getattribute__", "__setattr__", "__delattr__",
      "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__iter__", "__next__", "__get__",
      "__set__", "__delete__", "__init__", "__del__", "__await__", "__aiter__", "__anext__", "__add__",
      "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__mod__", "__rmod__", "__divmod__",
      "__rdivmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__bool__", "__invert__",
      "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__", "__rand__", "__xor__",
      "__rxor__", "__or__", "__ror__", "__int__", "__float__", "__iadd__", "__isub__", "__imul__",
      "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__", "__ixor__", "__ior__",
      "__floordiv__", "__rfloordiv__", "__truediv__", "__rtruediv__", "__ifloordiv__", "__itruediv__",
      "__index__", "__matmul__", "__rmatmul__", "__imatmul__", "__len__", "__getitem__", "__setitem__",
      "__delitem__", "__contains__"};
  return kSlots.count(name) != 0;
}

namespace {

Value mdescr_name(Value self) { return str_value(as_mdescr(self)->name); }
Value mdescr_qualname(Value self) {
  MethodDescrObject* m = as_mdescr(self);
  std::string qual = m->owner->qualname ? std::string(m->owner->qualname->view()) : m->owner->name;
  return str_value(qual + "." + m->name);
}
Value mdescr_objclass(Value self) { return Value::from_obj(as_mdescr(self)->owner); }
Value mdescr_doc(Value self) {
  MethodDescrObject* m = as_mdescr(self);
  return m->doc ? str_value(m->doc) : None;
}

Value mdescr_repr_m(Value* args, int64_t, TupleObject*) {
  MethodDescrObject* m = as_mdescr(args[0]);
  const char* kind = is_slot_wrapper_name(m->name) && !m->is_classmethod && !m->is_static ? "slot wrapper" : "method";
  return str_value("<" + std::string(kind) + " '" + m->name + "' of '" + m->owner->name + "' objects>");
}

Value mdescr_get_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__get__", nargs - 1, kwnames, 1, 2)) return Value();
  MethodDescrObject* m = as_mdescr(args[0]);
  if (args[1] == None && !m->is_classmethod && !m->is_static) return args[0];
  if (!m->is_classmethod && !m->is_static && !is_subtype(type_of(args[1]), m->owner))
    return raise_fmt(TypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m->name,
                     m->owner->name, type_name(args[1]));
  if (m->is_static) {
    NativeFunctionObject* f = bind_static_native(m);
    return f ? Value::from_obj(f) : Value();
  }
  Value self = m->is_classmethod ? (nargs > 2 ? args[2] : Value::from_obj(m->owner)) : args[1];
  NativeFunctionObject* f = new_native_function(m->name, m->fn, self, Value());
  return f ? Value::from_obj(f) : Value();
}

Value mdescr_call_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  return call(args[0], args + 1, nargs - 1, kwnames);
}

const NativeGetSetDef kMethodDescrGetSets[] = {
    {"__name__", mdescr_name},
    {"__qualname__", mdescr_qualname},
    {"__objclass__", mdescr_objclass},
    {"__doc__", mdescr_doc},
};
Value mdescr_reduce_m(Value* args, int64_t, TupleObject*) {
  MethodDescrObject* m = as_mdescr(args[0]);
  return reduce_to_getattr(Value::from_obj(m->owner), m->name);
}

const NativeMethodDef kMethodDescrMethods[] = {
    {"__reduce__", mdescr_reduce_m},
    {"__repr__", mdescr_repr_m},
    {"__get__", mdescr_get_m},
    {"__call__", mdescr_call_m},
};

}  // namespace

void init_function_attributes() {
  FunctionType->dict_offset = offsetof(FunctionObject, dict);
  FunctionType->basic_size = sizeof(FunctionObject);
  add_getsets(FunctionType, kFunctionGetSets);
  add_methods(FunctionType, kFunctionMethods);
  // A read-only member, as in CPython (types.MemberDescriptorType is its type).
  MemberDescrObject* globals = new_member_descr(FunctionType, intern("__globals__"),
                                                static_cast<uint32_t>(offsetof(FunctionObject, globals)));
  globals->readonly = true;
  dict_set_str(FunctionType->dict, intern("__globals__"), Value::from_obj(globals));
  add_getsets(CodeType, kCodeGetSets);
  add_methods(CodeType, kCodeMethods);
  add_getsets(CellType, kCellGetSets);
  add_methods(CellType, kCellMethods);
  add_getsets(MethodType, kMethodGetSets);
  add_methods(MethodType, kMethodMethods);
  add_getsets(NativeFunctionType, kNativeGetSets);
  add_methods(NativeFunctionType, kNativeMethods);
  add_getsets(MethodDescrType, kMethodDescrGetSets);
  add_methods(MethodDescrType, kMethodDescrMethods);
}

}  // namespace coil::rt
