// test_gc.cpp — the garbage collector (runtime/gc.h): allocation, roots, marking, sweeping,
// finalizers, weak slots, stress mode, threads, the verifier, and a randomized graph test.
//
// The stack is scanned conservatively, so a test never keeps a plain pointer to an object it
// expects to be freed: it builds garbage in noinline functions, remembers addresses disguised
// (bit-inverted), and wipes the dead part of the stack before collecting.
#include <doctest/doctest.h>

#include <atomic>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

#include "runtime/gc.h"

namespace gc = coil::rt::gc;
using coil::rt::GcTypeFlag;
using coil::rt::Object;
using coil::rt::TypeObject;
using coil::rt::Value;
using coil::rt::Visitor;

namespace {

// ---- Test types ---------------------------------------------------------------------------------
struct Pair : Object {
  Value a, b;
};

void pair_visit(Object* self, Visitor& v) {
  auto* p = static_cast<Pair*>(self);
  v.visit(p->a);
  v.visit(p->b);
}

// A var-sized array: aux holds the length, Values follow the header.
Value* array_items(Object* o) { return reinterpret_cast<Value*>(o + 1); }
void array_visit(Object* self, Visitor& v) {
  v.visit_range(array_items(self), array_items(self) + self->aux);
}

int g_finalized = 0;
void counted_finalize(Object*) { ++g_finalized; }

// A weakref-like object: one weak slot (not visited) and one strong field.
struct WeakBox : Object {
  Value weak;
  Value strong;
};
void weakbox_visit(Object* self, Visitor& v) { v.visit(static_cast<WeakBox*>(self)->strong); }

TypeObject* make_type(const char* name, coil::rt::VisitFn visit, coil::rt::FinalizeFn fin,
                      GcTypeFlag flags = GcTypeFlag::kNone) {
  auto* t = new TypeObject();  // lives for the whole run, like a static builtin type
  t->name = name;
  t->visit = visit;
  t->finalize = fin;
  t->gc_flags = flags;
  gc::add_static_object(t);
  return t;
}

TypeObject* pair_type() {
  static TypeObject* t = make_type("pair", pair_visit, nullptr);
  return t;
}
TypeObject* array_type() {
  static TypeObject* t = make_type("array", array_visit, nullptr);
  return t;
}
TypeObject* fin_type() {
  static TypeObject* t = make_type("fin", pair_visit, counted_finalize);
  return t;
}
TypeObject* del_type() {
  static TypeObject* t = make_type("withdel", pair_visit, nullptr, GcTypeFlag::kHasPythonFinalizer);
  return t;
}
TypeObject* weakbox_type() {
  static TypeObject* t = make_type("weakbox", weakbox_visit, nullptr);
  return t;
}

Pair* new_pair(Value a = Value::none_slot(), Value b = Value::none_slot(), TypeObject* t = nullptr) {
  auto* p = static_cast<Pair*>(gc::allocate_object(t ? t : pair_type(), sizeof(Pair)));
  REQUIRE(p != nullptr);
  p->a = a;
  p->b = b;
  return p;
}

Object* new_array(uint32_t n) {
  Object* o = gc::allocate_object(array_type(), sizeof(Object) + n * sizeof(Value));
  REQUIRE(o != nullptr);
  o->aux = n;
  return o;
}

Value V(const Object* o) { return Value::from_obj(o); }
Value I(int64_t i) { return Value::from_small_int(i); }

uintptr_t disguise(const void* p) { return ~reinterpret_cast<uintptr_t>(p); }
void* undisguise(uintptr_t d) { return reinterpret_cast<void*>(~d); }

// Overwrites the dead part of the stack below the caller so stale pointers left by earlier
// calls do not act as roots.
[[gnu::noinline]] void clobber_stack() {
  volatile uint64_t buf[16 * 1024];
  for (size_t i = 0; i < sizeof buf / sizeof buf[0]; ++i) buf[i] = 0;
}

// Collects after wiping the stack.
void collect_clean() {
  clobber_stack();
  gc::collect();
}

// Runs f 32 KiB deeper in the stack than the caller: frames that create garbage must not sit
// where the collector's callers will later leave words unwritten (padding, unused spill slots).
template <class F>
[[gnu::noinline]] auto deep(F f) {
  auto* pad = static_cast<volatile char*>(__builtin_alloca(32 * 1024));
  pad[0] = 0;
  return f();
}

// Runs a test body in a frame placed on freshly wiped stack: a TEST_CASE's own frame may hold
// stale words from earlier calls that no clobbering below it can reach.
[[gnu::noinline]] void run_clean(void (*body)()) {
  clobber_stack();
  body();
  clobber_stack();
}

// A test case whose body runs through run_clean.
#define GC_TEST_CASE(name, fn) \
  static void fn();            \
  TEST_CASE(name) { run_clean(fn); } \
  static void fn()

size_t count_freed(const std::vector<uintptr_t>& disguised) {
  size_t n = 0;
  for (uintptr_t d : disguised) n += gc::find_object(undisguise(d)) == nullptr;
  return n;
}

// Builds n pairs nobody keeps, linked in short chains (so one stray conservative root retains
// only a few), and returns their disguised addresses.
[[gnu::noinline]] std::vector<uintptr_t> make_garbage_chain(int n, TypeObject* t = nullptr) {
  std::vector<uintptr_t> out;
  Value prev = Value::none_slot();
  for (int i = 0; i < n; ++i) {
    Pair* p = new_pair(I(i), i % 8 ? prev : Value::none_slot(), t);
    out.push_back(disguise(p));
    prev = V(p);
  }
  return out;
}

}  // namespace

