// gc.cpp — the collector: roots, marking, Python finalizers, weak slots, policy and stats.
//
// A collection: finish the previous cycle's sweep; mark from the roots (static objects, root
// ranges, conservative ranges, root visitors, the pending queues, thread stacks) with an explicit
// mark stack; clear weak slots whose targets are unmarked; resurrect dead objects registered for
// __del__ (and all they reach) into the pending queue; drop weak registrations whose owners died;
// then hand the pages to the (lazy) sweeper. Marking never recurses, so a million-deep list
// costs mark-stack entries, not C stack.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "runtime/gc_explain.h"
#include "runtime/heap.h"

namespace coil::rt::gc::detail {

namespace {

constexpr uint32_t kMarkedBit = bit(HeaderBit::kMarked);

struct Collector {
  bool initialized = false;
  bool enabled = true;
  bool collecting = false;
  bool draining = false;
  uint32_t stress_every = 0;  // 0: off
  uint32_t stress_count = 0;
  size_t min_threshold = size_t(8) << 20;
  double live_factor = 2.0;  // heap may grow to 3x live between collections: halves marking work vs 1.0
  uint64_t threshold = size_t(8) << 20;

  // Allocation accounting: the fast path only decrements g_alloc.budget; account_budget folds
  // (budget_start - budget) into the totals.
  int64_t budget_start = -1;
  uint64_t total_allocated = 0;
  uint64_t since_collection = 0;

  uint64_t collections = 0;
  uint64_t live_bytes = 0;
  uint64_t live_objects = 0;

  std::vector<std::pair<Value*, Value*>> root_ranges;
  std::vector<std::pair<const void*, const void*>> conservative_ranges;
  std::vector<std::pair<RootVisitorFn, void*>> root_visitors;
  std::unordered_set<Object*> statics;

  std::vector<Object*> py_finalizable;   // registered for __del__, not yet queued
  std::deque<Object*> pending_del;       // dead-and-resurrected, waiting for __del__
  std::deque<Object*> pending_weak;      // weakref owners whose slot was cleared
  std::unordered_map<Value*, Object*> weak_slots;  // slot -> owner (nullptr: native memory)

  ObjectHookFn py_finalizer_hook = nullptr;
  ObjectHookFn weakref_hook = nullptr;
  NotifyFn notify = nullptr;

  std::vector<Object*> mark_stack;  // kept between collections to avoid regrowing it
};

Collector g_gc;

bool is_marked(const Object* o) { return o->gc_bits & kMarkedBit; }

// Marks objects and traces them with an explicit stack.
class Marker final : public Visitor {
 public:
  explicit Marker(std::vector<Object*>& stack) : stack_(stack) {}
  using Visitor::visit;
  void visit(Object* o) override { mark(o); }

  void mark(Object* o) {
    if (!o) return;
    const uint32_t b = o->gc_bits;
    if (b & kMarkedBit) return;
#ifdef COIL_VERIFY
    check_reference(o);
#endif
    o->gc_bits = b | kMarkedBit;
    stack_.push_back(o);
  }

  void drain() {
    while (!stack_.empty()) {
      Object* o = stack_.back();
      stack_.pop_back();
      if (!(o->gc_bits & bit(HeaderBit::kStatic))) {
        PageHeader* p = page_of(o);
        if (p->kind == PageKind::kLarge) {
          bytes_ += p->large_bytes;
        } else {
          bytes_ += p->cell_size;
          ++p->marked;  // lets sweeping drop a page with no survivors without visiting its cells
        }
        ++objects_;
      }
      if (TypeObject* t = o->type) {
        mark(t);  // types are objects: an instance keeps its (heap) class alive
        if (t->visit) t->visit(o, *this);
      }
    }
  }

  // Marks every allocated cell that a word in [lo, hi) points into. Stacks hold sanitizer
  // redzones: reading them is the point, so ASan must not instrument this loop.
  [[gnu::no_sanitize_address]] void scan_conservative(const void* lo, const void* hi) {
    auto* w = reinterpret_cast<const uintptr_t*>((reinterpret_cast<uintptr_t>(lo) + 7) & ~uintptr_t(7));
    auto* end = static_cast<const uintptr_t*>(hi);
    const uintptr_t heap_lo = g_heap.lo, heap_hi = g_heap.hi;
    for (; w < end; ++w) {
      const uintptr_t v = *w;
      if (v < heap_lo || v >= heap_hi) continue;
      if (Object* o = find_cell(v)) mark(o);
    }
  }

  uint64_t bytes() const { return bytes_; }
  uint64_t objects() const { return objects_; }

