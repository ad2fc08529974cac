// warnings_module.cpp — the native `_warnings` module: the filter list, the registries and
// the warn() / warn_explicit() algorithm CPython runs in C, so that the runtime can warn
// (compiler SyntaxWarnings, ...) without importing the pure-Python `warnings`, and `import
// warnings` takes its fast path (no `re` at start-up). Once `warnings` is imported its
// `filters`, `defaultaction`, `onceregistry` and `_showwarnmsg` are the ones consulted,
// exactly as CPython's _warnings.c does.
#include "stdlib/warnings_module.h"

#include <fstream>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/frame.h"
#include "runtime/function.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "stdlib/io_support.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

ListObject* g_filters = nullptr;
Value g_default_action;
DictObject* g_once_registry = nullptr;
int64_t g_filters_version = 0;

// An attribute of the `warnings` module if it is imported (or importing it when asked);
// empty when absent, empty with an exception pending on error.
Value warnings_attr(const char* name, bool try_import) {
  Value mod = dict_get_str(g_sys_modules, intern("warnings"));
  if (mod.is_empty_slot()) {
    if (!try_import) return Value();
    mod = import_module("warnings");
    if (mod.is_empty_slot()) {
      clear_exception();  // as CPython: an unimportable warnings module means "not there"
      return Value();
    }
  }
  bool error = false;
  return get_attr_opt(mod, intern(name), &error);
}

Value filter_tuple(const char* action, TypeObject* category, const char* module) {
  TupleObject* t = tuple_of({Value::from_obj(intern(action)), None, Value::from_obj(category),
                             module ? Value::from_obj(intern(module)) : None, Value::from_small_int(0)});
  return t ? Value::from_obj(t) : Value();
}

// The filters a non-debug CPython starts with.
bool init_state() {
  if (g_filters) return true;
  add_runtime_root_hook([](Visitor& v) {
    if (g_filters) v.visit(g_filters);
    if (g_once_registry) v.visit(g_once_registry);
    v.visit(g_default_action);
  });
  g_filters = new_list(0);
  g_once_registry = new_dict();
  g_default_action = Value::from_obj(intern("default"));
  if (!g_filters || !g_once_registry) return false;
  return list_append(g_filters, filter_tuple("default", DeprecationWarningType, "__main__")) &&
         list_append(g_filters, filter_tuple("ignore", DeprecationWarningType, nullptr)) &&
         list_append(g_filters, filter_tuple("ignore", PendingDeprecationWarningType, nullptr)) &&
         list_append(g_filters, filter_tuple("ignore", ImportWarningType, nullptr)) &&
         list_append(g_filters, filter_tuple("ignore", ResourceWarningType, nullptr));
}

// A filter's message / module part: None matches everything, a plain str exactly, anything
// else through its match() method (a compiled regex).
int check_matched(Value pattern, Value arg) {
  if (pattern == None) return 1;
  if (is_exact(pattern, StrType)) {
    if (!is_str(arg)) return 0;
    return as_str(pattern)->view() == as_str(arg)->view();
  }
  Value r = call_method(pattern, intern("match"), &arg, 1);
  if (r.is_empty_slot()) return -1;
  return is_true(r);
}

// The action of the first matching filter (and the filter itself in *item).
Value get_filter(Value category, Value text, int64_t lineno, Value module, Value* item) {
  Value mf = warnings_attr("filters", false);
  if (mf.is_empty_slot() && has_pending_exception()) return Value();
  Value filters = mf.is_empty_slot() ? Value::from_obj(g_filters) : mf;
  if (!is_list(filters)) return raise_msg(ValueErrorType, "_warnings.filters must be a list");
  ListObject* l = as_list(filters);
  for (int64_t i = 0; i < l->size; ++i) {
    Value f = l->items()[i];
    if (!is_exact(f, TupleType) || as_tuple(f)->size != 5)
      return raise_fmt(ValueErrorType, "_warnings.filters item %lld isn't a 5-tuple", static_cast<long long>(i));
    TupleObject* t = as_tuple(f);
    int good_msg = check_matched(t->items[1], text);
    if (good_msg < 0) return Value();
    int good_mod = check_matched(t->items[3], module);
    if (good_mod < 0) return Value();
    int is_sub = is_subclass(category, t->items[2]);
    if (is_sub < 0) return Value();
    int64_t ln = 0;
    if (!int_to_int64(t->items[4], &ln)) return Value();
    if (good_msg && is_sub && good_mod && (ln == 0 || lineno == ln)) {
      *item = f;
      return t->items[0];
    }
  }
  Value da = warnings_attr("defaultaction", false);
  if (da.is_empty_slot()) {
    if (has_pending_exception()) return Value();
    da = g_default_action;
  } else if (!is_str(da)) {
    return raise_fmt(TypeErrorType, "_warnings.defaultaction must be a string, not '%s'", type_name(da));
  }
  *item = None;
  return da;
}

