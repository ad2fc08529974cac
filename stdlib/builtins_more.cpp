// builtins_more.cpp — the builtins beyond the core set of builtins.cpp: the reducing
// functions (min, max, sum, any, all, sorted), input, and introspection (dir, vars).
// exec/eval/compile live in builtins_exec.cpp, aiter/anext/breakpoint in builtins_async.cpp,
// the number builtins in builtins_numbers.cpp; the iterator types (enumerate, zip, ...) in
// runtime/builtin_iterators.cpp.
#include <string>

#include "runtime/abstract.h"
#include "runtime/arg_parse.h"
#include "runtime/builtin_iterators.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/frame.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/sequence_ops.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "stdlib/io_support.h"

namespace coil::lib {

using namespace coil::rt;

bool register_exec_builtins(ModuleObject* m);
bool register_async_builtins(ModuleObject* m);

namespace {

// --- min / max ---

Value min_max(Value* args, int64_t nargs, TupleObject* kwnames, bool is_max) {
  const char* name = is_max ? "max" : "min";
  Value key, dflt;
  int64_t nkw = kwnames ? kwnames->size : 0;
  if (nkw > 2)
    return raise_fmt(TypeErrorType, "%s() takes at most 2 keyword arguments (%lld given)", name,
                     static_cast<long long>(nkw));
  for (int64_t i = 0; i < nkw; ++i) {
    std::string_view k = as_str(kwnames->items[i])->view();
    if (k == "key") key = args[nargs + i];
    else if (k == "default") dflt = args[nargs + i];
    else
      return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for %s()", as_str(kwnames->items[i])->data,
                       name);
  }
  if (nargs == 0) return raise_fmt(TypeErrorType, "%s expected at least 1 argument, got 0", name);
  if (nargs > 1 && !dflt.is_empty_slot())
    return raise_fmt(TypeErrorType, "Cannot specify a default for %s() with multiple positional arguments", name);
  if (key == None) key = Value();
  TupleObject* several = nullptr;
  Value it;
  if (nargs == 1) {
    it = get_iter(args[0]);
    if (it.is_empty_slot()) return it;
  } else {
    several = new_tuple(nargs);
    if (!several) return Value();
    for (int64_t i = 0; i < nargs; ++i) several->items[i] = args[i];
  }
  Value best, best_key;
  for (int64_t i = 0;; ++i) {
    Value item;
    if (several) {
      if (i >= several->size) break;
      item = several->items[i];
    } else {
      bool done = false;
      item = iter_next(it, &done);
      if (done) break;
      if (item.is_empty_slot()) return item;
    }
    Value k = item;
    if (!key.is_empty_slot()) {
      k = call1(key, item);
      if (k.is_empty_slot()) return k;
    }
    if (best.is_empty_slot()) {
      best = item;
      best_key = k;
      continue;
    }
    // Only a strictly better item replaces the current one: the first extreme wins.
    int better = rich_compare_bool(k, best_key, is_max ? fe::CompareKind::Gt : fe::CompareKind::Lt);
    if (better < 0) return Value();
    if (better) {
      best = item;
      best_key = k;
    }
  }
  if (best.is_empty_slot()) {
    if (!dflt.is_empty_slot()) return dflt;
    return raise_fmt(ValueErrorType, "%s() arg is an empty sequence", name);
  }
  return best;
}

Value builtin_min(Value* args, int64_t nargs, TupleObject* kwnames) { return min_max(args, nargs, kwnames, false); }
Value builtin_max(Value* args, int64_t nargs, TupleObject* kwnames) { return min_max(args, nargs, kwnames, true); }

// --- sum ---

// sum() of the rest of `it` onto `result`, with CPython's int and float fast paths (the
// float path adds plainly, as 3.11 does: no compensated summation).
Value sum_rest(Value it, Value result) {
  if (is_exact(result, IntType)) {
    int64_t acc;
    if (int_to_int64(result, &acc)) {
      while (true) {
        bool done = false;
        Value item = iter_next(it, &done);
        if (done) return int_from_int64(acc);
        if (item.is_empty_slot()) return item;
        int64_t b, next;
        if ((is_exact(item, IntType) || is_exact(item, BoolType)) && int_to_int64(item, &b) &&
            !__builtin_add_overflow(acc, b, &next)) {
          acc = next;
          continue;
        }
        result = binary_op(int_from_int64(acc), item, fe::BinaryOpKind::Add);
        if (result.is_empty_slot()) return result;
        break;
      }
    }
  }
  if (is_exact(result, FloatType)) {
    double acc = float_of(result);
    while (true) {
      bool done = false;
      Value item = iter_next(it, &done);
      if (done) return float_value(acc);
      if (item.is_empty_slot()) return item;
      if (is_float(item)) {
        acc += float_of(item);
        continue;
      }
      int64_t b;
      if (is_int(item) && int_to_int64(item, &b)) {
        acc += static_cast<double>(b);
        continue;
      }
      result = binary_op(float_value(acc), item, fe::BinaryOpKind::Add);
      if (result.is_empty_slot()) return result;
      break;
    }
  }
  while (true) {
    bool done = false;
    Value item = iter_next(it, &done);
    if (done) return result;
    if (item.is_empty_slot()) return item;
    result = binary_op(result, item, fe::BinaryOpKind::Add);
    if (result.is_empty_slot()) return result;
  }
}

Value builtin_sum(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args({"sum", {"iterable", "start"}, 1, 1}, args, nargs, kwnames, a)) return Value();
  Value result = a[1].is_empty_slot() ? Value::from_small_int(0) : a[1];
  if (is_str(result)) return raise_msg(TypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]");
  if (type_of(result) == BytesType || has(type_of(result), TypeFlag::BytesSubclass))
    return raise_msg(TypeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]");
  if (is_subtype(type_of(result), ByteArrayType))
    return raise_msg(TypeErrorType, "sum() can't sum bytearray [use b''.join(seq) instead]");
  Value it = get_iter(a[0]);
  if (it.is_empty_slot()) return it;
  return sum_rest(it, result);
}

