// imp_module.cpp — the _imp module: what importlib._bootstrap asks of the interpreter
// (built-in modules by name, the global import lock, _fix_co_filename) and what Coil has
// not (no frozen modules, no extension modules: extension_suffixes() is empty so no
// CPython .so is ever picked up).
#include <condition_variable>
#include <mutex>
#include <thread>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/bytes.h"
#include "runtime/function.h"
#include "runtime/gil.h"
#include "runtime/hashing.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// The import lock: reentrant, owned by one thread; another thread waits for it with the
// GIL released.
struct ImportLock {
  std::mutex mu;
  std::condition_variable cv;
  std::thread::id owner;
  int64_t count = 0;
} g_import_lock;

Value imp_acquire_lock(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("acquire_lock", nargs, kw, 0, 0)) return Value();
  std::thread::id me = std::this_thread::get_id();
  ImportLock& l = g_import_lock;
  {
    std::lock_guard<std::mutex> g(l.mu);
    if (l.count == 0 || l.owner == me) {
      l.owner = me;
      ++l.count;
      return None;
    }
  }
  without_gil([&] {
    std::unique_lock<std::mutex> u(l.mu);
    l.cv.wait(u, [&] { return l.count == 0; });
    l.owner = me;
    l.count = 1;
  });
  return None;
}

Value imp_release_lock(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("release_lock", nargs, kw, 0, 0)) return Value();
  ImportLock& l = g_import_lock;
  std::lock_guard<std::mutex> g(l.mu);
  if (!l.count || l.owner != std::this_thread::get_id()) return raise_msg(RuntimeErrorType, "not holding the import lock");
  if (--l.count == 0) l.cv.notify_all();
  return None;
}

Value imp_lock_held(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("lock_held", nargs, kw, 0, 0)) return Value();
  std::lock_guard<std::mutex> g(g_import_lock.mu);
  return bool_value(g_import_lock.count > 0);
}

bool name_arg(const char* fname, Value v, StrObject** out) {
  if (!is_str(v)) {
    raise_fmt(TypeErrorType, "%s() argument must be str, not %s", fname, type_name(v));
    return false;
  }
  *out = as_str(v);
  return true;
}

// is_builtin(name): 1 for a native module, -1 for the ones that cannot be re-created
// (sys, builtins), 0 otherwise.
Value imp_is_builtin(Value* args, int64_t nargs, TupleObject* kw) {
  StrObject* name;
  if (!check_args("is_builtin", nargs, kw, 1, 1) || !name_arg("is_builtin", args[0], &name)) return Value();
  if (!find_native_module(name->view())) return Value::from_small_int(0);
  return Value::from_small_int(name->view() == "sys" || name->view() == "builtins" ? -1 : 1);
}

// create_builtin(spec): a fresh native module for spec.name (sys and builtins are the
// interpreter's own).
Value imp_create_builtin(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("create_builtin", nargs, kw, 1, 1)) return Value();
  Value name = get_attr(args[0], intern("name"));
  if (name.is_empty_slot()) return name;
  if (!is_str(name)) return raise_msg(TypeErrorType, "name must be string");
  std::string_view n = as_str(name)->view();
  if (n == "sys") return Value::from_obj(g_sys_module);
  if (n == "builtins") return Value::from_obj(g_builtins_module);
  const NativeModuleDef* def = find_native_module(n);
  if (!def) {
    // CPython creates an empty module for an unknown name here; the finder never asks.
    ModuleObject* m = new_module(std::string(n));
    return m ? Value::from_obj(m) : Value();
  }
  ModuleObject* m = create_native_module(*def);
  return m ? Value::from_obj(m) : Value();
}

Value imp_exec_builtin(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("exec_builtin", nargs, kw, 1, 1)) return Value();
  return Value::from_small_int(0);
}

Value imp_is_frozen(Value* args, int64_t nargs, TupleObject* kw) {
  StrObject* name;
  if (!check_args("is_frozen", nargs, kw, 1, 1) || !name_arg("is_frozen", args[0], &name)) return Value();
  return False;
}

// find_frozen(name, *, withdata=False): Coil has no frozen modules.
Value imp_find_frozen(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  StrObject* name;
  if (!parse_args("find_frozen", args, nargs, kwnames, {"name", "withdata"}, 1, a, 1) ||
      !name_arg("find_frozen", a[0], &name))
    return Value();
  return None;
}