TEST_CASE("gc: allocate returns zeroed, aligned cells of the right class") {
  gc::init();
  for (size_t bytes : {0, 1, 16, 17, 100, 256, 257, 1000, 4096, 16384, 16385, 70000}) {
    auto* p = static_cast<unsigned char*>(gc::allocate(bytes));
    REQUIRE(p != nullptr);
    CHECK(reinterpret_cast<uintptr_t>(p) % 16 == 0);
    auto* o = reinterpret_cast<Object*>(p);
    CHECK(gc::cell_size(o) >= bytes);
    bool zero = true;
    for (size_t i = 0; i < bytes; ++i) zero &= p[i] == 0;
    CHECK(zero);
    o->type = pair_type();
    CHECK(gc::find_object(p + bytes / 2) == o);
  }
  CHECK(gc::allocate(size_t(1) << 41) == nullptr);
  CHECK(gc::allocate(SIZE_MAX) == nullptr);
  CHECK(gc::verify_heap() == 0);
}

GC_TEST_CASE("gc: an object held only in a local survives", local_survives) {
  Pair* p = new_pair(I(7), V(new_pair(I(8))));
  collect_clean();
  REQUIRE(gc::find_object(p) == p);
  CHECK(p->a == I(7));
  auto* q = static_cast<Pair*>(p->b.as_obj());
  CHECK(gc::find_object(q) == q);
  CHECK(q->a == I(8));
  CHECK(q->type == pair_type());
}

GC_TEST_CASE("gc: unreachable objects are freed and their memory reused", garbage_freed) {
  collect_clean();
  const uint64_t heap_before = gc::stats().heap_bytes;
  const uint64_t freed_before = gc::stats().freed_objects;
  std::vector<uintptr_t> garbage = deep([] { return make_garbage_chain(20000); });
  collect_clean();
  // Conservative roots may keep a stray object (and what it reaches: a chain suffix) alive.
  CHECK(count_freed(garbage) >= garbage.size() * 9 / 10);
  CHECK(gc::stats().freed_objects - freed_before >= garbage.size() * 9 / 10);
  for (int round = 0; round < 5; ++round) {
    deep([] { return make_garbage_chain(20000); });
    collect_clean();
  }
  // Five more rounds of the same garbage fit in the pages the first round needed.
  CHECK(gc::stats().heap_bytes <= heap_before + 20000 * sizeof(Pair) + (1 << 20));
  CHECK(gc::verify_heap() == 0);
}

