// builtins_exec.cpp — compile(), exec() and eval(): source text (str or bytes with its
// coding cookie) to code objects, run with explicit or the caller's globals and locals.
#include <string>

#include "frontend/source.h"
#include "runtime/abstract.h"
#include "runtime/arg_parse.h"
#include "runtime/bytes.h"
#include "runtime/config.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/frame.h"
#include "runtime/function.h"
#include "runtime/interpreter.h"
#include "runtime/module.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/run.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "frontend/compiler.h"
#include "frontend/parser.h"
#include "frontend/symtable.h"
#include "stdlib/ast_module.h"
#include "stdlib/buffer.h"

namespace coil::rt {
extern const Config* g_config;
}

namespace coil::lib {

using namespace coil::rt;

bool add_builtin_functions(ModuleObject* m, const NativeFunctionDef* defs, size_t n, bool keep_existing);

namespace {

enum class CompileMode { Exec = 0, Eval = 1, Single = 2 };

// The text of str or bytes source (bytes decoded by their coding cookie); false with
// SyntaxError pending. `strip` drops leading blanks and tabs, as eval() does.
bool source_text(Value source, const std::string& filename, bool strip, std::string* out) {
  std::string text;
  if (is_str(source)) {
    text = as_str(source)->view();
  } else {
    try {
      text = fe::decode_source(as_bytes(source)->view(), filename).text;
    } catch (const fe::SyntaxErrorException& e) {
      raise_syntax_error(e.info);
      return false;
    }
  }
  if (text.find('\0') != std::string::npos) {
    raise_msg(ValueErrorType, "source code string cannot contain null bytes");
    return false;
  }
  size_t start = 0;
  if (strip)
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
  *out = text.substr(start);
  return true;
}

// compile()'s flag bits: the __future__ features (CO_FUTURE_*), the obsolete CO_NESTED, and
// the ones that steer compile() itself (PyCF_*), as CPython 3.11 accepts them.
constexpr int64_t kFutureFlags = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | 0x1000000;
constexpr int64_t kObsoleteFlags = 0x10;
constexpr int64_t kCompileFlags = 0x200 | ast::kOnlyAst | ast::kTypeComments | ast::kAllowTopLevelAwait | 0x4000;

// The __future__ features of the calling Python code, which compile() (unless dont_inherit),
// exec() and eval() of source text pass on, as CPython does.
uint32_t inherited_future() {
  Frame* f = thread_state().frame;
  return f && f->code ? static_cast<uint32_t>(f->code->flags & kFutureFlags) : 0;
}

// Compiles str or bytes source; null with the exception pending. `future` holds the
// CO_FUTURE_* bits of compile()'s flags.
CodeObject* compile_text(Value source, const std::string& filename, CompileMode mode, int optimize, bool strip,
                         uint32_t future = 0) {
  std::string text;
  if (!source_text(source, filename, strip, &text)) return nullptr;
  return compile_source(text, filename, static_cast<int>(mode), optimize, future);
}

// compile(source, ..., PyCF_ONLY_AST): the source parsed into Python `ast` objects.
Value parse_to_ast(Value source, const std::string& filename, std::string_view mode) {
  std::string text;
  if (!source_text(source, filename, false, &text)) return Value();
  fe::ParseMode pmode = mode == "exec" ? fe::ParseMode::Exec : mode == "eval" ? fe::ParseMode::Eval
                        : mode == "single" ? fe::ParseMode::Single : fe::ParseMode::FuncType;
  try {
    fe::Arena arena;
    fe::ModNode* mod = fe::parse(text, filename, pmode, arena);
    return ast::to_python(mod);
  } catch (const fe::SyntaxErrorException& e) {
    raise_syntax_error(e.info);
    return Value();
  }
}

// compile(ast_object, ...): the tree checked and converted for the frontend, then compiled.
Value compile_ast(Value tree, const std::string& filename, std::string_view mode, int optimize, uint32_t future) {
  fe::Arena arena;
  fe::ModNode* mod = ast::from_python(tree, mode, arena);
  if (!mod) return Value();
  fe::CompileMode cmode = mode == "exec" ? fe::CompileMode::Exec : mode == "eval" ? fe::CompileMode::Eval
                                                                                 : fe::CompileMode::Single;
  std::vector<fe::SyntaxErrorInfo> warnings;
  try {
    std::shared_ptr<fe::CodeUnit> unit = fe::compile_module(mod, filename, cmode, optimize, future, &warnings);
    if (!emit_compile_warnings(warnings, SyntaxWarningType)) return Value();
    CodeObject* code = code_from_unit(unit);
    return code ? Value::from_obj(code) : raise_memory_error();
  } catch (const fe::SyntaxErrorException& e) {
    if (!emit_compile_warnings(warnings, SyntaxWarningType)) return Value();
    raise_syntax_error(e.info);
    return Value();
  } catch (const fe::CompileRecursionError&) {
    return raise_msg(RecursionErrorType, "maximum recursion depth exceeded during compilation");
  }
}

bool is_source(Value v) { return is_str(v) || is_bytes(v); }

// Other bytes-like sources (bytearray, memoryview, array) as bytes, as CPython reads any
// buffer; `v` unchanged otherwise. Empty with MemoryError pending.
Value buffer_source(Value v) {
  ByteBuffer buf;
  if (is_source(v) || !get_buffer(v, &buf)) return v;
  return bytes_value(buf.data);
}
bool is_code(Value v) { return v.is_obj() && v.as_obj()->type == CodeType; }

Value builtin_compile(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[7];
  if (!parse_args({"compile", {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"},
                   0, 3, 6},
                  args, nargs, kwnames, a))
    return Value();
  int64_t flags = 0, optimize = -1;
  bool overflow;
  if (!a[3].is_empty_slot() && !as_int64(a[3], &flags, &overflow)) return Value();
  if (flags < INT32_MIN || flags > INT32_MAX) return raise_msg(OverflowErrorType, "Python int too large to convert to C int");
  if (flags & ~(kFutureFlags | kObsoleteFlags | kCompileFlags))
    return raise_msg(ValueErrorType, "compile(): unrecognised flags");
  uint32_t future = static_cast<uint32_t>(flags & kFutureFlags);
  int dont_inherit = a[4].is_empty_slot() ? 0 : is_true(a[4]);
  if (dont_inherit < 0) return Value();
  if (!dont_inherit) future |= inherited_future();
  if (!a[5].is_empty_slot() && !as_int64(a[5], &optimize, &overflow)) return Value();
  std::string filename;
  if (is_str(a[1])) filename = as_str(a[1])->view();
  else if (is_bytes(a[1])) filename = as_bytes(a[1])->view();
  else
    return raise_fmt(TypeErrorType, "expected str, bytes or os.PathLike object, not %s", type_name(a[1]));
  if (!is_str(a[2])) return raise_fmt(TypeErrorType, "compile() argument 'mode' must be str, not %s", type_name(a[2]));
  std::string_view mode_s = as_str(a[2])->view();
  bool only_ast = flags & ast::kOnlyAst;
  CompileMode mode = CompileMode::Exec;
  if (mode_s == "exec") mode = CompileMode::Exec;
  else if (mode_s == "eval") mode = CompileMode::Eval;
  else if (mode_s == "single") mode = CompileMode::Single;
  else if (mode_s == "func_type") {
    if (!only_ast) return raise_msg(ValueErrorType, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
  } else {
    return raise_msg(ValueErrorType, only_ast ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                                              : "compile() mode must be 'exec', 'eval' or 'single'");
  }
  if (optimize < -1 || optimize > 2) return raise_msg(ValueErrorType, "compile(): invalid optimize value");
  if (is_code(a[0])) return a[0];
  int opt = optimize >= 0 ? static_cast<int>(optimize) : (g_config ? g_config->optimize : 0);
  if (ast::is_ast(a[0])) {
    if (only_ast) return a[0];
    return compile_ast(a[0], filename, mode_s, opt, future);
  }
  if (has_pending_exception()) return Value();
  a[0] = buffer_source(a[0]);
  if (a[0].is_empty_slot()) return Value();
  if (!is_source(a[0])) return raise_msg(TypeErrorType, "compile() arg 1 must be a string, bytes or AST object");
  if (only_ast) return parse_to_ast(a[0], filename, mode_s);
  CodeObject* code = compile_text(a[0], filename, mode, opt, false, future);
  return code ? Value::from_obj(code) : Value();
}

bool is_mapping(Value v) { return is_dict(v) || !lookup_special(v, names::dunder_getitem).is_empty_slot(); }

// Resolves exec/eval's globals and locals (the caller's when omitted) and makes sure the
// globals know their builtins. False with TypeError pending.
bool namespaces(const char* fname, Value* globals, Value* locals) {
  Frame* caller = thread_state().frame;
  bool is_exec = fname[0] == 'e' && fname[1] == 'x';
  if (*globals == None) *globals = Value();
  if (*locals == None) *locals = Value();
  if (!globals->is_empty_slot() && !is_exact(*globals, DictType) && !is_dict(*globals)) {
    if (is_exec) raise_fmt(TypeErrorType, "exec() globals must be a dict, not %s", type_name(*globals));
    else raise_msg(TypeErrorType, "globals must be a real dict; try eval(expr, {}, mapping)");
    return false;
  }
  if (!locals->is_empty_slot() && !is_mapping(*locals)) {
    if (is_exec) raise_fmt(TypeErrorType, "locals must be a mapping or None, not %s", type_name(*locals));
    else raise_msg(TypeErrorType, "locals must be a mapping");
    return false;
  }
  if (globals->is_empty_slot()) {
    if (!caller) {
      raise_msg(SystemErrorType, "globals and locals cannot be NULL");
      return false;
    }
    *globals = Value::from_obj(caller->globals);
    if (locals->is_empty_slot()) {
      *locals = frame_locals(caller);
      if (locals->is_empty_slot()) return false;
    }
  } else if (locals->is_empty_slot()) {
    *locals = *globals;
  }
  DictObject* g = as_dict(*globals);
  if (dict_get_str(g, names::dunder_builtins).is_empty_slot()) {
    DictObject* b = caller && caller->builtins ? caller->builtins : builtins_dict();
    if (!dict_set_str(g, names::dunder_builtins, Value::from_obj(b))) return false;
  }
  return true;
}

// Is `closure` a tuple of exactly `n` cells?
bool valid_closure(Value closure, int64_t n) {
  if (!is_exact(closure, TupleType) || as_tuple(closure)->size != n) return false;
  for (int64_t i = 0; i < n; ++i) {
    Value c = as_tuple(closure)->items[i];
    if (!c.is_obj() || c.as_obj()->type != CellType) return false;
  }
  return true;
}

// Runs code whose free variables come from `closure`: the frame gets a function object
// carrying the cells, which the code's CopyFreeVars reads.
Value run_with_closure(CodeObject* code, DictObject* globals, Value locals, Value closure) {
  FunctionObject* fn = new_function(code, globals, Value());
  if (!fn) return Value();
  fn->closure = as_tuple(closure);
  Frame* f = push_frame(code);
  if (!f) return Value();
  f->func = fn;
  f->globals = globals;
  Value b = dict_get_str(globals, names::dunder_builtins);
  if (b.is_obj() && b.as_obj()->type == ModuleType) b = Value::from_obj(as_module(b)->dict);
  f->builtins = b.is_empty_slot() || !is_dict(b) ? builtins_dict() : as_dict(b);
  fn->builtins = f->builtins;
  f->locals = locals;
  bool yielded;
  Value r = eval_frame(f, &yielded);
  pop_frame(f);
  return r;
}

// Runs `source` (code object, str or bytes) for exec (mode Exec) or eval (mode Eval);
// `closure` (exec only) supplies the cells of a code object's free variables.
Value exec_or_eval(const char* fname, Value source, Value globals, Value locals, CompileMode mode,
                   Value closure = Value()) {
  if (!namespaces(fname, &globals, &locals)) return Value();
  CodeObject* code;
  if (!closure.is_empty_slot() && !is_code(source))
    return raise_msg(TypeErrorType, "closure can only be used when source is a code object");
  if (is_code(source)) {
    code = static_cast<CodeObject*>(source.as_obj());
    int64_t nfree = code->freevars->size;
    if (mode == CompileMode::Eval && nfree)
      return raise_fmt(TypeErrorType, "code object passed to %s() may not contain free variables", fname);
    if (!closure.is_empty_slot() && nfree == 0)
      return raise_msg(TypeErrorType, "cannot use a closure with this code object");
    if (nfree) {
      if (closure.is_empty_slot() || !valid_closure(closure, nfree))
        return raise_fmt(TypeErrorType, "code object requires a closure of exactly length %lld",
                         static_cast<long long>(nfree));
      Value r = run_with_closure(code, as_dict(globals), locals, closure);
      return r.is_empty_slot() ? r : None;
    }
  } else if (is_source(source)) {
    code = compile_text(source, "<string>", mode, g_config ? g_config->optimize : 0, mode == CompileMode::Eval,
                        inherited_future());
    if (!code) return Value();
  } else {
    return raise_fmt(TypeErrorType, "%s() arg 1 must be a string, bytes or code object", fname);
  }
  Value r = run_code(code, as_dict(globals), locals);
  if (r.is_empty_slot()) return r;
  return mode == CompileMode::Exec ? None : r;
}

Value builtin_exec(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[4];
  if (!parse_args({"exec", {"source", "globals", "locals", "closure"}, 3, 1, 3}, args, nargs, kwnames, a))
    return Value();
  Value closure = a[3] == None ? Value() : a[3];
  return exec_or_eval("exec", a[0], a[1].is_empty_slot() ? None : a[1], a[2].is_empty_slot() ? None : a[2],
                      CompileMode::Exec, closure);
}

Value builtin_eval(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("eval", nargs, kwnames, 1, 3)) return Value();
  return exec_or_eval("eval", args[0], nargs > 1 ? args[1] : None, nargs > 2 ? args[2] : None, CompileMode::Eval);
}

const NativeFunctionDef kExecBuiltins[] = {
    {"compile", builtin_compile},
    {"exec", builtin_exec},
    {"eval", builtin_eval},
};

}  // namespace

bool register_exec_builtins(ModuleObject* m) {
  return add_builtin_functions(m, kExecBuiltins, std::size(kExecBuiltins), false);
}

}  // namespace coil::lib
