// function.cpp — code objects from compiled CodeUnits, functions, cells, methods, natives.
#include "runtime/function.h"

#include <cstdlib>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

void visit_code(Object* self, Visitor& v) {
  auto* c = static_cast<CodeObject*>(self);
  v.visit(c->consts);
  v.visit(c->names);
  v.visit(c->varnames);
  v.visit(c->cellvars);
  v.visit(c->freevars);
  v.visit(c->name);
  v.visit(c->qualname);
  v.visit(c->filename);
}

void finalize_code(Object* self) {
  auto* c = static_cast<CodeObject*>(self);
  c->unit.~shared_ptr();
  std::free(c->caches);
  std::free(c->backedge_counts);
}

void visit_function(Object* self, Visitor& v) {
  auto* f = static_cast<FunctionObject*>(self);
  v.visit(f->code);
  v.visit(f->globals);
  v.visit(f->builtins);
  v.visit(f->name);
  v.visit(f->qualname);
  v.visit(f->module);
  v.visit(f->doc);
  v.visit(f->defaults);
  v.visit(f->kwdefaults);
  v.visit(f->closure);
  v.visit(f->annotations);
  v.visit(f->dict);
}

void visit_cell(Object* self, Visitor& v) { v.visit(static_cast<CellObject*>(self)->contents); }

void visit_method(Object* self, Visitor& v) {
  auto* m = static_cast<MethodObject*>(self);
  v.visit(m->func);
  v.visit(m->self);
}

void visit_native(Object* self, Visitor& v) {
  auto* n = static_cast<NativeFunctionObject*>(self);
  v.visit(n->self);
  v.visit(n->module);
}

TupleObject* str_tuple(const std::vector<std::string>& names) {
  TupleObject* t = new_tuple(static_cast<int64_t>(names.size()));
  if (!t) return nullptr;
  for (size_t i = 0; i < names.size(); ++i) t->items[i] = Value::from_obj(intern(names[i]));
  return t;
}

Value const_value(const fe::CodeConst& c) {
  using K = fe::CodeConst::Kind;
  switch (c.kind) {
    case K::Code: {
      CodeObject* code = code_from_unit(c.code);
      return code ? Value::from_obj(code) : Value();
    }
    case K::Tuple:
    case K::FrozenSet: {  // `x in {1, 2}` compiles to a frozenset constant
      TupleObject* t = new_tuple(static_cast<int64_t>(c.items.size()));
      if (!t) return Value();
      for (size_t i = 0; i < c.items.size(); ++i) {
        Value item = const_value(c.items[i]);
        if (item.is_empty_slot()) return Value();
        t->items[i] = item;
      }
      if (c.kind == K::FrozenSet) {
        // CPython builds the constant from the items, then rebuilds it from its own
        // iteration order when merging constants: the same two steps give its order.
        Value first = make_new_set(FrozenSetType, Value::from_obj(t));
        if (first.is_empty_slot()) return first;
        Value items = sequence_to_tuple(first);
        if (items.is_empty_slot()) return items;
        return make_new_set(FrozenSetType, items);
      }
      return Value::from_obj(t);
    }
    case K::Value:
      break;
  }
  using VK = fe::ConstValue::Kind;
  const fe::ConstValue& v = c.value;
  switch (v.kind) {
    case VK::None: return None;
    case VK::True: return True;
    case VK::False: return False;
    case VK::Ellipsis: return EllipsisValue;
    case VK::Int: return int_from_string(v.text, 10);
    case VK::Float: return float_value(v.number);
    case VK::Complex: return complex_value(0.0, v.number);
    case VK::Str: return Value::from_obj(new_str(v.text));
    case VK::Bytes: {
      BytesObject* b = new_bytes(v.text);
      return b ? Value::from_obj(b) : Value();
    }
  }
  return Value();
}

}  // namespace

