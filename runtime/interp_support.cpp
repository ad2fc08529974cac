// interp_support.cpp — the interpreter's helpers outside the dispatch loop (see
// interp_support.h): argument binding, name lookups and errors, unpacking, string pieces.
#include "runtime/interp_support.h"

#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/interpreter.h"
#include "runtime/iterators.h"
#include "runtime/names.h"
#include "runtime/sequence_ops.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace interp {

// Binds call arguments to the parameters of `code` in the slots of `f`, with CPython's
// messages for every mismatch.
bool bind_arguments(FunctionObject* fn, Frame* f, Value* args, int64_t nargs, TupleObject* kwnames) {
  CodeObject* code = fn->code;
  const char* qn = fn->qualname->data;
  int64_t argcount = code->argcount;
  int64_t kwonly = code->kwonlyargcount;
  bool has_varargs = code->flags & fe::coflag::VARARGS;
  bool has_varkw = code->flags & fe::coflag::VARKEYWORDS;
  int64_t nkw = kwnames ? kwnames->size : 0;
  int64_t npos = nargs;
  Value* slots = f->slots;
  int64_t total_params = argcount + kwonly;
  DictObject* kwdict = nullptr;
  if (has_varkw) {
    kwdict = new_dict();
    if (!kwdict) return false;
    slots[total_params + (has_varargs ? 1 : 0)] = Value::from_obj(kwdict);
  }
  int64_t ncopy = npos < argcount ? npos : argcount;
  for (int64_t i = 0; i < ncopy; ++i) slots[i] = args[i];
  if (has_varargs) {
    TupleObject* rest = new_tuple(npos > argcount ? npos - argcount : 0);
    if (!rest) return false;
    for (int64_t i = argcount; i < npos; ++i) rest->items[i - argcount] = args[i];
    slots[total_params] = Value::from_obj(rest);
  } else if (npos > argcount) {
    int64_t ndefaults = fn->defaults ? fn->defaults->size : 0;
    int64_t kwonly_given = 0;
    for (int64_t k = 0; k < nkw; ++k)
      for (int64_t j = argcount; j < total_params; ++j)
        if (str_equal(as_str(kwnames->items[k]), as_str(code->varnames->items[j]))) ++kwonly_given;
    std::string takes = ndefaults ? "from " + std::to_string(argcount - ndefaults) + " to " + std::to_string(argcount)
                                  : std::to_string(argcount);
    std::string extra = kwonly_given ? " positional argument" + std::string(npos == 1 ? "" : "s") + " (and " +
                                           std::to_string(kwonly_given) + " keyword-only argument" +
                                           (kwonly_given == 1 ? "" : "s") + ")"
                                     : "";
    if (kwonly_given)
      raise_fmt(TypeErrorType, "%s() takes %s positional argument%s but %lld%s were given", qn, takes.c_str(),
                (argcount == 1 && !ndefaults) ? "" : "s", static_cast<long long>(npos), extra.c_str());
    else
      raise_fmt(TypeErrorType, "%s() takes %s positional argument%s but %lld %s given", qn, takes.c_str(),
                (argcount == 1 && !ndefaults) ? "" : "s", static_cast<long long>(npos), npos == 1 ? "was" : "were");
    return false;
  }
  // Keyword arguments.
  std::string posonly_as_kw;
  for (int64_t k = 0; k < nkw; ++k) {
    StrObject* name = as_str(kwnames->items[k]);
    Value value = args[npos + k];
    int64_t j = code->posonlyargcount;
    for (; j < total_params; ++j)
      if (str_equal(name, as_str(code->varnames->items[j]))) break;
    if (j == total_params) {
      bool is_posonly = false;
      for (int64_t p = 0; p < code->posonlyargcount; ++p)
        if (str_equal(name, as_str(code->varnames->items[p]))) is_posonly = true;
      if (kwdict) {
        if (!dict_set(kwdict, Value::from_obj(name), value)) return false;
        continue;
      }
      if (is_posonly) {
        posonly_as_kw += (posonly_as_kw.empty() ? "" : ", ") + std::string(name->data);
        continue;
      }
      raise_fmt(TypeErrorType, "%s() got an unexpected keyword argument '%s'", qn, name->data);
      return false;
    }
    if (!slots[j].is_empty_slot()) {
      raise_fmt(TypeErrorType, "%s() got multiple values for argument '%s'", qn, name->data);
      return false;
    }
    slots[j] = value;
  }
  if (!posonly_as_kw.empty()) {
    raise_fmt(TypeErrorType, "%s() got some positional-only arguments passed as keyword arguments: '%s'", qn,
              posonly_as_kw.c_str());
    return false;
  }
  // Defaults for missing positional parameters.
  int64_t ndefaults = fn->defaults ? fn->defaults->size : 0;
  std::vector<std::string> missing;
  for (int64_t i = 0; i < argcount; ++i) {
    if (!slots[i].is_empty_slot()) continue;
    int64_t d = i - (argcount - ndefaults);
    if (d >= 0) slots[i] = fn->defaults->items[d];
    else missing.push_back(as_str(code->varnames->items[i])->data);
  }
  auto report_missing = [&](const char* kind) {
    std::string list;
    for (size_t i = 0; i < missing.size(); ++i) {
      if (i) list += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
      list += "'" + missing[i] + "'";
    }
    raise_fmt(TypeErrorType, "%s() missing %zu required %s argument%s: %s", qn, missing.size(), kind,
              missing.size() == 1 ? "" : "s", list.c_str());
  };
  if (!missing.empty()) {
    report_missing("positional");
    return false;
  }
  for (int64_t i = argcount; i < total_params; ++i) {
    if (!slots[i].is_empty_slot()) continue;
    Value d;
    if (fn->kwdefaults) d = dict_get_str(fn->kwdefaults, as_str(code->varnames->items[i]));
    if (!d.is_empty_slot()) slots[i] = d;
    else missing.push_back(as_str(code->varnames->items[i])->data);
  }
  if (!missing.empty()) {
    report_missing("keyword-only");
    return false;
  }
  return true;
}

