// heap_pages.cpp — getting memory from the OS: arenas and pages, the page map, large objects, and
// the "which object holds this address" lookup that conservative scanning relies on.
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>

#include "runtime/heap.h"

namespace coil::rt::gc::detail {

Heap g_heap;

namespace {

constexpr size_t kOsPage = 4096;
size_t round_up(size_t n, size_t to) { return (n + to - 1) & ~(to - 1); }

void* map_memory(size_t bytes) {
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
  return p == MAP_FAILED ? nullptr : p;
}

// Maps `bytes` (a multiple of the OS page) at a kPageBytes-aligned address by over-mapping and
// trimming both ends.
char* map_aligned(size_t bytes) {
  char* raw = static_cast<char*>(map_memory(bytes + kPageBytes));
  if (!raw) return nullptr;
  char* start = reinterpret_cast<char*>(round_up(reinterpret_cast<uintptr_t>(raw), kPageBytes));
  if (start > raw) munmap(raw, start - raw);
  char* end = start + bytes;
  char* raw_end = raw + bytes + kPageBytes;
  if (raw_end > end) munmap(end, raw_end - end);
  return start;
}

void note_bounds(char* begin, char* end) {
  g_heap.lo = std::min(g_heap.lo, reinterpret_cast<uintptr_t>(begin));
  g_heap.hi = std::max(g_heap.hi, reinterpret_cast<uintptr_t>(end));
}

// Cuts one page from the newest arena, mapping a new arena when it is used up.
PageHeader* new_page() {
  if (g_heap.arena_next == g_heap.arena_end) {
    char* a = map_aligned(kArenaPages * kPageBytes);
    if (!a) return nullptr;
    for (size_t i = 0; i < kArenaPages; ++i) {
      char* page = a + i * kPageBytes;
      if (!g_heap.map.set(reinterpret_cast<uintptr_t>(page), reinterpret_cast<PageHeader*>(page))) {
        for (size_t j = 0; j < i; ++j) g_heap.map.clear(reinterpret_cast<uintptr_t>(a + j * kPageBytes));
        munmap(a, kArenaPages * kPageBytes);
        return nullptr;
      }
      new (page) PageHeader();  // kEmpty until formatted: lookups ignore it
    }
    note_bounds(a, a + kArenaPages * kPageBytes);
    g_heap.arena_next = a;
    g_heap.arena_end = a + kArenaPages * kPageBytes;
  }
  char* page = g_heap.arena_next;
  g_heap.arena_next += kPageBytes;
  return reinterpret_cast<PageHeader*>(page);
}

}  // namespace

bool PageMap::set(uintptr_t addr, PageHeader* h) {
  const uintptr_t pn = addr >> kPageShift;
  if (pn >> kBits) return false;
  PageHeader**& leaf = root_[pn >> kLeafBits];
  if (!leaf) {
    leaf = static_cast<PageHeader**>(map_memory(kLeafSize * sizeof(PageHeader*)));
    if (!leaf) return false;
  }
  leaf[pn & (kLeafSize - 1)] = h;
  return true;
}

void PageMap::clear(uintptr_t addr) {
  const uintptr_t pn = addr >> kPageShift;
  if (pn >> kBits) return;
  if (PageHeader** leaf = root_[pn >> kLeafBits]) leaf[pn & (kLeafSize - 1)] = nullptr;
}

PageHeader* acquire_page(uint8_t c) {
  PageHeader* p = g_heap.empty_pages;
  if (p) {
    g_heap.empty_pages = p->next;
    --g_heap.empty_count;
  } else {
    p = new_page();
    if (!p) return nullptr;
  }
  const uint32_t cs = kClassSize[c];
  p->kind = PageKind::kSmall;
  p->size_class = c;
  p->swept = true;
  p->decommitted = false;
  p->cell_size = cs;
  p->capacity = static_cast<uint32_t>((kPageBytes - kPageHeaderBytes) / cs);
  p->limit = 0;
  p->live = 0;
  p->marked = 0;
  p->nfree = 0;
  p->has_finalizers = false;
  p->next = nullptr;
  p->free = nullptr;
  g_heap.heap_bytes += kPageBytes;
  return p;
}

void release_page(PageHeader* p) {
  p->kind = PageKind::kEmpty;
  p->free = nullptr;
  p->limit = 0;
  g_heap.heap_bytes -= kPageBytes;
  p->next = g_heap.empty_pages;
  g_heap.empty_pages = p;
  ++g_heap.empty_count;
}

void trim_empty_pages(size_t keep) {
  size_t i = 0;
  for (PageHeader* p = g_heap.empty_pages; p; p = p->next, ++i) {
    if (i < keep || p->decommitted) continue;
    // Keep the header's OS page; hand the rest back (it reads as zeros when touched again).
    madvise(reinterpret_cast<char*>(p) + kOsPage, kPageBytes - kOsPage, MADV_DONTNEED);
    p->decommitted = true;
  }
}

namespace {

// Mappings of freed large objects kept for reuse: programs whose big ints or strs die young
// (pidigits, huge string building) otherwise pay mmap + munmap + page faults per object.
// Large mappings are sized in quarter-power-of-two steps (at most 25% slack) so that objects
// of similar size share a size; freed mappings wait in a list per size (linked through their
// first word) up to kLargeCacheBytes in all, and are zeroed again when reused (allocation
// returns zeroed memory).
constexpr size_t kLargeCacheBytes = size_t(64) << 20;
constexpr size_t kLargeBuckets = 64 * 4;
char* g_large_cache[kLargeBuckets];
size_t g_large_cache_bytes = 0;

size_t large_mapping_size(size_t total) {
  size_t pow = kOsPage;
  while (pow * 2 <= total) pow *= 2;
  size_t step = std::max(pow / 4, kOsPage);
  return round_up(total, step);
}

// The bucket of a size made by large_mapping_size.
size_t large_bucket(size_t size) {
  size_t k = 63 - static_cast<size_t>(__builtin_clzll(size));
  size_t pow = size_t(1) << k;
  return k * 4 + (size - pow) / std::max(pow / 4, size_t(1));
}

// A cached mapping of exactly `total` bytes, zeroed, or null.
char* take_cached_mapping(size_t total) {
  char*& head = g_large_cache[large_bucket(total)];
  char* a = head;
  if (!a) return nullptr;
  std::memcpy(&head, a, sizeof(char*));
  g_large_cache_bytes -= total;
  std::memset(a, 0, total);
  return a;
}

void cache_or_unmap(char* a, size_t total) {
  if (g_large_cache_bytes + total > kLargeCacheBytes) {
    munmap(a, total);
    return;
  }
  char*& head = g_large_cache[large_bucket(total)];
  std::memcpy(a, &head, sizeof(char*));
  head = a;
  g_large_cache_bytes += total;
}

}  // namespace

void* allocate_large(size_t bytes) {
  const size_t total = large_mapping_size(kPageHeaderBytes + bytes);
  char* a = take_cached_mapping(total);
  if (!a) a = map_aligned(total);
  if (!a) return nullptr;
  auto* p = new (a) PageHeader();
  for (size_t off = 0; off < total; off += kPageBytes) {
    if (!g_heap.map.set(reinterpret_cast<uintptr_t>(a + off), p)) {
      for (size_t o = 0; o < off; o += kPageBytes) g_heap.map.clear(reinterpret_cast<uintptr_t>(a + o));
      munmap(a, total);
      return nullptr;
    }
  }
  p->kind = PageKind::kLarge;
  p->large_bytes = total - kPageHeaderBytes;
  p->map_bytes = total;
  note_bounds(a, a + total);
  g_heap.large.push_back(p);
  g_heap.heap_bytes += total;
  return p->cells();
}

void free_large(PageHeader* p) {
  char* a = reinterpret_cast<char*>(p);
  const size_t total = p->map_bytes;
  for (size_t off = 0; off < total; off += kPageBytes) g_heap.map.clear(reinterpret_cast<uintptr_t>(a + off));
  g_heap.heap_bytes -= total;
  cache_or_unmap(a, total);
}

Object* find_cell(uintptr_t w) {
  if (w < g_heap.lo || w >= g_heap.hi) return nullptr;
  PageHeader* p = g_heap.map.get(w);
  if (!p) return nullptr;
  if (p->kind == PageKind::kSmall) {
    const uintptr_t first = reinterpret_cast<uintptr_t>(p->cells());
    if (w < first) return nullptr;
    const uint32_t cs = p->cell_size;
    const uintptr_t index = (w - first) / cs;
    if (index >= p->limit) return nullptr;
    auto* o = reinterpret_cast<Object*>(first + index * cs);
    return (o->gc_bits & bit(HeaderBit::kFree)) ? nullptr : o;
  }
  if (p->kind == PageKind::kLarge) {
    const uintptr_t first = reinterpret_cast<uintptr_t>(p->cells());
    return (w >= first && w < first + p->large_bytes) ? p->large_object() : nullptr;
  }
  return nullptr;
}

}  // namespace coil::rt::gc::detail

namespace coil::rt::gc {

size_t cell_size(const Object* o) noexcept {
  const detail::PageHeader* p = detail::page_of(o);
  return p->kind == detail::PageKind::kLarge ? p->large_bytes : p->cell_size;
}

}  // namespace coil::rt::gc
