// exception_methods.cpp — BaseException's methods and attributes: args, __str__,
// __repr__, with_traceback, add_note, __traceback__/__cause__/__context__, and the
// class-specific attributes (SystemExit.code, StopIteration.value, KeyError's str, ...).
#include "runtime/abstract.h"
#include "runtime/codecs.h"
#include "runtime/dict.h"
#include "runtime/exception_group.h"
#include "runtime/exceptions.h"
#include "runtime/names.h"
#include "runtime/int.h"
#include "runtime/os_error.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

ExceptionObject* self_exc(Value* args) { return as_exception(args[0]); }

TupleObject* args_tuple(Value* args, int64_t nargs) {
  TupleObject* t = new_tuple(nargs - 1);
  if (!t) return nullptr;
  for (int64_t i = 1; i < nargs; ++i) t->items[i - 1] = args[i];
  return t;
}

}  // namespace

// Sets class-specific attributes from the constructor arguments, as CPython's
// exception __init__s do.
bool init_special(ExceptionObject* e, TupleObject* a) {
  TypeObject* t = e->type;
  auto set = [&](const char* name, Value v) {
    if (!e->dict) e->dict = new_dict();
    return e->dict && dict_set_str(e->dict, intern(name), v);
  };
  Value first = a->size > 0 ? a->items[0] : None;
  if (is_subtype(t, SystemExitType)) return set("code", a->size == 0 ? None : a->size == 1 ? first : Value::from_obj(a));
  if (is_subtype(t, StopIterationType)) return set("value", first);
  if (is_subtype(t, ImportErrorType)) {
    // name= and path= keywords are set by exc_init / exc_new afterwards.
    return set("msg", a->size == 1 ? first : None) && set("name", None) && set("path", None);
  }
  if (is_subtype(t, UnicodeDecodeErrorType) || is_subtype(t, UnicodeEncodeErrorType) ||
      is_subtype(t, UnicodeTranslateErrorType))
    return unicode_error_init(Value::from_obj(e));
  if (is_subtype(t, NameErrorType)) return set("name", None);
  if (is_subtype(t, AttributeErrorType)) return set("name", None) && set("obj", None);
  if (is_subtype(t, OSErrorType)) {
    // OSError(errno, strerror[, filename[, winerror[, filename2]]]): with a filename,
    // args keeps only (errno, strerror), as CPython's oserror_init does.
    Value err = None, msg = None, fn = None, fn2 = None;
    if (a->size >= 2 && a->size <= 5) {
      err = a->items[0];
      msg = a->items[1];
      if (a->size >= 3) fn = a->items[2];
      if (a->size == 5) fn2 = a->items[4];
      if (fn != None) {
        TupleObject* two = tuple_of({a->items[0], a->items[1]});
        if (!two) return false;
        e->args = two;
      }
    }
    return set("errno", err) && set("strerror", msg) && set("filename", fn) && set("filename2", fn2);
  }
  if (is_subtype(t, SyntaxErrorType)) {
    Value msg = a->size >= 1 ? first : None;
    bool ok = set("msg", msg) && set("filename", None) && set("lineno", None) && set("offset", None) &&
              set("text", None) && set("end_lineno", None) && set("end_offset", None) && set("print_file_and_line", None);
    if (ok && a->size == 2 && is_exact(a->items[1], TupleType)) {
      TupleObject* info = as_tuple(a->items[1]);
      const char* fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
      for (int64_t i = 0; i < info->size && i < 6; ++i) ok = ok && set(fields[i], info->items[i]);
    }
    return ok;
  }
  return true;
}

namespace {

// ImportError(*args, name=None, path=None): the only built-in exception with keywords.
bool import_error_keywords(ExceptionObject* e, Value* args, int64_t nargs, TupleObject* kwnames) {
  for (int64_t i = 0; i < kwnames->size; ++i) {
    std::string_view k = as_str(kwnames->items[i])->view();
    if (k != "name" && k != "path") {
      raise_fmt(TypeErrorType, "'%.*s' is an invalid keyword argument for %s()", static_cast<int>(k.size()), k.data(),
                e->type->name);
      return false;
    }
    if (!dict_set_str(e->dict, as_str(kwnames->items[i]), args[nargs + i])) return false;
  }
  return true;
}

Value exc_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  ExceptionObject* e = self_exc(args);
  bool import_error = is_subtype(e->type, ImportErrorType);
  if (kwnames && kwnames->size && !import_error)
    return raise_fmt(TypeErrorType, "%s() takes no keyword arguments", type_name(args[0]));
  TupleObject* t = args_tuple(args, nargs);
  if (!t) return Value();
  e->args = t;
  if (!init_special(e, t)) return Value();
  if (import_error && kwnames && !import_error_keywords(e, args, nargs, kwnames)) return Value();
  return None;
}