 private:
#ifdef COIL_VERIFY
  static void check_reference(Object* o) {
    if ((o->gc_bits & bit(HeaderBit::kStatic)) ? g_gc.statics.count(o) == 0
                                               : find_cell(reinterpret_cast<uintptr_t>(o)) != o) {
      std::fprintf(stderr, "coil gc: marking %p, which is neither a heap object nor a static\n",
                   static_cast<void*>(o));
      std::abort();
    }
  }
#endif

  std::vector<Object*>& stack_;
  uint64_t bytes_ = 0;
  uint64_t objects_ = 0;
};

void scan_range_cb(const void* lo, const void* hi, void* ctx) {
  static_cast<Marker*>(ctx)->scan_conservative(lo, hi);
}

void mark_roots(Marker& m) {
  for (Object* o : g_gc.statics) m.mark(o);
  for (auto [b, e] : g_gc.root_ranges) m.visit_range(b, e);
  for (auto [b, e] : g_gc.conservative_ranges) m.scan_conservative(b, e);
  for (auto [fn, data] : g_gc.root_visitors) fn(m, data);
  for (Object* o : g_gc.pending_del) m.mark(o);
  for (Object* o : g_gc.pending_weak) m.mark(o);
  scan_thread_stacks(scan_range_cb, &m);
  m.drain();
}

// Clears weak slots whose target is unmarked (before resurrection, as CPython clears weakrefs
// to all cyclic trash before running finalizers) and queues the callbacks of live owners.
void clear_dead_weak_slots() {
  for (auto it = g_gc.weak_slots.begin(); it != g_gc.weak_slots.end();) {
    Value* slot = it->first;
    Object* owner = it->second;
    if (slot->is_obj() && !is_marked(slot->as_obj())) {
      *slot = Value::none_slot();
      if (owner && is_marked(owner)) g_gc.pending_weak.push_back(owner);
      it = g_gc.weak_slots.erase(it);
    } else {
      ++it;
    }
  }
}

// Queues every dead object registered for __del__ and marks what it reaches, so that nothing
// its finalizer can touch is freed this cycle.
void resurrect_finalizable(Marker& m) {
  size_t kept = 0;
  const size_t queued_before = g_gc.pending_del.size();
  for (Object* o : g_gc.py_finalizable) {
    if (is_marked(o)) {
      g_gc.py_finalizable[kept++] = o;
      continue;
    }
    o->gc_bits = (o->gc_bits & ~bit(HeaderBit::kPyFinalizable)) | bit(HeaderBit::kPyFinalized);
    g_gc.pending_del.push_back(o);
  }
  g_gc.py_finalizable.resize(kept);
  for (size_t i = queued_before; i < g_gc.pending_del.size(); ++i) m.mark(g_gc.pending_del[i]);
  m.drain();
}

// Drops registrations whose owner died (its slot's memory is about to be reused).
void drop_dead_weak_owners() {
  for (auto it = g_gc.weak_slots.begin(); it != g_gc.weak_slots.end();) {
    if (it->second && !is_marked(it->second)) {
      it = g_gc.weak_slots.erase(it);
    } else {
      ++it;
    }
  }
}

// Sets the byte budget until the slow path must look again: the rest of the threshold, or a
// whole threshold when collecting is off or overdue (so a disabled GC does not slow allocation).
void reset_budget() {
  int64_t b = -1;
  if (!g_gc.stress_every) {
    const uint64_t t = g_gc.threshold, used = g_gc.since_collection;
    b = static_cast<int64_t>(g_gc.enabled && used < t ? t - used : t);
  }
  g_alloc.budget = b;
  g_gc.budget_start = b;
}

void collect_impl(bool full) {
  if (g_gc.collecting) return;
  g_gc.collecting = true;
  account_budget();
  finish_sweep();
  flush_cursors();
  // Keep as many empty pages committed as the next cycle's allocation budget can use.
  trim_empty_pages(16 + g_gc.threshold / kPageBytes);
#ifdef COIL_VERIFY
  if (size_t n = verify_heap()) {
    std::fprintf(stderr, "coil gc: heap verification found %zu problems before collecting\n", n);
    std::abort();
  }
#endif
  // COIL_GC_WHY: the same roots, walked from (nearly) the same stack depth as the marking.
  if (full) explain_survivors();
  Marker m(g_gc.mark_stack);
  mark_roots(m);
  clear_dead_weak_slots();
  resurrect_finalizable(m);
  drop_dead_weak_owners();
  for (Object* o : g_gc.statics) o->gc_bits &= ~kMarkedBit;
  g_gc.live_bytes = m.bytes();
  g_gc.live_objects = m.objects();
  start_sweep();
  if (full) finish_sweep();
  ++g_gc.collections;
  g_gc.since_collection = 0;
  g_gc.threshold = std::max<uint64_t>(g_gc.min_threshold,
                                      static_cast<uint64_t>(static_cast<double>(g_gc.live_bytes) * g_gc.live_factor));
  if (g_gc.mark_stack.capacity() > (size_t(1) << 20)) g_gc.mark_stack.shrink_to_fit();
  reset_budget();
  g_gc.collecting = false;
}

uint32_t read_stress_env() {
  const char* s = std::getenv("COIL_GC_STRESS");
  if (!s || !*s) return 0;
  char* end = nullptr;
  const unsigned long n = std::strtoul(s, &end, 10);
  return (*end == '\0' && n <= UINT32_MAX) ? static_cast<uint32_t>(n) : 0;
}

}  // namespace

bool in_collection() { return g_gc.collecting; }

bool is_static_object(const Object* o) { return g_gc.statics.count(const_cast<Object*>(o)) != 0; }

void account_budget() {
  const int64_t used = g_gc.budget_start - g_alloc.budget;
  if (used > 0) {
    g_gc.total_allocated += static_cast<uint64_t>(used);
    g_gc.since_collection += static_cast<uint64_t>(used);
  }
  g_gc.budget_start = g_alloc.budget;
}

void on_budget_exhausted() {
  if (!g_gc.initialized) gc::init();
  ensure_thread_registered();
  account_budget();
  if (g_gc.collecting) {
    reset_budget();
    return;
  }
  if (g_gc.stress_every) {
    if (g_gc.enabled && ++g_gc.stress_count >= g_gc.stress_every) {
      g_gc.stress_count = 0;
      collect_impl(false);
      if (g_gc.notify && has_pending_finalizers()) g_gc.notify();
    }
  } else if (g_gc.enabled && g_gc.since_collection >= g_gc.threshold) {
    collect_impl(false);
    if (g_gc.notify && has_pending_finalizers()) g_gc.notify();
  }
  reset_budget();
}

void walk_roots(RootWalker& w) {
  w.set_label("static object");
  for (Object* o : g_gc.statics) w.visit(o);
  w.set_label("root range");
  for (auto [b, e] : g_gc.root_ranges) w.visit_range(b, e);
  for (auto [b, e] : g_gc.conservative_ranges) w.conservative(b, e, "conservative range");
  char label[64];
  for (size_t i = 0; i < g_gc.root_visitors.size(); ++i) {
    std::snprintf(label, sizeof label, "root visitor #%zu", i);
    w.set_label(label);
    g_gc.root_visitors[i].first(w, g_gc.root_visitors[i].second);
  }
  w.set_label("pending __del__");
  for (Object* o : g_gc.pending_del) w.visit(o);
  w.set_label("pending weakref callback");
  for (Object* o : g_gc.pending_weak) w.visit(o);
  scan_thread_stacks(
      [](const void* lo, const void* hi, void* ctx) { static_cast<RootWalker*>(ctx)->conservative(lo, hi, "native stack"); },
      &w);
}

void collect_for_memory() {
  if (g_gc.enabled) collect_impl(true);
}

}  // namespace coil::rt::gc::detail

