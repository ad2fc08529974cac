// import.cpp — a first import system: sys.modules, native modules, then `name.py` or
// `name/__init__.py` on sys.path; packages, relative imports, `from m import x`, `*`.
// (importlib compatibility, namespace packages and bytecode caching are still to come.)
#include "runtime/import.h"

#include "runtime/init.h"

#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "frontend/source.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
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

Value module_not_found(std::string_view name) {
  ExceptionObject* e = new_exception(ModuleNotFoundErrorType, nullptr);
  if (!e) return Value();
  std::string msg = "No module named " + str_repr(name);
  e->args = tuple_of({str_value(msg)});
  e->dict = new_dict();
  dict_set_str(e->dict, intern("msg"), str_value(msg));
  dict_set_str(e->dict, intern("name"), str_value(name));
  dict_set_str(e->dict, intern("path"), None);
  return raise(Value::from_obj(e));
}

// Finds `leaf` in the directories `path` (a list of str): a module file or a package.
bool find_source(std::string_view leaf, Value path, std::string* file, bool* is_package) {
  if (!is_list(path)) return false;
  ListObject* l = as_list(path);
  for (int64_t i = 0; i < l->size; ++i) {
    if (!is_str(l->items()[i])) continue;
    std::string dir(as_str(l->items()[i])->view());
    std::string base = (dir.empty() ? "" : dir + "/") + std::string(leaf);
    if (is_file(base + "/__init__.py")) {
      *file = base + "/__init__.py";
      *is_package = true;
      return true;
    }
    if (is_file(base + ".py")) {
      *file = base + ".py";
      *is_package = false;
      return true;
    }
  }
  return false;
}

Value load_source_module(const std::string& fullname, const std::string& file, bool is_package) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  ModuleObject* m = new_module(fullname);
  if (!m) return Value();
  dict_set_str(m->dict, names::dunder_file, str_value(file));
  dict_set_str(m->dict, names::dunder_builtins, Value::from_obj(g_builtins_module));
  size_t dot = fullname.rfind('.');
  std::string package = is_package ? fullname : (dot == std::string::npos ? "" : fullname.substr(0, dot));
  dict_set_str(m->dict, names::dunder_package, str_value(package));
  if (is_package) {
    std::string dir = file.substr(0, file.rfind('/'));
    ListObject* p = new_list(0);
    list_append(p, str_value(dir));
    dict_set_str(m->dict, names::dunder_path, Value::from_obj(p));
  }
  // In sys.modules before running, so import cycles see the partial module.
  dict_set(g_sys_modules, str_value(fullname), Value::from_obj(m));
  Value r = exec_module_source(ss.str(), file, m);
  if (r.is_empty_slot()) {
    Value exc = take_exception();
    dict_del(g_sys_modules, str_value(fullname));
    raise(exc);
    return Value();
  }
  // The module may have replaced itself in sys.modules.
  Value final = dict_get_str(g_sys_modules, as_str(str_value(fullname)));
  return final.is_empty_slot() ? Value::from_obj(m) : final;
}

// Imports one absolute dotted name, parents first; returns the leaf module.
Value import_absolute(std::string_view name) {
  Value key = str_value(name);
  Value existing = dict_get_str(g_sys_modules, as_str(key));
  if (!existing.is_empty_slot()) {
    if (existing == None) return module_not_found(name);
    return existing;
  }
  size_t dot = name.rfind('.');
  Value parent;
  Value path = sys_attr("path");
  if (dot != std::string_view::npos) {
    parent = import_absolute(name.substr(0, dot));
    if (parent.is_empty_slot()) return parent;
    // The parent's import may have imported us.
    existing = dict_get_str(g_sys_modules, as_str(key));
    if (!existing.is_empty_slot()) return existing;
    bool err = false;
    path = get_attr_opt(parent, names::dunder_path, &err);
    if (err) return Value();
    if (path.is_empty_slot()) {
      std::string msg = "No module named " + str_repr(name) + "; " + str_repr(name.substr(0, dot)) + " is not a package";
      ExceptionObject* e = new_exception(ModuleNotFoundErrorType, tuple_of({str_value(msg)}));
      return e ? raise(Value::from_obj(e)) : Value();
    }
  } else if (const NativeModuleDef* def = find_native_module(name)) {
    ModuleObject* m = create_native_module(*def);
    if (!m) return Value();
    dict_set_str(g_sys_modules, as_str(key), Value::from_obj(m));
    return Value::from_obj(m);
  }
  std::string leaf(dot == std::string_view::npos ? name : name.substr(dot + 1));
  std::string file;
  bool is_package = false;
  if (!find_source(leaf, path, &file, &is_package)) return module_not_found(name);
  Value m = load_source_module(std::string(name), file, is_package);
  if (m.is_empty_slot()) return m;
  if (!parent.is_empty_slot()) set_attr(parent, intern(leaf), m);
  return m;
}

