// test_shape.cpp — shapes (runtime/shape.h): shared transitions, slot order, deleting the last
// attribute, dict mode and its round trip through obj.__dict__, and __class__ re-homing.
#include <doctest/doctest.h>

#include "runtime/config.h"
#include "runtime/dict.h"
#include "runtime/gc.h"
#include "runtime/init.h"
#include "runtime/shape.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"

using namespace coil::rt;

namespace {

// The runtime is started once for every test here (the GC tests run first, on their own heap use).
void ensure_runtime() {
  static bool started = false;
  if (started) return;
  Config cfg;
  REQUIRE(init_runtime(cfg));
  started = true;
}

TypeObject* make_class(const char* name) {
  DictObject* ns = new_dict();
  TypeObject* t = new_heap_type(TypeType, Value::from_obj(intern(name)), empty_tuple(), ns);
  REQUIRE(t);
  return t;
}

Object* make_instance(TypeObject* t) {
  Object* o = t->alloc(t);
  REQUIRE(o);
  return o;
}

Value small(int64_t i) { return Value::from_small_int(i); }

}  // namespace

TEST_CASE("shape: instances that add the same names in the same order share shapes") {
  ensure_runtime();
  TypeObject* t = make_class("P");
  CHECK(has(t, TypeFlag::ShapedAttrs));
  Object* a = make_instance(t);
  Object* b = make_instance(t);
  StrObject* x = intern("x");
  StrObject* y = intern("y");
  CHECK(instance_attrs(a)->shape == nullptr);
  REQUIRE(instance_attr_set(a, x, small(1)));
  REQUIRE(instance_attr_set(a, y, small(2)));
  REQUIRE(instance_attr_set(b, x, small(3)));
  REQUIRE(instance_attr_set(b, y, small(4)));
  Shape* s = instance_attrs(a)->shape;
  CHECK(s == instance_attrs(b)->shape);
  CHECK(s->count == 2);
  CHECK(s->owner == t);
  CHECK(shape_find(s, x) == 0);
  CHECK(shape_find(s, y) == 1);
  CHECK(instance_attr_get(b, y) == small(4));
  // Overwriting keeps the shape; another order makes another branch of the tree.
  REQUIRE(instance_attr_set(a, x, small(5)));
  CHECK(instance_attrs(a)->shape == s);
  Object* c = make_instance(t);
  REQUIRE(instance_attr_set(c, y, small(1)));
  REQUIRE(instance_attr_set(c, x, small(1)));
  CHECK(instance_attrs(c)->shape != s);
  CHECK(instance_attrs(c)->shape->parent == shape_add(t, nullptr, y));
  CHECK(shape_find(instance_attrs(c)->shape, x) == 1);
  // A non-interned name finds the interned key.
  StrObject* x2 = new_str("x");
  CHECK(instance_attr_get(a, x2) == small(5));
}

TEST_CASE("shape: deleting the last attribute steps back; others switch to dict mode") {
  ensure_runtime();
  TypeObject* t = make_class("Q");
  Object* o = make_instance(t);
  StrObject* a = intern("a");
  StrObject* b = intern("b");
  REQUIRE(instance_attr_set(o, a, small(1)));
  Shape* after_a = instance_attrs(o)->shape;
  REQUIRE(instance_attr_set(o, b, small(2)));
  CHECK(instance_attr_del(o, b) == 1);
  CHECK(instance_attrs(o)->shape == after_a);
  CHECK(instance_attr_get(o, b).is_empty_slot());
  CHECK(instance_attr_del(o, b) == 0);
  REQUIRE(instance_attr_set(o, b, small(3)));
  CHECK(instance_attr_del(o, a) == 1);
  CHECK(is_dict_mode(instance_attrs(o)));
  CHECK(instance_attr_get(o, b) == small(3));
  CHECK(instance_attr_get(o, a).is_empty_slot());
}

TEST_CASE("shape: obj.__dict__ moves to dict mode and stays in step with attributes") {
  ensure_runtime();
  TypeObject* t = make_class("R");
  Object* o = make_instance(t);
  StrObject* x = intern("x");
  StrObject* z = intern("z");
  REQUIRE(instance_attr_set(o, x, small(1)));
  DictObject* d = instance_dict(o);
  REQUIRE(d);
  CHECK(is_dict_mode(instance_attrs(o)));
  CHECK(d->used == 1);
  CHECK(dict_get_str(d, x) == small(1));
  REQUIRE(dict_set_str(d, z, small(9)));
  CHECK(instance_attr_get(o, z) == small(9));
  REQUIRE(instance_attr_set(o, x, small(2)));
  CHECK(dict_get_str(d, x) == small(2));
  CHECK(instance_dict(o) == d);
  // A second instance of the class is not affected: it still uses shapes.
  Object* p = make_instance(t);
  REQUIRE(instance_attr_set(p, x, small(3)));
  CHECK(!is_dict_mode(instance_attrs(p)));
}

TEST_CASE("shape: re-homing into another class keeps slots and order") {
  ensure_runtime();
  TypeObject* from = make_class("F");
  TypeObject* to = make_class("G");
  Object* o = make_instance(from);
  StrObject* u = intern("u");
  StrObject* v = intern("v");
  REQUIRE(instance_attr_set(o, u, small(1)));
  REQUIRE(instance_attr_set(o, v, small(2)));
  REQUIRE(instance_attrs_rehome(o, to));
  o->type = to;
  Shape* s = instance_attrs(o)->shape;
  CHECK(s->owner == to);
  CHECK(instance_attr_get(o, u) == small(1));
  CHECK(instance_attr_get(o, v) == small(2));
  Object* fresh = make_instance(to);
  REQUIRE(instance_attr_set(fresh, u, small(0)));
  REQUIRE(instance_attr_set(fresh, v, small(0)));
  CHECK(instance_attrs(fresh)->shape == s);
}

TEST_CASE("shape: many attributes use a lookup table, then dict mode") {
  ensure_runtime();
  TypeObject* t = make_class("Many");
  Object* o = make_instance(t);
  for (int i = 0; i < 300; ++i) {
    std::string n = "a" + std::to_string(i);
    REQUIRE(instance_attr_set(o, intern(n), small(i)));
    if (i == 20) CHECK(instance_attrs(o)->shape->count == 21);
  }
  CHECK(is_dict_mode(instance_attrs(o)));
  CHECK(instance_attr_get(o, intern("a0")) == small(0));
  CHECK(instance_attr_get(o, intern("a299")) == small(299));
  CHECK(instance_dict(o)->used == 300);
}

TEST_CASE("shape: shaped and dict-mode instances survive a collection and verify") {
  ensure_runtime();
  TypeObject* t = make_class("Kept");
  Object* shaped = make_instance(t);
  Object* devolved = make_instance(t);
  for (int i = 0; i < 20; ++i) {
    std::string n = "k" + std::to_string(i);
    REQUIRE(instance_attr_set(shaped, intern(n), Value::from_obj(new_str(n))));
    REQUIRE(instance_attr_set(devolved, intern(n), Value::from_obj(new_str(n))));
  }
  REQUIRE(instance_dict(devolved));
  gc::collect();
  CHECK(gc::verify_heap() == 0);
  Value v = instance_attr_get(shaped, intern("k19"));
  REQUIRE(v.is_obj());
  CHECK(as_str(v)->view() == "k19");
  v = instance_attr_get(devolved, intern("k7"));
  REQUIRE(v.is_obj());
  CHECK(as_str(v)->view() == "k7");
}