// OSError(errno, ...) called on OSError itself makes the errno's subclass.
TypeObject* mapped_os_error(TypeObject* type, Value* args, int64_t nargs) {
  if (type != OSErrorType || nargs < 3 || nargs > 6 || !is_int(args[1])) return type;
  int64_t err;
  if (!int_to_int64(args[1], &err) || err < 0 || err > 100000) {
    clear_exception();
    return type;
  }
  return os_error_type_for_errno(static_cast<int>(err));
}

Value exc_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = mapped_os_error(static_cast<TypeObject*>(args[0].as_obj()), args, nargs);
  TupleObject* t = args_tuple(args, nargs);
  if (!t) return Value();
  ExceptionObject* e = new_exception(type, t);
  if (!e) return Value();
  if (!init_special(e, t)) return Value();
  if (kwnames && kwnames->size && is_subtype(type, ImportErrorType) && !import_error_keywords(e, args, nargs, kwnames))
    return Value();
  return Value::from_obj(e);
}

Value exc_str_m(Value* args, int64_t, TupleObject*) { return exception_str(args[0]); }
Value exc_repr_m(Value* args, int64_t, TupleObject*) { return exception_repr(args[0]); }

Value exc_with_traceback(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "with_traceback() takes exactly one argument");
  self_exc(args)->traceback = args[1];
  return args[0];
}

Value exc_add_note(Value* args, int64_t nargs, TupleObject*) {
  if (nargs != 2) return raise_msg(TypeErrorType, "add_note() takes exactly one argument");
  if (!is_str(args[1])) return raise_fmt(TypeErrorType, "note must be a str, not '%s'", type_name(args[1]));
  ExceptionObject* e = self_exc(args);
  if (!e->dict) e->dict = new_dict();
  Value notes = dict_get_str(e->dict, names::dunder_notes);
  if (notes.is_empty_slot()) {
    ListObject* l = new_list(0);
    if (!l) return Value();
    notes = Value::from_obj(l);
    dict_set_str(e->dict, names::dunder_notes, notes);
  }
  if (!is_list(notes)) return raise_msg(TypeErrorType, "Cannot add note: __notes__ is not a list");
  return list_append(as_list(notes), args[1]) ? None : Value();
}

Value get_args(Value self) { return Value::from_obj(as_exception(self)->args); }
bool set_args(Value self, Value v) {
  Value t = sequence_to_tuple(v);
  if (t.is_empty_slot()) return false;
  as_exception(self)->args = as_tuple(t);
  return true;
}
Value get_tb(Value self) { return as_exception(self)->traceback; }
bool set_tb(Value self, Value v) {
  if (v != None && !(v.is_obj() && v.as_obj()->type == TracebackType)) {
    raise_msg(TypeErrorType, "__traceback__ must be a traceback or None");
    return false;
  }
  as_exception(self)->traceback = v;
  return true;
}
Value get_cause(Value self) { return as_exception(self)->cause; }
bool set_cause(Value self, Value v) {
  if (v != None && !is_exception(v)) {
    raise_msg(TypeErrorType, "exception cause must be None or derive from BaseException");
    return false;
  }
  as_exception(self)->cause = v;
  as_exception(self)->suppress_context = true;
  return true;
}
Value get_context(Value self) { return as_exception(self)->context; }
bool set_context(Value self, Value v) {
  if (v != None && !is_exception(v)) {
    raise_msg(TypeErrorType, "exception context must be None or derive from BaseException");
    return false;
  }
  as_exception(self)->context = v;
  return true;
}
Value get_suppress(Value self) { return bool_value(as_exception(self)->suppress_context); }
bool set_suppress(Value self, Value v) {
  int t = is_true(v);
  if (t < 0) return false;
  as_exception(self)->suppress_context = t;
  return true;
}