// --- any / all ---

Value any_all(Value* args, int64_t nargs, TupleObject* kwnames, bool want) {
  if (!check_args(want ? "any" : "all", nargs, kwnames, 1, 1)) return Value();
  Value it = get_iter(args[0]);
  if (it.is_empty_slot()) return it;
  while (true) {
    bool done = false;
    Value item = iter_next(it, &done);
    if (done) return bool_value(!want);
    if (item.is_empty_slot()) return item;
    int t = is_true(item);
    if (t < 0) return Value();
    if (static_cast<bool>(t) == want) return bool_value(want);
  }
}

Value builtin_any(Value* args, int64_t nargs, TupleObject* kwnames) { return any_all(args, nargs, kwnames, true); }
Value builtin_all(Value* args, int64_t nargs, TupleObject* kwnames) { return any_all(args, nargs, kwnames, false); }

// --- sorted ---

// sorted(iterable, /, *, key=None, reverse=False) is list(iterable).sort(key=..., reverse=...):
// the keywords go to list.sort, whose messages name sort().
Value builtin_sorted(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1) return raise_fmt(TypeErrorType, "sorted expected 1 argument, got %lld", static_cast<long long>(nargs));
  static StrObject* sort_name = intern("sort");
  ListObject* l = new_list(0);
  if (!l || !list_extend(l, args[0])) return Value();
  Value sort = type_lookup(ListType, sort_name);
  if (sort.is_empty_slot()) return raise_msg(SystemErrorType, "list.sort is missing");
  int64_t nkw = kwnames ? kwnames->size : 0;
  TupleObject* call_args = new_tuple(1 + nkw);
  if (!call_args) return Value();
  call_args->items[0] = Value::from_obj(l);
  for (int64_t i = 0; i < nkw; ++i) call_args->items[1 + i] = args[1 + i];
  Value r = call(sort, call_args->items, 1, kwnames);
  if (r.is_empty_slot()) return r;
  return Value::from_obj(l);
}

// --- input ---

