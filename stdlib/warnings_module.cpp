// warnings_module.cpp — the _warnings module importlib._bootstrap needs at start-up:
// warn() and warn_explicit() hand the warning to the pure-Python `warnings` module
// (imported on first use), which does the filtering and display. The filter state
// (filters, _defaultaction, _onceregistry) is not exported, so `warnings` keeps its own
// Python implementation of it, as it does when _warnings is absent.
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/import.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// Calls warnings.<fname> with the same arguments.
Value forward(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames) {
  Value mod = import_module("warnings");
  if (mod.is_empty_slot()) return mod;
  Value fn = get_attr(mod, intern(fname));
  if (fn.is_empty_slot()) return fn;
  return call(fn, args, nargs, kwnames);
}

// warn(message, category=None, stacklevel=1, source=None)
Value warnings_warn(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("warn", args, nargs, kwnames, {"message", "category", "stacklevel", "source"}, 1, a)) return Value();
  return forward("warn", args, nargs, kwnames);
}

// warn_explicit(message, category, filename, lineno, module=None, registry=None,
//               module_globals=None, source=None)
Value warnings_warn_explicit(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[8];
  if (!parse_args("warn_explicit", args, nargs, kwnames,
                  {"message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"}, 4, a))
    return Value();
  return forward("warn_explicit", args, nargs, kwnames);
}

const NativeFunctionDef kWarningsFunctions[] = {
    {"warn", warnings_warn},
    {"warn_explicit", warnings_warn_explicit},
};

}  // namespace

extern const NativeModuleDef kWarningsModule;
const NativeModuleDef kWarningsModule = {"_warnings", kWarningsFunctions, std::size(kWarningsFunctions), nullptr};

}  // namespace coil::lib
