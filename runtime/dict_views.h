// dict_views.h — dict_keys / dict_values / dict_items views and the dict iterators
// (forward and reversed), which detect a dict changing size under them.
#pragma once

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct DictViewObject : Object {
  Value dict;
};

struct DictIterObject : Object {
  Value dict;          // empty once exhausted
  int64_t pos;         // next entry index (reversed: the entry before it)
  int64_t used;        // dict size when iteration started
  int64_t remaining;   // items still expected
};

// `for k, v in d.items()` without the pair: when `iter` is a forward items iterator with an
// item left (and no size change), stores value, key at out[0], out[1] (UnpackSequence's
// order) and returns true; otherwise false with nothing changed (the generic path then
// raises or finishes). Never raises.
bool dict_items_next_unpacked(Value iter, Value* out);

// `kind` is one of DictKeysType, DictValuesType, DictItemsType.
Value new_dict_view(TypeObject* kind, Value dict);
// `kind` is one of the six dict iterator types (keys/values/items, forward/reversed).
Value new_dict_iter(TypeObject* kind, Value dict);
bool is_dict_iter_type(TypeObject* t);
Value dict_iter_next(Value it, bool* done);
bool is_dict_view_type(TypeObject* t);
// The set-like operations and comparisons of keys/items views (NotImplemented if n/a).
Value dict_view_binary(Value a, Value b, fe::BinaryOpKind op);
Value dict_view_compare(Value a, Value b, fe::CompareKind op);
Value dict_view_repr(Value v);

// dict == dict, dict | dict, dict |= mapping (dict_methods.cpp).
Value dict_richcompare(Value a, Value b, fe::CompareKind op);
Value dict_or(Value a, Value b);
Value dict_inplace_or(Value a, Value b);

}  // namespace coil::rt
