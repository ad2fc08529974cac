// contextvars_module.cpp — the `_contextvars` module: ContextVar, Token, Context, copy_context.
//
// A Context maps variables to values through a dict that is never changed once a Context holds
// it: ContextVar.set installs a modified copy. So copying a Context (what asyncio does for each
// callback) shares the dict and costs O(1); setting costs a dict copy, cheap for the handful of
// variables programs use. The current Context lives in the thread state (each thread has its
// own, made on first use); Context.run swaps it in for the duration of a call.
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
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

struct ContextObject : Object {
  DictObject* vars;  // never mutated once installed
  Value prev;        // the context that was current before run() entered this one
  bool entered;
};

struct ContextVarObject : Object {
  Value name;
  Value default_value;  // empty: no default
};

struct TokenObject : Object {
  Value ctx;
  Value var;
  Value old_value;  // empty: the variable had no value (Token.MISSING)
  bool used;
};

TypeObject* g_context_type = nullptr;
TypeObject* g_var_type = nullptr;
TypeObject* g_token_type = nullptr;
TypeObject* g_missing_type = nullptr;
Value g_missing;  // Token.MISSING (kept alive as a class attribute of Token)

void visit_context(Object* o, Visitor& v) {
  auto* c = static_cast<ContextObject*>(o);
  v.visit(c->vars);
  v.visit(c->prev);
}
void visit_var(Object* o, Visitor& v) {
  auto* c = static_cast<ContextVarObject*>(o);
  v.visit(c->name);
  v.visit(c->default_value);
}
void visit_token(Object* o, Visitor& v) {
  auto* t = static_cast<TokenObject*>(o);
  v.visit(t->ctx);
  v.visit(t->var);
  v.visit(t->old_value);
}

ContextObject* as_ctx(Value v) { return static_cast<ContextObject*>(v.as_obj()); }
ContextVarObject* as_var(Value v) { return static_cast<ContextVarObject*>(v.as_obj()); }
TokenObject* as_token(Value v) { return static_cast<TokenObject*>(v.as_obj()); }

std::string repr_or_empty(Value v) {
  std::string r;
  if (!repr_string(v, &r)) clear_exception();
  return r;
}

std::string address_of(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(v.as_obj()));
  return buf;
}

ContextObject* new_context(DictObject* vars) {
  auto* c = static_cast<ContextObject*>(new_instance(g_context_type));
  if (!c) return nullptr;
  c->vars = vars ? vars : new_dict();
  if (!c->vars) return nullptr;
  return c;
}

// The calling thread's current context, made on first use.
ContextObject* current_context() {
  ThreadState& ts = thread_state();
  if (ts.context.is_empty_slot()) {
    ContextObject* c = new_context(nullptr);
    if (!c) return nullptr;
    ts.context = Value::from_obj(c);
  }
  return as_ctx(ts.context);
}

// --- Context -------------------------------------------------------------------------------

Value context_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_new_cls(g_context_type, args, nargs)) return Value();
  if (nargs > 1 || (kwnames && kwnames->size))
    return raise_msg(TypeErrorType, "Context() does not accept any arguments");
  ContextObject* c = new_context(nullptr);
  return c ? Value::from_obj(c) : Value();
}

Value context_run(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 2) return raise_msg(TypeErrorType, "run() missing 1 required positional argument");
  Value self = args[0];
  ContextObject* c = as_ctx(self);
  if (c->entered)
    return raise_fmt(RuntimeErrorType, "cannot enter context: <_contextvars.Context object at %s> is already entered",
                     address_of(self).c_str());
  ThreadState& ts = thread_state();
  if (!current_context()) return Value();
  c->prev = ts.context;
  c->entered = true;
  ts.context = self;
  Value r = call(args[1], args + 2, nargs - 2, kwnames);
  ts.context = c->prev;
  c->prev = Value();
  c->entered = false;
  return r;
}

Value context_copy(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("copy", nargs - 1, kwnames, 0, 0)) return Value();
  ContextObject* c = new_context(as_ctx(args[0])->vars);
  return c ? Value::from_obj(c) : Value();
}

bool check_var_key(Value key) {
  if (key.is_obj() && key.as_obj()->type == g_var_type) return true;
  raise_fmt(TypeErrorType, "a ContextVar key was expected, got %s", repr_or_empty(key).c_str());
  return false;
}

Value context_getitem(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__getitem__", nargs - 1, kwnames, 1, 1) || !check_var_key(args[1])) return Value();
  bool err;
  Value v = dict_get(as_ctx(args[0])->vars, args[1], &err);
  if (err) return Value();
  if (v.is_empty_slot()) {
    ExceptionObject* e = new_exception(KeyErrorType, tuple_of({args[1]}));
    return e ? raise(Value::from_obj(e)) : Value();
  }
  return v;
}

Value context_get(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("get", nargs - 1, kwnames, 1, 2) || !check_var_key(args[1])) return Value();
  bool err;
  Value v = dict_get(as_ctx(args[0])->vars, args[1], &err);
  if (err) return Value();
  return v.is_empty_slot() ? (nargs == 3 ? args[2] : None) : v;
}

