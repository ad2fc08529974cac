// dict_views.cpp — dict_keys / dict_values / dict_items and the six dict iterators.
// Keys and items views are set-like: & | - ^ build sets, comparisons test containment.
#include <string>

#include "runtime/dict_views.h"

#include "runtime/abstract.h"
#include "runtime/containers.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/native_module.h"
#include "runtime/sequence_ops.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

using fe::BinaryOpKind;
using fe::CompareKind;

void visit_view(Object* self, Visitor& v) { v.visit(static_cast<DictViewObject*>(self)->dict); }
void visit_iter(Object* self, Visitor& v) { v.visit(static_cast<DictIterObject*>(self)->dict); }

DictObject* view_dict(Value v) { return as_dict(static_cast<DictViewObject*>(v.as_obj())->dict); }

bool is_reversed_iter(TypeObject* t) {
  return t == DictRevKeyIterType || t == DictRevValueIterType || t == DictRevItemIterType;
}

// Keys and items views take part in set operations; values views do not.
bool is_setlike_view(Value v) {
  return v.is_obj() && (v.as_obj()->type == DictKeysType || v.as_obj()->type == DictItemsType);
}

int64_t view_len(Value v) { return view_dict(v)->used; }

// `item in view`: 1, 0, -1 error.
int view_contains(Value view, Value item) {
  DictObject* d = view_dict(view);
  bool err;
  if (view.as_obj()->type == DictKeysType) {
    Value v = dict_get(d, item, &err);
    return err ? -1 : !v.is_empty_slot();
  }
  if (!is_exact(item, TupleType) || as_tuple(item)->size != 2) return 0;
  Value found = dict_get(d, as_tuple(item)->items[0], &err);
  if (err) return -1;
  if (found.is_empty_slot()) return 0;
  return equal(found, as_tuple(item)->items[1]);
}

// A set of the view's contents (a keys view of an exact dict copies the dict's hashes).
Value view_to_set(Value v) {
  if (v.is_obj() && v.as_obj()->type == DictKeysType && is_exact(static_cast<DictViewObject*>(v.as_obj())->dict, DictType))
    return make_new_set(SetType, static_cast<DictViewObject*>(v.as_obj())->dict);
  return make_new_set(SetType, v);
}

// All items of `a` are in `b` (any container): 1, 0, -1.
int all_contained_in(Value a, Value b) {
  Value it = get_iter(a);
  if (it.is_empty_slot()) return -1;
  while (true) {
    bool done = false;
    Value x = iter_next(it, &done);
    if (done) return 1;
    if (x.is_empty_slot()) return -1;
    int r = contains(b, x);
    if (r <= 0) return r;
  }
}

Value view_intersect(Value self, Value other) {
  if (!is_setlike_view(self)) std::swap(self, other);
  int64_t len_self = view_len(self);
  if (is_exact(other, SetType) && len_self <= as_set(other)->used) {
    Value args[2] = {other, self};
    return call_method(other, intern("intersection"), args + 1, 1);
  }
  if (is_setlike_view(other) && view_len(other) > len_self) std::swap(self, other);
  SetObject* result = new_set(SetType);
  if (!result) return Value();
  Value it = get_iter(other);
  if (it.is_empty_slot()) return it;
  while (true) {
    bool done = false;
    Value x = iter_next(it, &done);
    if (done) return Value::from_obj(result);
    if (x.is_empty_slot()) return x;
    int r = view_contains(self, x);
    if (r < 0) return Value();
    if (r && !set_add_key(result, x)) return Value();
  }
}

// --- iterators ---

Value dict_iter_next_m(Value* args, int64_t, TupleObject*) {
  bool done = false;
  Value r = dict_iter_next(args[0], &done);
  if (done) return raise(Value::from_obj(new_exception(StopIterationType, nullptr)));
  return r;
}
Value self_m(Value* args, int64_t, TupleObject*) { return args[0]; }
Value dict_iter_length_hint_m(Value* args, int64_t, TupleObject*) {
  auto* it = static_cast<DictIterObject*>(args[0].as_obj());
  if (it->dict.is_empty_slot() || it->used != as_dict(it->dict)->used) return Value::from_small_int(0);
  return Value::from_small_int(it->remaining);
}

const NativeMethodDef kDictIterMethods[] = {
    {"__next__", dict_iter_next_m},
    {"__iter__", self_m},
    {"__length_hint__", dict_iter_length_hint_m},
};

// --- views ---

Value view_len_m(Value* args, int64_t, TupleObject*) { return Value::from_small_int(view_len(args[0])); }

Value view_iter_m(Value* args, int64_t, TupleObject*) {
  TypeObject* t = args[0].as_obj()->type;
  TypeObject* kind = t == DictKeysType ? DictKeyIterType : t == DictValuesType ? DictValueIterType : DictItemIterType;
  return new_dict_iter(kind, static_cast<DictViewObject*>(args[0].as_obj())->dict);
}

