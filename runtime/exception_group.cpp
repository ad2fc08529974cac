// exception_group.cpp — BaseExceptionGroup / ExceptionGroup (PEP 654): construction with
// CPython's checks, split / subgroup / derive, and the except* steps (clause matching and
// the merge of raised and re-raised parts) that the interpreter's CheckEgMatch and
// PrepReraiseStar call.
#include "runtime/exception_group.h"

#include <unordered_set>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

Value generic_class_getitem(Value* args, int64_t nargs, TupleObject* kwnames);  // generic_alias.cpp

namespace {

bool is_type(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::TypeSubclass); }

ExceptionGroupObject* as_group(Value v) { return static_cast<ExceptionGroupObject*>(v.as_obj()); }

void visit_group(Object* self, Visitor& v) {
  auto* e = static_cast<ExceptionGroupObject*>(self);
  v.visit(e->dict);
  v.visit(e->args);
  v.visit(e->traceback);
  v.visit(e->cause);
  v.visit(e->context);
  v.visit(e->notes);
  v.visit(e->message);
  v.visit(e->excs);
}

bool is_exc_class(Value v) {
  return is_type(v) && has(static_cast<TypeObject*>(v.as_obj()), TypeFlag::BaseExcSubclass);
}

// PySequence_Check: has __getitem__ and is not a dict.
bool is_sequence_like(Value v) {
  TypeObject* t = type_of(v);
  if (is_subtype(t, DictType)) return false;
  return !type_lookup(t, names::dunder_getitem).is_empty_slot();
}

// Makes a group of `cls` (upgraded to ExceptionGroup when cls is BaseExceptionGroup and all
// members are Exceptions), with CPython's argument checks.
Value make_group(TypeObject* cls, Value message, Value exceptions, TupleObject* args) {
  if (!is_sequence_like(exceptions)) return raise_msg(TypeErrorType, "second argument (exceptions) must be a sequence");
  Value t = sequence_to_tuple(exceptions);
  if (t.is_empty_slot()) return t;
  TupleObject* excs = as_tuple(t);
  if (excs->size == 0) return raise_msg(ValueErrorType, "second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (int64_t i = 0; i < excs->size; ++i) {
    if (!is_exception(excs->items[i]))
      return raise_fmt(ValueErrorType, "Item %lld of second argument (exceptions) is not an exception", static_cast<long long>(i));
    if (!is_subtype(type_of(excs->items[i]), ExceptionType)) nested_base = true;
  }
  if (cls == BaseExceptionGroupType) {
    if (!nested_base) cls = ExceptionGroupType;
  } else if (cls == ExceptionGroupType) {
    if (nested_base) return raise_msg(TypeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (nested_base && is_subtype(cls, ExceptionType)) {
    return raise_fmt(TypeErrorType, "Cannot nest BaseExceptions in '%s'", cls->name);
  }
  ExceptionObject* e = new_exception(cls, args);
  if (!e) return Value();
  auto* g = static_cast<ExceptionGroupObject*>(e);
  g->message = message;
  g->excs = t;
  return Value::from_obj(g);
}

Value eg_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* cls = static_cast<TypeObject*>(args[0].as_obj());
  if (kwnames && kwnames->size) return raise_fmt(TypeErrorType, "%s() takes no keyword arguments", cls->name);
  if (nargs - 1 != 2)
    return raise_fmt(TypeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%lld given)",
                     static_cast<long long>(nargs - 1));
  if (!is_str(args[1]))
    return raise_fmt(TypeErrorType, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", type_name(args[1]));
  TupleObject* t = tuple_of({args[1], args[2]});
  if (!t) return Value();
  return make_group(cls, args[1], args[2], t);
}

Value eg_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size) return raise_fmt(TypeErrorType, "%s() takes no keyword arguments", type_name(args[0]));
  TupleObject* t = new_tuple(nargs - 1);
  if (!t) return Value();
  for (int64_t i = 1; i < nargs; ++i) t->items[i - 1] = args[i];
  as_exception(args[0])->args = t;
  return None;
}

}  // namespace