namespace {
Value g_root;
std::vector<Value> g_table;
void table_visitor(Visitor& v, void* data) {
  for (Value x : *static_cast<std::vector<Value>*>(data)) v.visit(x);
}
[[gnu::noinline]] uintptr_t set_root_chain(Value* slot, int n) {
  Value prev = Value::none_slot();
  for (int i = 0; i < n; ++i) prev = V(new_pair(I(i), prev));
  *slot = prev;
  return disguise(prev.as_obj());
}
int chain_length(Value v) {
  int n = 0;
  while (v.is_obj()) {
    auto* p = static_cast<Pair*>(v.as_obj());
    REQUIRE(gc::find_object(p) == p);
    ++n;
    v = p->b;
  }
  return n;
}
[[gnu::noinline]] void set_root_array_nest(Value* slot, int n) {
  Value inner = Value::none_slot();
  for (int i = 0; i < n; ++i) {
    Object* a = new_array(1);
    array_items(a)[0] = inner;
    inner = V(a);
  }
  *slot = inner;
}
[[gnu::noinline]] int array_nest_depth(Value v) {
  int depth = 0;
  for (; v.is_obj(); v = array_items(v.as_obj())[0]) ++depth;
  return depth;
}
}  // namespace

GC_TEST_CASE("gc: registered roots and root visitors keep objects alive", registered_roots) {
  gc::add_root(&g_root);
  const uintptr_t head = deep([] { return set_root_chain(&g_root, 1000); });
  collect_clean();
  CHECK(chain_length(g_root) == 1000);
  gc::remove_root(&g_root);
  g_root = Value::none_slot();
  collect_clean();
  CHECK(gc::find_object(undisguise(head)) == nullptr);

  gc::add_root_visitor(table_visitor, &g_table);
  g_table.resize(3);
  set_root_chain(&g_table[1], 500);
  collect_clean();
  CHECK(chain_length(g_table[1]) == 500);
  gc::remove_root_visitor(table_visitor, &g_table);
  g_table.clear();
  g_table.shrink_to_fit();
}

GC_TEST_CASE("gc: a million-deep chain marks without recursion", deep_chain) {
  gc::add_root(&g_root);
  set_root_chain(&g_root, 1000000);
  collect_clean();
  CHECK(chain_length(g_root) == 1000000);
  // Deep nesting through arrays too (a list of a list of ...).
  set_root_array_nest(&g_root, 200000);
  collect_clean();
  CHECK(array_nest_depth(g_root) == 200000);
  gc::remove_root(&g_root);
  g_root = Value::none_slot();
  collect_clean();
  CHECK(gc::stats().live_objects < 100000);
}

GC_TEST_CASE("gc: native finalizers run once, when their object dies", native_finalizers) {
  collect_clean();
  g_finalized = 0;
  deep([] { return make_garbage_chain(1000, fin_type()); });
  Pair* kept = new_pair(I(1), Value::none_slot(), fin_type());
  collect_clean();
  const int first = g_finalized;
  CHECK(first >= 900);
  CHECK(first <= 1000);
  CHECK(gc::find_object(kept) == kept);
  collect_clean();
  CHECK(g_finalized <= 1000);  // no object finalized twice
  CHECK(gc::stats().finalizers_run >= static_cast<uint64_t>(first));
}

GC_TEST_CASE("gc: interior pointers keep their object alive", interior_pointers) {
  Object* a = new_array(100);
  for (uint32_t i = 0; i < 100; ++i) array_items(a)[i] = I(i);
  const uintptr_t da = disguise(a);
  char* volatile inner = reinterpret_cast<char*>(array_items(a) + 57) + 3;
  a = nullptr;
  collect_clean();
  Object* back = gc::find_object(inner);
  REQUIRE(back == undisguise(da));
  CHECK(array_items(back)[99] == I(99));
  CHECK(back->aux == 100);
}

namespace {
[[gnu::noinline]] uintptr_t make_large_garbage(uint32_t n) {
  Object* a = new_array(n);
  array_items(a)[n - 1] = V(new_pair(I(5)));
  return disguise(a);
}
}  // namespace

