// init.cpp — runtime start-up in dependency order, and the --dump driver.
#include "runtime/init.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "frontend/ast_dump.h"
#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "frontend/token_dump.h"
#include "runtime/dict.h"
#include "runtime/eval_breaker.h"
#include "runtime/gil.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/frame_object.h"
#include "runtime/function.h"
#include "runtime/exception_group.h"
#include "runtime/generator.h"
#include "runtime/hashing.h"
#include "runtime/import.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/roots.h"
#include "runtime/thread.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/super.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/io_support.h"

namespace coil::rt {

ModuleObject* g_sys_module = nullptr;
ModuleObject* g_builtins_module = nullptr;
DictObject* g_sys_modules = nullptr;
const Config* g_config = nullptr;

// Per-file type set-up functions (each file owns its types' methods).
void init_tuple_list_storage();
void init_shape_type();
void init_mapping_proxy_type();
void init_dict_storage();
void init_function_storage();
void init_object_and_type_methods();
void init_object_sizes();  // object_size.cpp
void init_exception_methods();
void init_type_methods();  // list/tuple/dict/str/int/float methods (types_methods.cpp)
void visit_traceback(Object* self, Visitor& v);  // interpreter.cpp
void visit_slice(Object* self, Visitor& v);      // sequence_ops.cpp

Value sys_attr(const char* name) {
  if (!g_sys_module) return Value();
  return dict_get_str(g_sys_module->dict, intern(name));
}

DictObject* builtins_dict() { return g_builtins_module->dict; }

bool init_runtime(const Config& cfg) {
  static Config config_copy;
  config_copy = cfg;
  g_config = &config_copy;
  // The str/bytes hash key comes first: interning hashes strings.
  std::string seed_error;
  if (!hash_secret_init_from_env(cfg.hash_seed.c_str(), &seed_error)) {
    std::fprintf(stderr, "Fatal Python error: config_init_hash_seed: %s\nPython runtime state: preinitialized\n\n",
                 seed_error.c_str());
    std::exit(1);
  }
  if (cfg.int_max_str_digits >= 0) {
    if (cfg.int_max_str_digits != 0 && cfg.int_max_str_digits < kMaxStrDigitsThreshold) {
      std::fputs("Fatal Python error: config_init_int_max_str_digits: PYTHONINTMAXSTRDIGITS: invalid limit; must be "
                 ">= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n", stderr);
      std::exit(1);
    }
    set_int_max_str_digits(cfg.int_max_str_digits);
  }
  init_gc_roots();
  // The main thread's state is the first in the registry, and it holds the GIL from now on.
  register_thread_state();
  gil_acquire();
  init_stack_guard();
  init_builtin_types();
  init_tuple_list_storage();
  init_shape_type();
  init_dict_storage();
  init_type_type();
  names::init();
  // Every built-in type gets its dict, MRO and name (types.def order: bases first).
#define TYPE(Var, Name, Base, Flags) finish_builtin_type(Var##Type, sizeof(Object), nullptr, Var##Type->visit);
#include "runtime/types.def"
  init_function_storage();
  TracebackType->visit = visit_traceback;
  SliceType->visit = visit_slice;
  init_exception_types();
  init_object_and_type_methods();
  init_object_sizes();
  init_exception_methods();
  init_exception_group();
  init_iterator_types();
  init_frame_object_types();
  init_generator_type();
  init_super_type();
  init_module_type();
  init_type_methods();
  init_mapping_proxy_type();
  install_signal_handlers();
  g_sys_modules = new_dict();
  if (!g_sys_modules || !lib::init_std_streams(cfg.unbuffered)) return false;
  const NativeModuleDef* b = find_native_module("builtins");
  const NativeModuleDef* s = find_native_module("sys");
  g_builtins_module = create_native_module(*b);
  if (!g_builtins_module) return false;
  dict_set_str(g_sys_modules, intern("builtins"), Value::from_obj(g_builtins_module));
  g_sys_module = create_native_module(*s);
  if (!g_sys_module) return false;
  dict_set_str(g_sys_modules, intern("sys"), Value::from_obj(g_sys_module));
  // A stdio encoding other than the built-in codecs needs the codec registry, hence sys.
  return lib::finish_std_streams();
}

std::string absolute_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char cwd[PATH_MAX];
  if (!getcwd(cwd, sizeof cwd)) return path;
  return std::string(cwd) + "/" + path;
}

int run_dump(const Config& cfg) {
  std::ifstream in(cfg.program, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "coil: can't open file '%s'\n", cfg.program.c_str());
    return 2;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  try {
    if (cfg.dump == Config::Dump::Tokens) {
      std::fputs(fe::dump_tokens(bytes, cfg.program).c_str(), stdout);
      return 0;
    }
    fe::DecodedSource src = fe::decode_source(bytes, cfg.program);
    fe::Arena arena;
    fe::ModNode* mod = fe::parse(src.text, cfg.program, fe::ParseMode::Exec, arena);
    if (cfg.dump == Config::Dump::Ast) {
      std::fputs(fe::dump_ast(mod).c_str(), stdout);
      std::fputc('\n', stdout);
      return 0;
    }
    auto unit = fe::compile_module(mod, cfg.program, fe::CompileMode::Exec, cfg.optimize);
    std::fputs(fe::disassemble(*unit).c_str(), stdout);
    return 0;
  } catch (const fe::SyntaxErrorException& e) {
    std::fprintf(stderr, "%s:%d:%d: error: %s\n", cfg.program.c_str(), e.info.lineno, e.info.offset, e.info.msg.c_str());
    return 1;
  }
}

}  // namespace coil::rt