Value context_contains(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__contains__", nargs - 1, kwnames, 1, 1) || !check_var_key(args[1])) return Value();
  bool err;
  Value v = dict_get(as_ctx(args[0])->vars, args[1], &err);
  if (err) return Value();
  return bool_value(!v.is_empty_slot());
}

Value context_len(Value* args, int64_t, TupleObject*) {
  return Value::from_small_int(as_ctx(args[0])->vars->used);
}

// keys()/values()/items()/iter(): views of the (never mutated) dict.
Value context_view(Value self, const char* method) {
  Value d = Value::from_obj(as_ctx(self)->vars);
  return call_method(d, intern(method), nullptr, 0);
}
Value context_keys(Value* args, int64_t, TupleObject*) { return context_view(args[0], "keys"); }
Value context_values(Value* args, int64_t, TupleObject*) { return context_view(args[0], "values"); }
Value context_items(Value* args, int64_t, TupleObject*) { return context_view(args[0], "items"); }
Value context_iter(Value* args, int64_t, TupleObject*) { return get_iter(Value::from_obj(as_ctx(args[0])->vars)); }

Value context_eq(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2 || !args[1].is_obj() || args[1].as_obj()->type != g_context_type) return NotImplemented;
  int r = rich_compare_bool(Value::from_obj(as_ctx(args[0])->vars), Value::from_obj(as_ctx(args[1])->vars),
                            fe::CompareKind::Eq);
  if (r < 0) return Value();
  return bool_value(r);
}

const NativeMethodDef kContextMethods[] = {
    {"__new__", context_new, NativeMethodDef::Kind::StaticMethod},
    {"run", context_run},
    {"copy", context_copy},
    {"__getitem__", context_getitem},
    {"get", context_get},
    {"__contains__", context_contains},
    {"__len__", context_len},
    {"__iter__", context_iter},
    {"keys", context_keys},
    {"values", context_values},
    {"items", context_items},
    {"__eq__", context_eq},
};

// --- ContextVar ----------------------------------------------------------------------------

Value var_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_new_cls(g_var_type, args, nargs)) return Value();
  Value outs[2];
  if (!parse_args("ContextVar", args + 1, nargs - 1, kwnames, {"name", "default"}, 1, outs, 1)) return Value();
  if (!is_str(outs[0])) return raise_msg(TypeErrorType, "context variable name must be a str");
  auto* v = static_cast<ContextVarObject*>(new_instance(g_var_type));
  if (!v) return Value();
  v->name = outs[0];
  v->default_value = outs[1];
  return Value::from_obj(v);
}

Value var_get(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("get", nargs - 1, kwnames, 0, 1)) return Value();
  ContextObject* c = current_context();
  if (!c) return Value();
  bool err;
  Value v = dict_get(c->vars, args[0], &err);
  if (err) return Value();
  if (!v.is_empty_slot()) return v;
  if (nargs == 2) return args[1];
  if (!as_var(args[0])->default_value.is_empty_slot()) return as_var(args[0])->default_value;
  ExceptionObject* e = new_exception(LookupErrorType, tuple_of({args[0]}));
  return e ? raise(Value::from_obj(e)) : Value();
}

// Installs a copy of the current context's dict with var set to value (empty: removed).
bool replace_binding(ContextObject* c, Value var, Value value) {
  DictObject* fresh = new_dict(c->vars->used + 1);
  if (!fresh) return false;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(c->vars, &pos, &k, &v))
    if (!dict_set(fresh, k, v)) return false;
  if (value.is_empty_slot()) {
    if (dict_del(fresh, var) < 0) return false;
  } else if (!dict_set(fresh, var, value)) {
    return false;
  }
  c->vars = fresh;
  return true;
}

Value var_set(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("set", nargs - 1, kwnames, 1, 1)) return Value();
  ContextObject* c = current_context();
  if (!c) return Value();
  bool err;
  Value old = dict_get(c->vars, args[0], &err);
  if (err) return Value();
  auto* t = static_cast<TokenObject*>(new_instance(g_token_type));
  if (!t) return Value();
  t->ctx = Value::from_obj(c);
  t->var = args[0];
  t->old_value = old;
  if (!replace_binding(c, args[0], args[1])) return Value();
  return Value::from_obj(t);
}

std::string var_repr_text(Value self) {
  ContextVarObject* v = as_var(self);
  std::string out = "<ContextVar name=";
  std::string r;
  if (!repr_string(v->name, &r)) return "";
  out += r;
  if (!v->default_value.is_empty_slot()) {
    if (!repr_string(v->default_value, &r)) return "";
    out += " default=" + r;
  }
  return out + " at " + address_of(self) + ">";
}

Value var_repr(Value* args, int64_t, TupleObject*) {
  std::string s = var_repr_text(args[0]);
  if (s.empty()) return Value();
  return str_value(s);
}

