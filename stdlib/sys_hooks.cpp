// sys_hooks.cpp — sys functions that install interpreter hooks: set_asyncgen_hooks /
// get_asyncgen_hooks (PEP 525's firstiter and finalizer), displayhook (also
// sys.__displayhook__), excepthook (the default printer of
// uncaught exceptions, also sys.__excepthook__), unraisablehook (errors that cannot propagate,
// also sys.__unraisablehook__) and the runtime's write_unraisable.
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/generator.h"
#include "runtime/dict.h"
#include "runtime/import.h"
#include "runtime/config.h"
#include "runtime/dict.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/traceback_format.h"
#include "runtime/tuple.h"
#include "stdlib/io_support.h"
#include "stdlib/struct_sequence.h"
#include "stdlib/unraisable.h"
#include "stdlib/warnings_module.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

TypeObject* hooks_type() {
  static TypeObject* t = new_struct_seq_type("asyncgen_hooks", {"firstiter", "finalizer"});
  return t;
}

Value or_none(Value v) { return v.is_empty_slot() ? None : v; }

TypeObject* unraisable_args_type() {
  static TypeObject* t =
      new_struct_seq_type("UnraisableHookArgs", {"exc_type", "exc_value", "exc_traceback", "err_msg", "object"});
  return t;
}

void write_stderr(const std::string& text) {
  Value err = sys_attr("stderr");
  if (err.is_empty_slot() || err == None) {
    clear_exception();
    return;
  }
  if (!write_to_file(err, text, true)) clear_exception();
}

}  // namespace

Value sys_get_asyncgen_hooks(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("get_asyncgen_hooks", nargs, kwnames, 0, 0)) return Value();
  return new_struct_seq(hooks_type(), {or_none(async_gen_hooks(false)), or_none(async_gen_hooks(true))});
}

// set_asyncgen_hooks([firstiter] [, finalizer]): an omitted hook keeps its value, None clears.
Value sys_set_asyncgen_hooks(Value* args, int64_t nargs, TupleObject* kwnames) {
  int64_t nkw = kwnames ? kwnames->size : 0;
  if (nargs + nkw > 2)
    return raise_fmt(TypeErrorType, "function takes at most 2 arguments (%lld given)", static_cast<long long>(nargs + nkw));
  Value firstiter = nargs > 0 ? args[0] : Value();
  Value finalizer = nargs > 1 ? args[1] : Value();
  for (int64_t i = 0; i < nkw; ++i) {
    std::string_view k = as_str(kwnames->items[i])->view();
    Value v = args[nargs + i];
    if (k == "firstiter" && nargs < 1) firstiter = v;
    else if (k == "finalizer" && nargs < 2) finalizer = v;
    else if (k == "firstiter" || k == "finalizer")
      return raise_fmt(TypeErrorType, "argument for function given by name ('%s') and position (%d)",
                       std::string(k).c_str(), k == "firstiter" ? 1 : 2);
    else
      return raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for this function", std::string(k).c_str());
  }
  if (!finalizer.is_empty_slot() && finalizer != None && !is_callable(finalizer))
    return raise_fmt(TypeErrorType, "callable finalizer expected, got %s", type_name(finalizer));
  if (!firstiter.is_empty_slot() && firstiter != None && !is_callable(firstiter))
    return raise_fmt(TypeErrorType, "callable firstiter expected, got %s", type_name(firstiter));
  Value old_first = or_none(async_gen_hooks(false)), old_fin = or_none(async_gen_hooks(true));
  set_async_gen_hooks(firstiter.is_empty_slot() ? old_first : firstiter,
                      finalizer.is_empty_slot() ? old_fin : finalizer);
  return None;
}

// displayhook(value): what the REPL (and doctest) does with an expression statement's value:
// None is skipped; else repr(value) and a newline go to sys.stdout and builtins._ is set. A repr
// that stdout's encoding cannot take is written with backslash escapes. Also sys.__displayhook__.
Value sys_displayhook(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "sys.displayhook() takes no keyword arguments");
  if (nargs != 1)
    return raise_fmt(TypeErrorType, "sys.displayhook() takes exactly one argument (%lld given)", static_cast<long long>(nargs));
  Value o = args[0];
  if (o == None) return None;
  Value builtins = Value::from_obj(g_builtins_module);
  if (!set_attr(builtins, intern("_"), None)) return Value();
  Value out = dict_get_str(g_sys_module->dict, intern("stdout"));
  if (out.is_empty_slot() || out == None) return raise_msg(RuntimeErrorType, "lost sys.stdout");
  Value text = repr(o);
  if (text.is_empty_slot()) return text;
  if (call_method(out, intern("write"), &text, 1).is_empty_slot()) {
    if (!pending_matches(UnicodeEncodeErrorType)) return Value();
    clear_exception();
    Value enc = get_attr(out, intern("encoding"));
    if (enc.is_empty_slot()) return enc;
    Value ea[2] = {enc, str_value("backslashreplace")};
    Value raw = call_method(text, intern("encode"), ea, 2);
    if (raw.is_empty_slot()) return raw;
    Value da[2] = {enc, str_value("strict")};
    Value safe = call_method(raw, intern("decode"), da, 2);
    if (safe.is_empty_slot() || call_method(out, intern("write"), &safe, 1).is_empty_slot()) return Value();
  }
  Value nl = str_value("\n");
  if (call_method(out, intern("write"), &nl, 1).is_empty_slot()) return Value();
  if (!set_attr(builtins, intern("_"), o)) return Value();
  return None;
}