Value no_frozen(const char* fname, Value* args, int64_t nargs, TupleObject* kw) {
  StrObject* name;
  if (!check_args(fname, nargs, kw, 1, 1) || !name_arg(fname, args[0], &name)) return Value();
  std::string r = str_repr(name->view());
  Value msg = str_value("No such frozen object named " + r);
  TupleObject* t = tuple_of({msg});
  ExceptionObject* e = t ? new_exception(ImportErrorType, t) : nullptr;
  if (!e || !dict_set_str(e->dict, intern("name"), args[0])) return Value();
  return raise(Value::from_obj(e));
}
Value imp_get_frozen_object(Value* args, int64_t nargs, TupleObject* kw) {
  return no_frozen("get_frozen_object", args, nargs > 1 ? 1 : nargs, kw);
}
Value imp_is_frozen_package(Value* args, int64_t nargs, TupleObject* kw) {
  return no_frozen("is_frozen_package", args, nargs, kw);
}
Value imp_init_frozen(Value* args, int64_t nargs, TupleObject* kw) {
  StrObject* name;
  if (!check_args("init_frozen", nargs, kw, 1, 1) || !name_arg("init_frozen", args[0], &name)) return Value();
  return None;
}

// _override_frozen_modules_for_tests(override): test.support's switch between frozen and
// source stdlib modules. Coil freezes no module, so every setting means "from source"; the
// value is still checked and kept as CPython keeps it.
int g_override_frozen = 0;
Value imp_override_frozen(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("_override_frozen_modules_for_tests", nargs, kw, 1, 1)) return Value();
  if (is_float(args[0])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  int64_t v;
  bool overflow = false;
  if (!as_int64(args[0], &v, &overflow)) return Value();
  if (overflow || v > INT32_MAX || v < INT32_MIN)
    return raise_msg(OverflowErrorType, "Python int too large to convert to C int");
  g_override_frozen = static_cast<int>(v);
  return None;
}

Value imp_extension_suffixes(Value*, int64_t nargs, TupleObject* kw) {
  if (!check_args("extension_suffixes", nargs, kw, 0, 0)) return Value();
  ListObject* l = new_list(0);
  return l ? Value::from_obj(l) : Value();
}

// Renames co_filename of a code object and every code object among its constants.
void fix_filename(CodeObject* code, StrObject* old_name, StrObject* new_name) {
  if (code->filename != old_name && !(code->filename && code->filename->view() == old_name->view())) return;
  code->filename = new_name;
  for (int64_t i = 0; code->consts && i < code->consts->size; ++i) {
    Value c = code->consts->items[i];
    if (c.is_obj() && c.as_obj()->type == CodeType) fix_filename(static_cast<CodeObject*>(c.as_obj()), old_name, new_name);
  }
}

Value imp_fix_co_filename(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("_fix_co_filename", nargs, kw, 2, 2)) return Value();
  if (!args[0].is_obj() || args[0].as_obj()->type != CodeType)
    return raise_fmt(TypeErrorType, "_fix_co_filename() argument 1 must be code, not %s", type_name(args[0]));
  if (!is_str(args[1]))
    return raise_fmt(TypeErrorType, "_fix_co_filename() argument 2 must be str, not %s", type_name(args[1]));
  auto* code = static_cast<CodeObject*>(args[0].as_obj());
  if (code->filename && code->filename->view() != as_str(args[1])->view())
    fix_filename(code, code->filename, as_str(args[1]));
  return None;
}

// source_hash(key, source): the keyed SipHash-1-3 of the bytes, as 8 little-endian bytes
// (hash-based .pyc files and importlib.util.source_hash).
Value imp_source_hash(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("source_hash", args, nargs, kwnames, {"key", "source"}, 2, a)) return Value();
  int64_t key;
  bool overflow = false;
  if (!as_int64(a[0], &key, &overflow)) return Value();
  if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C long");
  std::string_view data;
  if (!bytes_like_view(a[1], &data))
    return raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(a[1]));
  uint64_t h = siphash13(static_cast<uint64_t>(key), 0, data.data(), data.size());
  char out[8];
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>((h >> (8 * i)) & 0xFF);
  return bytes_value(std::string_view(out, 8));
}

const NativeFunctionDef kImpFunctions[] = {
    {"source_hash", imp_source_hash},
    {"acquire_lock", imp_acquire_lock},
    {"release_lock", imp_release_lock},
    {"lock_held", imp_lock_held},
    {"is_builtin", imp_is_builtin},
    {"create_builtin", imp_create_builtin},
    {"exec_builtin", imp_exec_builtin},
    {"is_frozen", imp_is_frozen},
    {"find_frozen", imp_find_frozen},
    {"get_frozen_object", imp_get_frozen_object},
    {"is_frozen_package", imp_is_frozen_package},
    {"init_frozen", imp_init_frozen},
    {"extension_suffixes", imp_extension_suffixes},
    {"_fix_co_filename", imp_fix_co_filename},
    {"_override_frozen_modules_for_tests", imp_override_frozen},
};

bool init_imp(ModuleObject* m) {
  return module_add(m, "check_hash_based_pycs", str_value(g_config ? g_config->check_hash_based_pycs : "default"));
}

}  // namespace

extern const NativeModuleDef kImpModule;
const NativeModuleDef kImpModule = {"_imp", kImpFunctions, std::size(kImpFunctions), init_imp};

}  // namespace coil::lib