namespace {
// Checks the big array through an interior pointer in its last 256 KiB page.
[[gnu::noinline]] void check_big_alive(Value* const* tail_ptr, uintptr_t dbig, uint32_t n) {
  Object* back = gc::find_object(*tail_ptr);
  REQUIRE(back == undisguise(dbig));
  auto* p = static_cast<Pair*>(array_items(back)[n - 1].as_obj());
  CHECK(p->a == I(42));
}
[[gnu::noinline]] uintptr_t make_big(uint32_t n, Value** tail_ptr) {
  Object* big = new_array(n);
  REQUIRE(gc::cell_size(big) >= sizeof(Object) + n * sizeof(Value));
  array_items(big)[n - 1] = V(new_pair(I(42)));
  *tail_ptr = array_items(big) + n - 3;
  return disguise(big);
}
}  // namespace

GC_TEST_CASE("gc: large objects live, die and are unmapped", large_objects) {
  collect_clean();
  const uint64_t heap0 = gc::stats().heap_bytes;
  const uint32_t n = 1 << 17;  // 1 MiB of Values: spans four 256 KiB page numbers
  // The only reference: an interior pointer held in a heap-allocated word we root conservatively.
  auto* holder = new Value*(nullptr);
  gc::add_conservative_range(holder, holder + 1);
  const uintptr_t dbig = deep([&] { return make_big(n, holder); });
  const uintptr_t dead = deep([] { return make_large_garbage(40000); });
  collect_clean();
  check_big_alive(holder, dbig, n);
  CHECK(gc::find_object(undisguise(dead)) == nullptr);
  CHECK(gc::stats().heap_bytes >= heap0 + n * sizeof(Value));
  *holder = nullptr;
  collect_clean();
  CHECK(gc::find_object(undisguise(dbig)) == nullptr);
  CHECK(gc::stats().heap_bytes < heap0 + n * sizeof(Value));
  gc::remove_conservative_range(holder);
  delete holder;
}

namespace {
[[gnu::noinline]] uintptr_t make_dirty_large(uint32_t n) {
  Object* a = new_array(n);
  for (uint32_t i = 0; i < n; ++i) array_items(a)[i] = I(i + 1);
  return disguise(a);
}
}  // namespace

GC_TEST_CASE("gc: dead large mappings are reused, zeroed", large_reuse) {
  const uint32_t n = 5000;  // 40 KiB: a large object
  for (int round = 0; round < 4; ++round) {
    const uintptr_t dead = deep([&] { return make_dirty_large(n); });
    collect_clean();
    CHECK(gc::find_object(undisguise(dead)) == nullptr);
    Object* fresh = new_array(n);
    bool zero = true;
    for (uint32_t i = 0; i < n; ++i) zero = zero && array_items(fresh)[i].is_empty_slot();
    CHECK(zero);
    CHECK(gc::cell_size(fresh) >= sizeof(Object) + n * sizeof(Value));
  }
}

GC_TEST_CASE("gc: stress mode collects every n-th allocation and loses nothing", stress_mode) {
  for (uint32_t every : {1u, 7u}) {
    const uint64_t c0 = gc::stats().collections;
    gc::set_stress(every);
    CHECK(gc::stress() == every);
    Value list = Value::none_slot();
    for (int i = 0; i < 700; ++i) {
      Object* a = new_array(3);
      array_items(a)[0] = I(i);
      array_items(a)[1] = V(new_pair(I(i * 2)));
      array_items(a)[2] = list;
      list = V(a);
    }
    gc::set_stress(0);
    CHECK(gc::stats().collections - c0 >= 1400 / every - 1);
    int i = 699;
    for (Value v = list; v.is_obj(); v = array_items(v.as_obj())[2], --i) {
      Value* it = array_items(v.as_obj());
      REQUIRE(it[0] == I(i));
      REQUIRE(static_cast<Pair*>(it[1].as_obj())->a == I(i * 2));
    }
    CHECK(i == -1);
  }
  CHECK(gc::verify_heap() == 0);
}

namespace {
std::vector<Object*> g_del_seen;
Value g_resurrected;
void del_hook(Object* o) {
  g_del_seen.push_back(o);
  // What the dying object reaches is still intact while its __del__ runs.
  auto* p = static_cast<Pair*>(o);
  CHECK(p->a.is_obj());
  CHECK(static_cast<Pair*>(p->a.as_obj())->a == I(99));
  g_resurrected = V(o);  // __del__ stores self somewhere: resurrection
}
[[gnu::noinline]] uintptr_t make_del_garbage() {
  Pair* child = new_pair(I(99));
  Pair* d = new_pair(V(child), Value::none_slot(), del_type());
  d->b = V(d);  // a cycle through the finalizable object
  return disguise(d);
}
}  // namespace