// --- pickling ---

// The attributes Coil keeps in the instance dict that CPython keeps in fields of the
// exception object: they are rebuilt from args, so they stay out of the pickled state.
struct FieldAttrs {
  TypeObject** type;
  std::initializer_list<const char*> names;
};
const FieldAttrs kFieldAttrs[] = {
    {&SystemExitType, {"code"}},
    {&StopIterationType, {"value"}},
    {&ImportErrorType, {"msg", "name", "path"}},
    {&UnicodeErrorType, {"encoding", "object", "start", "end", "reason"}},
    {&NameErrorType, {"name"}},
    {&AttributeErrorType, {"name", "obj"}},
    {&OSErrorType, {"errno", "strerror", "filename", "filename2"}},
    {&SyntaxErrorType,
     {"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"}},
};

// Is `key` one of the field attributes of e's class?
bool is_field_attr(ExceptionObject* e, Value key) {
  if (!is_str(key)) return false;
  for (const FieldAttrs& f : kFieldAttrs) {
    if (!is_subtype(e->type, *f.type)) continue;
    for (const char* name : f.names)
      if (as_str(key)->view() == name) return true;
  }
  return false;
}

// The instance dict without the field attributes; None when nothing is left.
Value exc_state(ExceptionObject* e) {
  if (!e->dict || e->dict->used == 0) return None;
  DictObject* d = new_dict();
  if (!d) return Value();
  int64_t pos = 0;
  Value k, v;
  while (dict_next(e->dict, &pos, &k, &v))
    if (!is_field_attr(e, k) && !dict_set(d, k, v)) return Value();
  return d->used ? Value::from_obj(d) : None;
}

Value exc_attr(ExceptionObject* e, const char* name) {
  Value v = e->dict ? dict_get_str(e->dict, intern(name)) : Value();
  return v.is_empty_slot() ? None : v;
}

// The constructor arguments: OSError puts its filename(s) back after (errno, strerror).
Value exc_reduce_args(ExceptionObject* e) {
  Value args = Value::from_obj(e->args);
  if (!is_subtype(e->type, OSErrorType) || e->args->size != 2) return args;
  Value fn = exc_attr(e, "filename"), fn2 = exc_attr(e, "filename2");
  if (fn == None) return args;
  TupleObject* t = fn2 == None ? tuple_of({e->args->items[0], e->args->items[1], fn})
                               : tuple_of({e->args->items[0], e->args->items[1], fn, None, fn2});
  return t ? Value::from_obj(t) : Value();
}

// (type, args) or (type, args, state); ImportError's state carries name= and path=.
Value exc_reduce_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__reduce__", nargs - 1, kwnames, 0, 0)) return Value();
  ExceptionObject* e = self_exc(args);
  Value state = exc_state(e);
  if (state.is_empty_slot()) return state;
  if (is_subtype(e->type, ImportErrorType)) {
    for (const char* name : {"name", "path"}) {
      Value v = exc_attr(e, name);
      if (v == None) continue;
      if (state == None) {
        DictObject* d = new_dict();
        if (!d) return Value();
        state = Value::from_obj(d);
      }
      if (!dict_set_str(as_dict(state), intern(name), v)) return Value();
    }
  }
  Value a = exc_reduce_args(e);
  if (a.is_empty_slot()) return a;
  TupleObject* r = state == None ? tuple_of({Value::from_obj(e->type), a}) : tuple_of({Value::from_obj(e->type), a, state});
  return r ? Value::from_obj(r) : Value();
}

Value exc_setstate_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__setstate__", nargs - 1, kwnames, 1, 1)) return Value();
  Value state = args[1];
  if (state == None) return None;
  if (!is_dict(state)) return raise_msg(TypeErrorType, "state is not a dictionary");
  int64_t pos = 0;
  Value k, v;
  while (dict_next(as_dict(state), &pos, &k, &v)) {
    if (!is_str(k)) return raise_fmt(TypeErrorType, "attribute name must be string, not '%s'", type_name(k));
    if (!set_attr(args[0], as_str(k), v)) return Value();
  }
  return None;
}

