// heap.h — the collector's internal heap: pages, the page map, size-class page lists, sweeping.
//
// Layout. Memory comes from the OS in 4 MiB arenas aligned to kPageBytes and is cut into 256 KiB
// pages. A small page serves one size class: a PageHeader in its first 128 bytes, then `capacity`
// cells. Cells [0, limit) have been handed out at least once; each is either allocated (gc_bits
// without kFree) or on a free list (kFree); cells [limit, capacity) are the untouched tail the
// cursor bumps through. A large object gets its own kPageBytes-aligned mapping: a PageHeader then
// the object. So for any heap object, masking its address finds its PageHeader, and the PageMap
// (page number -> header, every page number of a large mapping included) answers "is this word
// in the heap" for conservative scanning.
//
// Sweeping is lazy per page: a collection moves every page of a class to `unswept`, and the
// allocator sweeps one when its cursor runs dry; finish_sweep sweeps the rest before the next
// mark (or at once, for gc::collect()). Large objects are swept eagerly after marking.
//
// Internal to runtime/gc*.cpp and runtime/heap*.cpp; everyone else uses gc.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "runtime/gc.h"

namespace coil::rt::gc::detail {

inline constexpr unsigned kPageShift = 18;
inline constexpr size_t kPageBytes = size_t(1) << kPageShift;  // 256 KiB
inline constexpr size_t kPageHeaderBytes = 128;
inline constexpr size_t kArenaPages = 16;
// Requests above this are refused outright (nullptr -> MemoryError), whatever the OS would say.
inline constexpr size_t kMaxAllocation = size_t(1) << 40;

enum class PageKind : uint8_t { kEmpty, kSmall, kLarge };

struct PageHeader {
  PageKind kind = PageKind::kEmpty;
  uint8_t size_class = 0;
  bool swept = true;        // false between a collection's mark and this page's sweep
  bool decommitted = false; // an empty pooled page whose memory was returned with MADV_DONTNEED
  uint32_t cell_size = 0;
  uint32_t capacity = 0;    // cells that fit in the page
  uint32_t limit = 0;       // cells handed out at least once (the rest is the bump tail)
  uint32_t live = 0;        // cells that survived this page's last sweep
  uint32_t marked = 0;      // cells marked by the current collection (counted by the marker)
  uint32_t nfree = 0;       // cells on `free` (valid while no cursor holds the page's list)
  bool has_finalizers = false;  // a cell was allocated for a type with a native finalizer
  PageHeader* next = nullptr;
  FreeCell* free = nullptr; // built by sweeping, taken over by the cursor
  size_t large_bytes = 0;   // large: usable bytes of the object
  size_t map_bytes = 0;     // large: length of the mapping

  char* cells() { return reinterpret_cast<char*>(this) + kPageHeaderBytes; }
  Object* large_object() { return reinterpret_cast<Object*>(cells()); }
};
static_assert(sizeof(PageHeader) <= kPageHeaderBytes);

inline PageHeader* page_of(const void* p) {
  return reinterpret_cast<PageHeader*>(reinterpret_cast<uintptr_t>(p) & ~(kPageBytes - 1));
}

// Two-level radix map from 48-bit page numbers to headers; leaves are mmap'd on demand.
class PageMap {
 public:
  static constexpr unsigned kBits = 48 - kPageShift;  // 30
  static constexpr unsigned kLeafBits = 15;
  static constexpr size_t kLeafSize = size_t(1) << kLeafBits;
  static constexpr size_t kRootSize = size_t(1) << (kBits - kLeafBits);

  PageHeader* get(uintptr_t addr) const {
    const uintptr_t pn = addr >> kPageShift;
    if (pn >> kBits) return nullptr;
    PageHeader** leaf = root_[pn >> kLeafBits];
    return leaf ? leaf[pn & (kLeafSize - 1)] : nullptr;
  }
  bool set(uintptr_t addr, PageHeader* h);  // false when a leaf cannot be mapped
  void clear(uintptr_t addr);