std::string token_repr_text(Value self) {
  TokenObject* t = as_token(self);
  std::string var = var_repr_text(t->var);
  if (var.empty()) return "";
  return std::string("<Token") + (t->used ? " used" : "") + " var=" + var + " at " + address_of(self) + ">";
}

Value var_reset(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("reset", nargs - 1, kwnames, 1, 1)) return Value();
  Value tok = args[1];
  if (!tok.is_obj() || tok.as_obj()->type != g_token_type)
    return raise_fmt(TypeErrorType, "expected an instance of Token, got %s", repr_or_empty(tok).c_str());
  TokenObject* t = as_token(tok);
  std::string text = token_repr_text(tok);
  if (text.empty()) return Value();
  if (t->used) return raise_fmt(RuntimeErrorType, "%s has already been used once", text.c_str());
  if (t->var != args[0]) return raise_fmt(ValueErrorType, "%s was created by a different ContextVar", text.c_str());
  ContextObject* c = current_context();
  if (!c) return Value();
  if (t->ctx.as_obj() != c) return raise_fmt(ValueErrorType, "%s was created in a different Context", text.c_str());
  t->used = true;
  if (!replace_binding(c, args[0], t->old_value)) return Value();
  return None;
}

Value var_name(Value self) { return as_var(self)->name; }

Value var_hash(Value* args, int64_t, TupleObject*) {
  return int_from_int64(static_cast<int64_t>(reinterpret_cast<uintptr_t>(args[0].as_obj()) >> 4));
}

const NativeMethodDef kVarMethods[] = {
    {"__new__", var_new, NativeMethodDef::Kind::StaticMethod},
    {"get", var_get},
    {"set", var_set},
    {"reset", var_reset},
    {"__repr__", var_repr},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};

const NativeGetSetDef kVarGetSets[] = {
    {"name", var_name, nullptr},
};

// --- Token ---------------------------------------------------------------------------------

Value token_var(Value self) { return as_token(self)->var; }
Value token_old_value(Value self) {
  Value v = as_token(self)->old_value;
  return v.is_empty_slot() ? g_missing : v;
}

Value token_repr(Value* args, int64_t, TupleObject*) {
  std::string s = token_repr_text(args[0]);
  if (s.empty()) return Value();
  return str_value(s);
}

Value token_new(Value*, int64_t, TupleObject*) {
  return raise_msg(RuntimeErrorType, "Tokens can only be created by ContextVars");
}

const NativeMethodDef kTokenMethods[] = {
    {"__new__", token_new, NativeMethodDef::Kind::StaticMethod},
    {"__repr__", token_repr},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};

const NativeGetSetDef kTokenGetSets[] = {
    {"var", token_var, nullptr},
    {"old_value", token_old_value, nullptr},
};

Value missing_repr(Value*, int64_t, TupleObject*) { return str_value("<Token.MISSING>"); }
const NativeMethodDef kMissingMethods[] = {
    {"__repr__", missing_repr},
};

// --- module --------------------------------------------------------------------------------

Value copy_context_fn(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("copy_context", nargs, kwnames, 0, 0)) return Value();
  ContextObject* cur = current_context();
  if (!cur) return Value();
  ContextObject* c = new_context(cur->vars);
  return c ? Value::from_obj(c) : Value();
}

const NativeFunctionDef kContextvarsFunctions[] = {
    {"copy_context", copy_context_fn},
};

bool init_contextvars(ModuleObject* m) {
  if (!g_context_type) {
    g_context_type = make_native_type("_contextvars.Context", sizeof(ContextObject), visit_context, false);
    add_methods(g_context_type, kContextMethods);
    type_set_attr_raw(g_context_type, intern("__hash__"), None);
    g_var_type = make_native_type("_contextvars.ContextVar", sizeof(ContextVarObject), visit_var, false);
    add_methods(g_var_type, kVarMethods);
    add_getsets(g_var_type, kVarGetSets);
    g_token_type = make_native_type("_contextvars.Token", sizeof(TokenObject), visit_token, false);
    add_methods(g_token_type, kTokenMethods);
    add_getsets(g_token_type, kTokenGetSets);
    g_missing_type = make_native_type("Token.MISSING", sizeof(Object), nullptr, false);
    add_methods(g_missing_type, kMissingMethods);
    Object* missing = new_instance(g_missing_type);
    if (!missing) return false;
    g_missing = Value::from_obj(missing);
    type_set_attr_raw(g_token_type, intern("MISSING"), g_missing);
  }
  return module_add(m, "Context", Value::from_obj(g_context_type)) &&
         module_add(m, "ContextVar", Value::from_obj(g_var_type)) &&
         module_add(m, "Token", Value::from_obj(g_token_type));
}

}  // namespace

extern const NativeModuleDef kContextvarsModule;
const NativeModuleDef kContextvarsModule = {"_contextvars", kContextvarsFunctions, std::size(kContextvarsFunctions),
                                            init_contextvars};

}  // namespace coil::lib