Value view_reversed_m(Value* args, int64_t, TupleObject*) {
  TypeObject* t = args[0].as_obj()->type;
  TypeObject* kind =
      t == DictKeysType ? DictRevKeyIterType : t == DictValuesType ? DictRevValueIterType : DictRevItemIterType;
  return new_dict_iter(kind, static_cast<DictViewObject*>(args[0].as_obj())->dict);
}

Value view_contains_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__contains__", nargs - 1, kwnames, 1, 1)) return Value();
  int r = view_contains(args[0], args[1]);
  return r < 0 ? Value() : bool_value(r);
}

Value view_repr_m(Value* args, int64_t, TupleObject*) { return dict_view_repr(args[0]); }

template <BinaryOpKind Op>
Value view_binop_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__op__", nargs - 1, kwnames, 1, 1)) return Value();
  return dict_view_binary(args[0], args[1], Op);
}
template <BinaryOpKind Op>
Value view_rbinop_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__rop__", nargs - 1, kwnames, 1, 1)) return Value();
  return dict_view_binary(args[1], args[0], Op);
}
template <CompareKind Op>
Value view_cmp_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__cmp__", nargs - 1, kwnames, 1, 1)) return Value();
  return dict_view_compare(args[0], args[1], Op);
}

Value view_isdisjoint_m(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("isdisjoint", nargs - 1, kwnames, 1, 1)) return Value();
  Value self = args[0], other = args[1];
  if (self == other) return bool_value(view_len(self) == 0);
  // Iterate over the shorter object when both sizes are known.
  if (is_anyset(other) || is_setlike_view(other)) {
    int64_t len_other = is_anyset(other) ? as_set(other)->used : view_len(other);
    if (len_other > view_len(self)) std::swap(self, other);
  }
  Value it = get_iter(other);
  if (it.is_empty_slot()) return it;
  while (true) {
    bool done = false;
    Value x = iter_next(it, &done);
    if (done) return True;
    if (x.is_empty_slot()) return x;
    int r = contains(self, x);
    if (r < 0) return Value();
    if (r) return False;
  }
}

#define VIEW_COMMON                                   \
  {"__len__", view_len_m}, {"__iter__", view_iter_m}, \
  {"__reversed__", view_reversed_m}, {"__repr__", view_repr_m}
#define VIEW_SETLIKE                                                                                   \
  {"__contains__", view_contains_m},                                                                   \
  {"__and__", view_binop_m<BinaryOpKind::And>}, {"__rand__", view_rbinop_m<BinaryOpKind::And>},        \
  {"__or__", view_binop_m<BinaryOpKind::Or>}, {"__ror__", view_rbinop_m<BinaryOpKind::Or>},            \
  {"__sub__", view_binop_m<BinaryOpKind::Subtract>}, {"__rsub__", view_rbinop_m<BinaryOpKind::Subtract>}, \
  {"__xor__", view_binop_m<BinaryOpKind::Xor>}, {"__rxor__", view_rbinop_m<BinaryOpKind::Xor>},        \
  {"__lt__", view_cmp_m<CompareKind::Lt>}, {"__le__", view_cmp_m<CompareKind::Le>},                    \
  {"__eq__", view_cmp_m<CompareKind::Eq>}, {"__ne__", view_cmp_m<CompareKind::Ne>},                    \
  {"__gt__", view_cmp_m<CompareKind::Gt>}, {"__ge__", view_cmp_m<CompareKind::Ge>},                    \
  {"isdisjoint", view_isdisjoint_m}

const NativeMethodDef kKeysMethods[] = {VIEW_COMMON, VIEW_SETLIKE};
const NativeMethodDef kItemsMethods[] = {VIEW_COMMON, VIEW_SETLIKE};
const NativeMethodDef kValuesMethods[] = {VIEW_COMMON};

}  // namespace

bool is_dict_iter_type(TypeObject* t) {
  return t == DictKeyIterType || t == DictValueIterType || t == DictItemIterType || is_reversed_iter(t);
}

bool is_dict_view_type(TypeObject* t) { return t == DictKeysType || t == DictValuesType || t == DictItemsType; }

Value new_dict_view(TypeObject* kind, Value dict) {
  auto* v = static_cast<DictViewObject*>(allocate_object(kind, sizeof(DictViewObject)));
  if (!v) return raise_memory_error();
  v->dict = dict;
  return Value::from_obj(v);
}

Value new_dict_iter(TypeObject* kind, Value dict) {
  auto* it = static_cast<DictIterObject*>(allocate_object(kind, sizeof(DictIterObject)));
  if (!it) return raise_memory_error();
  DictObject* d = as_dict(dict);
  it->dict = dict;
  it->used = d->used;
  it->remaining = d->used;
  it->pos = is_reversed_iter(kind) ? d->storage->nentries - 1 : 0;
  return Value::from_obj(it);
}

