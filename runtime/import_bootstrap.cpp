// import_bootstrap.cpp — CPython's importlib as Coil's import machinery, installed at
// start-up the way CPython installs its frozen copy: importlib/_bootstrap.py runs as
// _frozen_importlib (_install(sys, _imp): BuiltinImporter, FrozenImporter), then
// _bootstrap_external.py as _frozen_importlib_external, adapted by
// stdlib/lib/_coil_importlib.py (Coil's compiler, no .pyc) before the PathFinder and
// FileFinder path hook go live. The native import path (import.cpp) stays the fast path
// for sys.modules hits and calls _find_and_load / _handle_fromlist for the rest.
//
// The bootstrap needs _thread, _warnings, _weakref, _io, marshal and posix; while one is
// missing the native stand-in finder remains the import system. `-m` runs through
// runpy._run_module_as_main when the machinery is installed.
#include "runtime/import.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontend/code_cache.h"
#include "frontend/source.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/function.h"
#include "runtime/init.h"
#include "runtime/interpreter.h"
#include "runtime/run.h"
#include "runtime/names.h"
#include "runtime/roots.h"
#include "runtime/search_path.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "runtime/version.h"

#include <fstream>
#include <sstream>

namespace coil::rt {

namespace {

constexpr int kFnCount = 3;
Value g_importlib_fns[kFnCount];
Value g_external;  // _frozen_importlib_external once installed

void visit_importlib(Visitor& v) {
  for (Value& f : g_importlib_fns) v.visit(f);
  v.visit(g_external);
}

// ---- the bootstrap's own bytecode cache -------------------------------------------------
// The bootstrap modules are loaded before importlib can cache anything, so they are
// cached here in the same format _coil_importlib uses: "COIL", the binary's mtime (ns) and
// size, the source's mtime (s) and size (4 bytes each, little-endian), then marshal's
// Coil code object ('c', the bytecode format id, the CodeUnit).

void put_le(std::string* out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

std::string cache_header(const struct stat& src) {
  static std::string stamp;
  if (stamp.empty()) {
    struct stat exe;
    if (::stat("/proc/self/exe", &exe) != 0) return "";
    stamp = "COIL";
    put_le(&stamp, static_cast<uint64_t>(exe.st_mtim.tv_sec) * 1000000000ull + exe.st_mtim.tv_nsec, 8);
    put_le(&stamp, static_cast<uint64_t>(exe.st_size), 8);
  }
  std::string h = stamp;
  put_le(&h, static_cast<uint64_t>(src.st_mtim.tv_sec) & 0xFFFFFFFF, 4);
  put_le(&h, static_cast<uint64_t>(src.st_size) & 0xFFFFFFFF, 4);
  return h;
}

// dir/__pycache__/base.coil-311[.opt-N].pyc, as importlib's cache_from_source names it.
std::string cache_path(const std::string& file) {
  size_t slash = file.rfind('/');
  std::string dir = file.substr(0, slash), base = file.substr(slash + 1);
  base = base.substr(0, base.rfind('.'));
  std::string opt = g_config && g_config->optimize ? ".opt-" + std::to_string(g_config->optimize) : "";
  return dir + "/__pycache__/" + base + "." + kCacheTag + opt + ".pyc";
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// The cached code for `file` if the cache is this binary's and the source's; else null.
CodeObject* load_cached(const std::string& file, const std::string& header, std::string_view code_name) {
  std::string data;
  if (header.empty() || !read_file(cache_path(file), &data) || data.compare(0, header.size(), header) != 0) return nullptr;
  size_t pos = header.size();
  if (data.size() < pos + 9 || data[pos] != 'c') return nullptr;
  uint64_t id = 0;
  for (int i = 0; i < 8; ++i) id |= static_cast<uint64_t>(static_cast<uint8_t>(data[pos + 1 + i])) << (8 * i);
  if (id != fe::code_format_id()) return nullptr;
  pos += 9;
  std::string error;
  std::shared_ptr<fe::CodeUnit> unit = fe::deserialize_unit(data, &pos, &error);
  if (!unit || unit->filename != code_name) return nullptr;
  return code_from_unit(unit);
}

// Writes the cache (best effort: any failure just means compiling next time).
void write_cache(const std::string& file, const std::string& header, CodeObject* code) {
  if (header.empty() || (g_config && g_config->dont_write_bytecode)) return;
  std::string path = cache_path(file);
  ::mkdir(path.substr(0, path.rfind('/')).c_str(), 0777);
  std::string data = header;
  data.push_back('c');
  put_le(&data, fe::code_format_id(), 8);
  fe::serialize_unit(*code->unit, &data);
  std::string tmp = path + "." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return;
  bool ok = ::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size());
  ::close(fd);
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
}

// Loads `file` as module `name` (in sys.modules, __file__ set) through the native path;
// its code is named `code_name`.
Value load_source_as(const std::string& name, const std::string& file, std::string_view code_name) {
  struct stat st;
  if (::stat(file.c_str(), &st) != 0) return raise_fmt(ImportErrorType, "cannot read %s", file.c_str());
  std::string header = cache_header(st);
  CodeObject* code = load_cached(file, header, code_name);
  if (!code) {
    std::string source;
    if (!read_file(file, &source)) return raise_fmt(ImportErrorType, "cannot read %s", file.c_str());
    try {
      fe::DecodedSource decoded = fe::decode_source(source, file, fe::SourceOrigin::Bytes);
      code = compile_source(decoded.text, std::string(code_name), 0, g_config ? g_config->optimize : 0);
    } catch (const fe::SyntaxErrorException& e) {
      raise_syntax_error(e.info);
      return Value();
    }
    if (!code) return Value();
    if (static_cast<uint64_t>(st.st_size) == source.size()) write_cache(file, header, code);
  }
  ModuleObject* m = new_module(name);
  if (!m) return Value();
  dict_set_str(m->dict, names::dunder_file, str_value(file));
  dict_set_str(m->dict, names::dunder_builtins, Value::from_obj(g_builtins_module));
  dict_set(g_sys_modules, str_value(name), Value::from_obj(m));
  if (run_code(code, m->dict, Value::from_obj(m->dict)).is_empty_slot()) return Value();
  return Value::from_obj(m);
}

Value call_attr(Value obj, const char* name, std::initializer_list<Value> args) {
  Value fn = get_attr(obj, intern(name));
  if (fn.is_empty_slot()) return fn;
  std::vector<Value> a(args);
  return call(fn, a.data(), static_cast<int64_t>(a.size()));
}

}  // namespace

Value importlib_function(ImportlibFn which) { return g_importlib_fns[static_cast<int>(which)]; }

namespace {

// Undoes a half-done installation so the native finder is the whole import system again.
void uninstall_importlib() {
  Value exc = take_exception();
  for (const char* list : {"meta_path", "path_hooks"}) {
    Value l = sys_attr(list);
    if (is_list(l)) as_list(l)->size = 0;
  }
  Value cache = sys_attr("path_importer_cache");
  if (!cache.is_empty_slot() && is_dict(cache)) dict_clear(as_dict(cache));
  for (const char* name : {"_frozen_importlib", "_frozen_importlib_external", "_coil_importlib"}) {
    Value key = str_value(name);
    if (!dict_get_str(g_sys_modules, as_str(key)).is_empty_slot()) dict_del(g_sys_modules, key);
  }
  raise(exc);
}

bool install_steps();

}  // namespace

bool install_importlib() {
  bool ok = install_steps();
  if (!ok && has_pending_exception()) uninstall_importlib();
  return ok;
}

namespace {

bool install_steps() {
  static bool roots = false;
  if (!roots) {
    add_runtime_root_hook(visit_importlib);
    roots = true;
  }
  for (const char* needed : {"_imp", "_thread", "_warnings", "_weakref", "_io", "marshal", "posix"}) {
    if (import_native_path(needed).is_empty_slot()) {
      clear_exception();
      return false;
    }
  }
  const InterpreterPaths& paths = interpreter_paths(*g_config);
  std::string dir = paths.host_stdlib + "/importlib/";
  Value sys = Value::from_obj(g_sys_module);
  Value imp = dict_get_str(g_sys_modules, intern("_imp"));
  Value boot = load_source_as("_frozen_importlib", dir + "_bootstrap.py", kBootstrapFilename);
  if (boot.is_empty_slot() || call_attr(boot, "_install", {sys, imp}).is_empty_slot()) return false;
  Value ext = load_source_as("_frozen_importlib_external", dir + "_bootstrap_external.py", kBootstrapExternalFilename);
  if (ext.is_empty_slot()) return false;
  Value coil = import_native_path("_coil_importlib");
  if (coil.is_empty_slot() || call_attr(coil, "_install", {boot, ext, str_value(paths.host_stdlib)}).is_empty_slot()) return false;
  const char* fn_names[kFnCount] = {"_find_and_load", "_handle_fromlist", "_lock_unlock_module"};
  Value fns[kFnCount];
  for (int i = 0; i < kFnCount; ++i) {
    fns[i] = get_attr(boot, intern(fn_names[i]));
    if (fns[i].is_empty_slot()) return false;
  }
  for (int i = 0; i < kFnCount; ++i) g_importlib_fns[i] = fns[i];
  g_external = ext;
  return true;
}

}  // namespace

bool init_main_module_attrs(ModuleObject* main, const std::string& file) {
  if (g_external.is_empty_slot()) return true;
  Value loader;
  if (!file.empty()) {
    loader = call_attr(g_external, "SourceFileLoader", {str_value("__main__"), str_value(file)});
    if (loader.is_empty_slot()) return false;
    if (!dict_set_str(main->dict, intern("__cached__"), None)) return false;
  } else {
    Value boot = dict_get_str(g_sys_modules, intern("_frozen_importlib"));
    if (boot.is_empty_slot()) return true;
    loader = get_attr(boot, intern("BuiltinImporter"));
    if (loader.is_empty_slot()) return false;
  }
  return dict_set_str(main->dict, intern("__loader__"), loader);
}

bool g_module_not_found_for_main = false;

Value run_module_as_main(const std::string& name) {
  if (g_external.is_empty_slot()) return native_run_module_as_main(name);
  // runpy runs the module in the existing __main__'s namespace.
  if (dict_get_str(g_sys_modules, intern("__main__")).is_empty_slot()) {
    ModuleObject* main = new_module("__main__");
    if (!main || !dict_set_str(main->dict, names::dunder_builtins, Value::from_obj(g_builtins_module)) ||
        !dict_set_str(g_sys_modules, intern("__main__"), Value::from_obj(main)))
      return Value();
  }
  Value runpy = import_module("runpy");
  if (runpy.is_empty_slot()) {
    // runpy (with importlib.machinery, io, warnings, re...) could not be imported on
    // this build: the native runner does the job rather than -m failing.
    clear_exception();
    return native_run_module_as_main(name);
  }
  return call_attr(runpy, "_run_module_as_main", {str_value(name)});
}

}  // namespace coil::rt
