// sys.cpp — the sys module: argv, path, modules, version information, flags, the
// standard streams, exit, recursion limit, exc_info, intern, _getframe.
#include <climits>
#include <cfloat>
#include <string>

#include "coil_config.h"
#include "runtime/abstract.h"
#include "runtime/arg_parse.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/frame.h"
#include "runtime/frame_object.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/search_path.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/gil.h"
#include "runtime/run.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/version.h"
#include "stdlib/io_support.h"
#include "stdlib/native_type_util.h"
#include "stdlib/struct_sequence.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

Value sys_exit(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("exit", nargs, kwnames, 0, 1)) return Value();
  ExceptionObject* e = new_exception(SystemExitType, nargs ? tuple_of({args[0]}) : nullptr);
  if (!e) return Value();
  if (!e->dict) e->dict = new_dict();
  dict_set_str(e->dict, intern("code"), nargs ? args[0] : None);
  return raise(Value::from_obj(e));
}

Value sys_is_finalizing(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("is_finalizing", nargs, kwnames, 0, 0)) return Value();
  return bool_value(is_finalizing());
}

Value sys_getrecursionlimit(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getrecursionlimit", nargs, kwnames, 0, 0)) return Value();
  return Value::from_small_int(thread_state().recursion_limit);
}

// Coil has no trace or profile hooks yet (sys.settrace/setprofile are not provided), so no
// hook is ever installed: None is the true answer. Tools check these before instrumenting.
Value sys_gettrace(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("gettrace", nargs, kwnames, 0, 0)) return Value();
  return None;
}
Value sys_getprofile(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getprofile", nargs, kwnames, 0, 0)) return Value();
  return None;
}

Value sys_setrecursionlimit(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("setrecursionlimit", nargs, kwnames, 1, 1)) return Value();
  if (is_float(args[0])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
  int64_t n;
  bool overflow;
  if (!as_int64(args[0], &n, &overflow)) return Value();
  if (overflow || n > INT_MAX) return raise_msg(OverflowErrorType, "Python int too large to convert to C int");
  if (n < 1) return raise_msg(ValueErrorType, "recursion limit must be greater or equal than 1");
  ThreadState& ts = thread_state();
  if (n <= ts.depth)
    return raise_fmt(RecursionErrorType,
                     "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                     static_cast<long long>(n), ts.depth);
  // The limit is interpreter-wide, as in CPython: every thread gets it.
  for_each_thread_state([](ThreadState& t, void* limit) { t.recursion_limit = *static_cast<int*>(limit); }, &n);
  ts.recursion_limit = static_cast<int>(n);
  return None;
}

Value sys_getswitchinterval(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getswitchinterval", nargs, kwnames, 0, 0)) return Value();
  return float_value(switch_interval());
}

Value sys_setswitchinterval(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("setswitchinterval", nargs, kwnames, 1, 1)) return Value();
  double d;
  if (!to_double(args[0], &d)) return Value();
  if (!(d > 0)) return raise_msg(ValueErrorType, "switch interval must be strictly positive");
  set_switch_interval(d);
  return None;
}

Value sys_exc_info(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("exc_info", nargs, kwnames, 0, 0)) return Value();
  Value h = thread_state().handled;
  if (h.is_empty_slot() || h == None) {
    TupleObject* t = tuple_of({None, None, None});
    return t ? Value::from_obj(t) : Value();
  }
  TupleObject* t = tuple_of({Value::from_obj(type_of(h)), h, as_exception(h)->traceback});
  return t ? Value::from_obj(t) : Value();
}

Value sys_exception(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("exception", nargs, kwnames, 0, 0)) return Value();
  Value h = thread_state().handled;
  return h.is_empty_slot() ? None : h;
}

Value sys_intern(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("intern", nargs, kwnames, 1, 1)) return Value();
  if (!is_exact(args[0], StrType))
    return raise_fmt(TypeErrorType, "intern() argument must be str, not %s", type_name(args[0]));
  StrObject* s = intern(as_str(args[0])->view());
  return s ? Value::from_obj(s) : Value();
}

