// items.cpp — subscription (c[k], c[k] = v, del c[k]) for built-in containers and through
// __getitem__/__setitem__/__delitem__/__class_getitem__, and dict merging helpers.
#include <string>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/iterators.h"
#include "runtime/names.h"
#include "runtime/pending_features.h"
#include "runtime/sequence_ops.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

bool is_slice(Value v) { return v.is_obj() && v.as_obj()->type == SliceType; }

Value slice_items(TypeObject* t, const Value* items, int64_t size, Value slice) {
  int64_t start, stop, step, count;
  if (!slice_indices(slice, size, &start, &stop, &step, &count)) return Value();
  if (t == TupleType) {
    TupleObject* r = new_tuple(count);
    if (!r) return Value();
    for (int64_t i = 0; i < count; ++i) r->items[i] = items[start + i * step];
    return Value::from_obj(r);
  }
  ListObject* r = new_list(count);
  if (!r) return Value();
  for (int64_t i = 0; i < count; ++i) r->items()[i] = items[start + i * step];
  return Value::from_obj(r);
}

int64_t str_offset(StrObject* s, int64_t index) { return str_byte_offset(s, index); }

Value str_subscript(Value v, Value key) {
  StrObject* s = as_str(v);
  if (is_slice(key)) {
    int64_t start, stop, step, count;
    if (!slice_indices(key, s->length, &start, &stop, &step, &count)) return Value();
    if (step == 1) {
      int64_t b = str_offset(s, start), e = str_offset(s, start + count);
      return str_value(std::string_view(s->data + b, e - b));
    }
    std::string out;
    for (int64_t i = 0; i < count; ++i) {
      int64_t b = str_offset(s, start + i * step);
      const char* p = s->data + b;
      decode_utf8(p);
      out.append(s->data + b, p - (s->data + b));
    }
    return str_value(out);
  }
  int64_t i;
  if (!normalize_index(key, s->length, &i, "string")) return Value();
  const char* p = s->data + str_offset(s, i);
  return str_char(decode_utf8(p));
}

}  // namespace

Value get_item(Value c, Value key) {
  TypeObject* t = type_of(c);
  if (t == ListType) {
    ListObject* l = as_list(c);
    if (key.is_small_int()) {
      int64_t i = key.as_small_int();
      if (i < 0) i += l->size;
      if (i >= 0 && i < l->size) return l->items()[i];
      return raise_msg(IndexErrorType, "list index out of range");
    }
    if (is_slice(key)) return slice_items(ListType, l->items(), l->size, key);
    int64_t i;
    if (!normalize_index(key, l->size, &i, "list")) return Value();
    return l->items()[i];
  }
  if (is_tuple_layout(t)) {
    TupleObject* tp = as_tuple(c);
    if (is_slice(key)) return slice_items(TupleType, tp->items, tp->size, key);
    int64_t i;
    if (!normalize_index(key, tp->size, &i, "tuple")) return Value();
    return tp->items[i];
  }
  if (t == DictType) {
    bool err;
    Value v = dict_get(as_dict(c), key, &err);
    if (err) return Value();
    if (v.is_empty_slot()) return raise(Value::from_obj(new_exception(KeyErrorType, tuple_of({key}))));
    return v;
  }
  if (t == StrType) return str_subscript(c, key);
  if (t == RangeType) return range_subscript(c, key);
  Value m = type_lookup(t, names::dunder_getitem);
  if (!m.is_empty_slot()) {
    // dict.__getitem__ itself calls __missing__ for subclasses.
    return call_special1(m, c, key);
  }
  if (has(t, TypeFlag::TypeSubclass)) {
    if (c.as_obj() == TypeType) return c;  // type[int]: a GenericAlias in CPython
    bool error = false;
    Value cg = get_attr_opt(c, names::dunder_class_getitem, &error);
    if (error) return Value();
    if (!cg.is_empty_slot()) return call1(cg, key);
    return raise_fmt(TypeErrorType, "type '%s' is not subscriptable", static_cast<TypeObject*>(c.as_obj())->name);
  }
  return raise_fmt(TypeErrorType, "'%s' object is not subscriptable", t->name);
}

