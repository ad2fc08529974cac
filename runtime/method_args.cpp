// method_args.cpp — CPython's argument-count and keyword messages for native methods.
#include "runtime/method_args.h"

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

bool no_kwargs(const char* qualname, TupleObject* kwnames) {
  if (kwnames && kwnames->size) {
    raise_fmt(TypeErrorType, "%s() takes no keyword arguments", qualname);
    return false;
  }
  return true;
}

const char* plural(int64_t n) { return n == 1 ? "" : "s"; }

}  // namespace

bool args_none(const char* qualname, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs(qualname, kwnames)) return false;
  if (nargs == 0) return true;
  raise_fmt(TypeErrorType, "%s() takes no arguments (%lld given)", qualname, static_cast<long long>(nargs));
  return false;
}

bool args_one(const char* qualname, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs(qualname, kwnames)) return false;
  if (nargs == 1) return true;
  raise_fmt(TypeErrorType, "%s() takes exactly one argument (%lld given)", qualname, static_cast<long long>(nargs));
  return false;
}

bool args_positional(const char* qualname, const char* name, int64_t nargs, TupleObject* kwnames, int64_t min,
                     int64_t max) {
  if (!no_kwargs(qualname, kwnames)) return false;
  if (nargs >= min && nargs <= max) return true;
  if (min == max)
    raise_fmt(TypeErrorType, "%s expected %lld argument%s, got %lld", name, static_cast<long long>(min), plural(min),
              static_cast<long long>(nargs));
  else if (nargs < min)
    raise_fmt(TypeErrorType, "%s expected at least %lld argument%s, got %lld", name, static_cast<long long>(min),
              plural(min), static_cast<long long>(nargs));
  else
    raise_fmt(TypeErrorType, "%s expected at most %lld argument%s, got %lld", name, static_cast<long long>(max),
              plural(max), static_cast<long long>(nargs));
  return false;
}

bool args_tuple(const char* qualname, const char* name, int64_t nargs, TupleObject* kwnames, int64_t min,
                int64_t max) {
  if (!no_kwargs(qualname, kwnames)) return false;
  if (nargs >= min && nargs <= max) return true;
  const char* how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
  int64_t n = nargs < min ? min : max;
  raise_fmt(TypeErrorType, "%s() takes %s %lld argument%s (%lld given)", name, how, static_cast<long long>(n),
            plural(n), static_cast<long long>(nargs));
  return false;
}

bool args_keywords(const char* name, Value* args, int64_t nargs, TupleObject* kwnames,
                   std::initializer_list<const char*> names, int64_t min, Value* out, int64_t npos_only) {
  int64_t n = static_cast<int64_t>(names.size());
  int64_t nkw = kwnames ? kwnames->size : 0;
  if (nargs + nkw > n || nargs > n) {
    int64_t given = nargs + nkw;
    raise_fmt(TypeErrorType, "%s() takes at most %lld argument%s (%lld given)", name, static_cast<long long>(n),
              plural(n), static_cast<long long>(given));
    return false;
  }
  for (int64_t i = 0; i < n; ++i) out[i] = i < nargs ? args[i] : Value();
  // Like Argument Clinic: fill the parameters first, report a missing required one, and
  // only then an unknown keyword or one that repeats a positional argument.
  int64_t bad = -1;
  for (int64_t k = 0; k < nkw; ++k) {
    std::string_view key = as_str(kwnames->items[k])->view();
    int64_t i = 0;
    for (const char* nm : names) {
      if (i >= npos_only && key == nm) break;
      ++i;
    }
    if (i == n || i < nargs) {
      if (bad < 0) bad = k;
      continue;
    }
    out[i] = args[nargs + k];
  }
  for (int64_t i = 0; i < min; ++i) {
    if (out[i].is_empty_slot()) {
      const char* nm = names.begin()[i];
      raise_fmt(TypeErrorType, "%s() missing required argument '%s' (pos %lld)", name, nm,
                static_cast<long long>(i + 1));
      return false;
    }
  }
  if (bad >= 0) {
    std::string_view key = as_str(kwnames->items[bad])->view();
    int64_t i = 0;
    for (const char* nm : names) {
      if (i >= npos_only && key == nm) break;
      ++i;
    }
    if (i == n) {
      raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for %s()", as_str(kwnames->items[bad])->data, name);
      return false;
    }
    raise_fmt(TypeErrorType, "argument for %s() given by name ('%s') and position (%lld)", name,
              as_str(kwnames->items[bad])->data, static_cast<long long>(i + 1));
    return false;
  }
  return true;
}

bool arg_index(Value v, int64_t dflt, int64_t* out) {
  if (v.is_empty_slot()) {
    *out = dflt;
    return true;
  }
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  if (!int_to_int64(i, out)) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

bool arg_slice_index(Value v, int64_t* out) {
  if (v.is_empty_slot() || v == None) return true;
  if (!is_int(v)) {
    TypeObject* t = type_of(v);
    Value m = type_lookup(t, names::dunder_index);
    if (m.is_empty_slot()) {
      raise_msg(TypeErrorType, "slice indices must be integers or None or have an __index__ method");
      return false;
    }
  }
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  if (!int_to_int64(i, out)) *out = int_sign(i) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;  // clamps like PY_SSIZE_T
  return true;
}

}  // namespace coil::rt