namespace {
[[gnu::noinline]] bool first_del_matches(uintptr_t d) {
  return g_del_seen.size() == 1 && g_del_seen[0] == undisguise(d) &&
         g_resurrected == V(static_cast<Object*>(undisguise(d)));
}
}  // namespace

GC_TEST_CASE("gc: Python finalizers resurrect, run once, then the object is freed", python_finalizers) {
  gc::set_python_finalizer_hook(del_hook);
  gc::add_root(&g_resurrected);
  g_del_seen.clear();
  const uintptr_t d = deep([] { return make_del_garbage(); });
  collect_clean();
  CHECK(first_del_matches(d));
  g_del_seen.clear();
  g_del_seen.shrink_to_fit();
  g_resurrected = Value::none_slot();
  collect_clean();
  CHECK(g_del_seen.empty());  // never a second time
  CHECK(gc::find_object(undisguise(d)) == nullptr);
  gc::remove_root(&g_resurrected);
  gc::set_python_finalizer_hook(nullptr);
}

namespace {
std::vector<Object*> g_weak_cb;
void weak_hook(Object* owner) { g_weak_cb.push_back(owner); }
[[gnu::noinline]] WeakBox* make_weakbox(bool strong_too) {
  auto* w = static_cast<WeakBox*>(gc::allocate_object(weakbox_type(), sizeof(WeakBox)));
  Pair* target = new_pair(I(3));
  w->weak = V(target);
  if (strong_too) w->strong = V(target);
  gc::register_weak_slot(&w->weak, w);
  return w;
}
[[gnu::noinline]] void make_dead_weakbox() { make_weakbox(false); }
[[gnu::noinline]] void fill_slot(Value* slot) { *slot = V(new_pair(I(4))); }
}  // namespace

GC_TEST_CASE("gc: weak slots are cleared when their target dies", weak_slots) {
  gc::set_weakref_callback_hook(weak_hook);
  g_weak_cb.clear();
  WeakBox* live_target = deep([] { return make_weakbox(true); });
  WeakBox* dead_target = deep([] { return make_weakbox(false); });
  collect_clean();
  CHECK(live_target->weak.is_obj());
  CHECK(static_cast<Pair*>(live_target->weak.as_obj())->a == I(3));
  CHECK(dead_target->weak.is_empty_slot());
  REQUIRE(g_weak_cb.size() == 1);
  CHECK(g_weak_cb[0] == dead_target);

  // A weak box that dies drops its registration: later collections must not write into it.
  deep([] {
    for (int i = 0; i < 100; ++i) make_dead_weakbox();
    return 0;
  });
  collect_clean();
  make_garbage_chain(5000);  // reuse the freed cells
  collect_clean();
  CHECK(gc::verify_heap() == 0);

  // A weak slot in native (malloc'd, unscanned) memory.
  auto* native_slot = new Value();
  deep([&] {
    fill_slot(native_slot);
    return 0;
  });
  gc::register_weak_slot(native_slot, nullptr);
  collect_clean();
  CHECK(native_slot->is_empty_slot());
  gc::unregister_weak_slot(native_slot);
  delete native_slot;
  gc::set_weakref_callback_hook(nullptr);
  g_weak_cb.clear();
}

TEST_CASE("gc: a parked thread's stack is scanned") {
  std::atomic<int> phase{0};
  std::atomic<bool> ok{false};
  std::thread t([&] {
    Pair* mine = new_pair(I(11), V(new_pair(I(12))));
    gc::call_parked([&] {
      phase.store(1);
      while (phase.load() != 2) std::this_thread::yield();
    });
    ok = gc::find_object(mine) == mine && static_cast<Pair*>(mine->b.as_obj())->a == I(12);
  });
  while (phase.load() != 1) std::this_thread::yield();
  collect_clean();
  make_garbage_chain(20000);  // would reuse the thread's cells if they had been freed
  phase.store(2);
  t.join();
  CHECK(ok.load());
}

