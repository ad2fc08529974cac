// instance_attrs.cpp — an instance's own attributes: shaped slot arrays, dict mode, and the
// plain dict field of native types, behind one interface (shape.h).
#include <algorithm>
#include <vector>

#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/shape.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

bool shaped(Object* o) { return has(o->type, TypeFlag::ShapedAttrs); }

ValueArray* slots_of(InstanceAttrs* a) { return static_cast<ValueArray*>(a->store); }

// Switches a shaped instance to dict mode (no-op when already there); false on MemoryError.
bool devolve(Object* o) {
  InstanceAttrs* a = instance_attrs(o);
  if (is_dict_mode(a)) return true;
  Shape* s = a->shape;
  uint32_t n = s ? s->count : 0;
  DictObject* d = new_dict(n);
  if (!d) return false;
  if (n) {
    std::vector<StrObject*> keys(n);
    shape_keys(s, keys.data());
    ValueArray* slots = slots_of(a);
    for (uint32_t i = 0; i < n; ++i)
      if (!dict_set_str(d, keys[i], slots->items[i])) return false;
  }
  a->shape = reinterpret_cast<Shape*>(kDictModeBits);
  a->store = d;
  return true;
}

// Makes room for slot `index` (growing to the type's usual attribute count at once).
bool ensure_slot(InstanceAttrs* a, uint32_t index, Shape* root) {
  ValueArray* old = slots_of(a);
  int64_t cap = old ? old->capacity : 0;
  if (index < cap) return true;
  int64_t want = std::max<int64_t>({int64_t(index) + 1, cap * 2, int64_t(root->capacity_hint), 4});
  ValueArray* grown = new_value_array(want);
  if (!grown) return false;
  if (old) std::copy(old->items, old->items + cap, grown->items);
  a->store = grown;
  return true;
}

// The interned form of an exact-str name (shape keys are interned).
StrObject* interned_name(StrObject* name) {
  if (name->aux & static_cast<uint32_t>(StrFlag::Interned)) return name;
  return intern(name->view());
}

}  // namespace

Value instance_attr_get(Object* o, StrObject* name) {
  if (!shaped(o)) {
    DictObject* d = *native_dict_slot(o);
    return d ? dict_get_str(d, name) : Value();
  }
  InstanceAttrs* a = instance_attrs(o);
  if (is_dict_mode(a)) return dict_get_str(static_cast<DictObject*>(a->store), name);
  int64_t i = shape_find(a->shape, name);
  return i < 0 ? Value() : slots_of(a)->items[i];
}

bool instance_attr_set(Object* o, StrObject* name, Value v) {
  if (!shaped(o)) {
    DictObject** slot = native_dict_slot(o);
    if (!*slot) {
      *slot = new_dict();
      if (!*slot) return false;
    }
    return dict_set_str(*slot, name, v);
  }
  InstanceAttrs* a = instance_attrs(o);
  if (!is_dict_mode(a)) {
    int64_t i = shape_find(a->shape, name);
    if (i >= 0) {
      slots_of(a)->items[i] = v;
      return true;
    }
    if (name->type == StrType) {
      StrObject* key = interned_name(name);
      if (!key) return false;
      Shape* next = shape_add(o->type, a->shape, key);
      if (next) {
        if (!ensure_slot(a, next->count - 1, o->type->shape_root)) return false;
        slots_of(a)->items[next->count - 1] = v;
        a->shape = next;
        return true;
      }
      if (has_pending_exception()) return false;
    }
    if (!devolve(o)) return false;  // a full tree, or a str-subclass name
  }
  return dict_set_str(static_cast<DictObject*>(a->store), name, v);
}

int instance_attr_del(Object* o, StrObject* name) {
  if (!shaped(o)) {
    DictObject* d = *native_dict_slot(o);
    return d ? dict_del(d, Value::from_obj(name)) : 0;
  }
  InstanceAttrs* a = instance_attrs(o);
  if (!is_dict_mode(a)) {
    int64_t i = shape_find(a->shape, name);
    if (i < 0) return 0;
    if (i == a->shape->count - 1) {
      // Undoing the last addition is a step back up the tree.
      slots_of(a)->items[i] = Value();
      a->shape = a->shape->parent->parent ? a->shape->parent : nullptr;
      return 1;
    }
    if (!devolve(o)) return -1;
  }
  return dict_del(static_cast<DictObject*>(a->store), Value::from_obj(name));
}

DictObject* instance_dict(Object* o) {
  if (!shaped(o)) {
    DictObject** slot = native_dict_slot(o);
    if (!*slot) *slot = new_dict();
    return *slot;
  }
  if (!devolve(o)) return nullptr;
  return static_cast<DictObject*>(instance_attrs(o)->store);
}

void instance_dict_assign(Object* o, DictObject* d) {
  if (!shaped(o)) {
    *native_dict_slot(o) = d;
    return;
  }
  InstanceAttrs* a = instance_attrs(o);
  a->shape = reinterpret_cast<Shape*>(kDictModeBits);
  a->store = d;
}

DictObject* instance_dict_if_nonempty(Object* o) {
  if (!shaped(o)) {
    DictObject* d = *native_dict_slot(o);
    return d && d->used ? d : nullptr;
  }
  InstanceAttrs* a = instance_attrs(o);
  if (is_dict_mode(a)) {
    auto* d = static_cast<DictObject*>(a->store);
    return d->used ? d : nullptr;
  }
  if (!a->shape) return nullptr;
  return instance_dict(o);
}

bool instance_attrs_copy_into(Object* o, DictObject* out) {
  DictObject* d = nullptr;
  if (!shaped(o)) {
    d = *native_dict_slot(o);
  } else {
    InstanceAttrs* a = instance_attrs(o);
    if (is_dict_mode(a)) {
      d = static_cast<DictObject*>(a->store);
    } else if (a->shape) {
      std::vector<StrObject*> keys(a->shape->count);
      shape_keys(a->shape, keys.data());
      for (uint32_t i = 0; i < keys.size(); ++i)
        if (!dict_set_str(out, keys[i], slots_of(a)->items[i])) return false;
    }
  }
  if (d) {
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v))
      if (!dict_set(out, k, v)) return false;
  }
  return true;
}

void visit_instance_attrs(Object* o, Visitor& v) {
  if (!shaped(o)) {
    v.visit(reinterpret_cast<Object*>(*native_dict_slot(o)));
    return;
  }
  InstanceAttrs* a = instance_attrs(o);
  v.visit(Value::from_bits(reinterpret_cast<uintptr_t>(a->shape)));  // the dict-mode tag is skipped
  v.visit(a->store);
}

bool instance_attrs_rehome(Object* o, TypeObject* to) {
  if (!shaped(o)) return true;
  InstanceAttrs* a = instance_attrs(o);
  if (is_dict_mode(a) || !a->shape) return true;
  uint32_t n = a->shape->count;
  std::vector<StrObject*> keys(n);
  shape_keys(a->shape, keys.data());
  Shape* s = nullptr;
  for (uint32_t i = 0; i < n; ++i) {
    s = shape_add(to, s, keys[i]);
    if (!s) {
      if (has_pending_exception()) return false;
      return devolve(o);  // to's tree is full: the attributes move to a dict
    }
  }
  a->shape = s;
  return true;
}

}  // namespace coil::rt