// sys.getsizeof(obj[, default]): type(obj).__sizeof__(obj). Coil has no GC pre-header
// outside the object (its 16-byte header is part of every size), so nothing is added.
// A TypeError (no __sizeof__, a non-int result) gives `default` when one is passed.
Value sys_getsizeof(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args({"getsizeof", {"object", "default"}, 0, 1}, args, nargs, kwnames, a)) return Value();
  Value obj = a[0];
  Value m = lookup_special(obj, names::dunder_sizeof);
  Value r;
  if (m.is_empty_slot()) raise_fmt(TypeErrorType, "Type %s doesn't define __sizeof__", type_name(obj));
  else r = call_special0(m, obj);
  if (!r.is_empty_slot() && !is_int(r)) {
    raise_msg(TypeErrorType, "an integer is required");
    r = Value();
  }
  if (r.is_empty_slot()) {
    if (!a[1].is_empty_slot() && pending_matches(TypeErrorType)) {
      clear_exception();
      return a[1];
    }
    return Value();
  }
  int64_t n = 0;
  if (!int_to_int64(r, &n)) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  if (n < 0) return raise_msg(ValueErrorType, "__sizeof__() should return >= 0");
  return int_from_int64(n);
}

Value sys_getframe(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_getframe", nargs, kwnames, 0, 1)) return Value();
  int64_t depth = 0;
  bool overflow = false;
  if (nargs && (!as_int64(args[0], &depth, &overflow) || overflow)) return Value();
  Frame* f = thread_state().frame;
  for (int64_t i = 0; i < depth && f; ++i) f = f->back;
  if (!f) return raise_msg(ValueErrorType, "call stack is not deep enough");
  return frame_object_for(f);
}

Value sys_getdefaultencoding(Value*, int64_t, TupleObject*) { return str_value("utf-8"); }

Value sys_get_int_max_str_digits(Value*, int64_t nargs, TupleObject* kwnames) {
  if (nargs || (kwnames && kwnames->size))
    return raise_fmt(TypeErrorType, "sys.get_int_max_str_digits() takes no arguments (%lld given)",
                     static_cast<long long>(nargs + (kwnames ? kwnames->size : 0)));
  return Value::from_small_int(int_max_str_digits());
}

Value sys_set_int_max_str_digits(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_kwargs("set_int_max_str_digits", kwnames, {"maxdigits"})) return Value();
  Value v = nargs ? args[0] : kwarg(args, nargs, kwnames, "maxdigits");
  if (nargs + (kwnames ? kwnames->size : 0) > 1)
    return raise_fmt(TypeErrorType, "set_int_max_str_digits() takes at most 1 argument (%lld given)",
                     static_cast<long long>(nargs + (kwnames ? kwnames->size : 0)));
  if (v.is_empty_slot())
    return raise_msg(TypeErrorType, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
  int64_t n;
  bool overflow;
  if (!as_int64(v, &n, &overflow)) return Value();
  if (overflow || n > INT_MAX || n < INT_MIN) return raise_msg(OverflowErrorType, "Python int too large to convert to C int");
  if (n != 0 && n < kMaxStrDigitsThreshold)
    return raise_msg(ValueErrorType, "maxdigits must be 0 or larger than 640");
  set_int_max_str_digits(static_cast<int>(n));
  return None;
}
Value sys_getfilesystemencoding(Value*, int64_t, TupleObject*) { return str_value("utf-8"); }
Value sys_getfilesystemencodeerrors(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("getfilesystemencodeerrors", nargs, kwnames, 0, 0)) return Value();
  return str_value("surrogateescape");
}

// Audit hooks (PEP 578): called with (event, args) by sys.audit.
ListObject* g_audit_hooks = nullptr;