// Resolves a relative import against the importing module's __package__ / __name__.
bool resolve_name(std::string_view name, int64_t level, DictObject* globals, std::string* out) {
  if (level == 0) {
    *out = name;
    return true;
  }
  Value pkg = globals ? dict_get_str(globals, names::dunder_package) : Value();
  std::string package;
  if (!pkg.is_empty_slot() && is_str(pkg)) {
    package = as_str(pkg)->view();
  } else if (globals) {
    Value n = dict_get_str(globals, names::dunder_name);
    Value p = dict_get_str(globals, names::dunder_path);
    if (!n.is_empty_slot() && is_str(n)) {
      package = as_str(n)->view();
      if (p.is_empty_slot()) {
        size_t dot = package.rfind('.');
        package = dot == std::string::npos ? "" : package.substr(0, dot);
      }
    }
  }
  if (package.empty()) {
    raise_msg(ImportErrorType, "attempted relative import with no known parent package");
    return false;
  }
  for (int64_t i = 1; i < level; ++i) {
    size_t dot = package.rfind('.');
    if (dot == std::string::npos) {
      raise_msg(ImportErrorType, "attempted relative import beyond top-level package");
      return false;
    }
    package = package.substr(0, dot);
  }
  *out = name.empty() ? package : package + "." + std::string(name);
  return true;
}

Value do_import(std::string_view name, DictObject* globals, Value fromlist, int64_t level) {
  std::string full;
  if (!resolve_name(name, level, globals, &full)) return Value();
  if (full.empty()) return raise_msg(ValueErrorType, "Empty module name");
  Value leaf = import_absolute(full);
  if (leaf.is_empty_slot()) return leaf;
  bool has_fromlist = !fromlist.is_empty_slot() && fromlist != None && is_true(fromlist) == 1;
  if (has_fromlist) {
    // from package import submodule: import submodules named in fromlist.
    bool err = false;
    Value path = get_attr_opt(leaf, names::dunder_path, &err);
    if (!path.is_empty_slot() && is_exact(fromlist, TupleType)) {
      TupleObject* fl = as_tuple(fromlist);
      for (int64_t i = 0; i < fl->size; ++i) {
        if (!is_str(fl->items[i]) || as_str(fl->items[i])->view() == "*") continue;
        bool e2 = false;
        if (!get_attr_opt(leaf, as_str(fl->items[i]), &e2).is_empty_slot() || e2) continue;
        Value sub = import_absolute(full + "." + std::string(as_str(fl->items[i])->view()));
        if (sub.is_empty_slot()) {
          if (pending_matches(ModuleNotFoundErrorType)) clear_exception();
          else return sub;
        }
      }
    }
    return leaf;
  }
  // `import a.b.c` binds the top-level package.
  std::string_view top = name.empty() ? std::string_view(full) : name;
  if (level == 0) {
    size_t dot = full.find('.');
    if (dot == std::string::npos) return leaf;
    return dict_get_str(g_sys_modules, as_str(str_value(full.substr(0, dot))));
  }
  (void)top;
  return leaf;
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

Value import_module(std::string_view name) { return import_absolute(name); }

Value import_name(Frame* f, StrObject* name, Value fromlist, Value level) {
  Value imp = dict_get_str(f->builtins, names::dunder_import);
  if (imp.is_empty_slot()) return raise_msg(ImportErrorType, "__import__ not found");
  int64_t lv = 0;
  if (!int_to_int64(level, &lv)) lv = 0;
  if (imp.is_obj() && imp.as_obj()->type == NativeFunctionType &&
      static_cast<NativeFunctionObject*>(imp.as_obj())->fn == import_builtin)
    return do_import(name->view(), f->globals, fromlist, lv);
  Value args[5] = {Value::from_obj(name), Value::from_obj(f->globals),
                   f->locals.is_empty_slot() ? None : f->locals, fromlist, level};
  return call(imp, args, 5);
}

Value import_builtin(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 1 || !is_str(args[0])) return raise_msg(TypeErrorType, "__import__() argument 1 must be str");
  Value globals = nargs > 1 ? args[1] : kwarg(args, nargs, kwnames, "globals");
  Value fromlist = nargs > 3 ? args[3] : kwarg(args, nargs, kwnames, "fromlist");
  Value level = nargs > 4 ? args[4] : kwarg(args, nargs, kwnames, "level");
  int64_t lv = 0;
  if (!level.is_empty_slot() && !int_to_int64(level, &lv)) lv = 0;
  return do_import(as_str(args[0])->view(), !globals.is_empty_slot() && is_dict(globals) ? as_dict(globals) : nullptr,
                   fromlist, lv);
}