Value dict_iter_next(Value iter, bool* done) {
  *done = false;
  auto* it = static_cast<DictIterObject*>(iter.as_obj());
  if (it->dict.is_empty_slot()) {
    *done = true;
    return Value();
  }
  DictObject* d = as_dict(it->dict);
  if (it->used != d->used) {
    it->used = -1;  // keep failing
    return raise_msg(RuntimeErrorType, "dictionary changed size during iteration");
  }
  TypeObject* t = iter.as_obj()->type;
  Value key, value;
  bool found;
  if (is_reversed_iter(t)) {
    DictEntry* e = dict_entries(d->storage);
    while (it->pos >= 0 && it->pos < d->storage->nentries && e[it->pos].key.is_empty_slot()) --it->pos;
    found = it->pos >= 0 && it->pos < d->storage->nentries;
    if (found) {
      key = e[it->pos].key;
      value = e[it->pos].value;
      --it->pos;
    }
  } else {
    found = dict_next(d, &it->pos, &key, &value);
  }
  if (!found || it->remaining <= 0) {
    it->dict = Value();
    if (found) return raise_msg(RuntimeErrorType, "dictionary keys changed during iteration");
    *done = true;
    return Value();
  }
  --it->remaining;
  if (t == DictKeyIterType || t == DictRevKeyIterType) return key;
  if (t == DictValueIterType || t == DictRevValueIterType) return value;
  TupleObject* pair = tuple_of({key, value});
  return pair ? Value::from_obj(pair) : Value();
}

bool dict_items_next_unpacked(Value iter, Value* out) {
  auto* it = static_cast<DictIterObject*>(iter.as_obj());
  if (iter.as_obj()->type != DictItemIterType || it->dict.is_empty_slot() || it->remaining <= 0) return false;
  DictObject* d = as_dict(it->dict);
  if (it->used != d->used) return false;
  int64_t pos = it->pos;
  Value key, value;
  if (!dict_next(d, &pos, &key, &value)) return false;
  it->pos = pos;
  --it->remaining;
  out[1] = key;
  out[0] = value;
  return true;
}

Value dict_view_binary(Value a, Value b, BinaryOpKind op) {
  if (!is_setlike_view(a) && !is_setlike_view(b)) return NotImplemented;
  if (op == BinaryOpKind::And) return view_intersect(a, b);
  const char* method = op == BinaryOpKind::Or ? "update"
                       : op == BinaryOpKind::Subtract ? "difference_update"
                       : op == BinaryOpKind::Xor ? "symmetric_difference_update" : nullptr;
  if (!method) return NotImplemented;
  Value result = view_to_set(a);
  if (result.is_empty_slot()) return result;
  Value r = call_method(result, intern(method), &b, 1);
  if (r.is_empty_slot()) return r;
  return result;
}

Value dict_view_compare(Value a, Value b, CompareKind op) {
  if (!is_setlike_view(a) || !(is_anyset(b) || is_setlike_view(b))) return NotImplemented;
  int64_t la = view_len(a);
  int64_t lb = length(b);
  if (lb < 0) return Value();
  int r;
  switch (op) {
    case CompareKind::Eq:
    case CompareKind::Ne:
      r = la == lb ? all_contained_in(a, b) : 0;
      if (r < 0) return Value();
      return bool_value(op == CompareKind::Eq ? r : !r);
    case CompareKind::Lt: r = la < lb ? all_contained_in(a, b) : 0; break;
    case CompareKind::Le: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case CompareKind::Gt: r = la > lb ? all_contained_in(b, a) : 0; break;
    default: r = la >= lb ? all_contained_in(b, a) : 0; break;
  }
  return r < 0 ? Value() : bool_value(r);
}

Value dict_view_repr(Value v) {
  ReprGuard guard(v.as_obj());
  if (guard.recursive) return str_value("...");
  ListObject* items = new_list(0);
  if (!items || !list_extend(items, v)) return Value();
  Value r = list_repr(Value::from_obj(items));
  if (r.is_empty_slot()) return r;
  return str_value(std::string(v.as_obj()->type->name) + "(" + std::string(as_str(r)->view()) + ")");
}

namespace {
// view.mapping: a read-only proxy of the dict the view looks at.
Value view_mapping(Value self) { return new_mapping_proxy(static_cast<DictViewObject*>(self.as_obj())->dict); }
const NativeGetSetDef kViewGetSets[] = {{"mapping", view_mapping}};
}  // namespace

void init_dict_views() {
  for (TypeObject* t : {DictKeysType, DictValuesType, DictItemsType}) {
    t->basic_size = sizeof(DictViewObject);
    t->visit = visit_view;
  }
  for (TypeObject* t : {DictKeysType, DictValuesType, DictItemsType}) add_getsets(t, kViewGetSets);
  add_methods(DictKeysType, kKeysMethods);
  add_methods(DictItemsType, kItemsMethods);
  add_methods(DictValuesType, kValuesMethods);
  dict_set_str(DictKeysType->dict, intern("__hash__"), None);
  dict_set_str(DictItemsType->dict, intern("__hash__"), None);
  type_modified(DictKeysType);
  type_modified(DictItemsType);
  for (TypeObject* t : {DictKeyIterType, DictValueIterType, DictItemIterType, DictRevKeyIterType, DictRevValueIterType,
                        DictRevItemIterType}) {
    t->basic_size = sizeof(DictIterObject);
    t->visit = visit_iter;
    add_methods(t, kDictIterMethods);
  }
}

}  // namespace coil::rt