bool call_audit_hooks(Value event, TupleObject* args) {
  if (!g_audit_hooks) return true;
  for (int64_t i = 0; i < g_audit_hooks->size; ++i) {
    Value a[2] = {event, Value::from_obj(args)};
    if (call(g_audit_hooks->items()[i], a, 2).is_empty_slot()) return false;
  }
  return true;
}

Value sys_audit(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "audit() takes no keyword arguments");
  if (nargs == 0) return raise_msg(TypeErrorType, "audit() missing 1 required positional argument: 'event'");
  if (!g_audit_hooks || g_audit_hooks->size == 0) return None;
  if (!is_str(args[0]))
    return raise_fmt(TypeErrorType, "expected str for argument 'event', not %s", type_name(args[0]));
  TupleObject* rest = new_tuple(nargs - 1);
  if (!rest) return Value();
  for (int64_t i = 1; i < nargs; ++i) rest->items[i - 1] = args[i];
  return call_audit_hooks(args[0], rest) ? None : Value();
}

Value sys_addaudithook(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[1];
  if (!parse_args("addaudithook", args, nargs, kwnames, {"hook"}, 1, a)) return Value();
  // Existing hooks may veto with RuntimeError (then the hook is quietly not added).
  if (!call_audit_hooks(str_value("sys.addaudithook"), new_tuple(0))) {
    if (!pending_matches(RuntimeErrorType)) return Value();
    clear_exception();
    return None;
  }
  if (!g_audit_hooks) {
    g_audit_hooks = new_list(0);
    if (!g_audit_hooks) return Value();
    add_runtime_root_hook([](Visitor& v) { v.visit(g_audit_hooks); });
  }
  return list_append(g_audit_hooks, a[0]) ? None : Value();
}

}  // namespace

Value sys_get_asyncgen_hooks(Value* args, int64_t nargs, TupleObject* kwnames);
Value sys_set_asyncgen_hooks(Value* args, int64_t nargs, TupleObject* kwnames);
Value sys_excepthook(Value* args, int64_t nargs, TupleObject* kwnames);
Value sys_breakpointhook(Value* args, int64_t nargs, TupleObject* kwnames);
Value sys_displayhook(Value* args, int64_t nargs, TupleObject* kwnames);
Value sys_unraisablehook(Value* args, int64_t nargs, TupleObject* kwnames);
Value sys_get_coroutine_origin_tracking_depth(Value* args, int64_t nargs, TupleObject* kwnames);
Value sys_set_coroutine_origin_tracking_depth(Value* args, int64_t nargs, TupleObject* kwnames);

namespace {

const NativeFunctionDef kSysFunctions[] = {
    {"audit", sys_audit},
    {"addaudithook", sys_addaudithook},
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"is_finalizing", sys_is_finalizing},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"gettrace", sys_gettrace},
    {"getprofile", sys_getprofile},
    {"getswitchinterval", sys_getswitchinterval},
    {"setswitchinterval", sys_setswitchinterval},
    {"exc_info", sys_exc_info},
    {"exception", sys_exception},
    {"intern", sys_intern},
    {"getsizeof", sys_getsizeof},
    {"_getframe", sys_getframe},
    {"getdefaultencoding", sys_getdefaultencoding},
    {"getfilesystemencoding", sys_getfilesystemencoding},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
    {"set_int_max_str_digits", sys_set_int_max_str_digits},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks},
    {"excepthook", sys_excepthook},
    {"breakpointhook", sys_breakpointhook},
    {"displayhook", sys_displayhook},
    {"unraisablehook", sys_unraisablehook},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth},
    {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth},
};

Value str_list(const std::vector<std::string>& items) {
  ListObject* l = new_list(0);
  if (!l) return Value();
  for (const std::string& s : items)
    if (!list_append(l, str_value(s))) return Value();
  return Value::from_obj(l);
}