CodeObject* code_from_unit(std::shared_ptr<fe::CodeUnit> unit) {
  auto* c = static_cast<CodeObject*>(allocate_object(CodeType, sizeof(CodeObject)));
  if (!c) {
    raise_memory_error();
    return nullptr;
  }
  new (&c->unit) std::shared_ptr<fe::CodeUnit>(unit);
  c->code = unit->code.data();
  c->ncode = static_cast<int64_t>(unit->code.size());
  c->consts = new_tuple(static_cast<int64_t>(unit->consts.size()));
  if (!c->consts) return nullptr;
  for (size_t i = 0; i < unit->consts.size(); ++i) {
    Value v = const_value(unit->consts[i]);
    if (v.is_empty_slot()) return nullptr;
    c->consts->items[i] = v;
  }
  c->names = str_tuple(unit->names);
  c->varnames = str_tuple(unit->varnames);
  c->cellvars = str_tuple(unit->cellvars);
  c->freevars = str_tuple(unit->freevars);
  c->name = intern(unit->name);
  c->qualname = new_str(unit->qualname);
  c->filename = new_str(unit->filename);
  if (!c->names || !c->varnames || !c->cellvars || !c->freevars || !c->qualname || !c->filename) return nullptr;
  c->argcount = unit->argcount;
  c->posonlyargcount = unit->posonlyargcount;
  c->kwonlyargcount = unit->kwonlyargcount;
  c->nlocals = static_cast<int32_t>(unit->varnames.size());
  c->nlocalsplus = c->nlocals + static_cast<int32_t>(unit->cellvars.size() + unit->freevars.size());
  c->stacksize = unit->stacksize;
  c->flags = unit->flags;
  c->firstlineno = unit->firstlineno;
  c->caches = static_cast<InlineCache*>(std::calloc(unit->ncaches + 1, sizeof(InlineCache)));
  return c;
}

int code_line(const CodeObject* code, int64_t pc) {
  const auto& pos = code->unit->positions;
  if (pc < 0 || pc >= static_cast<int64_t>(pos.size())) return code->firstlineno;
  return pos[pc].line;
}

FunctionObject* new_function(CodeObject* code, DictObject* globals, Value qualname) {
  auto* f = static_cast<FunctionObject*>(allocate_object(FunctionType, sizeof(FunctionObject)));
  if (!f) {
    raise_memory_error();
    return nullptr;
  }
  f->code = code;
  f->globals = globals;
  f->name = code->name;
  f->qualname = qualname.is_empty_slot() ? code->qualname : as_str(qualname);
  Value mod = dict_get_str(globals, intern("__name__"));
  f->module = mod.is_empty_slot() ? None : mod;
  // 3.11's convention: a function's docstring is consts[0] when that is a str.
  f->doc = code->consts->size > 0 && is_exact(code->consts->items[0], StrType) ? code->consts->items[0] : None;
  return f;
}

CellObject* new_cell(Value contents) {
  auto* c = static_cast<CellObject*>(allocate_object(CellType, sizeof(CellObject)));
  if (!c) {
    raise_memory_error();
    return nullptr;
  }
  c->contents = contents;
  return c;
}

MethodObject* new_method(Value func, Value self) {
  auto* m = static_cast<MethodObject*>(allocate_object(MethodType, sizeof(MethodObject)));
  if (!m) {
    raise_memory_error();
    return nullptr;
  }
  m->func = func;
  m->self = self;
  return m;
}

NativeFunctionObject* new_native_function(const char* name, NativeFn fn, Value self, Value module,
                                          const char* doc) {
  auto* n = static_cast<NativeFunctionObject*>(allocate_object(NativeFunctionType, sizeof(NativeFunctionObject)));
  if (!n) {
    raise_memory_error();
    return nullptr;
  }
  n->fn = fn;
  n->name = name;
  n->self = self;
  n->module = module;
  n->doc = doc;
  return n;
}

MethodDescrObject* new_method_descr(TypeObject* owner, const char* name, NativeFn fn, const char* doc) {
  auto* m = static_cast<MethodDescrObject*>(allocate_object(MethodDescrType, sizeof(MethodDescrObject)));
  if (!m) {
    raise_memory_error();
    return nullptr;
  }
  m->fn = fn;
  m->name = name;
  m->owner = owner;
  m->doc = doc;
  return m;
}

// classmethod / staticmethod wrappers and properties hold their functions (without these
// visits a collection frees a class's __new__ or a property's getter).
static void visit_classmethod(Object* self, Visitor& v) {
  auto* c = static_cast<ClassMethodObject*>(self);
  v.visit(c->func);
  v.visit(c->dict);
}

static void visit_property(Object* self, Visitor& v) {
  auto* p = static_cast<PropertyObject*>(self);
  v.visit(p->fget);
  v.visit(p->fset);
  v.visit(p->fdel);
  v.visit(p->doc);
  v.visit(p->name);
}

void init_function_storage() {
  ClassMethodType->visit = visit_classmethod;
  StaticMethodType->visit = visit_classmethod;
  PropertyType->visit = visit_property;
  CodeType->visit = visit_code;
  CodeType->finalize = finalize_code;
  FunctionType->visit = visit_function;
  CellType->visit = visit_cell;
  MethodType->visit = visit_method;
  NativeFunctionType->visit = visit_native;
}

}  // namespace coil::rt