Value exception_group_str(Value v) {
  ExceptionGroupObject* g = as_group(v);
  std::string msg;
  if (!str_string(g->message, &msg)) return Value();
  int64_t n = as_tuple(g->excs)->size;
  return str_value(msg + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? "" : "s") + ")");
}

namespace {

Value eg_str(Value* args, int64_t, TupleObject*) { return exception_group_str(args[0]); }

Value eg_derive(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("derive", nargs - 1, kwnames, 1, 1)) return Value();
  TupleObject* t = tuple_of({as_group(args[0])->message, args[1]});
  if (!t) return Value();
  return make_group(BaseExceptionGroupType, as_group(args[0])->message, args[1], t);
}

// ---- split / subgroup -----------------------------------------------------------------------

enum class MatcherKind { Type, Predicate, InstanceIds };

struct Matcher {
  MatcherKind kind;
  Value value;
  const std::unordered_set<Object*>* ids = nullptr;
};

bool matcher_from(Value v, Matcher* m) {
  if (is_callable(v) && !is_type(v)) {
    *m = {MatcherKind::Predicate, v};
    return true;
  }
  if (is_exc_class(v)) {
    *m = {MatcherKind::Type, v};
    return true;
  }
  if (is_exact(v, TupleType)) {
    TupleObject* t = as_tuple(v);
    bool ok = true;
    for (int64_t i = 0; i < t->size && ok; ++i) ok = is_exc_class(t->items[i]);
    if (ok) {
      *m = {MatcherKind::Type, v};
      return true;
    }
  }
  raise_msg(TypeErrorType, "expected a function, exception type or tuple of exception types");
  return false;
}

// PyErr_GivenExceptionMatches: by type (nested tuples allowed), no __instancecheck__.
bool given_matches(Value exc, Value type) {
  if (is_exact(type, TupleType)) {
    TupleObject* t = as_tuple(type);
    for (int64_t i = 0; i < t->size; ++i)
      if (given_matches(exc, t->items[i])) return true;
    return false;
  }
  return is_type(type) && is_subtype(type_of(exc), static_cast<TypeObject*>(type.as_obj()));
}

int matches(const Matcher& m, Value exc) {
  switch (m.kind) {
    case MatcherKind::Type:
      return given_matches(exc, m.value);
    case MatcherKind::Predicate: {
      Value r = call1(m.value, exc);
      if (r.is_empty_slot()) return -1;
      return is_true(r);
    }
    case MatcherKind::InstanceIds:
      return m.ids->count(exc.as_obj()) ? 1 : 0;
  }
  return 0;
}

// Copies traceback, cause, context and (a copy of) __notes__ from the group split.
bool copy_metadata(Value orig, Value part) {
  ExceptionObject* o = as_exception(orig);
  ExceptionObject* p = as_exception(part);
  p->traceback = o->traceback;
  p->context = o->context;
  p->cause = o->cause;
  p->suppress_context = true;  // PyException_SetCause's side effect
  bool error = false;
  Value notes = get_attr_opt(orig, names::dunder_notes, &error);
  if (error) return false;
  if (!notes.is_empty_slot() && is_sequence_like(notes)) {
    Value copy = call1(Value::from_obj(ListType), notes);
    if (copy.is_empty_slot()) return false;
    if (!set_attr(part, names::dunder_notes, copy)) return false;
  }
  return true;
}

// orig.derive(list) with the metadata copied; None for an empty list.
Value subset(Value orig, ListObject* items) {
  if (items->size == 0) return None;
  Value arg = Value::from_obj(items);
  Value eg = call_method(orig, intern("derive"), &arg, 1);
  if (eg.is_empty_slot()) return eg;
  if (!is_exception_group(eg)) return raise_msg(TypeErrorType, "derive must return an instance of BaseExceptionGroup");
  if (!copy_metadata(orig, eg)) return Value();
  return eg;
}

