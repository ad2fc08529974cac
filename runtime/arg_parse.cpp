// arg_parse.cpp — Argument Clinic style argument binding for natives (see arg_parse.h).
#include "runtime/arg_parse.h"

#include <algorithm>

#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

const char* plural(int64_t n) { return n == 1 ? "" : "s"; }

}  // namespace

bool parse_args(const ArgSpec& spec, Value* args, int64_t nargs, TupleObject* kwnames, Value* out) {
  const int64_t n = static_cast<int64_t>(spec.names.size());
  const int64_t maxpos = spec.maxpos < 0 ? n : spec.maxpos;
  const int64_t nkw = kwnames ? kwnames->size : 0;
  for (int64_t i = 0; i < n; ++i) out[i] = Value();
  if (nargs + nkw > n) {
    raise_fmt(TypeErrorType, "%s() takes at most %lld argument%s (%lld given)", spec.fname,
              static_cast<long long>(n), plural(n), static_cast<long long>(nargs + nkw));
    return false;
  }
  if (nargs > maxpos) {
    raise_fmt(TypeErrorType, "%s() takes at most %lld positional argument%s (%lld given)", spec.fname,
              static_cast<long long>(maxpos), plural(maxpos), static_cast<long long>(nargs));
    return false;
  }
  if (nargs < spec.posonly && nargs < spec.required) {
    int64_t need = std::min<int64_t>(spec.posonly, spec.required);
    raise_fmt(TypeErrorType, "%s() takes at least %lld positional argument%s (%lld given)", spec.fname,
              static_cast<long long>(need), plural(need), static_cast<long long>(nargs));
    return false;
  }
  for (int64_t i = 0; i < nargs; ++i) out[i] = args[i];
  // Keywords fill the parameters not given by position; the rest are checked afterwards,
  // after missing arguments (the order CPython reports errors in).
  int64_t used = 0;
  for (int64_t k = 0; k < nkw; ++k) {
    std::string_view key = as_str(kwnames->items[k])->view();
    int64_t i = 0;
    for (const char* name : spec.names) {
      if (i >= spec.posonly && i >= nargs && key == name) {
        out[i] = args[nargs + k];
        ++used;
      }
      ++i;
    }
  }
  int64_t i = 0;
  for (const char* name : spec.names) {
    if (i >= spec.required) break;
    if (out[i].is_empty_slot()) {
      raise_fmt(TypeErrorType, "%s() missing required argument '%s' (pos %lld)", spec.fname, name,
                static_cast<long long>(i + 1));
      return false;
    }
    ++i;
  }
  if (used == nkw) return true;
  for (int64_t k = 0; k < nkw; ++k) {
    std::string_view key = as_str(kwnames->items[k])->view();
    int64_t idx = -1, j = 0;
    for (const char* name : spec.names) {
      if (j >= spec.posonly && key == name) idx = j;
      ++j;
    }
    if (idx >= 0 && idx < nargs) {
      raise_fmt(TypeErrorType, "argument for %s() given by name ('%s') and position (%lld)", spec.fname,
                as_str(kwnames->items[k])->data, static_cast<long long>(idx + 1));
      return false;
    }
    if (idx < 0) {
      raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for %s()", as_str(kwnames->items[k])->data,
                spec.fname);
      return false;
    }
  }
  return true;
}

}  // namespace coil::rt