// NameError for `name`, with .name set for the printer's "Did you mean" hint (which reads
// the scopes from the traceback's innermost frame, as CPython's does).
Value raise_name_error(Frame*, StrObject* name) {
  raise_fmt(NameErrorType, "name '%s' is not defined", name->data);
  Value exc = pending_exception();
  if (!is_exception(exc)) return Value();
  ExceptionObject* e = as_exception(exc);
  if (!e->dict) e->dict = new_dict();
  if (!e->dict) return Value();
  dict_set_str(e->dict, intern("name"), Value::from_obj(name));
  return Value();
}

Value load_global(Frame* f, StrObject* name) {
  Value v = dict_get_str(f->globals, name);
  if (!v.is_empty_slot()) return v;
  v = dict_get_str(f->builtins, name);
  if (!v.is_empty_slot()) return v;
  return raise_name_error(f, name);
}

Value load_name(Frame* f, StrObject* name) {
  if (!f->locals.is_empty_slot()) {
    Value v;
    if (is_exact(f->locals, DictType)) {
      bool err;
      v = dict_get(as_dict(f->locals), Value::from_obj(name), &err);
      if (err) return Value();
    } else {
      v = get_item(f->locals, Value::from_obj(name));
      if (v.is_empty_slot()) {
        if (!pending_matches(KeyErrorType)) return Value();
        clear_exception();
      }
    }
    if (!v.is_empty_slot()) return v;
  }
  return load_global(f, name);
}

Value unbound_local(CodeObject* code, int64_t index) {
  return raise_fmt(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value",
                   as_str(code->varnames->items[index])->data);
}

Value deref_name(CodeObject* code, int64_t i) {
  int64_t nc = code->cellvars->size;
  return i < nc ? code->cellvars->items[i] : code->freevars->items[i - nc];
}

