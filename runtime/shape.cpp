// shape.cpp — shape trees: transitions, name lookup, and the limits that send instances to
// dict mode (see shape.h for the design).
#include "runtime/shape.h"

#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/str.h"

namespace coil::rt {

namespace {

// Chains longer than this get a name -> slot table instead of a walk.
constexpr uint32_t kLinearLookup = 8;
// An instance with more attributes than this is used as a mapping: dict mode.
constexpr uint32_t kMaxShapedAttrs = 256;
// A type whose instances produced this many distinct shapes (attribute names from data,
// orders that never repeat) stops making new ones: further instances go to dict mode.
constexpr uint32_t kMaxTreeSize = 4096;

void visit_shape(Object* self, Visitor& v) {
  auto* s = static_cast<Shape*>(self);
  v.visit(s->parent);
  v.visit(s->key);
  v.visit(s->owner);
  v.visit(s->child);
  v.visit(s->children);
  v.visit(s->table);
}

Shape* new_shape(TypeObject* owner, Shape* parent, StrObject* key) {
  auto* s = static_cast<Shape*>(allocate_object(ShapeType, sizeof(Shape)));
  if (!s) {
    raise_memory_error();
    return nullptr;
  }
  s->owner = owner;
  s->parent = parent;
  s->key = key;
  s->count = parent ? parent->count + 1 : 0;
  return s;
}

// Builds s->table (key -> slot) for a long chain.
bool build_table(Shape* s) {
  DictObject* t = new_dict(s->count);
  if (!t) return false;
  for (Shape* p = s; p->parent; p = p->parent)
    if (!dict_set_str(t, p->key, Value::from_small_int(p->count - 1))) return false;
  s->table = t;
  return true;
}

}  // namespace

int64_t shape_find(Shape* s, StrObject* name) {
  if (!s) return -1;
  if (s->count > kLinearLookup) {
    if (!s->table && !build_table(s)) {
      clear_exception();  // out of memory: the walk below still answers
    } else {
      Value v = dict_get_str(s->table, name);
      return v.is_empty_slot() ? -1 : v.as_small_int();
    }
  }
  bool interned = name->aux & static_cast<uint32_t>(StrFlag::Interned);
  for (Shape* p = s; p->parent; p = p->parent)
    if (p->key == name || (!interned && str_equal(p->key, name))) return p->count - 1;
  return -1;
}

Shape* shape_add(TypeObject* owner, Shape* s, StrObject* name) {
  if (!owner->shape_root) {
    owner->shape_root = new_shape(owner, nullptr, nullptr);
    if (!owner->shape_root) return nullptr;
  }
  Shape* root = owner->shape_root;
  if (!s) s = root;
  if (s->child && s->child->key == name) return s->child;
  if (s->children) {
    Value c = dict_get_str(s->children, name);
    if (!c.is_empty_slot()) return static_cast<Shape*>(c.as_obj());
  }
  if (s->count >= kMaxShapedAttrs || root->tree_size >= kMaxTreeSize) return nullptr;
  Shape* c = new_shape(owner, s, name);
  if (!c) return nullptr;
  if (!s->child) {
    s->child = c;
  } else {
    if (!s->children) {
      s->children = new_dict();
      if (!s->children) return nullptr;
    }
    if (!dict_set_str(s->children, name, Value::from_obj(c))) return nullptr;
  }
  ++root->tree_size;
  if (c->count > root->capacity_hint) root->capacity_hint = c->count;
  return c;
}

void shape_keys(Shape* s, StrObject** out) {
  for (Shape* p = s; p && p->parent; p = p->parent) out[p->count - 1] = p->key;
}

void init_shape_type() { ShapeType->visit = visit_shape; }

}  // namespace coil::rt