TEST_CASE("gc: for_each_object sees every live object once") {
  Pair* a = new_pair(I(1));
  Object* big = new_array(5000);
  struct Seen {
    const Object* a;
    const Object* big;
    int hits = 0;
    size_t total = 0;
  } seen{a, big};
  gc::for_each_object(
      [](Object* o, void* d) {
        auto* s = static_cast<Seen*>(d);
        s->hits += (o == s->a) + (o == s->big);
        ++s->total;
      },
      &seen);
  CHECK(seen.hits == 2);
  CHECK(seen.total >= 2);
}

TEST_CASE("gc: the verifier reports a reference to a non-object") {
  CHECK(gc::verify_heap() == 0);
  Object fake{};
  Pair* p = new_pair(V(&fake));
  CHECK(gc::verify_heap() >= 1);
  p->a = Value::none_slot();
  CHECK(gc::verify_heap() == 0);
}

GC_TEST_CASE("gc: threshold policy triggers collections; disable stops them", threshold_policy) {
  collect_clean();
  gc::set_threshold_policy(1 << 20, 1.0);
  uint64_t c0 = gc::stats().collections;
  for (int i = 0; i < 20; ++i) make_garbage_chain(10000);  // ~6 MiB
  CHECK(gc::stats().collections - c0 >= 3);
  gc::disable();
  CHECK_FALSE(gc::is_enabled());
  c0 = gc::stats().collections;
  for (int i = 0; i < 20; ++i) make_garbage_chain(10000);
  CHECK(gc::stats().collections == c0);
  gc::enable();
  gc::set_threshold_policy(8 << 20, 2.0);  // the defaults again
  const gc::Stats s = gc::stats();
  CHECK(s.total_allocated_bytes >= 40 * 10000 * sizeof(Pair));
  CHECK(s.threshold >= (8u << 20));
}

