// posix_module.cpp — the posix module (what `os` is built on): the function tables of
// posix_stat/dir/fd/proc.cpp gathered into one module, plus environ (bytes keys and
// values, as CPython), fspath, error = OSError and _have_functions (which os.py reads to
// build supports_fd / supports_dir_fd / supports_follow_symlinks).
#include <unistd.h>

#include "runtime/bytes.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"
#include "stdlib/posix_support.h"

extern char** environ;

namespace coil::lib {

using namespace coil::rt;

namespace {

Value posix_fspath(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("fspath", args, nargs, kwnames, {"path"}, 1, a)) return Value();
  return posix::fspath(a[0]);
}

const NativeFunctionDef kModuleFunctions[] = {
    {"fspath", posix_fspath},
};

// Capabilities os.py turns into supports_* sets: only those the functions here honour.
const char* const kHaveFunctions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR",    "HAVE_FCHMOD",     "HAVE_FCHMODAT",  "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",  "HAVE_FDOPENDIR", "HAVE_FSTATAT",    "HAVE_FTRUNCATE", "HAVE_FUTIMENS",
    "HAVE_LINKAT",    "HAVE_LSTAT",     "HAVE_MKDIRAT",    "HAVE_OPENAT",    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",  "HAVE_SYMLINKAT", "HAVE_UNLINKAT",   "HAVE_UTIMENSAT", "HAVE_FSTATVFS",
    "HAVE_LCHOWN",    "HAVE_MKFIFOAT",
};

Value make_environ() {
  DictObject* d = new_dict();
  if (!d) return Value();
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    size_t eq = kv.find('=', 1);
    if (eq == std::string_view::npos) continue;
    Value k = bytes_value(kv.substr(0, eq));
    // The first definition wins, as in CPython.
    if (k.is_empty_slot()) return k;
    bool err = false;
    if (!dict_get(d, k, &err).is_empty_slot()) continue;
    Value v = bytes_value(kv.substr(eq + 1));
    if (v.is_empty_slot() || !dict_set(d, k, v)) return Value();
  }
  return Value::from_obj(d);
}

bool add_table(ModuleObject* m, posix::FunctionTable t) {
  Value modname = Value::from_obj(intern("posix"));
  for (size_t i = 0; i < t.count; ++i) {
    NativeFunctionObject* fn = new_native_function(t.defs[i].name, t.defs[i].fn, Value(), modname, t.defs[i].doc);
    if (!fn || !module_add(m, t.defs[i].name, Value::from_obj(fn))) return false;
  }
  return true;
}

bool init_posix(ModuleObject* m) {
  if (!add_table(m, posix::stat_functions()) || !add_table(m, posix::dir_functions()) ||
      !add_table(m, posix::fd_functions()) || !add_table(m, posix::proc_functions()))
    return false;
  if (!posix::init_stat_types(m) || !posix::init_dir_types(m) || !posix::init_fd_constants(m) ||
      !posix::init_proc_types(m))
    return false;
  ListObject* have = new_list(0);
  if (!have) return false;
  for (const char* h : kHaveFunctions)
    if (!list_append(have, str_value(h))) return false;
  return module_add(m, "_have_functions", Value::from_obj(have)) && module_add(m, "environ", make_environ()) &&
         module_add(m, "error", Value::from_obj(OSErrorType));
}

}  // namespace

extern const NativeModuleDef kPosixModule;
const NativeModuleDef kPosixModule = {"posix", kModuleFunctions, std::size(kModuleFunctions), init_posix};

}  // namespace coil::lib
