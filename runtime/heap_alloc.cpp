// heap_alloc.cpp — the allocation slow path, cursor refills and (lazy) sweeping of pages.
#include <cstdio>
#include <cstdlib>

#include "runtime/heap.h"

namespace coil::rt::gc::detail {

AllocState g_alloc;

namespace {

// Set while a page is being swept: native finalizers run then and must not allocate.
bool g_in_sweep = false;

void push(PageHeader*& list, PageHeader* p) {
  p->next = list;
  list = p;
}

PageHeader* pop(PageHeader*& list) {
  PageHeader* p = list;
  if (p) list = p->next;
  return p;
}

// Sweeps one small page: frees unmarked cells (running native finalizers), clears marks, and
// rebuilds the page's free list in address order. Returns false if the page became empty and
// went back to the pool.
bool sweep_page(PageHeader* p) {
  const uint32_t cs = p->cell_size;
  char* cell = p->cells();
  if (p->marked == 0 && !p->has_finalizers) {
    // Nothing survived and no cell needs a native finalizer (the common page of short-lived
    // floats and tuples): the page goes back whole, without a free list to build. The cells
    // are not touched at all: the dead are the cells handed out minus those still free.
    const uint64_t freed = p->limit - p->nfree;
    g_heap.swept.freed_objects += freed;
    g_heap.swept.freed_bytes += freed * cs;
    p->live = 0;
    p->swept = true;
    release_page(p);
    return false;
  }
  p->marked = 0;
  g_in_sweep = true;
  FreeCell* head = nullptr;
  FreeCell** tail = &head;
  uint32_t live = 0;
  uint64_t freed = 0, finalized = 0;
  for (uint32_t i = 0; i < p->limit; ++i, cell += cs) {
    auto* o = reinterpret_cast<Object*>(cell);
    const uint32_t b = o->gc_bits;
    if (!(b & bit(HeaderBit::kFree))) {
      if (b & bit(HeaderBit::kMarked)) {
        o->gc_bits = b & ~bit(HeaderBit::kMarked);
        ++live;
        continue;
      }
      if (o->type && o->type->finalize) {
        o->type->finalize(o);
        ++finalized;
      }
      ++freed;
    }
    auto* f = reinterpret_cast<FreeCell*>(cell);
    f->gc_bits = bit(HeaderBit::kFree);
    *tail = f;
    tail = &f->next;
  }
  *tail = nullptr;
  g_in_sweep = false;
  g_heap.swept.freed_objects += freed;
  g_heap.swept.freed_bytes += freed * cs;
  g_heap.swept.finalizers_run += finalized;
  p->free = head;
  p->nfree = p->limit - live;
  p->live = live;
  p->swept = true;
  if (live == 0) {
    release_page(p);
    return false;
  }
  return true;
}

// Length of a free list handed back by a cursor (usually empty: cursors move on when exhausted).
uint32_t count_free(const FreeCell* f) {
  uint32_t n = 0;
  for (; f; f = f->next) ++n;
  return n;
}

void install_cursor(uint8_t c, PageHeader* p) {
  ClassCursor& cur = g_alloc.cls[c];
  g_heap.classes[c].current = p;
  cur.free = p->free;
  p->free = nullptr;
  cur.bump = p->cells() + size_t(p->limit) * p->cell_size;
  cur.bump_end = p->cells() + size_t(p->capacity) * p->cell_size;
}

// Writes class c's cursor back into its page: the bump position becomes the page's limit and
// the unused free list returns to the page.
void sync_cursor(uint8_t c) {
  PageHeader* p = g_heap.classes[c].current;
  if (!p) return;
  const ClassCursor& cur = g_alloc.cls[c];
  p->limit = static_cast<uint32_t>((cur.bump - p->cells()) / p->cell_size);
}

void* pop_cursor(uint8_t c) {
  ClassCursor& cur = g_alloc.cls[c];
  const size_t cs = kClassSize[c];
  if (FreeCell* f = cur.free) {
    cur.free = f->next;
    return f;
  }
  if (static_cast<size_t>(cur.bump_end - cur.bump) >= cs) {
    void* p = cur.bump;
    cur.bump += cs;
    return p;
  }
  return nullptr;
}

[[noreturn]] void fatal(const char* what) {
  std::fprintf(stderr, "coil gc: %s\n", what);
  std::abort();
}

}  // namespace

void sync_cursors() {
  for (size_t c = 0; c < kNumSizeClasses; ++c) sync_cursor(static_cast<uint8_t>(c));
}

void flush_cursors() {
  for (size_t c = 0; c < kNumSizeClasses; ++c) {
    ClassPages& cp = g_heap.classes[c];
    PageHeader* p = cp.current;
    if (!p) continue;
    sync_cursor(static_cast<uint8_t>(c));
    ClassCursor& cur = g_alloc.cls[c];
    p->free = cur.free;
    p->nfree = count_free(p->free);
    cur = ClassCursor{};
    cp.current = nullptr;
    push(cp.swept, p);
  }
}

void start_sweep() {
  for (ClassPages& cp : g_heap.classes) {
    while (PageHeader* p = pop(cp.swept)) {
      p->swept = false;
      push(cp.unswept, p);
    }
  }
  g_heap.sweep_pending = true;
  // Large objects are few: sweep them now and return their memory at once.
  size_t kept = 0;
  for (PageHeader* p : g_heap.large) {
    Object* o = p->large_object();
    if (o->gc_bits & bit(HeaderBit::kMarked)) {
      o->gc_bits &= ~bit(HeaderBit::kMarked);
      g_heap.large[kept++] = p;
      continue;
    }
    if (o->type && o->type->finalize) {
      g_in_sweep = true;
      o->type->finalize(o);
      g_in_sweep = false;
      ++g_heap.swept.finalizers_run;
    }
    ++g_heap.swept.freed_objects;
    g_heap.swept.freed_bytes += p->large_bytes;
    free_large(p);
  }
  g_heap.large.resize(kept);
}

void finish_sweep() {
  if (!g_heap.sweep_pending) return;
  for (ClassPages& cp : g_heap.classes) {
    while (PageHeader* p = pop(cp.unswept)) {
      if (sweep_page(p)) push(cp.swept, p);
    }
  }
  g_heap.sweep_pending = false;
}

bool refill_cursor(uint8_t c) {
  if (g_in_sweep) fatal("a native finalizer allocated (finalizers must not allocate)");
  ClassPages& cp = g_heap.classes[c];
  if (PageHeader* p = cp.current) {
    sync_cursor(c);
    p->free = g_alloc.cls[c].free;
    p->nfree = count_free(p->free);
    g_alloc.cls[c] = ClassCursor{};
    cp.current = nullptr;
    push(cp.swept, p);
  }
  while (PageHeader* p = pop(cp.unswept)) {
    if (!sweep_page(p)) continue;
    if (p->free || p->limit < p->capacity) {
      install_cursor(c, p);
      return true;
    }
    push(cp.swept, p);
  }
  PageHeader* p = acquire_page(c);
  if (!p) return false;
  install_cursor(c, p);
  return true;
}

void* allocate_slow(size_t bytes) noexcept {
  if (g_in_sweep) fatal("a native finalizer allocated (finalizers must not allocate)");
  if (bytes > kMaxAllocation) return nullptr;
  if (g_alloc.budget < 0) on_budget_exhausted();  // also initialises the collector on first use
  if (bytes <= kMaxSmallSize) {
    const uint8_t c = kClassOfGranules[(bytes + kGranule - 1) / kGranule];
    const size_t cs = kClassSize[c];
    void* p = pop_cursor(c);
    if (!p) {
      if (!refill_cursor(c)) {
        // Out of address space or memory: a full collection may empty whole pages.
        if (in_collection()) return nullptr;
        collect_for_memory();
        if (!refill_cursor(c)) return nullptr;
      }
      p = pop_cursor(c);
    }
    g_alloc.budget -= static_cast<int64_t>(cs);
    std::memset(p, 0, cs);
    return p;
  }
  void* p = allocate_large(bytes);
  if (!p && !in_collection()) {
    collect_for_memory();
    p = allocate_large(bytes);
  }
  if (!p) return nullptr;
  g_alloc.budget -= static_cast<int64_t>(page_of(p)->map_bytes);
  return p;
}

}  // namespace coil::rt::gc::detail
