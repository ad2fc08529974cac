// run.cpp — the program runner: compiles and runs __main__ from a file, -c, -m or stdin;
// prints uncaught exceptions the way CPython's default excepthook does; maps SystemExit
// and errors to exit codes; flushes the standard streams at exit.
#include "runtime/run.h"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>
#include <unordered_set>

#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "frontend/symtable.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/gc_finalize.h"
#include "runtime/import.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/repl.h"
#include "runtime/search_path.h"
#include "runtime/str.h"
#include "runtime/suggestions.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/traceback_format.h"
#include "stdlib/atexit_module.h"
#include "stdlib/warnings_module.h"
#include "runtime/tuple.h"
#include "stdlib/atexit_module.h"
#include "stdlib/faulthandler_module.h"
#include "stdlib/io_support.h"

namespace coil::rt {

namespace {

bool read_file(const std::string& path, std::string* out, int* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = errno;
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

void write_err(const std::string& s) { lib::write_to_file(sys_attr("stderr"), s, true) || (clear_exception(), true); }

// SystemExit: the exit code CPython's handle_system_exit computes (printing str(code)
// for non-int codes).
int system_exit_code(Value exc) {
  ExceptionObject* e = as_exception(exc);
  Value code = e->dict ? dict_get_str(e->dict, intern("code")) : Value();
  if (code.is_empty_slot()) code = e->args->size ? e->args->items[0] : None;
  if (code == None) return 0;
  if (is_int(code)) {
    int64_t c;
    if (!int_to_int64(code, &c)) return -1;
    return static_cast<int>(c & 0xFF);
  }
  lib::flush_std_streams();
  std::string s;
  if (str_string(code, &s)) write_err(s + "\n");
  else clear_exception();
  return 1;
}

// At exit CPython drops __main__ from sys.modules; the module, its namespace and what only
// they reach become cyclic garbage whose __del__s run with the namespace still intact. Coil
// runs the pending __del__ of what __main__'s namespace reaches, breadth first: the values in
// namespace order, then the items of plain lists and tuples (from the end, as their
// deallocators drop them) and dicts. Approximate (docs/GC.md): objects reachable only from other
// modules are not finalized at exit, and one also held by another module is finalized here.
void finalize_main_module() {
  Value m = dict_get_str(g_sys_modules, intern("__main__"));
  if (m.is_empty_slot() || !m.is_obj() || m.as_obj()->type != ModuleType) return;
  // Nothing registered for __del__ (the common case): nothing to do, however big the heap.
  if (gc::python_finalizable_count() == 0) return;
  DictObject* d = static_cast<ModuleObject*>(m.as_obj())->dict;
  ListObject* queue = new_list(0);
  if (!queue) return clear_exception();
  std::unordered_set<Object*> seen;
  // Only objects with a pending __del__ and the containers walked matter: the rest (ints,
  // strs, ...) are skipped without being remembered.
  auto push = [&](Value v) {
    if (!v.is_obj()) return true;
    Object* o = v.as_obj();
    bool container = o->type == ListType || o->type == TupleType || o->type == DictType;
    if (!container && !(o->gc_bits & gc::bit(gc::HeaderBit::kPyFinalizable))) return true;
    if (!seen.insert(o).second) return true;
    return list_append(queue, v);
  };
  int64_t pos = 0;
  Value k, v;
  while (dict_next(d, &pos, &k, &v))
    if (!(is_str(k) && as_str(k)->view() == "__builtins__") && !push(v)) return clear_exception();
  for (int64_t i = 0; i < queue->size && gc::python_finalizable_count() > 0; ++i) {
    Value item = queue->items()[i];
    Object* o = item.as_obj();
    if (gc::claim_python_finalizer(o)) run_python_finalizer(o);
    if (o->type == ListType) {
      for (int64_t j = as_list(item)->size - 1; j >= 0; --j)
        if (j < as_list(item)->size && !push(as_list(item)->items()[j])) return clear_exception();
    } else if (o->type == TupleType) {
      for (int64_t j = as_tuple(item)->size - 1; j >= 0; --j)
        if (!push(as_tuple(item)->items[j])) return clear_exception();
    } else if (o->type == DictType) {
      int64_t p2 = 0;
      Value k2, v2;
      while (dict_next(static_cast<DictObject*>(o), &p2, &k2, &v2))
        if (!push(k2) || !push(v2)) return clear_exception();
    }
  }
  clear_exception();
}

// Interpreter exit, in CPython's Py_FinalizeEx order: wait for the non-daemon threads
// (threading._shutdown, if threading was imported), atexit callbacks, a flush of the standard
// streams, the __del__s of what __main__ still holds, open files and the streams flushed
// again. False when flushing sys.stdout failed (the exit status becomes 120).
bool g_unhandled_keyboard_interrupt = false;
bool g_finalizing = false;

bool run_atexit() {
  Value threading = dict_get_str(g_sys_modules, intern("threading"));
  if (!threading.is_empty_slot()) {
    bool err;
    Value shutdown = get_attr_opt(threading, intern("_shutdown"), &err);
    if (!shutdown.is_empty_slot() && call0(shutdown).is_empty_slot()) err = true;
    if (err) print_pending_exception();
  }
  lib::run_exit_functions();
  bool ok = lib::flush_std_streams_at_exit();
  g_finalizing = true;
  set_traceback_source_lines(false);
  finalize_main_module();
  set_traceback_source_lines(true);
  // Again for what the __del__s printed (not after a failure: it would be reported twice).
  if (ok) ok = lib::flush_std_streams_at_exit();
  lib::flush_all_open_files();
  lib::faulthandler_fini();
  if (g_unhandled_keyboard_interrupt) {
    // As CPython: a program ended by an uncaught KeyboardInterrupt dies of SIGINT, so that its
    // caller sees the interruption (exit status 130 in a shell).
    std::signal(SIGINT, SIG_DFL);
    ::kill(::getpid(), SIGINT);
  }
  return ok;
}

// Runs `code` as __main__; returns the exit code.
int run_main_code(CodeObject* code, ModuleObject* main) {
  Value r = run_code(code, main->dict, Value::from_obj(main->dict));
  if (!r.is_empty_slot()) return 0;
  if (pending_matches(SystemExitType)) {
    Value exc = take_exception();
    int rc = system_exit_code(exc);
    return rc;
  }
  g_unhandled_keyboard_interrupt = pending_matches(KeyboardInterruptType);
  print_pending_exception();
  return 1;
}

ModuleObject* make_main_module(const std::string& file) {
  ModuleObject* main = new_module("__main__");
  if (!main) return nullptr;
  dict_set_str(main->dict, names::dunder_builtins, Value::from_obj(g_builtins_module));
  if (!file.empty()) dict_set_str(main->dict, names::dunder_file, str_value(file));
  dict_set_str(g_sys_modules, intern("__main__"), Value::from_obj(main));
  if (!init_main_module_attrs(main, file)) return nullptr;
  return main;
}

}  // namespace

bool print_expr(Value v) {
  Value hook = sys_attr("displayhook");
  if (!hook.is_empty_slot() && hook != None) return !call1(hook, v).is_empty_slot();
  if (v == None) return true;
  std::string r;
  if (!repr_string(v, &r)) return false;
  if (!lib::write_to_file(Value(), r + "\n", false)) return false;
  return dict_set_str(g_builtins_module->dict, intern("_"), v);
}

void print_pending_exception() {
  Value exc = take_exception();
  if (!is_exception(exc)) return;
  lib::flush_std_streams();
  // As PyErr_Print: sys.last_type / last_value / last_traceback, for post-mortem use.
  if (g_sys_module) {
    dict_set_str(g_sys_module->dict, intern("last_type"), Value::from_obj(type_of(exc)));
    dict_set_str(g_sys_module->dict, intern("last_value"), exc);
    dict_set_str(g_sys_module->dict, intern("last_traceback"), as_exception(exc)->traceback);
  }
  // As CPython: uncaught exceptions go through sys.excepthook (the native printer by default).
  Value hook = sys_attr("excepthook");
  if (hook.is_empty_slot() || hook == None) {
    clear_exception();
    write_err("sys.excepthook is missing\n" + format_exception(exc));
    return;
  }
  Value args[3] = {Value::from_obj(type_of(exc)), exc, as_exception(exc)->traceback};
  if (call(hook, args, 3).is_empty_slot()) {
    Value err = take_exception();
    lib::flush_std_streams();
    write_err("Error in sys.excepthook:\n" + format_exception(err) + "\nOriginal exception was:\n" + format_exception(exc));
  }
}

std::string format_exception_text(Value exc) { return format_exception(exc); }

void raise_syntax_error(const fe::SyntaxErrorInfo& info) {
  // Too deeply nested source: CPython's parser gives up with an empty MemoryError.
  if (info.kind == fe::SyntaxErrorInfo::Kind::TooComplex) {
    ExceptionObject* e = new_exception(MemoryErrorType, nullptr);
    if (e) raise(Value::from_obj(e));
    return;
  }
  TypeObject* type = info.kind == fe::SyntaxErrorInfo::Kind::TabError ? TabErrorType
                     : info.kind == fe::SyntaxErrorInfo::Kind::IndentationError ? IndentationErrorType
                                                                                 : SyntaxErrorType;
  // Errors found by the compiler carry no text: like CPython, read the line from the file.
  std::string text = info.text;
  if (text.empty() && !info.filename.empty() && info.filename[0] != '<' && info.lineno > 0) {
    std::ifstream in(info.filename, std::ios::binary);
    std::string line;
    int n = 0;
    while (in && n < info.lineno && std::getline(in, line)) ++n;
    if (n == info.lineno) text = line + "\n";
  }
  // An error with no place (source bytes that do not decode) has CPython's short details.
  bool unplaced = info.lineno == 0 && info.offset == -1;
  Value details = Value::from_obj(
      unplaced ? tuple_of({str_value(info.filename), int_from_int64(0), int_from_int64(-1), None})
               : tuple_of({str_value(info.filename), int_from_int64(info.lineno), int_from_int64(info.offset),
                           str_value(text), int_from_int64(info.end_lineno), int_from_int64(info.end_offset)}));
  ExceptionObject* e = new_exception(type, tuple_of({str_value(info.msg), details}));
  if (!e) return;
  Value init = type_lookup(type, names::dunder_init);
  if (!init.is_empty_slot()) {
    Value a[3] = {Value::from_obj(e), str_value(info.msg), details};
    if (call(init, a, 3).is_empty_slot()) return;
  }
  if (text.empty()) dict_set_str(e->dict, intern("text"), None);
  raise(Value::from_obj(e));
}

// Issues the frontend's warnings (the parser's DeprecationWarnings for invalid escapes, the
// compiler's SyntaxWarnings) through the warnings machinery; a warning turned into an error
// becomes a SyntaxError at its location, as CPython's parser and compiler_warn do.
bool emit_compile_warnings(const std::vector<fe::SyntaxErrorInfo>& warnings, TypeObject* category) {
  for (const fe::SyntaxErrorInfo& w : warnings) {
    if (lib::warn_explicit(category, w.msg, w.filename, w.lineno)) continue;
    if (pending_matches(category)) {
      clear_exception();
      raise_syntax_error(w);
    }
    return false;
  }
  return true;
}

bool emit_parse_warnings(const std::vector<fe::SyntaxErrorInfo>& token_warnings,
                         const std::vector<fe::SyntaxErrorInfo>& escapes) {
  // In source order (a line's tokenizer warnings before its escapes). An escape warning
  // made an error does not stop CPython's parser: a later tokenizer warning made an error
  // still replaces it.
  size_t t = 0, e = 0;
  Value escape_error;
  while (t < token_warnings.size() || e < escapes.size()) {
    bool take_token = e == escapes.size() ||
                      (t < token_warnings.size() && token_warnings[t].lineno <= escapes[e].lineno);
    if (take_token) {
      if (!emit_compile_warnings({token_warnings[t++]}, SyntaxWarningType)) return false;
    } else if (!escape_error.is_empty_slot()) {
      ++e;
    } else if (!emit_compile_warnings({escapes[e++]}, DeprecationWarningType)) {
      if (!pending_matches(SyntaxErrorType)) return false;
      escape_error = take_exception();
    }
  }
  if (escape_error.is_empty_slot()) return true;
  raise(escape_error);
  return false;
}

CodeObject* compile_source(std::string_view source, const std::string& filename, int mode, int optimize,
                           uint32_t future) {
  std::vector<fe::SyntaxErrorInfo> token_warnings, escapes, warnings;
  bool parsed = false;
  try {
    fe::Arena arena;
    auto pmode = mode == 0 ? fe::ParseMode::Exec : mode == 1 ? fe::ParseMode::Eval : fe::ParseMode::Single;
    auto cmode = mode == 0 ? fe::CompileMode::Exec : mode == 1 ? fe::CompileMode::Eval : fe::CompileMode::Single;
    fe::ModNode* mod = fe::parse(source, filename, pmode, arena, &escapes, &token_warnings);
    parsed = true;
    if (!emit_parse_warnings(token_warnings, escapes)) return nullptr;
    std::shared_ptr<fe::CodeUnit> unit = fe::compile_module(mod, filename, cmode, optimize, future, &warnings);
    if (!emit_compile_warnings(warnings, SyntaxWarningType)) return nullptr;
    CodeObject* code = code_from_unit(unit);
    if (!code) raise_memory_error();
    return code;
  } catch (const fe::SyntaxErrorException& e) {
    if (!parsed && !emit_parse_warnings(token_warnings, escapes)) return nullptr;
    if (!emit_compile_warnings(warnings, SyntaxWarningType)) return nullptr;
    raise_syntax_error(e.info);
    return nullptr;
  } catch (const fe::CompileRecursionError& e) {
    raise_msg(RecursionErrorType, e.msg);
    return nullptr;
  }
}

// Installs importlib as the import machinery and runs `site` (unless -S), as CPython's
// start-up does. Where CPython would stop with a fatal error, Coil goes on (on the native
// finder, or without site-packages) so that programs still run while the library grows;
// -v shows what failed.
void init_import_system(const Config& cfg) {
  auto report = [&](const char* what) {
    if (cfg.verbose) {
      write_err(what);
      print_pending_exception();
    } else {
      clear_exception();
    }
  };
  if (!install_importlib()) {
    if (has_pending_exception()) report("coil: installing importlib failed; using the native importer\n");
    return;
  }
  if (cfg.no_site) return;
  if (import_module("site").is_empty_slot()) report("coil: importing the site module failed\n");
}

static bool wants_faulthandler(const Config& cfg) {
  if (cfg.dev_mode) return true;
  for (const std::string& x : cfg.xoptions)
    if (x == "faulthandler" || x.rfind("faulthandler=", 0) == 0) return true;
  const char* env = cfg.ignore_environment ? nullptr : std::getenv("PYTHONFAULTHANDLER");
  return env && *env;
}

int run(const Config& cfg) {
  if (!init_runtime(cfg)) {
    std::fprintf(stderr, "coil: failed to initialise the runtime\n");
    return 1;
  }
  if (cfg.run != Config::Run::Dump) {
    init_import_system(cfg);
    const InterpreterPaths& paths = interpreter_paths(cfg);
    Value path = sys_attr("path");
    if (paths.has_path0 && is_list(path)) {
      Value r = call_method(path, intern("insert"), std::array<Value, 2>{Value::from_small_int(0), str_value(paths.path0)}.data(), 2);
      if (r.is_empty_slot()) return 1;
    }
  }
  // -X faulthandler / PYTHONFAULTHANDLER / -X dev: tracebacks on a fatal signal from the start.
  if (wants_faulthandler(cfg)) {
    Value fh = import_module("faulthandler");
    if (fh.is_empty_slot() || call_method(fh, intern("enable"), nullptr, 0).is_empty_slot()) {
      write_err("coil: failed to enable faulthandler\n");
      print_pending_exception();
    }
  }
  // -W / PYTHONWARNINGS / -X dev: CPython imports warnings at start-up to apply them.
  if (!cfg.warnoptions.empty() && import_module("warnings").is_empty_slot()) {
    lib::flush_std_streams();
    write_err("'import warnings' failed; traceback:\n");
    print_pending_exception();
  }
  int rc = 0;
  std::string source, filename;
  switch (cfg.run) {
    case Config::Run::Dump:
      rc = run_dump(cfg);
      return run_atexit() ? rc : 120;
    case Config::Run::Command:
      source = cfg.program + "\n";
      filename = "<string>";
      break;
    case Config::Run::Stdin: {
      if (::isatty(0) || cfg.inspect) {
        ModuleObject* main = make_main_module("");
        if (!main) return 1;
        rc = run_repl(main, !cfg.quiet);
        if (rc < 0) rc = system_exit_code(take_exception());
        return run_atexit() ? rc : 120;
      }
      std::ostringstream ss;
      ss << std::cin.rdbuf();
      source = ss.str();
      filename = "<stdin>";
      break;
    }
    case Config::Run::File: {
      int err = 0;
      if (!read_file(cfg.program, &source, &err)) {
        std::fprintf(stderr, "%s: can't open file %s: [Errno %d] %s\n", cfg.executable.c_str(),
                     str_repr(absolute_path(cfg.program)).c_str(), err, std::strerror(err));
        return 2;
      }
      filename = absolute_path(cfg.program);  // CPython makes the script path absolute (co_filename, __file__)
      break;
    }
    case Config::Run::Module: {
      Value r = run_module_as_main(cfg.program);
      if (r.is_empty_slot()) {
        if (pending_matches(SystemExitType)) rc = system_exit_code(take_exception());
        else if (g_module_not_found_for_main && pending_matches(ModuleNotFoundErrorType)) {
          Value exc = take_exception();
          std::string msg;
          if (!str_string(exc, &msg)) clear_exception();
          lib::flush_std_streams();
          std::fprintf(stderr, "%s: %s\n", cfg.executable.c_str(), msg.c_str());
          rc = 1;
        } else {
          g_unhandled_keyboard_interrupt = pending_matches(KeyboardInterruptType);
          print_pending_exception();
          rc = 1;
        }
      }
      return run_atexit() ? rc : 120;
    }
  }
  ModuleObject* main = make_main_module(cfg.run == Config::Run::File ? filename : "");
  if (!main) return 1;
  try {
    fe::DecodedSource decoded = fe::decode_source(source, filename);
    std::string text = decoded.text;
    if (cfg.skip_first_line) {
      size_t nl = text.find('\n');
      text = nl == std::string::npos ? "" : "\n" + text.substr(nl + 1);
    }
    CodeObject* code = compile_source(text, filename, 0, cfg.optimize);
    if (!code) {
      print_pending_exception();
      return run_atexit() ? 1 : 120;
    }
    rc = run_main_code(code, main);
    // -i: the prompt follows the program (unless it exited with SystemExit).
    if (cfg.inspect && cfg.run != Config::Run::Stdin) {
      int r = run_repl(main, false);
      if (r < 0) rc = system_exit_code(take_exception());
    }
  } catch (const fe::SyntaxErrorException& e) {
    raise_syntax_error(e.info);
    print_pending_exception();
    rc = 1;
  }
  return run_atexit() ? rc : 120;
}

bool is_finalizing() { return g_finalizing; }

}  // namespace coil::rt
