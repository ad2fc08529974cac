// gc.h — Coil's garbage collector: allocation fast path, roots, threads, collection control, stats.
//
// Non-moving mark-sweep over size-class pages (see docs/GC.md). The heap is traced precisely
// through each type's `visit`; native stacks and registers are scanned conservatively, so C++ and
// JIT code may hold raw Object* in locals. Everything else that holds GC references from outside
// the heap (statics, malloc'd containers) must be registered here: that is the rule of brief §4.
// The collector assumes one GIL: every function here is called with the GIL held, except
// the thread-registration ones, which say otherwise.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "runtime/object.h"
#include "runtime/type.h"

namespace coil::rt::gc {

// ---- Object::gc_bits (the collector owns them; object code must not write them) ----------------
enum class HeaderBit : uint32_t {
  kMarked = 1u << 0,        // reached in the current collection (cleared by sweeping)
  kFree = 1u << 1,          // the cell is on a free list (set only on free cells)
  kPyFinalized = 1u << 2,   // __del__ was queued once already: never again (PEP 442)
  kStatic = 1u << 3,        // lives outside the heap, registered with add_static_object
  kPyFinalizable = 1u << 4, // registered in the Python-finalizer registry
};
constexpr uint32_t bit(HeaderBit b) { return static_cast<uint32_t>(b); }

// ---- Size classes -------------------------------------------------------------------------------
// 16-byte steps up to 256, then four classes per power of two up to 16 KiB. Requests above
// kMaxSmallSize get their own mapping (a "large object").
inline constexpr size_t kGranule = 16;
inline constexpr size_t kMaxSmallSize = 16384;
inline constexpr size_t kNumSizeClasses = 16 + 4 * 6;

namespace detail {
constexpr std::array<uint32_t, kNumSizeClasses> make_class_sizes() {
  std::array<uint32_t, kNumSizeClasses> s{};
  size_t i = 0;
  for (uint32_t b = 16; b <= 256; b += 16) s[i++] = b;
  for (uint32_t pow = 256; pow < kMaxSmallSize; pow *= 2)
    for (uint32_t q = 1; q <= 4; ++q) s[i++] = pow + q * (pow / 4);
  return s;
}
inline constexpr std::array<uint32_t, kNumSizeClasses> kClassSize = make_class_sizes();
static_assert(kClassSize[kNumSizeClasses - 1] == kMaxSmallSize);

// Class index for a request of g granules (index = (bytes + 15) / 16, so 0 bytes -> class 0).
constexpr std::array<uint8_t, kMaxSmallSize / kGranule + 1> make_class_of() {
  std::array<uint8_t, kMaxSmallSize / kGranule + 1> t{};
  size_t c = 0;
  for (size_t g = 0; g < t.size(); ++g) {
    while (kClassSize[c] < g * kGranule) ++c;
    t[g] = static_cast<uint8_t>(c);
  }
  return t;
}
inline constexpr std::array<uint8_t, kMaxSmallSize / kGranule + 1> kClassOfGranules = make_class_of();

// A free cell: overlays Object so that gc_bits carries kFree where a live object's bits would be.
struct FreeCell {
  FreeCell* next;
  uint32_t gc_bits;
  uint32_t aux;
};
static_assert(sizeof(FreeCell) == sizeof(Object));

// The allocation cursor of one size class: a page-local free list, then the page's untouched tail.
struct ClassCursor {
  FreeCell* free = nullptr;
  char* bump = nullptr;
  char* bump_end = nullptr;
};

// Allocator state the fast path (and, later, JIT-inlined allocation) reads and writes.
struct AllocState {
  ClassCursor cls[kNumSizeClasses];
  // Bytes that may still be allocated before the slow path must consider a collection. Negative
  // forces every allocation through the slow path (not yet initialised, stress mode).
  int64_t budget = -1;
};
extern AllocState g_alloc;

void* allocate_slow(size_t bytes) noexcept;
}  // namespace detail

// ---- Allocation ---------------------------------------------------------------------------------
// Returns zeroed memory of at least `bytes` (16-byte aligned) for one GC object, or nullptr when
// memory is exhausted or `bytes` is absurd (the caller raises MemoryError). May collect first.
// The caller must write the header's `type` before its next allocation or GC-observable call
// (until then the cell is kept alive only by conservative references and visited as empty), and
// must leave gc_bits alone. Objects of types with a Python finalizer go through allocate_object
// (or call register_python_finalizer) so the collector knows to queue their __del__.
inline void* allocate(size_t bytes) noexcept {
  if (bytes <= kMaxSmallSize) [[likely]] {
    const size_t c = detail::kClassOfGranules[(bytes + kGranule - 1) / kGranule];
    const size_t cs = detail::kClassSize[c];
    detail::AllocState& s = detail::g_alloc;
    detail::ClassCursor& cur = s.cls[c];
    if (s.budget >= 0) [[likely]] {
      void* p = nullptr;
      if (detail::FreeCell* f = cur.free) {
        cur.free = f->next;
        p = f;
      } else if (static_cast<size_t>(cur.bump_end - cur.bump) >= cs) {
        p = cur.bump;
        cur.bump += cs;
      }
      if (p) [[likely]] {
        s.budget -= static_cast<int64_t>(cs);
        std::memset(p, 0, cs);
        return p;
      }
    }
  }
  return detail::allocate_slow(bytes);
}

// Allocates `bytes` (header included) and writes the header for `type`; registers the object for
// __del__ when the type has GcTypeFlag::kHasPythonFinalizer. nullptr on exhaustion.
Object* allocate_object(TypeObject* type, size_t bytes) noexcept;

// Usable bytes of the cell holding heap object `o` (>= the size it was allocated with). `o` must
// be a heap object (not a static one).
size_t cell_size(const Object* o) noexcept;

// ---- Roots --------------------------------------------------------------------------------------
// Registers a range of Values scanned precisely at every collection (every slot must hold a
// valid Value or none_slot()). The memory must stay valid until removed.
void add_root(Value* slot);
void remove_root(Value* slot);
void add_root_range(Value* begin, Value* end);
void remove_root_range(Value* begin);  // by the begin given to add_root_range
// Registers raw memory scanned conservatively, like a stack (JIT data, foreign buffers).
void add_conservative_range(const void* begin, const void* end);
void remove_conservative_range(const void* begin);

// A callback that reports roots held in runtime tables (interned strings, module registry,
// C++ containers): it calls v.visit(...) for each reference. Removal matches both fields.
using RootVisitorFn = void (*)(Visitor& v, void* data);
void add_root_visitor(RootVisitorFn fn, void* data);
void remove_root_visitor(RootVisitorFn fn, void* data);

// Registers an object that lives outside the heap (a static builtin type, a static singleton):
// it is traced as a root at every collection and never freed. Idempotent.
void add_static_object(Object* o);

// ---- Finalizers and weak references -------------------------------------------------------------
// Native finalizers: TypeObject::finalize runs when a dead object is swept, before its memory
// is reused. It must not allocate, run Python code, or dereference other GC objects (they may
// already be freed).
//
// Python finalizers (__del__): objects registered here that die are resurrected together with
// everything they reach, queued once (never again for the same object), and handed to the
// finalizer hook by run_pending_finalizers.
void register_python_finalizer(Object* o);

// Weak slots: *slot is a weak reference, not traced. When its target dies the collector sets
// *slot = Value::none_slot(). `owner` is the heap object holding the slot (a weakref object), or
// nullptr for a slot in native memory; the registration is dropped automatically when the owner
// dies, and live owners of cleared slots are handed to the weakref hook (for callbacks).
// Native slots must be unregistered before their memory goes away.
void register_weak_slot(Value* slot, Object* owner);
void unregister_weak_slot(Value* slot);

using ObjectHookFn = void (*)(Object* o);
using NotifyFn = void (*)();
// Called once per queued object by run_pending_finalizers: the runtime runs its __del__.
void set_python_finalizer_hook(ObjectHookFn fn);
// Called once per weakref owner whose slot was cleared: the runtime runs its callback.
void set_weakref_callback_hook(ObjectHookFn fn);
// Called at the end of an automatic collection that queued work: the runtime sets its eval
// breaker and later calls run_pending_finalizers at a safe point.
void set_pending_notify(NotifyFn fn);
// Runs queued __del__s and weakref callbacks (safe to allocate and collect meanwhile; nested
// calls return at once). gc::collect() calls it itself.
void run_pending_finalizers();
bool has_pending_finalizers();

// ---- Threads ------------------------------------------------------------------------------------
// Registers the calling thread with its stack's highest address (0: detect it with
// pthread_getattr_np). A thread allocating for the first time is registered automatically.
// These may be called without the GIL.
void init_thread(void* stack_base = nullptr);
void unregister_thread();

// Runs fn(arg) with this thread "parked": its registers are spilled and its stack published, so
// a collection on another thread scans it. fn runs without touching GC objects (it releases the
// GIL, blocks, reacquires it): runtime/gil.h's without_gil and gil_yield are built on it.
void call_parked(void (*fn)(void*), void* arg);
template <class F>
void call_parked(F&& f) {
  call_parked([](void* p) { (*static_cast<F*>(p))(); }, static_cast<void*>(&f));
}

// ---- Control and policy -------------------------------------------------------------------------
// Reads COIL_GC_STRESS and registers the calling thread. Allocation calls it on first use.
void init();
// Full collection: mark, eager sweep, then run pending finalizers.
void collect();
void enable();
void disable();
bool is_enabled();
// Collects every n-th allocation (n = 1: every one); 0 turns stress mode off.
void set_stress(uint32_t n);
uint32_t stress();
// Collect when bytes allocated since the last collection exceed max(min_bytes, live * factor).
void set_threshold_policy(size_t min_bytes, double live_factor);

struct Stats {
  uint64_t collections = 0;
  uint64_t live_bytes = 0;            // bytes marked by the last collection
  uint64_t live_objects = 0;          // objects marked by the last collection
  uint64_t heap_bytes = 0;            // bytes of pages and large mappings currently held
  uint64_t total_allocated_bytes = 0; // cumulative, in cell sizes
  uint64_t allocated_since_collection = 0;
  uint64_t freed_objects = 0;         // cumulative, counted by sweeping
  uint64_t freed_bytes = 0;
  uint64_t threshold = 0;             // bytes since last collection that trigger the next
  uint64_t finalizers_run = 0;        // native finalizers run
};
Stats stats();

// ---- Inspection ---------------------------------------------------------------------------------
// The allocated heap object whose cell contains address p (interior pointers included), or
// nullptr. Dead objects not yet swept still count as allocated.
Object* find_object(const void* p) noexcept;
// Calls fn(o, data) for every allocated heap object (after finishing any pending sweep, so
// every object seen was alive at the last collection or allocated since). fn must not
// allocate. For gc.get_objects() / gc.get_referrers().
void for_each_object(void (*fn)(Object* o, void* data), void* data);
// Walks the heap checking headers and that every reference reported by a visit function is a
// heap object start or a static object. Finishes sweeping first. Returns the number of problems
// (each printed to stderr). Builds with COIL_VERIFY run it around every collection.
size_t verify_heap();

}  // namespace coil::rt::gc