namespace coil::rt::gc {

using detail::g_gc;

Object* allocate_object(TypeObject* type, size_t bytes) noexcept {
  auto* o = static_cast<Object*>(allocate(bytes < sizeof(Object) ? sizeof(Object) : bytes));
  if (!o) return nullptr;
  o->type = type;
  if (type && has_flag(type->gc_flags, GcTypeFlag::kHasPythonFinalizer)) register_python_finalizer(o);
  if (type && type->finalize) detail::page_of(o)->has_finalizers = true;  // sweeping must visit this page's cells
  return o;
}

void add_root(Value* slot) { add_root_range(slot, slot + 1); }
void remove_root(Value* slot) { remove_root_range(slot); }
void add_root_range(Value* begin, Value* end) { g_gc.root_ranges.emplace_back(begin, end); }

void remove_root_range(Value* begin) {
  auto& v = g_gc.root_ranges;
  auto it = std::find_if(v.rbegin(), v.rend(), [&](auto& r) { return r.first == begin; });
  if (it != v.rend()) v.erase(std::next(it).base());
}

void add_conservative_range(const void* begin, const void* end) {
  g_gc.conservative_ranges.emplace_back(begin, end);
}

void remove_conservative_range(const void* begin) {
  auto& v = g_gc.conservative_ranges;
  auto it = std::find_if(v.rbegin(), v.rend(), [&](auto& r) { return r.first == begin; });
  if (it != v.rend()) v.erase(std::next(it).base());
}

void add_root_visitor(RootVisitorFn fn, void* data) { g_gc.root_visitors.emplace_back(fn, data); }

void remove_root_visitor(RootVisitorFn fn, void* data) {
  auto& v = g_gc.root_visitors;
  auto it = std::find(v.begin(), v.end(), std::make_pair(fn, data));
  if (it != v.end()) v.erase(it);
}

void add_static_object(Object* o) {
  if (g_gc.statics.insert(o).second) o->gc_bits |= bit(HeaderBit::kStatic);
}

void register_python_finalizer(Object* o) {
  constexpr uint32_t done = bit(HeaderBit::kPyFinalizable) | bit(HeaderBit::kPyFinalized);
  if (o->gc_bits & done) return;
  o->gc_bits |= bit(HeaderBit::kPyFinalizable);
  g_gc.py_finalizable.push_back(o);
}

size_t python_finalizable_count() { return g_gc.py_finalizable.size(); }

bool claim_python_finalizer(Object* o) {
  if (!(o->gc_bits & bit(HeaderBit::kPyFinalizable)) || (o->gc_bits & bit(HeaderBit::kPyFinalized))) return false;
  auto& reg = g_gc.py_finalizable;
  auto it = std::find(reg.begin(), reg.end(), o);
  if (it != reg.end()) reg.erase(it);
  o->gc_bits = (o->gc_bits & ~bit(HeaderBit::kPyFinalizable)) | bit(HeaderBit::kPyFinalized);
  return true;
}

void register_weak_slot(Value* slot, Object* owner) { g_gc.weak_slots[slot] = owner; }
void unregister_weak_slot(Value* slot) { g_gc.weak_slots.erase(slot); }

void set_python_finalizer_hook(ObjectHookFn fn) { g_gc.py_finalizer_hook = fn; }
void set_weakref_callback_hook(ObjectHookFn fn) { g_gc.weakref_hook = fn; }
void set_pending_notify(NotifyFn fn) { g_gc.notify = fn; }

bool has_pending_finalizers() { return !g_gc.pending_del.empty() || !g_gc.pending_weak.empty(); }

void run_pending_finalizers() {
  if (g_gc.draining) return;
  g_gc.draining = true;
  // Weakref callbacks first, then __del__, as CPython handles cyclic trash. The object being
  // handled is held in a local, so the stack scan keeps it alive while its hook runs.
  while (has_pending_finalizers()) {
    if (!g_gc.pending_weak.empty()) {
      Object* owner = g_gc.pending_weak.front();
      g_gc.pending_weak.pop_front();
      if (g_gc.weakref_hook) g_gc.weakref_hook(owner);
      continue;
    }
    Object* o = g_gc.pending_del.front();
    g_gc.pending_del.pop_front();
    if (g_gc.py_finalizer_hook) g_gc.py_finalizer_hook(o);
  }
  g_gc.draining = false;
}

void init() {
  if (g_gc.initialized) return;
  g_gc.initialized = true;
  detail::ensure_thread_registered();
  g_gc.stress_every = detail::read_stress_env();
  g_gc.threshold = g_gc.min_threshold;
  detail::reset_budget();
}

void collect() {
  if (!g_gc.initialized) init();
  detail::collect_impl(true);
  run_pending_finalizers();
}

void enable() { g_gc.enabled = true; }
void disable() { g_gc.enabled = false; }
bool is_enabled() { return g_gc.enabled; }

void set_stress(uint32_t n) {
  if (!g_gc.initialized) init();
  detail::account_budget();
  g_gc.stress_every = n;
  g_gc.stress_count = 0;
  detail::reset_budget();
}

uint32_t stress() { return g_gc.stress_every; }

void set_threshold_policy(size_t min_bytes, double live_factor) {
  if (!g_gc.initialized) init();
  detail::account_budget();
  g_gc.min_threshold = min_bytes;
  g_gc.live_factor = live_factor;
  g_gc.threshold = std::max<uint64_t>(min_bytes, static_cast<uint64_t>(static_cast<double>(g_gc.live_bytes) * live_factor));
  detail::reset_budget();
}

Stats stats() {
  detail::account_budget();
  Stats s;
  s.collections = g_gc.collections;
  s.live_bytes = g_gc.live_bytes;
  s.live_objects = g_gc.live_objects;
  s.heap_bytes = detail::g_heap.heap_bytes;
  s.total_allocated_bytes = g_gc.total_allocated;
  s.allocated_since_collection = g_gc.since_collection;
  s.freed_objects = detail::g_heap.swept.freed_objects;
  s.freed_bytes = detail::g_heap.swept.freed_bytes;
  s.threshold = g_gc.threshold;
  s.finalizers_run = detail::g_heap.swept.finalizers_run;
  return s;
}

Object* find_object(const void* p) noexcept {
  detail::sync_cursors();
  return detail::find_cell(reinterpret_cast<uintptr_t>(p));
}

}  // namespace coil::rt::gc