Value import_from(Value module, StrObject* name) {
  bool err = false;
  Value v = get_attr_opt(module, name, &err);
  if (!v.is_empty_slot() || err) return v;
  // A submodule that is in sys.modules but not yet bound on its package.
  Value mname = get_attr_opt(module, names::dunder_name, &err);
  if (!mname.is_empty_slot() && is_str(mname)) {
    std::string full = std::string(as_str(mname)->view()) + "." + std::string(name->view());
    Value sub = dict_get_str(g_sys_modules, as_str(str_value(full)));
    if (!sub.is_empty_slot()) return sub;
    std::string mn(as_str(mname)->view());
    Value file = get_attr_opt(module, names::dunder_file, &err);
    std::string where = !file.is_empty_slot() && is_str(file) ? " (" + std::string(as_str(file)->view()) + ")" : " (unknown location)";
    return raise_fmt(ImportErrorType, "cannot import name '%s' from '%s'%s", name->data, mn.c_str(), where.c_str());
  }
  return raise_fmt(ImportErrorType, "cannot import name '%s'", name->data);
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
        raise_fmt(TypeErrorType, "Item in %s.__all__ must be str, not %s", "module", type_name(k));
        return false;
      }
      Value v = get_attr(module, as_str(k));
      if (v.is_empty_slot() || !store(k, v)) return false;
    }
  }
  Value d = get_attr(module, names::dunder_dict);
  if (d.is_empty_slot() || !is_dict(d)) return false;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(as_dict(d), &pos, &k, &v)) {
    if (is_str(k) && as_str(k)->nbytes && as_str(k)->data[0] == '_') continue;
    if (!store(k, v)) return false;
  }
  return true;
}

bool g_module_not_found_for_main = false;

Value run_module_as_main(const std::string& name) {
  // Find the module's file and run it as __main__ (packages run their __main__ submodule).
  size_t dot = name.rfind('.');
  Value path = sys_attr("path");
  std::string pkgname = dot == std::string::npos ? "" : name.substr(0, dot);
  if (!pkgname.empty()) {
    Value parent = import_absolute(pkgname);
    if (parent.is_empty_slot()) return parent;
    bool err = false;
    path = get_attr_opt(parent, names::dunder_path, &err);
  }
  std::string file;
  bool is_package = false;
  std::string leaf = dot == std::string::npos ? name : name.substr(dot + 1);
  if (!find_source(leaf, path, &file, &is_package)) {
    g_module_not_found_for_main = true;
    if (name.size() > 9 && name.compare(name.size() - 9, 9, ".__main__") == 0) {
      std::string pkg = name.substr(0, name.size() - 9);
      return raise_fmt(ModuleNotFoundErrorType, "No module named %s; '%s' is a package and cannot be directly executed",
                       name.c_str(), pkg.c_str());
    }
    return raise_fmt(ModuleNotFoundErrorType, "No module named %s", name.c_str());
  }
  if (is_package) return run_module_as_main(name + ".__main__");
  ModuleObject* m = new_module("__main__");
  if (!m) return Value();
  dict_set_str(m->dict, names::dunder_file, str_value(file));
  dict_set_str(m->dict, names::dunder_builtins, Value::from_obj(g_builtins_module));
  dict_set_str(m->dict, names::dunder_package, str_value(pkgname));
  dict_set_str(g_sys_modules, intern("__main__"), Value::from_obj(m));
  Value argv = sys_attr("argv");
  if (is_list(argv) && as_list(argv)->size > 0) as_list(argv)->items()[0] = str_value(file);
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return exec_module_source(ss.str(), file, m);
}

}  // namespace coil::rt