Value builtin_input(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("input", nargs, kwnames, 0, 1)) return Value();
  Value err = sys_attr("stderr");
  Value out = sys_attr("stdout");
  Value in = sys_attr("stdin");
  if (in.is_empty_slot() || in == None) return raise_msg(RuntimeErrorType, "input(): lost sys.stdin");
  if (out.is_empty_slot() || out == None) return raise_msg(RuntimeErrorType, "input(): lost sys.stdout");
  if (!err.is_empty_slot() && err != None && call_method(err, names::flush, nullptr, 0).is_empty_slot())
    clear_exception();
  if (nargs == 1) {
    std::string prompt;
    if (!str_string(args[0], &prompt)) return Value();
    if (!write_to_file(out, prompt, false)) return Value();
  }
  // As CPython: a stdout without a working flush() is no error here.
  if (call_method(out, names::flush, nullptr, 0).is_empty_slot()) clear_exception();
  Value line = call_method(in, names::readline, nullptr, 0);
  if (line.is_empty_slot()) return line;
  if (!is_str(line)) return raise_msg(TypeErrorType, "object.readline() returned non-string");
  std::string_view s = as_str(line)->view();
  if (s.empty()) return raise_msg(EOFErrorType, "EOF when reading a line");
  if (s.back() == '\n') s.remove_suffix(1);
  return str_value(s);
}

// --- dir / vars ---

Value builtin_dir(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("dir", nargs, kwnames, 0, 1)) return Value();
  ListObject* l = new_list(0);
  if (!l) return Value();
  if (nargs == 0) {
    Value locals = frame_locals(thread_state().frame);
    if (locals.is_empty_slot()) return locals;
    Value keys = is_exact(locals, DictType) ? locals : call_method(locals, names::keys, nullptr, 0);
    if (keys.is_empty_slot() || !list_extend(l, keys)) return Value();
  } else {
    Value m = lookup_special(args[0], names::dunder_dir);
    if (m.is_empty_slot())
      return raise_fmt(TypeErrorType, "object does not provide __dir__");
    Value r = call_special0(m, args[0]);
    if (r.is_empty_slot() || !list_extend(l, r)) return Value();
  }
  if (!list_sort(l, Value(), false)) return Value();
  return Value::from_obj(l);
}

Value builtin_vars(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("vars", nargs, kwnames, 0, 1)) return Value();
  if (nargs == 0) return frame_locals(thread_state().frame);
  bool error = false;
  Value d = get_attr_opt(args[0], names::dunder_dict, &error);
  if (error) return Value();
  if (d.is_empty_slot()) return raise_msg(TypeErrorType, "vars() argument must have __dict__ attribute");
  return d;
}

const NativeFunctionDef kMoreBuiltins[] = {
    {"min", builtin_min,
     "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "Returns the smallest item of one iterable (or `default` when it is empty), or the smallest of\n"
     "two or more arguments; `key` maps each item to what is compared."},
    {"max", builtin_max,
     "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "Returns the largest item of one iterable (or `default` when it is empty), or the largest of\n"
     "two or more arguments; `key` maps each item to what is compared."},     {"sum", builtin_sum}, {"any", builtin_any},
    {"all", builtin_all}, {"sorted", builtin_sorted}, {"input", builtin_input}, {"dir", builtin_dir},
    {"vars", builtin_vars}, {"open", io_open_builtin},
};

}  // namespace

// Adds `defs` to the builtins module as native functions (keeping existing entries when
// `keep_existing`).
bool add_builtin_functions(ModuleObject* m, const NativeFunctionDef* defs, size_t n, bool keep_existing) {
  Value module_name = dict_get_str(m->dict, names::dunder_name);
  for (size_t i = 0; i < n; ++i) {
    if (keep_existing && !dict_get_str(m->dict, intern(defs[i].name)).is_empty_slot()) continue;
    NativeFunctionObject* f = new_native_function(defs[i].name, defs[i].fn, Value(), module_name, defs[i].doc);
    if (!f || !module_add(m, defs[i].name, Value::from_obj(f))) return false;
  }
  return true;
}

bool register_more_builtins(ModuleObject* m) {
  if (!add_builtin_functions(m, kMoreBuiltins, std::size(kMoreBuiltins), false)) return false;
  for (TypeObject* t : {EnumerateType, ZipType, MapType, FilterType, ReversedType})
    if (!module_add(m, t->name, Value::from_obj(t))) return false;
  return register_exec_builtins(m) && register_async_builtins(m);
}

}  // namespace coil::lib