// True (1) if `key` is already in `registry` for the current filters version; sets it when
// `should_set`. Resets a registry made under older filters.
int already_warned(DictObject* registry, Value key, bool should_set) {
  Value version = dict_get_str(registry, intern("version"));
  int64_t v = -1;
  if (version.is_empty_slot() || !is_int(version) || !int_to_int64(version, &v) || v != g_filters_version) {
    clear_exception();
    dict_clear(registry);
    if (!dict_set_str(registry, intern("version"), int_from_int64(g_filters_version))) return -1;
  } else {
    bool error = false;
    Value seen = dict_get(registry, key, &error);
    if (error) return -1;
    if (!seen.is_empty_slot()) {
      int t = is_true(seen);
      if (t != 0) return t;
    }
  }
  if (should_set) return dict_set(registry, key, True) ? 0 : -1;
  return 0;
}

int update_registry(DictObject* registry, Value text, Value category) {
  TupleObject* altkey = tuple_of({text, category});
  if (!altkey) return -1;
  return already_warned(registry, Value::from_obj(altkey), true);
}

// Line `lineno` of `filename`, leading blanks removed; false when unreadable.
bool source_line(const std::string& filename, int64_t lineno, std::string* out) {
  std::ifstream in(filename, std::ios::binary);
  if (!in) return false;
  std::string line;
  for (int64_t i = 1; i <= lineno; ++i)
    if (!std::getline(in, line)) return false;
  size_t b = line.find_first_not_of(" \t\f");
  if (b == std::string::npos) b = line.size();
  line = line.substr(b);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  *out = line;
  return true;
}

// The C-level printer, used while the `warnings` module is not imported.
void show_warning(Value filename, int64_t lineno, Value text, Value category, Value sourceline) {
  std::string fn, tx, name;
  if (!str_string(filename, &fn) || !str_string(text, &tx)) {
    clear_exception();
    return;
  }
  Value n = get_attr(category, intern("__name__"));
  if (n.is_empty_slot() || !str_string(n, &name)) {
    clear_exception();
    return;
  }
  std::string out = fn + ":" + std::to_string(lineno) + ": " + name + ": " + tx + "\n";
  std::string src;
  if (is_str(sourceline)) {
    src = std::string(as_str(sourceline)->view());
    size_t b = src.find_first_not_of(" \t\f");
    out += "  " + (b == std::string::npos ? std::string() : src.substr(b)) + "\n";
  } else if (source_line(fn, lineno, &src)) {
    out += "  " + src + "\n";
  }
  Value err = sys_attr("stderr");
  if (err.is_empty_slot() || err == None) {
    clear_exception();
    std::fputs("lost sys.stderr\n", stderr);
    return;
  }
  if (!write_to_file(err, out, false)) clear_exception();
}

// warnings._showwarnmsg(WarningMessage(...)) when warnings is imported, else show_warning.
bool call_show_warning(Value category, Value text, Value message, Value filename, int64_t lineno, Value sourceline,
                       Value source) {
  Value show = warnings_attr("_showwarnmsg", !source.is_empty_slot() && source != None);
  if (show.is_empty_slot()) {
    if (has_pending_exception()) return false;
    show_warning(filename, lineno, text, category, sourceline);
    return true;
  }
  if (!is_callable(show)) {
    raise_msg(TypeErrorType, "warnings._showwarnmsg() must be set to a callable");
    return false;
  }
  Value cls = warnings_attr("WarningMessage", false);
  if (cls.is_empty_slot()) {
    if (!has_pending_exception()) raise_msg(RuntimeErrorType, "unable to get warnings.WarningMessage");
    return false;
  }
  Value args[7] = {message, category, filename, int_from_int64(lineno), None, None,
                   source.is_empty_slot() ? None : source};
  Value msg = call(cls, args, 7);
  if (msg.is_empty_slot()) return false;
  return !call1(show, msg).is_empty_slot();
}

