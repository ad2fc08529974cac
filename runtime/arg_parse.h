// arg_parse.h — binds a native function's arguments to named parameters the way CPython's
// Argument Clinic does, with its error messages (positional-only, keyword-only, required).
#pragma once

#include <cstdint>
#include <initializer_list>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct TupleObject;

// The parameters of a native: `names` in order; the first `posonly` are positional-only,
// the first `maxpos` may be given positionally (the rest are keyword-only; -1: all), and
// the first `required` must be given.
struct ArgSpec {
  const char* fname;
  std::initializer_list<const char*> names;
  int posonly = 0;
  int required = 0;
  int maxpos = -1;
};

// Fills out[i] with the argument for names[i] (empty when not given). False with
// TypeError pending on a bad call.
bool parse_args(const ArgSpec& spec, Value* args, int64_t nargs, TupleObject* kwnames, Value* out);

}  // namespace coil::rt