Value unbound_deref(CodeObject* code, int64_t i) {
  const char* name = as_str(deref_name(code, i))->data;
  if (i < code->cellvars->size)
    return raise_fmt(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", name);
  return raise_fmt(NameErrorType, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name);
}

Value format_value(Value v, int conv, Value spec) {
  switch (conv) {
    case 1: v = str_of(v); break;
    case 2: v = repr(v); break;
    case 3: v = ascii_of(v); break;
    default: break;
  }
  if (v.is_empty_slot()) return v;
  if (spec.is_empty_slot() && is_exact(v, StrType)) return v;
  return format(v, spec.is_empty_slot() ? str_value("") : spec);
}

Value build_string(Value* items, int64_t n) {
  std::string out;
  for (int64_t i = 0; i < n; ++i) out += as_str(items[i])->view();
  return str_value(out);
}

// Unpacks `seq` into exactly `n` values at out[n-1]..out[0] (last item first on the stack).
bool unpack_sequence(Value seq, int64_t n, Value* out) {
  if (is_exact(seq, TupleType) || is_exact(seq, ListType)) {
    int64_t size = is_exact(seq, TupleType) ? as_tuple(seq)->size : as_list(seq)->size;
    Value* items = is_exact(seq, TupleType) ? as_tuple(seq)->items : as_list(seq)->items();
    if (size != n) {
      if (size < n)
        raise_fmt(ValueErrorType, "not enough values to unpack (expected %lld, got %lld)", static_cast<long long>(n),
                  static_cast<long long>(size));
      else
        raise_fmt(ValueErrorType, "too many values to unpack (expected %lld)", static_cast<long long>(n));
      return false;
    }
    for (int64_t i = 0; i < n; ++i) out[n - 1 - i] = items[i];
    return true;
  }
  Value it = get_iter(seq);
  if (it.is_empty_slot()) {
    if (pending_matches(TypeErrorType) && !is_callable(seq)) {
      clear_exception();
      raise_fmt(TypeErrorType, "cannot unpack non-iterable %s object", type_name(seq));
    }
    return false;
  }
  for (int64_t i = 0; i < n; ++i) {
    bool done = false;
    Value v = iter_next(it, &done);
    if (done) {
      raise_fmt(ValueErrorType, "not enough values to unpack (expected %lld, got %lld)", static_cast<long long>(n),
                static_cast<long long>(i));
      return false;
    }
    if (v.is_empty_slot()) return false;
    out[n - 1 - i] = v;
  }
  bool done = false;
  Value extra = iter_next(it, &done);
  if (done) return true;
  if (extra.is_empty_slot()) return false;
  raise_fmt(ValueErrorType, "too many values to unpack (expected %lld)", static_cast<long long>(n));
  return false;
}

// a = before | after << 8: out gets before items, a list, after items (reversed on stack).
bool unpack_ex(Value seq, int64_t before, int64_t after, Value* out) {
  Value it = get_iter(seq);
  if (it.is_empty_slot()) {
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      raise_fmt(TypeErrorType, "cannot unpack non-iterable %s object", type_name(seq));
    }
    return false;
  }
  int64_t total = before + 1 + after;
  for (int64_t i = 0; i < before; ++i) {
    bool done = false;
    Value v = iter_next(it, &done);
    if (done) {
      raise_fmt(ValueErrorType, "not enough values to unpack (expected at least %lld, got %lld)",
                static_cast<long long>(before + after), static_cast<long long>(i));
      return false;
    }
    if (v.is_empty_slot()) return false;
    out[total - 1 - i] = v;
  }
  ListObject* rest = new_list(0);
  if (!rest) return false;
  while (true) {
    bool done = false;
    Value v = iter_next(it, &done);
    if (done) break;
    if (v.is_empty_slot() || !list_append(rest, v)) return false;
  }
  if (rest->size < after) {
    raise_fmt(ValueErrorType, "not enough values to unpack (expected at least %lld, got %lld)",
              static_cast<long long>(before + after), static_cast<long long>(before + rest->size));
    return false;
  }
  for (int64_t i = 0; i < after; ++i) out[after - 1 - i] = rest->items()[rest->size - after + i];
  rest->size -= after;
  out[after] = Value::from_obj(rest);
  return true;
}