// "x.py" -> "x"; "" -> "<unknown>".
Value normalize_module(Value filename) {
  std::string fn;
  if (!str_string(filename, &fn)) return Value();
  if (fn.empty()) return str_value("<unknown>");
  if (fn.size() >= 3 && fn.compare(fn.size() - 3, 3, ".py") == 0) fn.resize(fn.size() - 3);
  return str_value(fn);
}

}  // namespace

Value warn_explicit_object(Value category, Value message, Value filename, int64_t lineno, Value module, Value registry,
                           Value sourceline, Value source) {
  if (!init_state()) return Value();
  if (!registry.is_empty_slot() && registry != None && !is_subtype(type_of(registry), DictType))
    return raise_msg(TypeErrorType, "'registry' must be a dict or None");
  if (module.is_empty_slot()) {
    module = normalize_module(filename);
    if (module.is_empty_slot()) return Value();
  }
  Value text;
  int inst = is_instance(message, Value::from_obj(WarningType));
  if (inst < 0) return Value();
  if (inst) {
    text = str_of(message);
    if (text.is_empty_slot()) return Value();
    category = Value::from_obj(type_of(message));
  } else {
    text = message;
    message = call1(category, message);
    if (message.is_empty_slot()) return Value();
  }
  TupleObject* key = tuple_of({text, category, int_from_int64(lineno)});
  if (!key) return Value();
  DictObject* reg = (!registry.is_empty_slot() && registry != None) ? static_cast<DictObject*>(registry.as_obj()) : nullptr;
  if (reg) {
    int rc = already_warned(reg, Value::from_obj(key), false);
    if (rc < 0) return Value();
    if (rc == 1) return None;
  }
  Value item;
  Value action = get_filter(category, text, lineno, module, &item);
  if (action.is_empty_slot()) return Value();
  if (!is_str(action)) return raise_fmt(TypeErrorType, "action must be a string, not '%s'", type_name(action));
  std::string_view act = as_str(action)->view();
  if (act == "error") return raise(message);
  if (act == "ignore") {
    if (reg && !dict_set(reg, Value::from_obj(key), True)) return Value();
    return None;
  }
  int rc = 0;
  if (act != "always") {
    if (reg && !dict_set(reg, Value::from_obj(key), True)) return Value();
    if (act == "once") {
      DictObject* once = reg;
      Value o = warnings_attr("onceregistry", false);
      if (o.is_empty_slot()) {
        if (has_pending_exception()) return Value();
        o = Value::from_obj(g_once_registry);
      } else if (!is_subtype(type_of(o), DictType)) {
        return raise_fmt(TypeErrorType, "_warnings.onceregistry must be a dict, not '%s'", type_name(o));
      }
      if (!reg) once = static_cast<DictObject*>(o.as_obj());
      rc = update_registry(once, text, category);
    } else if (act == "module") {
      if (reg) rc = update_registry(reg, text, category);
    } else if (act != "default") {
      std::string ar, ir;
      if (!repr_string(action, &ar) || !repr_string(item, &ir)) return Value();
      return raise_fmt(RuntimeErrorType, "Unrecognized action (%s) in warnings.filters:\n %s", ar.c_str(), ir.c_str());
    }
  }
  if (rc < 0) return Value();
  if (rc == 1) return None;
  if (!call_show_warning(category, text, message, filename, lineno, sourceline, source)) return Value();
  return None;
}