const NativeMethodDef kExcMethods[] = {
    {"__new__", exc_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", exc_init},
    {"__str__", exc_str_m},
    {"__repr__", exc_repr_m},
    {"with_traceback", exc_with_traceback},
    {"add_note", exc_add_note},
    {"__reduce__", exc_reduce_m},
    {"__setstate__", exc_setstate_m},
};
const NativeGetSetDef kExcGetSets[] = {
    {"args", get_args, set_args},
    {"__traceback__", get_tb, set_tb},
    {"__cause__", get_cause, set_cause},
    {"__context__", get_context, set_context},
    {"__suppress_context__", get_suppress, set_suppress},
};

}  // namespace

Value exception_str(Value v) {
  ExceptionObject* e = as_exception(v);
  TupleObject* a = e->args;
  if (is_subtype(e->type, KeyErrorType) && a->size == 1) return repr(a->items[0]);
  if (is_subtype(e->type, BaseExceptionGroupType)) return exception_group_str(v);
  if (is_subtype(e->type, UnicodeDecodeErrorType) || is_subtype(e->type, UnicodeEncodeErrorType) ||
      is_subtype(e->type, UnicodeTranslateErrorType)) {
    Value s = unicode_error_str(v);
    if (!s.is_empty_slot()) return s;
  }
  if (is_subtype(e->type, ImportErrorType) && e->dict) {
    Value msg = dict_get_str(e->dict, intern("msg"));
    if (!msg.is_empty_slot() && is_exact(msg, StrType)) return msg;
  }
  if (is_subtype(e->type, OSErrorType) && e->dict) {
    Value err = dict_get_str(e->dict, intern("errno"));
    Value msg = dict_get_str(e->dict, intern("strerror"));
    Value fn = dict_get_str(e->dict, intern("filename"));
    Value fn2 = dict_get_str(e->dict, intern("filename2"));
    if (!err.is_empty_slot() && err != None && !msg.is_empty_slot() && msg != None) {
      std::string es, ms, fs, fs2;
      if (!str_string(err, &es) || !str_string(msg, &ms)) return Value();
      if (!fn.is_empty_slot() && fn != None) {
        if (!repr_string(fn, &fs)) return Value();
        if (!fn2.is_empty_slot() && fn2 != None) {
          if (!repr_string(fn2, &fs2)) return Value();
          return str_value("[Errno " + es + "] " + ms + ": " + fs + " -> " + fs2);
        }
        return str_value("[Errno " + es + "] " + ms + ": " + fs);
      }
      return str_value("[Errno " + es + "] " + ms);
    }
  }
  if (is_subtype(e->type, SyntaxErrorType) && e->dict) {
    Value msg = dict_get_str(e->dict, intern("msg"));
    Value fn = dict_get_str(e->dict, intern("filename"));
    Value ln = dict_get_str(e->dict, intern("lineno"));
    std::string ms;
    if (msg.is_empty_slot() || !str_string(msg, &ms)) return Value();
    std::string base;
    if (!fn.is_empty_slot() && is_str(fn)) {
      std::string_view f = as_str(fn)->view();
      size_t slash = f.rfind('/');
      base = std::string(slash == std::string_view::npos ? f : f.substr(slash + 1));
    }
    std::string ls;
    if (!ln.is_empty_slot() && ln != None && !str_string(ln, &ls)) return Value();
    if (!base.empty() && !ls.empty()) return str_value(ms + " (" + base + ", line " + ls + ")");
    if (!base.empty()) return str_value(ms + " (" + base + ")");
    if (!ls.empty()) return str_value(ms + " (line " + ls + ")");
    return str_value(ms);
  }
  if (a->size == 0) return str_value("");
  if (a->size == 1) return str_of(a->items[0]);
  return str_of(Value::from_obj(a));
}

Value exception_repr(Value v) {
  ExceptionObject* e = as_exception(v);
  std::string out = e->type->name_obj ? std::string(e->type->name_obj->view()) : e->type->name;
  TupleObject* a = e->args;
  std::string inner;
  if (a->size == 1) {
    if (!repr_string(a->items[0], &inner)) return Value();
    return str_value(out + "(" + inner + ")");
  }
  if (!repr_string(Value::from_obj(a), &inner)) return Value();
  return str_value(out + inner);
}

void init_exception_methods() {
  add_methods(BaseExceptionType, kExcMethods);
  add_getsets(BaseExceptionType, kExcGetSets);
}

}  // namespace coil::rt
