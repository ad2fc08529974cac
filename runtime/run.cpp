// run.cpp — the program runner: compiles and runs __main__ from a file, -c, -m or stdin;
// prints uncaught exceptions the way CPython's default excepthook does; maps SystemExit
// and errors to exit codes; flushes the standard streams at exit.
#include "runtime/run.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "frontend/source.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/import.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/repl.h"
#include "runtime/str.h"
#include "runtime/suggestions.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
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

// The source line `lineno` of `filename`, stripped, or "" when unreadable.
std::string source_line(const std::string& filename, int lineno) {
  if (filename.empty() || filename[0] == '<') return "";
  std::ifstream in(filename, std::ios::binary);
  if (!in) return "";
  std::string line;
  for (int i = 1; i <= lineno; ++i)
    if (!std::getline(in, line)) return "";
  size_t b = line.find_first_not_of(" \t\f");
  if (b == std::string::npos) return "";
  size_t e = line.find_last_not_of(" \t\f\r\n");
  return line.substr(b, e - b + 1);
}

void write_err(const std::string& s) { lib::write_to_file(sys_attr("stderr"), s, true) || (clear_exception(), true); }

std::string exception_type_label(Value exc) {
  TypeObject* t = type_of(exc);
  std::string qual = t->qualname ? std::string(t->qualname->view()) : t->name;
  if (!has(t, TypeFlag::HeapType)) return qual;
  Value m = dict_get_str(t->dict, names::dunder_module);
  if (!m.is_empty_slot() && is_str(m)) {
    std::string_view mod = as_str(m)->view();
    if (mod != "builtins" && mod != "__main__") return std::string(mod) + "." + qual;
    if (mod == "__main__") return "__main__." + qual;
  }
  return qual;
}

void print_syntax_error_body(ExceptionObject* e, std::string& out) {
  auto field = [&](const char* name) {
    return e->dict ? dict_get_str(e->dict, intern(name)) : Value();
  };
  Value filename = field("filename"), lineno = field("lineno"), offset = field("offset"), text = field("text"),
        end_offset = field("end_offset"), end_lineno = field("end_lineno");
  std::string fn = !filename.is_empty_slot() && is_str(filename) ? std::string(as_str(filename)->view()) : "<string>";
  int64_t ln = 0;
  if (!lineno.is_empty_slot() && is_int(lineno)) int_to_int64(lineno, &ln);
  out += "  File \"" + fn + "\", line " + std::to_string(ln) + "\n";
  if (!text.is_empty_slot() && is_str(text)) {
    std::string t(as_str(text)->view());
    // CPython strips leading whitespace and adjusts the caret column by it.
    size_t strip = t.find_first_not_of(" \t\f");
    if (strip == std::string::npos) strip = t.size();
    std::string shown = t.substr(strip);
    while (!shown.empty() && (shown.back() == '\n' || shown.back() == '\r')) shown.pop_back();
    out += "    " + shown + "\n";
    int64_t off = 0, end_off = 0, end_ln = ln;
    if (!offset.is_empty_slot() && is_int(offset)) int_to_int64(offset, &off);
    if (!end_offset.is_empty_slot() && is_int(end_offset)) int_to_int64(end_offset, &end_off);
    if (!end_lineno.is_empty_slot() && is_int(end_lineno)) int_to_int64(end_lineno, &end_ln);
    if (off > 0) {
      // Offsets count code points; the caret line is built from the stripped text.
      int64_t col = off - 1 - static_cast<int64_t>(utf8_length(t.substr(0, strip), nullptr));
      if (col < 0) col = 0;
      int64_t width = 1;
      if (end_ln == ln && end_off > off) width = end_off - off;
      int64_t shown_len = utf8_length(shown, nullptr);
      if (col > shown_len) col = shown_len;
      if (col + width > shown_len + 1) width = std::max<int64_t>(1, shown_len + 1 - col);
      out += "    " + std::string(col, ' ') + std::string(width, '^') + "\n";
    }
  }
}