 private:
  PageHeader** root_[kRootSize] = {};
};

// The page lists of one size class.
struct ClassPages {
  PageHeader* current = nullptr;  // the page the cursor allocates from (swept)
  PageHeader* swept = nullptr;    // other swept pages (the cursor already drained them)
  PageHeader* unswept = nullptr;  // pages waiting for their sweep since the last mark
};

struct SweepTotals {
  uint64_t freed_objects = 0;
  uint64_t freed_bytes = 0;
  uint64_t finalizers_run = 0;
};

struct Heap {
  PageMap map;
  uintptr_t lo = UINTPTR_MAX, hi = 0;  // bounds of every page ever mapped: a quick reject
  ClassPages classes[kNumSizeClasses];
  PageHeader* empty_pages = nullptr;   // pooled empty pages, any class may take one
  size_t empty_count = 0;
  char* arena_next = nullptr;          // uncut pages of the newest arena
  char* arena_end = nullptr;
  std::vector<PageHeader*> large;      // live large mappings
  uint64_t heap_bytes = 0;             // pages in use by classes + large mappings
  SweepTotals swept;
  bool sweep_pending = false;          // some class has unswept pages
};
extern Heap g_heap;

// ---- heap_pages.cpp -----------------------------------------------------------------------------
// Returns an empty page formatted for class `c`, or nullptr when the OS refuses memory.
PageHeader* acquire_page(uint8_t c);
// Returns a page whose cells are all free to the pool.
void release_page(PageHeader* p);
// Returns the memory of pooled empty pages beyond the first `keep` to the OS (they stay mapped
// and reserved, and read as zeros when reused).
void trim_empty_pages(size_t keep);
// Maps a large object of `bytes`, zeroed; nullptr when the OS refuses.
void* allocate_large(size_t bytes);
void free_large(PageHeader* p);
// The allocated cell containing address w, or nullptr.
Object* find_cell(uintptr_t w);

// ---- heap_sweep.cpp -----------------------------------------------------------------------------
// Writes every cursor back into its page (limit, free list) and detaches it: run before a
// collection or a heap walk so that page headers describe every cell.
void flush_cursors();
// Writes only each cursor's bump position back into its page's limit (for lookups).
void sync_cursors();
// After marking: every class page becomes unswept; large objects are swept at once.
void start_sweep();
// Sweeps every page still waiting.
void finish_sweep();
// Refills class c's cursor (sweeping or acquiring a page); false when out of memory.
bool refill_cursor(uint8_t c);

// ---- gc.cpp -------------------------------------------------------------------------------------
// Called by the slow path when the budget ran out: may collect, then resets the budget.
void on_budget_exhausted();
// Folds the bytes the fast path took since the last reset into the allocation totals.
void account_budget();
bool in_collection();
// A full collection after the OS refused memory (the caller retries once).
void collect_for_memory();
bool is_static_object(const Object* o);
// Receives every root the collector knows, labelled (gc_explain.cpp's COIL_GC_WHY walk): the
// precise ones through visit(), conservative ranges (native stacks included) as raw ranges.
class RootWalker : public Visitor {
 public:
  using Visitor::visit;
  virtual void set_label(const char* label) = 0;
  virtual void conservative(const void* lo, const void* hi, const char* what) = 0;
};
void walk_roots(RootWalker& w);


// ---- gc_threads.cpp -----------------------------------------------------------------------------
// Calls scan(lo, hi, ctx) for the live stack (and spilled registers) of the calling thread and of
// every parked thread. Aborts if another registered thread is running unparked.
using RangeScanFn = void (*)(const void* lo, const void* hi, void* ctx);
void scan_thread_stacks(RangeScanFn scan, void* ctx);
// Registers the calling thread if it is not yet (first allocation on a new thread).
void ensure_thread_registered();

}  // namespace coil::rt::gc::detail