// breakpointhook(*args, **kws): calls the callable named by $PYTHONBREAKPOINT ("module.attr",
// a builtin's name, or pdb.set_trace when unset or empty; "0" disables breakpoints). A name that
// does not import warns (RuntimeWarning) and nothing is called. Also sys.__breakpointhook__.
Value sys_breakpointhook(Value* args, int64_t nargs, TupleObject* kwnames) {
  const char* env = g_config->ignore_environment ? nullptr : std::getenv("PYTHONBREAKPOINT");
  std::string name = env && *env ? env : "pdb.set_trace";
  if (name == "0") return None;
  size_t dot = name.rfind('.');
  std::string module = dot == std::string::npos ? "builtins" : name.substr(0, dot);
  std::string attr = dot == std::string::npos ? name : name.substr(dot + 1);
  Value hook;
  if (dot != 0) {
    Value m = import_module(module);
    if (m.is_empty_slot()) {
      if (!pending_matches(ImportErrorType)) return Value();
    } else {
      hook = get_attr(m, intern(attr));
      if (hook.is_empty_slot() && !pending_matches(AttributeErrorType)) return Value();
    }
  }
  if (hook.is_empty_slot()) {
    clear_exception();
    if (!warn(RuntimeWarningType, "Ignoring unimportable $PYTHONBREAKPOINT: \"" + name + "\"", 0)) return Value();
    return None;
  }
  return call(hook, args, nargs, kwnames);
}

// excepthook(type, value, traceback): writes the exception as CPython's PyErr_Display does.
Value sys_excepthook(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_msg(TypeErrorType, "excepthook() takes no keyword arguments");
  if (nargs != 3) return raise_fmt(TypeErrorType, "excepthook expected 3 arguments, got %lld", static_cast<long long>(nargs));
  Value value = args[1], tb = args[2];
  std::string text;
  if (!is_exception(value)) {
    text = std::string("TypeError: print_exception(): Exception expected for value, ") + type_name(value) + " found\n";
  } else {
    ExceptionObject* e = as_exception(value);
    if (tb.is_obj() && tb.as_obj()->type == TracebackType && e->traceback == None) e->traceback = tb;
    text = format_exception(value);
  }
  flush_std_streams();
  Value err = sys_attr("stderr");
  if (err.is_empty_slot() || err == None) return None;
  if (!write_to_file(err, text, true)) return Value();
  return None;
}

Value sys_get_coroutine_origin_tracking_depth(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("get_coroutine_origin_tracking_depth", nargs, kwnames, 0, 0)) return Value();
  return int_from_int64(coroutine_origin_depth());
}

// set_coroutine_origin_tracking_depth(depth)
Value sys_set_coroutine_origin_tracking_depth(Value* args, int64_t nargs, TupleObject* kwnames) {
  int64_t nkw = kwnames ? kwnames->size : 0;
  Value depth = nargs > 0 ? args[0] : Value();
  for (int64_t i = 0; i < nkw; ++i) {
    std::string_view k = as_str(kwnames->items[i])->view();
    if (k != "depth" || nargs > 0)
      return raise_fmt(TypeErrorType, "set_coroutine_origin_tracking_depth() got an unexpected keyword argument '%s'",
                       std::string(k).c_str());
    depth = args[nargs + i];
  }
  if (nargs + nkw > 1)
    return raise_fmt(TypeErrorType, "set_coroutine_origin_tracking_depth() takes at most 1 argument (%lld given)",
                     static_cast<long long>(nargs + nkw));
  if (depth.is_empty_slot())
    return raise_msg(TypeErrorType, "set_coroutine_origin_tracking_depth() missing required argument 'depth' (pos 1)");
  if (!is_int(depth)) return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(depth));
  int64_t d = 0;
  bool overflow = false;
  if (!as_int64(depth, &d, &overflow)) return Value();
  if (overflow || d > INT32_MAX || d < INT32_MIN) return raise_msg(OverflowErrorType, "Python int too large to convert to C int");
  if (d < 0) return raise_msg(ValueErrorType, "depth must be >= 0");
  set_coroutine_origin_depth(d);
  return None;
}

// The default sys.unraisablehook(args).
Value sys_unraisablehook(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("unraisablehook", nargs, kwnames, 1, 1)) return Value();
  Value a = args[0];
  if (!a.is_obj() || a.as_obj()->type != unraisable_args_type())
    return raise_msg(TypeErrorType, "sys.unraisablehook argument type must be UnraisableHookArgs");
  TupleObject* t = as_tuple(a);
  flush_std_streams();
  write_stderr(format_unraisable(t->items[1], t->items[3], t->items[4]));
  return None;
}

void write_unraisable(Value exc, const char* err_msg, Value obj) {
  Value saved = take_exception();
  Value msg = err_msg ? str_value(err_msg) : None;
  Value hook = sys_attr("unraisablehook");
  Value dflt = sys_attr("__unraisablehook__");
  clear_exception();
  bool done = false;
  if (!hook.is_empty_slot() && hook != None && hook != dflt && is_exception(exc)) {
    Value hargs = new_struct_seq(unraisable_args_type(), {Value::from_obj(type_of(exc)), exc,
                                                          as_exception(exc)->traceback, msg, or_none(obj)});
    if (!hargs.is_empty_slot() && !call1(hook, hargs).is_empty_slot()) {
      done = true;
    } else {
      // As CPython: a failing hook is itself reported, then the original error.
      Value hook_exc = take_exception();
      flush_std_streams();
      write_stderr(format_unraisable(hook_exc, str_value("Exception ignored in sys.unraisablehook"), hook));
    }
  }
  if (!done) {
    flush_std_streams();
    write_stderr(format_unraisable(exc, msg, obj));
  }
  clear_exception();
  if (!saved.is_empty_slot()) thread_state().pending = saved;
}

}  // namespace coil::lib