// CPython's recursive split: *match / *rest are empty for "nothing" (rest only when asked).
bool split_recursive(Value exc, const Matcher& m, bool construct_rest, Value* match, Value* rest) {
  *match = Value();
  *rest = Value();
  int r = matches(m, exc);
  if (r < 0) return false;
  if (r) {
    *match = exc;
    return true;
  }
  if (!is_exception_group(exc)) {
    if (construct_rest) *rest = exc;
    return true;
  }
  TupleObject* excs = group_exceptions(exc);
  ListObject* match_list = new_list(0);
  ListObject* rest_list = construct_rest ? new_list(0) : nullptr;
  if (!match_list || (construct_rest && !rest_list)) return false;
  for (int64_t i = 0; i < excs->size; ++i) {
    if (!enter_call(" in exceptiongroup_split_recursive")) return false;
    Value em, er;
    bool ok = split_recursive(excs->items[i], m, construct_rest, &em, &er);
    leave_call();
    if (!ok) return false;
    if (!em.is_empty_slot() && !list_append(match_list, em)) return false;
    if (!er.is_empty_slot() && !list_append(rest_list, er)) return false;
  }
  Value sm = subset(exc, match_list);
  if (sm.is_empty_slot()) return false;
  if (sm != None) *match = sm;
  if (construct_rest) {
    Value sr = subset(exc, rest_list);
    if (sr.is_empty_slot()) return false;
    if (sr != None) *rest = sr;
  }
  return true;
}

Value or_none(Value v) { return v.is_empty_slot() ? None : v; }

Value eg_split(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("split", nargs - 1, kwnames, 1, 1)) return Value();
  Matcher m;
  if (!matcher_from(args[1], &m)) return Value();
  Value match, rest;
  if (!split_recursive(args[0], m, true, &match, &rest)) return Value();
  TupleObject* t = tuple_of({or_none(match), or_none(rest)});
  return t ? Value::from_obj(t) : Value();
}

Value eg_subgroup(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("subgroup", nargs - 1, kwnames, 1, 1)) return Value();
  Matcher m;
  if (!matcher_from(args[1], &m)) return Value();
  Value match, rest;
  if (!split_recursive(args[0], m, false, &match, &rest)) return Value();
  return or_none(match);
}

Value get_message(Value self) { return as_group(self)->message; }
Value get_exceptions(Value self) { return as_group(self)->excs; }