namespace {

// The caller's context `stacklevel` frames up: filename, line, module name, registry.
bool setup_context(int64_t stacklevel, Value* filename, int64_t* lineno, Value* module, Value* registry) {
  Frame* f = thread_state().frame;
  // Frames of the import machinery are skipped when counting levels (unless the warning is
  // issued from it), so a module warning at import time with stacklevel=2 names the importer.
  auto is_internal = [](Frame* fr) {
    std::string_view name = fr->code->filename->view();
    return name.find("importlib") != std::string_view::npos && name.find("_bootstrap") != std::string_view::npos;
  };
  if (stacklevel <= 0 || !f || is_internal(f)) {
    while (--stacklevel > 0 && f) f = f->back;
  } else {
    while (--stacklevel > 0 && f) {
      f = f->back;
      while (f && is_internal(f)) f = f->back;
    }
  }
  DictObject* globals;
  if (!f) {
    globals = g_sys_module->dict;
    *filename = str_value("sys");
    *lineno = 1;
  } else {
    globals = f->globals;
    *filename = Value::from_obj(f->code->filename);
    *lineno = code_line(f->code, f->pc);
  }
  Value reg = dict_get_str(globals, intern("__warningregistry__"));
  if (reg.is_empty_slot()) {
    DictObject* d = new_dict();
    if (!d || !dict_set_str(globals, intern("__warningregistry__"), Value::from_obj(d))) return false;
    reg = Value::from_obj(d);
  }
  *registry = reg;
  Value name = dict_get_str(globals, intern("__name__"));
  *module = (!name.is_empty_slot() && (name == None || is_str(name))) ? name : str_value("<string>");
  return true;
}

// The category warn() uses: the message's class for a Warning instance, UserWarning for None.
Value get_category(Value message, Value category) {
  int inst = is_instance(message, Value::from_obj(WarningType));
  if (inst < 0) return Value();
  if (inst) category = Value::from_obj(type_of(message));
  else if (category.is_empty_slot() || category == None) category = Value::from_obj(UserWarningType);
  bool is_cls = category.is_obj() && has(category.as_obj()->type, TypeFlag::TypeSubclass);
  int sub = is_cls ? is_subclass(category, Value::from_obj(WarningType)) : 0;
  if (sub <= 0) {
    clear_exception();
    return raise_fmt(TypeErrorType, "category must be a Warning subclass, not '%s'", type_name(category));
  }
  return category;
}

Value do_warn(Value message, Value category, int64_t stacklevel, Value source) {
  Value filename, module, registry;
  int64_t lineno = 0;
  if (!setup_context(stacklevel, &filename, &lineno, &module, &registry)) return Value();
  return warn_explicit_object(category, message, filename, lineno, module, registry, Value(), source);
}

// warn(message, category=None, stacklevel=1, source=None)
Value w_warn(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args("warn", args, nargs, kwnames, {"message", "category", "stacklevel", "source"}, 1, a)) return Value();
  Value category = get_category(a[0], a[1]);
  if (category.is_empty_slot()) return Value();
  int64_t level = 1;
  if (!a[2].is_empty_slot()) {
    bool overflow = false;
    if (!as_int64(a[2], &level, &overflow)) return Value();
    if (overflow) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  }
  return do_warn(a[0], category, level, a[3]);
}

// warn_explicit(message, category, filename, lineno, module=None, registry=None,
//               module_globals=None, source=None)
Value w_warn_explicit(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[8];
  if (!parse_args("warn_explicit", args, nargs, kwnames,
                  {"message", "category", "filename", "lineno", "module", "registry", "module_globals", "source"}, 4, a))
    return Value();
  if (!is_str(a[2])) return raise_fmt(TypeErrorType, "warn_explicit() argument 3 must be str, not %s", type_name(a[2]));
  int64_t lineno = 0;
  bool overflow = false;
  if (!as_int64(a[3], &lineno, &overflow)) return Value();
  if (!a[6].is_empty_slot() && a[6] != None && !is_subtype(type_of(a[6]), DictType))
    return raise_fmt(TypeErrorType, "module_globals must be a dict, not '%s'", type_name(a[6]));
  Value module = a[4].is_empty_slot() || a[4] == None ? Value() : a[4];
  return warn_explicit_object(a[1], a[0], a[2], lineno, module, a[5], Value(), a[7]);
}

Value w_filters_mutated(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_filters_mutated", nargs, kwnames, 0, 0)) return Value();
  ++g_filters_version;
  return None;
}

const NativeFunctionDef kWarningsFunctions[] = {
    {"warn", w_warn},
    {"warn_explicit", w_warn_explicit},
    {"_filters_mutated", w_filters_mutated},
};

bool init_warnings(ModuleObject* m) {
  if (!init_state()) return false;
  return module_add(m, "filters", Value::from_obj(g_filters)) &&
         module_add(m, "_defaultaction", g_default_action) &&
         module_add(m, "_onceregistry", Value::from_obj(g_once_registry));
}

}  // namespace

bool warn(TypeObject* category, const std::string& message, int stacklevel) {
  Value r = do_warn(str_value(message), Value::from_obj(category), stacklevel, Value());
  return !r.is_empty_slot();
}

bool warn_explicit(TypeObject* category, const std::string& message, const std::string& filename, int lineno) {
  Value r = warn_explicit_object(Value::from_obj(category), str_value(message), str_value(filename), lineno, Value(),
                                 Value(), Value(), Value());
  return !r.is_empty_slot();
}

extern const NativeModuleDef kWarningsModule;
const NativeModuleDef kWarningsModule = {"_warnings", kWarningsFunctions, std::size(kWarningsFunctions), init_warnings};

}  // namespace coil::lib