bool init_sys(ModuleObject* m) {
  const Config& cfg = *g_config;
  bool ok = module_add(m, "argv", str_list(cfg.argv));
  ok = ok && module_add(m, "orig_argv", str_list(cfg.orig_argv));
  ok = ok && module_add(m, "modules", Value::from_obj(g_sys_modules));
  ok = ok && module_add(m, "platform", str_value("linux"));
  ok = ok && module_add(m, "byteorder", str_value("little"));
  ok = ok && module_add(m, "maxsize", int_from_int64(INT64_MAX));
  ok = ok && module_add(m, "maxunicode", Value::from_small_int(0x10FFFF));
  ok = ok && module_add(m, "version", str_value(version_long()));
  ok = ok && module_add(m, "hexversion", Value::from_small_int((3 << 24) | (11 << 16) | (py_micro() << 8) | 0xF0));
  ok = ok && module_add(m, "api_version", Value::from_small_int(1013));
  ok = ok && module_add(m, "copyright", str_value("Copyright (c) the Coil authors.\nPython language: Copyright (c) 2001-2023 Python Software Foundation."));
  const InterpreterPaths& paths = interpreter_paths(cfg);
  ok = ok && module_add(m, "executable", str_value(paths.executable));
  ok = ok && module_add(m, "_base_executable", str_value(paths.base_executable));
  ok = ok && module_add(m, "prefix", str_value(paths.prefix));
  ok = ok && module_add(m, "base_prefix", str_value(paths.prefix));
  ok = ok && module_add(m, "exec_prefix", str_value(paths.prefix));
  ok = ok && module_add(m, "base_exec_prefix", str_value(paths.prefix));
  ok = ok && module_add(m, "platlibdir", str_value("lib"));
  ok = ok && module_add(m, "pycache_prefix", None);
  ok = ok && module_add(m, "abiflags", str_value(""));
  ok = ok && module_add(m, "_multiarch", str_value("x86_64-linux-gnu"));
  ok = ok && module_add(m, "dont_write_bytecode", bool_value(cfg.dont_write_bytecode));
  ok = ok && module_add(m, "stdin", std_stream(0));
  ok = ok && module_add(m, "stdout", std_stream(1));
  ok = ok && module_add(m, "stderr", std_stream(2));
  ok = ok && module_add(m, "__stdin__", std_stream(0));
  ok = ok && module_add(m, "__stdout__", std_stream(1));
  ok = ok && module_add(m, "__stderr__", std_stream(2));
  ok = ok && module_add(m, "warnoptions", str_list(cfg.warnoptions));
  ok = ok && module_add(m, "path", str_list(paths.sys_path));
  ok = ok && module_add(m, "meta_path", Value::from_obj(new_list(0)));
  ok = ok && module_add(m, "path_hooks", Value::from_obj(new_list(0)));
  ok = ok && module_add(m, "path_importer_cache", Value::from_obj(new_dict()));
  DictObject* xo = new_dict();
  for (const std::string& x : cfg.xoptions) {
    size_t eq = x.find('=');
    if (eq == std::string::npos) dict_set(xo, str_value(x), True);
    else dict_set(xo, str_value(x.substr(0, eq)), str_value(x.substr(eq + 1)));
  }
  ok = ok && module_add(m, "_xoptions", Value::from_obj(xo));
  TupleObject* names = new_tuple(0);
  ok = ok && module_add(m, "builtin_module_names", Value::from_obj(builtin_module_names()));
  (void)names;
  ok = ok && init_sys_structs(m, cfg);
  ok = ok && module_add(m, "__excepthook__", dict_get_str(m->dict, intern("excepthook")));
  ok = ok && module_add(m, "__breakpointhook__", dict_get_str(m->dict, intern("breakpointhook")));
  ok = ok && module_add(m, "__displayhook__", dict_get_str(m->dict, intern("displayhook")));
  ok = ok && module_add(m, "__unraisablehook__", dict_get_str(m->dict, intern("unraisablehook")));
  return ok;
}

}  // namespace

extern const NativeModuleDef kSysModule;
const NativeModuleDef kSysModule = {"sys", kSysFunctions, std::size(kSysFunctions), init_sys};

}  // namespace coil::lib