bool set_item(Value c, Value key, Value value) {
  TypeObject* t = type_of(c);
  if (t == ListType) {
    ListObject* l = as_list(c);
    if (is_slice(key)) return list_set_slice(l, key, value);
    int64_t i;
    if (!normalize_index(key, l->size, &i, "list")) {
      if (pending_matches(IndexErrorType)) {
        clear_exception();
        raise_msg(IndexErrorType, "list assignment index out of range");
      }
      return false;
    }
    l->items()[i] = value;
    return true;
  }
  if (t == DictType) return dict_set(as_dict(c), key, value);
  Value m = type_lookup(t, names::dunder_setitem);
  if (m.is_empty_slot()) {
    raise_fmt(TypeErrorType, "'%s' object does not support item assignment", t->name);
    return false;
  }
  return !call_special2(m, c, key, value).is_empty_slot();
}

bool del_item(Value c, Value key) {
  TypeObject* t = type_of(c);
  if (t == ListType) {
    ListObject* l = as_list(c);
    if (is_slice(key)) return list_set_slice(l, key, Value());
    int64_t i;
    if (!normalize_index(key, l->size, &i, "list")) {
      if (pending_matches(IndexErrorType)) {
        clear_exception();
        raise_msg(IndexErrorType, "list assignment index out of range");
      }
      return false;
    }
    for (int64_t k = i; k + 1 < l->size; ++k) l->items()[k] = l->items()[k + 1];
    --l->size;
    l->items()[l->size] = Value();
    return true;
  }
  if (t == DictType) {
    int r = dict_del(as_dict(c), key);
    if (r == 0) raise(Value::from_obj(new_exception(KeyErrorType, tuple_of({key}))));
    return r > 0;
  }
  Value m = type_lookup(t, names::dunder_delitem);
  if (m.is_empty_slot()) {
    raise_fmt(TypeErrorType, "'%s' object does not support item deletion", t->name);
    return false;
  }
  return !call_special1(m, c, key).is_empty_slot();
}

bool dict_update_from(DictObject* d, Value m) {
  // A dict whose iteration is dict's own is read entry by entry with the stored hashes;
  // CPython's dict_merge: a source changed meanwhile (by a key's __eq__) is a RuntimeError.
  if (is_dict(m) && (is_exact(m, DictType) ||
                     type_lookup(type_of(m), names::dunder_iter) == type_lookup(DictType, names::dunder_iter))) {
    DictObject* src = as_dict(m);
    const int64_t used = src->used;
    int64_t pos = 0, h;
    Value k, v;
    while (dict_next(src, &pos, &k, &v, &h)) {
      if (!dict_set_hashed(d, k, h, v)) return false;
      if (src->used != used) {
        raise_msg(RuntimeErrorType, "dict mutated during update");
        return false;
      }
    }
    return true;
  }
  Value keys = get_attr(m, names::keys);
  if (keys.is_empty_slot()) return false;
  Value ks = call0(keys);
  if (ks.is_empty_slot()) return false;
  Value it = get_iter(ks);
  if (it.is_empty_slot()) return false;
  while (true) {
    bool done = false;
    Value k = iter_next(it, &done);
    if (done) return true;
    if (k.is_empty_slot()) return false;
    Value v = get_item(m, k);
    if (v.is_empty_slot() || !dict_set(d, k, v)) return false;
  }
}

bool dict_merge_kwargs(DictObject* d, Value m, Value callee) {
  if (!is_dict(m) && lookup_special(m, names::keys).is_empty_slot()) {
    raise_fmt(TypeErrorType, "%s argument after ** must be a mapping, not %s", callable_description(callee).c_str(),
              type_name(m));
    return false;
  }
  DictObject* tmp = new_dict();
  if (!tmp || !dict_update_from(tmp, m)) return false;
  int64_t pos = 0;
  Value k, v;
  while (dict_next(tmp, &pos, &k, &v)) {
    bool err;
    if (!dict_get(d, k, &err).is_empty_slot()) {
      if (is_str(k))
        raise_fmt(TypeErrorType, "%s got multiple values for keyword argument '%s'",
                  callable_description(callee).c_str(), as_str(k)->data);
      else
        raise_fmt(TypeErrorType, "%s keywords must be strings", callable_description(callee).c_str());
      return false;
    }
    if (!dict_set(d, k, v)) return false;
  }
  return true;
}

}  // namespace coil::rt