// `x op y` on two small ints when the result is cheap to get right here; empty when the
// generic path must decide (overflow into a big int, division by zero, Power, MatMul...).
Value small_int_binary(int64_t x, int64_t y, fe::BinaryOpKind op) {
  using K = fe::BinaryOpKind;
  int64_t z;
  switch (plain_op(op)) {
    case K::Add:
      if (__builtin_add_overflow(x, y, &z)) return Value();
      break;
    case K::Subtract:
      if (__builtin_sub_overflow(x, y, &z)) return Value();
      break;
    case K::Multiply:
      if (__builtin_mul_overflow(x, y, &z)) return Value();
      break;
    case K::And: z = x & y; break;
    case K::Or: z = x | y; break;
    case K::Xor: z = x ^ y; break;
    case K::FloorDivide:
    case K::Remainder: {
      if (y == 0) return Value();
      int64_t q = x / y, m = x % y;  // small ints: no INT64_MIN / -1 overflow
      if (m != 0 && ((m < 0) != (y < 0))) {
        m += y;
        --q;
      }
      z = plain_op(op) == K::Remainder ? m : q;
      break;
    }
    case K::RShift:
      if (y < 0) return Value();
      z = y >= 63 ? (x < 0 ? -1 : 0) : (x >> y);
      break;
    case K::LShift:
      if (y < 0 || y >= 62) return Value();
      z = static_cast<int64_t>(static_cast<uint64_t>(x) << y);
      if ((z >> y) != x) return Value();
      break;
    case K::TrueDivide: {
      constexpr int64_t kExact = int64_t(1) << 53;
      if (y == 0 || x <= -kExact || x >= kExact || y <= -kExact || y >= kExact) return Value();
      return float_value(static_cast<double>(x) / static_cast<double>(y));
    }
    default: return Value();
  }
  return Value::fits_small_int(z) ? Value::from_small_int(z) : Value();
}

// Class(...) with object.__new__ and a Python __init__ (not a generator), created by
// type.__call__: returns the __init__ function, or null when call_type must do the work
// (custom metaclass, __new__, built-in base with its own layout or __new__, abstract class).
FunctionObject* plain_init_class(TypeObject* type) {
  if (!has(type, TypeFlag::HeapType) || has(type, TypeFlag::IsAbstract) || !type->alloc) return nullptr;
  TypeObject* solid = type;
  while (solid && has(solid, TypeFlag::HeapType)) solid = solid->base;
  if (solid != ObjectType) return nullptr;
  if (type_lookup(type, names::dunder_new) != dict_get_str(ObjectType->dict, names::dunder_new)) return nullptr;
  Value init = type_lookup(type, names::dunder_init);
  if (!init.is_obj() || init.as_obj()->type != FunctionType) return nullptr;
  auto* fn = static_cast<FunctionObject*>(init.as_obj());
  return (fn->code->flags & kGeneratorFlags) ? nullptr : fn;
}

// str + str for two exact strs (the loop-building `s = s + t` / `s += t`).
Value str_concat(StrObject* x, StrObject* y) {
  if (y->nbytes == 0) return Value::from_obj(x);
  if (x->nbytes == 0) return Value::from_obj(y);
  std::string out;
  out.reserve(static_cast<size_t>(x->nbytes + y->nbytes));
  out.append(x->view());
  out.append(y->view());
  StrObject* r = new_str(out);
  return r ? Value::from_obj(r) : Value();
}

}  // namespace interp

Value frame_locals(Frame* f) {
  if (!f) return None;
  if (!f->locals.is_empty_slot()) return f->locals;
  DictObject* d = new_dict();
  if (!d) return Value();
  CodeObject* code = f->code;
  for (int32_t i = 0; i < code->nlocals; ++i)
    if (!f->slots[i].is_empty_slot()) dict_set(d, code->varnames->items[i], f->slots[i]);
  int64_t nc = code->cellvars->size;
  for (int64_t i = 0; i < nc + code->freevars->size; ++i) {
    Value cell = f->slots[code->nlocals + i];
    if (!cell.is_obj() || cell.as_obj()->type != CellType) continue;
    Value v = static_cast<CellObject*>(cell.as_obj())->contents;
    if (!v.is_empty_slot()) dict_set(d, i < nc ? code->cellvars->items[i] : code->freevars->items[i - nc], v);
  }
  return Value::from_obj(d);
}

}  // namespace coil::rt
