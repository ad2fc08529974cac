// import.cpp — the import statement and __import__, CPython's way: the name is resolved
// (relative imports) and looked up in sys.modules here, natively; a miss goes to
// importlib._bootstrap._find_and_load (CPython's own pure-Python machinery, installed by
// import_bootstrap.cpp), and `from package import x` to _bootstrap._handle_fromlist.
// Until that machinery is installed (at start-up, or when a module it needs is missing)
// a small native finder stands in: built-in modules, then `name.py`, `name/__init__.py`
// or a namespace package directory along sys.path / the parent's __path__.
#include "stdlib/warnings_module.h"
#include "runtime/import.h"

#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "frontend/source.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/run.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

bool is_file(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
bool is_dir(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// ModuleNotFoundError("No module named 'x'", name='x').
Value module_not_found(std::string_view name, std::string msg = "") {
  if (msg.empty()) msg = "No module named " + str_repr(name);
  TupleObject* args = tuple_of({str_value(msg)});
  ExceptionObject* e = args ? new_exception(ModuleNotFoundErrorType, args) : nullptr;
  if (!e || !dict_set_str(e->dict, intern("name"), str_value(name))) return Value();
  return raise(Value::from_obj(e));
}

// ---- the native stand-in finder -----------------------------------------------------------
// Modules the native loader is executing (importlib marks these with __spec__._initializing).
std::vector<std::string> g_native_initializing;

enum class Found { None, Module, Package, Namespace };

// Finds `leaf` in the directories `path` (a list of str): a module file, a regular
// package, or (if nothing else matches anywhere) a namespace package's directories.
Found find_source(std::string_view leaf, Value path, std::string* file, std::vector<std::string>* ns_dirs) {
  if (!is_list(path)) return Found::None;
  ListObject* l = as_list(path);
  for (int64_t i = 0; i < l->size; ++i) {
    if (!is_str(l->items()[i])) continue;
    std::string dir(as_str(l->items()[i])->view());
    std::string base = (dir.empty() ? "" : dir + "/") + std::string(leaf);
    if (is_file(base + "/__init__.py")) {
      *file = base + "/__init__.py";
      return Found::Package;
    }
    if (is_file(base + ".py")) {
      *file = base + ".py";
      return Found::Module;
    }
    if (is_dir(base)) ns_dirs->push_back(base);
  }
  return ns_dirs->empty() ? Found::None : Found::Namespace;
}

bool read_source(const std::string& file, std::string* out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    raise_fmt(ImportErrorType, "cannot read %s", file.c_str());
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

Value native_load(const std::string& fullname, Found kind, const std::string& file,
                  const std::vector<std::string>& ns_dirs) {
  ModuleObject* m = new_module(fullname);
  if (!m) return Value();
  bool package = kind != Found::Module;
  dict_set_str(m->dict, names::dunder_file, kind == Found::Namespace ? None : str_value(file));
  size_t dot = fullname.rfind('.');
  std::string parent = package ? fullname : (dot == std::string::npos ? "" : fullname.substr(0, dot));
  dict_set_str(m->dict, names::dunder_package, str_value(parent));
  if (package) {
    ListObject* p = new_list(0);
    if (!p) return Value();
    if (kind == Found::Package) list_append(p, str_value(file.substr(0, file.rfind('/'))));
    for (const std::string& d : ns_dirs) list_append(p, str_value(d));
    dict_set_str(m->dict, names::dunder_path, Value::from_obj(p));
  }
  // In sys.modules before running, so import cycles see the partial module.
  Value key = str_value(fullname);
  dict_set(g_sys_modules, key, Value::from_obj(m));
  if (kind == Found::Namespace) return Value::from_obj(m);
  std::string source;
  g_native_initializing.push_back(fullname);
  Value r = read_source(file, &source) ? exec_module_source(source, file, m) : Value();
  g_native_initializing.pop_back();
  if (r.is_empty_slot()) {
    Value exc = take_exception();
    dict_del(g_sys_modules, key);
    return raise(exc);
  }
  // The module may have replaced itself in sys.modules.
  Value final = dict_get_str(g_sys_modules, as_str(key));
  return final.is_empty_slot() ? Value::from_obj(m) : final;
}

// The native stand-in for _bootstrap._find_and_load: parents first; the leaf is bound
// on its parent.
Value native_find_and_load(std::string_view name) {
  Value key = str_value(name);
  Value existing = dict_get_str(g_sys_modules, as_str(key));
  if (!existing.is_empty_slot()) {
    if (existing == None) return module_not_found(name, "import of " + std::string(name) + " halted; None in sys.modules");
    return existing;
  }
  size_t dot = name.rfind('.');
  Value parent;
  Value path = sys_attr("path");
  if (dot != std::string_view::npos) {
    parent = native_find_and_load(name.substr(0, dot));
    if (parent.is_empty_slot()) return parent;
    existing = dict_get_str(g_sys_modules, as_str(key));  // the parent's import may have imported us
    if (!existing.is_empty_slot()) return existing;
    bool err = false;
    path = get_attr_opt(parent, names::dunder_path, &err);
    if (err) return Value();
    if (path.is_empty_slot())
      return module_not_found(name, "No module named " + str_repr(name) + "; " + str_repr(name.substr(0, dot)) +
                                        " is not a package");
  } else if (const NativeModuleDef* def = find_native_module(name)) {
    ModuleObject* m = create_native_module(*def);
    if (!m) return Value();
    dict_set_str(g_sys_modules, as_str(key), Value::from_obj(m));
    return Value::from_obj(m);
  }
  std::string leaf(dot == std::string_view::npos ? name : name.substr(dot + 1));
  std::string file;
  std::vector<std::string> ns_dirs;
  Found kind = find_source(leaf, path, &file, &ns_dirs);
  if (kind == Found::None) return module_not_found(name);
  Value m = native_load(std::string(name), kind, file, ns_dirs);
  if (m.is_empty_slot()) return m;
  if (!parent.is_empty_slot() && !set_attr(parent, intern(leaf), m)) return Value();
  return m;
}

// ---- shared by both paths -----------------------------------------------------------------
Value builtins_import() {
  Value imp = dict_get_str(g_builtins_module->dict, names::dunder_import);
  return imp.is_empty_slot() ? raise_msg(ImportErrorType, "__import__ not found") : imp;
}

Value find_and_load(std::string_view name) {
  Value fn = importlib_function(ImportlibFn::FindAndLoad);
  if (fn.is_empty_slot()) return native_find_and_load(name);
  Value imp = builtins_import();
  if (imp.is_empty_slot()) return imp;
  Value args[2] = {str_value(name), imp};
  return call(fn, args, 2);
}

// True when module.__spec__._initializing is true (the module is still executing).
bool spec_initializing(Value module) {
  bool err = false;
  Value spec = get_attr_opt(module, intern("__spec__"), &err);
  if (err) {
    clear_exception();
    return false;
  }
  if (spec.is_empty_slot() || spec == None) {
    Value n = get_attr_opt(module, names::dunder_name, &err);
    if (err) clear_exception();
    if (n.is_empty_slot() || !is_str(n)) return false;
    for (const std::string& s : g_native_initializing)
      if (s == as_str(n)->view()) return true;
    return false;
  }
  Value init = get_attr_opt(spec, intern("_initializing"), &err);
  if (err) {
    clear_exception();
    return false;
  }
  if (init.is_empty_slot()) return false;
  int t = is_true(init);
  if (t < 0) clear_exception();
  return t > 0;
}

// A module found in sys.modules: if another thread is still initialising it, wait for it
// (_bootstrap._lock_unlock_module), as CPython's import_ensure_initialized does.
bool ensure_initialized(Value module, std::string_view name) {
  Value fn = importlib_function(ImportlibFn::LockUnlockModule);
  if (fn.is_empty_slot() || !spec_initializing(module)) return true;
  return !call1(fn, str_value(name)).is_empty_slot();
}

Value import_absolute(std::string_view name) {
  Value existing = dict_get_str(g_sys_modules, as_str(str_value(name)));
  if (!existing.is_empty_slot() && existing != None) {
    if (!ensure_initialized(existing, name)) return Value();
    return existing;
  }
  return find_and_load(name);
}

// Resolves a relative import against the importer's __package__ / __spec__ / __name__
// (CPython's resolve_name, with its messages).
bool resolve_name(std::string_view name, int64_t level, Value globals, std::string* out) {
  if (globals.is_empty_slot() || globals == None) {
    raise_msg(KeyErrorType, "'__name__' not in globals");
    return false;
  }
  if (!is_dict(globals)) {
    raise_msg(TypeErrorType, "globals must be a dict");
    return false;
  }
  DictObject* g = as_dict(globals);
  Value package = dict_get_str(g, names::dunder_package);
  if (package == None) package = Value();
  Value spec = dict_get_str(g, intern("__spec__"));
  std::string pkg;
  if (!package.is_empty_slot()) {
    if (!is_str(package)) {
      raise_msg(TypeErrorType, "package must be a string");
      return false;
    }
    pkg = as_str(package)->view();
  } else if (!spec.is_empty_slot() && spec != None) {
    Value parent = get_attr(spec, intern("parent"));
    if (parent.is_empty_slot()) return false;
    if (!is_str(parent)) {
      raise_msg(TypeErrorType, "__spec__.parent must be a string");
      return false;
    }
    pkg = as_str(parent)->view();
  } else {
    if (!lib::warn(ImportWarningType,
                   "can't resolve package from __spec__ or __package__, falling back on __name__ and __path__", 1))
      return false;
    Value n = dict_get_str(g, names::dunder_name);
    if (n.is_empty_slot()) {
      raise_msg(KeyErrorType, "'__name__' not in globals");
      return false;
    }
    if (!is_str(n)) {
      raise_msg(TypeErrorType, "__name__ must be a string");
      return false;
    }
    pkg = as_str(n)->view();
    if (dict_get_str(g, names::dunder_path).is_empty_slot()) {
      size_t dot = pkg.rfind('.');
      pkg = dot == std::string::npos ? "" : pkg.substr(0, dot);
    }
  }
  if (pkg.empty()) {
    raise_msg(ImportErrorType, "attempted relative import with no known parent package");
    return false;
  }
  size_t last = pkg.size();
  for (int64_t i = 1; i < level; ++i) {
    size_t dot = last == 0 ? std::string::npos : pkg.rfind('.', last - 1);
    if (dot == std::string::npos) {
      raise_msg(ImportErrorType, "attempted relative import beyond top-level package");
      return false;
    }
    last = dot;
  }
  std::string base = pkg.substr(0, last);
  *out = name.empty() ? base : base + "." + std::string(name);
  return true;
}

// The native stand-in for _bootstrap._handle_fromlist: imports submodules named in
// `fromlist` (and in __all__ for '*') that are not attributes yet.
bool native_handle_fromlist(Value module, const std::string& full, Value fromlist, bool recursive) {
  Value it = get_iter(fromlist);
  if (it.is_empty_slot()) return false;
  while (true) {
    bool done = false;
    Value x = iter_next(it, &done);
    if (done) return true;
    if (x.is_empty_slot()) return false;
    if (!is_str(x)) {
      raise_fmt(TypeErrorType, "%s must be str, not %s", recursive ? "Item in module.__all__" : "Item in module.__all__",
                type_name(x));
      return false;
    }
    std::string_view item = as_str(x)->view();
    if (item == "*") {
      if (recursive) continue;
      bool err = false;
      Value all = get_attr_opt(module, names::dunder_all, &err);
      if (err) return false;
      if (!all.is_empty_slot() && !native_handle_fromlist(module, full, all, true)) return false;
      continue;
    }
    bool err = false;
    if (!get_attr_opt(module, as_str(x), &err).is_empty_slot()) continue;
    if (err) return false;
    std::string sub = full + "." + std::string(item);
    if (find_and_load(sub).is_empty_slot()) {
      // A missing submodule is fine: the caller's getattr reports the name.
      Value exc = pending_exception();
      if (!pending_matches(ModuleNotFoundErrorType)) return false;
      ExceptionObject* e = as_exception(exc);
      Value n = e->dict ? dict_get_str(e->dict, intern("name")) : Value();
      if (n.is_empty_slot() || !is_str(n) || as_str(n)->view() != sub) return false;
      clear_exception();
    }
  }
}

// Drops importlib's frames from the pending exception's traceback, as CPython does: all
// of them for an ImportError, otherwise the chunks that end in _call_with_frames_removed
// (the loader running the module's own code). Not with -v.
void remove_importlib_frames() {
  if (importlib_function(ImportlibFn::FindAndLoad).is_empty_slot() || (g_config && g_config->verbose)) return;
  Value exc = pending_exception();
  if (!is_exception(exc)) return;
  ExceptionObject* e = as_exception(exc);
  bool always = is_subtype(e->type, ImportErrorType);
  Value* prev_link = &e->traceback;
  Value* outer_link = nullptr;
  bool in_importlib = false;
  Value tb = e->traceback;
  while (tb.is_obj() && tb.as_obj()->type == TracebackType) {
    auto* t = static_cast<TracebackObject*>(tb.as_obj());
    Value next = t->next;
    std::string_view file = t->code->filename ? t->code->filename->view() : std::string_view();
    bool now = file == kBootstrapFilename || file == kBootstrapExternalFilename;
    if (now && !in_importlib) outer_link = prev_link;
    in_importlib = now;
    if (in_importlib && (always || (t->code->name && t->code->name->view() == "_call_with_frames_removed"))) {
      *outer_link = next;
      prev_link = outer_link;
    } else {
      prev_link = &t->next;
    }
    tb = next;
  }
}

Value do_import_inner(std::string_view name, Value globals, Value fromlist, int64_t level);

Value do_import(std::string_view name, Value globals, Value fromlist, int64_t level) {
  Value r = do_import_inner(name, globals, fromlist, level);
  if (r.is_empty_slot()) remove_importlib_frames();
  return r;
}

Value do_import_inner(std::string_view name, Value globals, Value fromlist, int64_t level) {
  if (level < 0) return raise_msg(ValueErrorType, "level must be >= 0");
  std::string abs_name;
  if (level > 0) {
    if (!resolve_name(name, level, globals, &abs_name)) return Value();
  } else {
    if (name.empty()) return raise_msg(ValueErrorType, "Empty module name");
    abs_name = name;
  }
  Value mod = import_absolute(abs_name);
  if (mod.is_empty_slot()) return mod;
  int has_from = fromlist.is_empty_slot() || fromlist == None ? 0 : is_true(fromlist);
  if (has_from < 0) return Value();
  if (!has_from) {
    if (level == 0 || !name.empty()) {
      size_t dot = name.find('.');
      if (dot == std::string_view::npos) return mod;
      if (level == 0) return do_import(name.substr(0, dot), Value(), Value(), 0);
      size_t cut = name.size() - dot;
      std::string to_return = abs_name.substr(0, abs_name.size() - cut);
      Value r = dict_get_str(g_sys_modules, as_str(str_value(to_return)));
      if (r.is_empty_slot()) return raise_fmt(KeyErrorType, "%s not in sys.modules as expected", str_repr(to_return).c_str());
      return r;
    }
    return mod;
  }
  bool err = false;
  Value path = get_attr_opt(mod, names::dunder_path, &err);
  if (err) return Value();
  if (path.is_empty_slot()) return mod;
  Value fn = importlib_function(ImportlibFn::HandleFromlist);
  if (fn.is_empty_slot()) return native_handle_fromlist(mod, abs_name, fromlist, false) ? mod : Value();
  Value imp = builtins_import();
  if (imp.is_empty_slot()) return imp;
  Value args[3] = {mod, fromlist, imp};
  return call(fn, args, 3);
}

}  // namespace

Value exec_module_source(std::string_view source, const std::string& filename, ModuleObject* module) {
  CodeObject* code;
  try {
    fe::DecodedSource decoded = fe::decode_source(source, filename, fe::SourceOrigin::Bytes);
    code = compile_source(decoded.text, filename, 0, g_config ? g_config->optimize : 0);
  } catch (const fe::SyntaxErrorException& e) {
    raise_syntax_error(e.info);
    return Value();
  }
  if (!code) return Value();
  return run_code(code, module->dict, Value::from_obj(module->dict));
}

Value import_module(std::string_view name) {
  Value r = import_absolute(name);
  if (r.is_empty_slot()) remove_importlib_frames();
  return r;
}

bool module_initializing(Value module) { return spec_initializing(module); }

bool module_uninitialized_submodule(Value module, StrObject* name) {
  bool err = false;
  Value spec = get_attr_opt(module, intern("__spec__"), &err);
  if (err) {
    clear_exception();
    return false;
  }
  if (spec.is_empty_slot() || spec == None) {
    Value n = get_attr_opt(module, names::dunder_name, &err);
    if (err) clear_exception();
    if (n.is_empty_slot() || !is_str(n)) return false;
    std::string full = std::string(as_str(n)->view()) + "." + std::string(name->view());
    for (const std::string& s : g_native_initializing)
      if (s == full) return true;
    return false;
  }
  Value subs = get_attr_opt(spec, intern("_uninitialized_submodules"), &err);
  if (err || subs.is_empty_slot()) {
    if (err) clear_exception();
    return false;
  }
  int r = contains(subs, Value::from_obj(name));
  if (r < 0) clear_exception();
  return r > 0;
}

Value import_native_path(std::string_view name) { return native_find_and_load(name); }

Value import_name(Frame* f, StrObject* name, Value fromlist, Value level) {
  Value imp = dict_get_str(f->builtins, names::dunder_import);
  if (imp.is_empty_slot()) return raise_msg(ImportErrorType, "__import__ not found");
  int64_t lv = 0;
  if (!int_to_int64(level, &lv)) lv = 0;
  if (imp.is_obj() && imp.as_obj()->type == NativeFunctionType &&
      static_cast<NativeFunctionObject*>(imp.as_obj())->fn == import_builtin)
    return do_import(name->view(), Value::from_obj(f->globals), fromlist, lv);
  Value args[5] = {Value::from_obj(name), Value::from_obj(f->globals),
                   f->locals.is_empty_slot() ? None : f->locals, fromlist, level};
  return call(imp, args, 5);
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
Value import_builtin(Value* args, int64_t nargs, TupleObject* kwnames) {
  static const char* const kNames[] = {"name", "globals", "locals", "fromlist", "level"};
  Value a[5];
  for (int64_t i = 0; i < nargs && i < 5; ++i) a[i] = args[i];
  if (nargs > 5)
    return raise_fmt(TypeErrorType, "__import__() takes at most 5 arguments (%lld given)", static_cast<long long>(nargs));
  for (int64_t k = 0; kwnames && k < kwnames->size; ++k) {
    std::string_view kn = as_str(kwnames->items[k])->view();
    int idx = -1;
    for (int j = 0; j < 5; ++j)
      if (kn == kNames[j]) idx = j;
    if (idx < 0)
      return raise_fmt(TypeErrorType, "'%.*s' is an invalid keyword argument for __import__()", static_cast<int>(kn.size()),
                       kn.data());
    if (idx < nargs)
      return raise_fmt(TypeErrorType, "argument for __import__() given by name ('%s') and position (%d)", kNames[idx], idx + 1);
    a[idx] = args[nargs + k];
  }
  if (a[0].is_empty_slot()) return raise_msg(TypeErrorType, "__import__() missing required argument 'name' (pos 1)");
  if (!is_str(a[0])) return raise_msg(TypeErrorType, "module name must be a string");
  int64_t lv = 0;
  if (!a[4].is_empty_slot()) {
    bool overflow = false;
    if (is_float(a[4])) return raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
    if (!as_int64(a[4], &lv, &overflow)) return Value();
  }
  Value globals = a[1];
  if (lv > 0 && (globals.is_empty_slot() || globals == None)) globals = Value();
  return do_import(as_str(a[0])->view(), globals, a[3], lv);
}

Value import_from(Value module, StrObject* name) {
  bool err = false;
  Value v = get_attr_opt(module, name, &err);
  if (!v.is_empty_slot() || err) return v;
  // A submodule that is in sys.modules but not yet bound on its package (a cycle).
  Value pkgname = get_attr_opt(module, names::dunder_name, &err);
  if (err) clear_exception();
  if (pkgname.is_empty_slot() || !is_str(pkgname)) {
    return raise_fmt(ImportErrorType, "cannot import name %s", str_repr(name->view()).c_str());
  }
  std::string full = std::string(as_str(pkgname)->view()) + "." + std::string(name->view());
  Value sub = dict_get_str(g_sys_modules, as_str(str_value(full)));
  if (!sub.is_empty_slot()) return sub;
  Value file = get_attr_opt(module, names::dunder_file, &err);
  if (err) clear_exception();
  bool has_file = !file.is_empty_slot() && is_str(file);
  std::string where = has_file ? std::string(as_str(file)->view()) : "unknown location";
  std::string msg;
  std::string n = str_repr(name->view()), m = str_repr(as_str(pkgname)->view());
  if (spec_initializing(module)) {
    msg = "cannot import name " + n + " from partially initialized module " + m +
          " (most likely due to a circular import) (" + where + ")";
  } else {
    msg = "cannot import name " + n + " from " + m + " (" + where + ")";
  }
  TupleObject* args = tuple_of({str_value(msg)});
  ExceptionObject* e = args ? new_exception(ImportErrorType, args) : nullptr;
  if (!e || !dict_set_str(e->dict, intern("name"), pkgname) ||
      !dict_set_str(e->dict, intern("path"), has_file ? file : None))
    return Value();
  return raise(Value::from_obj(e));
}

bool import_star(Frame* f, Value module) {
  bool err = false;
  Value all = get_attr_opt(module, names::dunder_all, &err);
  if (err) return false;
  Value target = f->locals;
  auto store = [&](Value k, Value v) {
    return is_dict(target) ? dict_set(as_dict(target), k, v) : set_item(target, k, v);
  };
  if (!all.is_empty_slot()) {
    Value it = get_iter(all);
    if (it.is_empty_slot()) return false;
    while (true) {
      bool done = false;
      Value k = iter_next(it, &done);
      if (done) return true;
      if (k.is_empty_slot()) return false;
      if (!is_str(k)) {
        Value mn = get_attr_opt(module, names::dunder_name, &err);
        std::string modname = !mn.is_empty_slot() && is_str(mn) ? std::string(as_str(mn)->view()) : "module";
        raise_fmt(TypeErrorType, "Item in %s.__all__ must be str, not %s", modname.c_str(), type_name(k));
        return false;
      }
      Value v = get_attr(module, as_str(k));
      if (v.is_empty_slot() || !store(k, v)) return false;
    }
  }
  Value d = get_attr(module, names::dunder_dict);
  if (d.is_empty_slot()) return false;
  if (!is_dict(d)) {
    raise_msg(ImportErrorType, "from-import-* object has no __dict__ and no __all__");
    return false;
  }
  int64_t pos = 0;
  Value k, v;
  while (dict_next(as_dict(d), &pos, &k, &v)) {
    if (is_str(k) && as_str(k)->nbytes && as_str(k)->data[0] == '_') continue;
    if (!store(k, v)) return false;
  }
  return true;
}

Value native_run_module_as_main(const std::string& name) {
  // Find the module's file and run it as __main__ (packages run their __main__ submodule).
  size_t dot = name.rfind('.');
  Value path = sys_attr("path");
  std::string pkgname = dot == std::string::npos ? "" : name.substr(0, dot);
  if (!pkgname.empty()) {
    Value parent = import_absolute(pkgname);
    if (parent.is_empty_slot()) return parent;
    bool err = false;
    path = get_attr_opt(parent, names::dunder_path, &err);
    if (err) return Value();
  }
  std::string file;
  std::vector<std::string> ns_dirs;
  std::string leaf = dot == std::string::npos ? name : name.substr(dot + 1);
  Found kind = find_source(leaf, path, &file, &ns_dirs);
  if (kind == Found::None || kind == Found::Namespace) {
    g_module_not_found_for_main = true;
    if (kind == Found::Namespace)
      return raise_fmt(ModuleNotFoundErrorType, "No module named %s.__main__; '%s' is a package and cannot be directly executed",
                       name.c_str(), name.c_str());
    if (name.size() > 9 && name.compare(name.size() - 9, 9, ".__main__") == 0) {
      std::string pkg = name.substr(0, name.size() - 9);
      return raise_fmt(ModuleNotFoundErrorType, "No module named %s; '%s' is a package and cannot be directly executed",
                       name.c_str(), pkg.c_str());
    }
    return raise_fmt(ModuleNotFoundErrorType, "No module named %s", name.c_str());
  }
  if (kind == Found::Package) {
    // The package itself is imported first, as runpy does.
    if (import_absolute(name).is_empty_slot()) return Value();
    return native_run_module_as_main(name + ".__main__");
  }
  ModuleObject* m = new_module("__main__");
  if (!m) return Value();
  dict_set_str(m->dict, names::dunder_file, str_value(file));
  dict_set_str(m->dict, names::dunder_builtins, Value::from_obj(g_builtins_module));
  dict_set_str(m->dict, names::dunder_package, str_value(pkgname));
  dict_set_str(g_sys_modules, intern("__main__"), Value::from_obj(m));
  Value argv = sys_attr("argv");
  if (is_list(argv) && as_list(argv)->size > 0) as_list(argv)->items()[0] = str_value(file);
  std::string source;
  if (!read_source(file, &source)) return Value();
  return exec_module_source(source, file, m);
}

}  // namespace coil::rt