// Appends one exception (traceback, then "Type: message") to `out`.
void format_one(Value exc, std::string& out) {
  ExceptionObject* e = as_exception(exc);
  if (e->traceback.is_obj()) {
    out += "Traceback (most recent call last):\n";
    Value tb = e->traceback;
    // Like CPython: after 3 identical (file, line, name) entries in a row, the rest of the
    // run is summarised as "[Previous line repeated N more times]".
    std::string last_key;
    int repeats = 0;
    auto flush_repeats = [&]() {
      if (repeats > 3) {
        int more = repeats - 3;
        out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more == 1 ? "" : "s") + "]\n";
      }
    };
    while (tb.is_obj() && tb.as_obj()->type == TracebackType) {
      auto* t = static_cast<TracebackObject*>(tb.as_obj());
      std::string file(t->code->filename->view());
      std::string key = file + ":" + std::to_string(t->lineno) + ":" + std::string(t->code->name->view());
      if (key == last_key) {
        ++repeats;
      } else {
        flush_repeats();
        last_key = key;
        repeats = 1;
      }
      if (repeats <= 3) {
        out += "  File \"" + file + "\", line " + std::to_string(t->lineno) + ", in " + std::string(t->code->name->view()) + "\n";
        std::string src = source_line(file, t->lineno);
        if (!src.empty()) out += "    " + src + "\n";
      }
      tb = t->next;
    }
    flush_repeats();
  }
  if (is_subtype(e->type, SyntaxErrorType)) print_syntax_error_body(e, out);
  std::string label = exception_type_label(exc);
  Value s = str_of(exc);
  if (s.is_empty_slot()) {
    clear_exception();
    out += label + ": <exception str() failed>\n";
  } else if (as_str(s)->nbytes == 0) {
    out += label + "\n";
  } else {
    std::string hint = suggestion_for(exc);
    out += label + ": " + std::string(as_str(s)->view()) + (hint.empty() ? "" : ". Did you mean: '" + hint + "'?") + "\n";
  }
  if (e->dict) {
    Value notes = dict_get_str(e->dict, names::dunder_notes);
    if (!notes.is_empty_slot() && is_list(notes)) {
      for (int64_t i = 0; i < as_list(notes)->size; ++i) {
        std::string n;
        if (str_string(as_list(notes)->items()[i], &n)) out += n + "\n";
        else clear_exception();
      }
    }
  }
}

void format_chain(Value exc, std::string& out, std::vector<Object*>& seen) {
  seen.push_back(exc.as_obj());
  ExceptionObject* e = as_exception(exc);
  auto unseen = [&](Value v) {
    if (!is_exception(v)) return false;
    for (Object* o : seen)
      if (o == v.as_obj()) return false;
    return true;
  };
  if (unseen(e->cause)) {
    format_chain(e->cause, out, seen);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (!e->suppress_context && unseen(e->context)) {
    format_chain(e->context, out, seen);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  format_one(exc, out);
}

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

// Flushes open files and the standard streams; false when flushing sys.stdout failed (the
// exit status becomes 120, as CPython's Py_FinalizeEx makes it).
bool run_atexit() {
  bool ok = lib::flush_std_streams_at_exit();
  lib::flush_all_open_files();
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
  print_pending_exception();
  return 1;
}

ModuleObject* make_main_module(const std::string& file) {
  ModuleObject* main = new_module("__main__");
  if (!main) return nullptr;
  dict_set_str(main->dict, names::dunder_builtins, Value::from_obj(g_builtins_module));
  if (!file.empty()) dict_set_str(main->dict, names::dunder_file, str_value(file));
  dict_set_str(g_sys_modules, intern("__main__"), Value::from_obj(main));
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
  std::string out;
  std::vector<Object*> seen;
  format_chain(exc, out, seen);
  write_err(out);
}

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
  Value details = Value::from_obj(tuple_of({str_value(info.filename), int_from_int64(info.lineno),
                                            int_from_int64(info.offset), str_value(info.text),
                                            int_from_int64(info.end_lineno), int_from_int64(info.end_offset)}));
  ExceptionObject* e = new_exception(type, tuple_of({str_value(info.msg), details}));
  if (!e) return;
  Value init = type_lookup(type, names::dunder_init);
  if (!init.is_empty_slot()) {
    Value a[3] = {Value::from_obj(e), str_value(info.msg), details};
    if (call(init, a, 3).is_empty_slot()) return;
  }
  if (info.text.empty()) dict_set_str(e->dict, intern("text"), None);
  raise(Value::from_obj(e));
}

CodeObject* compile_source(std::string_view source, const std::string& filename, int mode, int optimize) {
  try {
    fe::Arena arena;
    auto pmode = mode == 0 ? fe::ParseMode::Exec : mode == 1 ? fe::ParseMode::Eval : fe::ParseMode::Single;
    auto cmode = mode == 0 ? fe::CompileMode::Exec : mode == 1 ? fe::CompileMode::Eval : fe::CompileMode::Single;
    fe::ModNode* mod = fe::parse(source, filename, pmode, arena);
    std::shared_ptr<fe::CodeUnit> unit = fe::compile_module(mod, filename, cmode, optimize);
    return code_from_unit(unit);
  } catch (const fe::SyntaxErrorException& e) {
    raise_syntax_error(e.info);
    return nullptr;
  }
}

int run(const Config& cfg) {
  if (!init_runtime(cfg)) {
    std::fprintf(stderr, "coil: failed to initialise the runtime\n");
    return 1;
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
      filename = cfg.program;
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

}  // namespace coil::rt
