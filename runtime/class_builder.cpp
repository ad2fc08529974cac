// class_builder.cpp — builtins.__build_class__: the metaclass is chosen, __prepare__
// makes the namespace, the class body runs in it, and the metaclass makes the class.
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

Value calculate_metaclass(Value meta, TupleObject* bases) {
  Value winner = meta;
  for (int64_t i = 0; i < bases->size; ++i) {
    Value bt = Value::from_obj(type_of(bases->items[i]));
    auto* w = static_cast<TypeObject*>(winner.as_obj());
    auto* b = static_cast<TypeObject*>(bt.as_obj());
    if (is_subtype(w, b)) continue;
    if (is_subtype(b, w)) {
      winner = bt;
      continue;
    }
    return raise_msg(TypeErrorType,
                     "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                     "metaclasses of all its bases");
  }
  return winner;
}

namespace {

// __mro_entries__ (PEP 560): non-class bases may substitute other bases. Looked up as an
// ordinary attribute, as CPython's update_bases (typing.TypedDict sets it on a function).
TupleObject* resolve_bases(TupleObject* bases) {
  ListObject* out = nullptr;
  for (int64_t i = 0; i < bases->size; ++i) {
    Value b = bases->items[i];
    Value me;
    if (!has(type_of(b), TypeFlag::TypeSubclass)) {
      bool err = false;
      me = get_attr_opt(b, names::dunder_mro_entries, &err);
      if (err) return nullptr;
    }
    if (me.is_empty_slot()) {
      if (out && !list_append(out, b)) return nullptr;
      continue;
    }
    if (!out) {  // the first substitution: the bases before it are kept as they are
      out = new_list(0);
      if (!out) return nullptr;
      for (int64_t k = 0; k < i; ++k)
        if (!list_append(out, bases->items[k])) return nullptr;
    }
    Value r = call1(me, Value::from_obj(bases));
    if (r.is_empty_slot()) return nullptr;
    if (!is_exact(r, TupleType)) {
      raise_msg(TypeErrorType, "__mro_entries__ must return a tuple");
      return nullptr;
    }
    for (int64_t k = 0; k < as_tuple(r)->size; ++k)
      if (!list_append(out, as_tuple(r)->items[k])) return nullptr;
  }
  if (!out) return bases;
  TupleObject* t = new_tuple(out->size);
  if (!t) return nullptr;
  for (int64_t i = 0; i < out->size; ++i) t->items[i] = out->items()[i];
  return t;
}

}  // namespace

Value build_class(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 2) return raise_msg(TypeErrorType, "__build_class__: not enough arguments");
  if (!args[0].is_obj() || args[0].as_obj()->type != FunctionType)
    return raise_msg(TypeErrorType, "__build_class__: func must be a function");
  if (!is_str(args[1])) return raise_msg(TypeErrorType, "__build_class__: name is not a string");
  auto* body = static_cast<FunctionObject*>(args[0].as_obj());
  Value name = args[1];
  TupleObject* orig_bases = new_tuple(nargs - 2);
  if (!orig_bases) return Value();
  for (int64_t i = 2; i < nargs; ++i) orig_bases->items[i - 2] = args[i];
  TupleObject* bases = resolve_bases(orig_bases);
  if (!bases) return Value();
  // Keywords: metaclass=, the rest go to __prepare__, the metaclass and __init_subclass__.
  Value meta;
  std::vector<Value> kwvals;
  std::vector<Value> kwkeys;
  for (int64_t i = 0; kwnames && i < kwnames->size; ++i) {
    if (as_str(kwnames->items[i])->view() == "metaclass") meta = args[nargs + i];
    else {
      kwkeys.push_back(kwnames->items[i]);
      kwvals.push_back(args[nargs + i]);
    }
  }
  TupleObject* kw = nullptr;
  if (!kwkeys.empty()) {
    kw = new_tuple(static_cast<int64_t>(kwkeys.size()));
    for (size_t i = 0; i < kwkeys.size(); ++i) kw->items[i] = kwkeys[i];
  }
  bool is_class_meta = true;
  if (meta.is_empty_slot()) {
    meta = bases->size ? Value::from_obj(type_of(bases->items[0])) : Value::from_obj(TypeType);
  } else {
    is_class_meta = has(type_of(meta), TypeFlag::TypeSubclass);
  }
  if (is_class_meta) {
    meta = calculate_metaclass(meta, bases);
    if (meta.is_empty_slot()) return meta;
  }
  // __prepare__(name, bases, **kw) -> the namespace.
  Value ns;
  bool err = false;
  Value prepare = get_attr_opt(meta, names::dunder_prepare, &err);
  if (err) return Value();
  if (!prepare.is_empty_slot()) {
    std::vector<Value> pargs = {name, Value::from_obj(bases)};
    pargs.insert(pargs.end(), kwvals.begin(), kwvals.end());
    ns = call(prepare, pargs.data(), 2, kw);
    if (ns.is_empty_slot()) return ns;
  } else {
    DictObject* d = new_dict();
    if (!d) return Value();
    ns = Value::from_obj(d);
  }
  if (!is_dict(ns) && lookup_special(ns, names::dunder_getitem).is_empty_slot())
    return raise_fmt(TypeErrorType, "%s.__prepare__() must return a mapping, not %s",
                     is_class_meta ? static_cast<TypeObject*>(meta.as_obj())->name : "<metaclass>", type_name(ns));
  // Run the body with the namespace as its locals.
  Value cell = run_class_body(body, ns);
  if (cell.is_empty_slot()) return cell;
  if (bases != orig_bases) {
    if (is_dict(ns)) dict_set_str(as_dict(ns), intern("__orig_bases__"), Value::from_obj(orig_bases));
    else set_item(ns, str_value("__orig_bases__"), Value::from_obj(orig_bases));
  }
  std::vector<Value> margs = {name, Value::from_obj(bases), ns};
  margs.insert(margs.end(), kwvals.begin(), kwvals.end());
  Value cls = call(meta, margs.data(), 3, kw);
  if (cls.is_empty_slot()) return cls;
  // Only a class result is checked: a metaclass may return anything else (CPython too).
  if (cell.is_obj() && cell.as_obj()->type == CellType && cls.is_obj() && has(type_of(cls), TypeFlag::TypeSubclass)) {
    Value contents = static_cast<CellObject*>(cell.as_obj())->contents;
    if (contents != cls) {
      if (contents.is_empty_slot())
        return raise_fmt(RuntimeErrorType, "__class__ not set defining %s as %s. Was __classcell__ propagated to type.__new__?",
                         str_repr(as_str(name)->view()).c_str(), as_str(repr(cls))->data);
      return raise_fmt(TypeErrorType, "__class__ set to %s defining %s as %s", as_str(repr(contents))->data,
                       str_repr(as_str(name)->view()).c_str(), as_str(repr(cls))->data);
    }
  }
  return cls;
}

Value run_class_body(FunctionObject* body, Value ns) {
  CodeObject* code = body->code;
  Frame* f = push_frame(code);
  if (!f) return Value();
  f->func = body;
  f->globals = body->globals;
  f->builtins = body->builtins;
  f->locals = ns;
  bool yielded;
  if (!enter_call("")) {
    pop_frame(f);
    return Value();
  }
  Value r = eval_frame(f, &yielded);
  leave_call();
  pop_frame(f);
  return r;
}

}  // namespace coil::rt