// ---- Randomized graph test ----------------------------------------------------------------------
namespace {

// A node: id, edge count and payload length, `edges` Values, then payload bytes derived from id.
struct Node : Object {
  uint64_t id;
  uint32_t nedges;
  uint32_t plen;
};
Value* node_edges(Node* n) { return reinterpret_cast<Value*>(n + 1); }
unsigned char* node_payload(Node* n) { return reinterpret_cast<unsigned char*>(node_edges(n) + n->nedges); }
void node_visit(Object* self, Visitor& v) {
  auto* n = static_cast<Node*>(self);
  v.visit_range(node_edges(n), node_edges(n) + n->nedges);
}
TypeObject* node_type() {
  static TypeObject* t = make_type("node", node_visit, nullptr);
  return t;
}
unsigned char payload_byte(uint64_t id, uint32_t i) { return static_cast<unsigned char>(id * 131 + i * 7); }

struct Shadow {
  std::vector<std::vector<int64_t>> edges;  // by id: target ids (-1: none)
};

Node* new_node(Shadow& s, std::mt19937_64& rng) {
  const uint32_t nedges = rng() % 6;
  const uint32_t r = rng() % 100;
  const uint32_t plen = r < 90 ? rng() % 200 : r < 98 ? rng() % 4000 : 17000 + rng() % 20000;
  auto* n = static_cast<Node*>(gc::allocate_object(node_type(), sizeof(Node) + nedges * sizeof(Value) + plen));
  REQUIRE(n != nullptr);
  n->id = s.edges.size();
  n->nedges = nedges;
  n->plen = plen;
  for (uint32_t i = 0; i < plen; ++i) node_payload(n)[i] = payload_byte(n->id, i);
  s.edges.emplace_back(nedges, -1);
  return n;
}

// Checks every node reachable from the roots against the shadow graph.
size_t check_graph(const Object* roots, const Shadow& s) {
  std::vector<Node*> work;
  std::vector<bool> seen(s.edges.size());
  for (uint32_t i = 0; i < roots->aux; ++i) {
    Value v = array_items(const_cast<Object*>(roots))[i];
    if (v.is_obj()) work.push_back(static_cast<Node*>(v.as_obj()));
  }
  size_t count = 0;
  while (!work.empty()) {
    Node* n = work.back();
    work.pop_back();
    REQUIRE(gc::find_object(n) == n);
    REQUIRE(n->type == node_type());
    REQUIRE(n->id < s.edges.size());
    if (seen[n->id]) continue;
    seen[n->id] = true;
    ++count;
    const auto& se = s.edges[n->id];
    REQUIRE(n->nedges == se.size());
    for (uint32_t i = 0; i < n->plen; ++i) REQUIRE(node_payload(n)[i] == payload_byte(n->id, i));
    for (uint32_t i = 0; i < n->nedges; ++i) {
      Value e = node_edges(n)[i];
      if (se[i] < 0) {
        REQUIRE(e.is_empty_slot());
      } else {
        REQUIRE(e.is_obj());
        REQUIRE(static_cast<Node*>(e.as_obj())->id == static_cast<uint64_t>(se[i]));
        work.push_back(static_cast<Node*>(e.as_obj()));
      }
    }
  }
  return count;
}

// Picks a random node reachable from a random root by a short random walk (nullptr if none).
Node* random_node(Object* roots, std::mt19937_64& rng) {
  Value v = array_items(roots)[rng() % roots->aux];
  if (!v.is_obj()) return nullptr;
  auto* n = static_cast<Node*>(v.as_obj());
  for (int steps = rng() % 4; steps > 0 && n->nedges; --steps) {
    Value e = node_edges(n)[rng() % n->nedges];
    if (!e.is_obj()) break;
    n = static_cast<Node*>(e.as_obj());
  }
  return n;
}

[[gnu::noinline]] void mutate(Object* roots, Shadow& s, std::mt19937_64& rng, int ops) {
  for (int k = 0; k < ops; ++k) {
    const uint32_t op = rng() % 10;
    const uint32_t slot = rng() % roots->aux;
    if (op < 4) {
      Node* n = new_node(s, rng);
      // Link the new node from a reachable node or from a root.
      Node* from = random_node(roots, rng);
      if (from && from->nedges && (rng() & 1)) {
        const uint32_t e = rng() % from->nedges;
        node_edges(from)[e] = V(n);
        s.edges[from->id][e] = static_cast<int64_t>(n->id);
      } else {
        array_items(roots)[slot] = V(n);
      }
      if (n->nedges) {
        if (Node* to = random_node(roots, rng)) {
          node_edges(n)[0] = V(to);
          s.edges[n->id][0] = static_cast<int64_t>(to->id);
        }
      }
    } else if (op < 7) {
      Node* from = random_node(roots, rng);
      Node* to = random_node(roots, rng);
      if (from && from->nedges) {
        const uint32_t e = rng() % from->nedges;
        node_edges(from)[e] = to ? V(to) : Value::none_slot();
        s.edges[from->id][e] = to ? static_cast<int64_t>(to->id) : -1;
      }
    } else if (op < 9) {
      array_items(roots)[slot] = Value::none_slot();
    } else {
      Node* n = random_node(roots, rng);
      if (n) array_items(roots)[slot] = V(n);
    }
  }
}

}  // namespace

GC_TEST_CASE("gc: randomized graph mutations against a shadow model", randomized) {
  std::mt19937_64 rng(20240611);
  Shadow s;
  Value roots_root = V(new_array(64));
  gc::add_root(&roots_root);
  Object* roots = roots_root.as_obj();
  const uint64_t freed0 = gc::stats().freed_objects;
  for (int round = 0; round < 60; ++round) {
    if (round % 10 == 3) gc::set_stress(1 + rng() % 50);
    mutate(roots, s, rng, 400);
    gc::set_stress(0);
    if (round % 3 == 0) collect_clean();
    check_graph(roots, s);
    if (round % 15 == 0) REQUIRE(gc::verify_heap() == 0);
  }
  collect_clean();
  const size_t reachable = check_graph(roots, s);
  CHECK(reachable > 0);
  CHECK(gc::stats().freed_objects - freed0 > 0);
  CHECK(gc::verify_heap() == 0);
  gc::remove_root(&roots_root);
}