const NativeMethodDef kGroupMethods[] = {
    {"__new__", eg_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", eg_init},
    {"__str__", eg_str},
    {"derive", eg_derive},
    {"split", eg_split},
    {"subgroup", eg_subgroup},
    {"__class_getitem__", generic_class_getitem, NativeMethodDef::Kind::ClassMethod},
};
const NativeGetSetDef kGroupGetSets[] = {
    {"message", get_message},
    {"exceptions", get_exceptions},
};

// ---- except* --------------------------------------------------------------------------------

bool check_except_star_type(Value t) {
  auto one = [](Value v) {
    if (!is_exc_class(v)) {
      raise_msg(TypeErrorType, "catching classes that do not inherit from BaseException is not allowed");
      return false;
    }
    if (is_subtype(static_cast<TypeObject*>(v.as_obj()), BaseExceptionGroupType)) {
      raise_msg(TypeErrorType, "catching ExceptionGroup with except* is not allowed. Use except instead.");
      return false;
    }
    return true;
  };
  if (is_exact(t, TupleType) || is_subtype(type_of(t), TupleType)) {
    TupleObject* tt = as_tuple(t);
    for (int64_t i = 0; i < tt->size; ++i)
      if (!one(tt->items[i])) return false;
    return true;
  }
  return one(t);
}

void collect_leaf_ids(Value exc, std::unordered_set<Object*>& ids) {
  if (exc == None || !is_exception(exc)) return;
  if (!is_exception_group(exc)) {
    ids.insert(exc.as_obj());
    return;
  }
  TupleObject* excs = group_exceptions(exc);
  for (int64_t i = 0; i < excs->size; ++i) collect_leaf_ids(excs->items[i], ids);
}

bool same_metadata(Value a, Value b) {
  ExceptionObject* x = as_exception(a);
  ExceptionObject* y = as_exception(b);
  Value nx = x->dict ? dict_get_str(x->dict, names::dunder_notes) : Value();
  Value ny = y->dict ? dict_get_str(y->dict, names::dunder_notes) : Value();
  return nx == ny && x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

// ExceptionGroup("", items) (or BaseExceptionGroup when one is not an Exception).
Value new_group(Value items) {
  TupleObject* t = tuple_of({str_value(""), items});
  if (!t) return Value();
  return make_group(BaseExceptionGroupType, t->items[0], items, t);
}

}  // namespace

bool except_star_match(Value exc, Value type, Value* match, Value* rest) {
  if (!check_except_star_type(type)) return false;
  *match = None;
  *rest = None;
  if (exc == None) return true;
  if (given_matches(exc, type)) {
    if (is_exception_group(exc)) {
      *match = exc;
    } else {
      TupleObject* one = tuple_of({exc});
      if (!one) return false;
      Value wrapped = new_group(Value::from_obj(one));
      if (wrapped.is_empty_slot()) return false;  // 3.11 gives it no traceback (3.12 does)
      *match = wrapped;
    }
    return true;
  }
  if (is_exception_group(exc)) {
    Value pair = call_method(exc, intern("split"), &type, 1);
    if (pair.is_empty_slot()) return false;
    if (!is_exact(pair, TupleType) || as_tuple(pair)->size != 2) {
      raise_fmt(TypeErrorType, "%s.split must return a 2-tuple, got %s", type_name(exc), type_name(pair));
      return false;
    }
    *match = as_tuple(pair)->items[0];
    *rest = as_tuple(pair)->items[1];
  }
  return true;
}

Value prep_reraise_star(Value orig, Value excs_v) {
  ListObject* excs = as_list(excs_v);
  if (excs->size == 0) return None;
  if (!is_exception_group(orig)) {
    // A naked exception was caught and wrapped: at most one clause ran.
    return excs->items()[0];
  }
  ListObject* raised = new_list(0);
  ListObject* reraised = new_list(0);
  if (!raised || !reraised) return Value();
  for (int64_t i = 0; i < excs->size; ++i) {
    Value e = excs->items()[i];
    if (e == None) continue;
    if (!list_append(same_metadata(e, orig) ? reraised : raised, e)) return Value();
  }
  // The re-raised part: the leaves of orig that were re-raised, in orig's structure.
  std::unordered_set<Object*> ids;
  for (int64_t i = 0; i < reraised->size; ++i) collect_leaf_ids(reraised->items()[i], ids);
  Matcher m{MatcherKind::InstanceIds, Value(), &ids};
  Value rm, rr;
  if (!split_recursive(orig, m, false, &rm, &rr)) return Value();
  Value reraised_eg = or_none(rm);
  if (raised->size == 0) return reraised_eg;
  if (reraised_eg != None && !list_append(raised, reraised_eg)) return Value();
  if (raised->size > 1) return new_group(Value::from_obj(raised));
  return raised->items()[0];
}

void init_exception_group() {
  for (TypeObject* t : {BaseExceptionGroupType, ExceptionGroupType}) {
    t->basic_size = sizeof(ExceptionGroupObject);
    t->visit = visit_group;
  }
  add_methods(BaseExceptionGroupType, kGroupMethods);
  add_getsets(BaseExceptionGroupType, kGroupGetSets);
}

}  // namespace coil::rt
