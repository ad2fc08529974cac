// gc_verify.cpp — heap walks: the verifier (headers and references) and for_each_object.
//
// Always compiled (tests call it); builds configured with -Dverifiers=true (COIL_VERIFY) also run
// it before every collection. It reports problems instead of stopping at the first one so that a
// failing run shows the extent of the damage.
#include <cstdio>

#include "runtime/heap.h"

namespace coil::rt::gc::detail {

namespace {

constexpr uint32_t kKnownBits = bit(HeaderBit::kMarked) | bit(HeaderBit::kFree) |
                                bit(HeaderBit::kPyFinalized) | bit(HeaderBit::kStatic) |
                                bit(HeaderBit::kPyFinalizable);

bool is_valid_target(const Object* o) {
  if (o->gc_bits & bit(HeaderBit::kStatic)) return is_static_object(o);
  return find_cell(reinterpret_cast<uintptr_t>(o)) == o;
}

// Checks each reference a visit function reports.
class CheckVisitor final : public Visitor {
 public:
  using Visitor::visit;
  void visit(Object* o) override {
    if (!o) return;
    if (!is_valid_target(o)) {
      std::fprintf(stderr, "coil gc verify: %p (type %s) refers to %p, not a live object\n",
                   static_cast<void*>(owner), owner->type && owner->type->name ? owner->type->name : "?",
                   static_cast<void*>(o));
      ++problems;
    }
  }
  Object* owner = nullptr;
  size_t problems = 0;
};

void check_object(Object* o, CheckVisitor& cv) {
  if (o->gc_bits & ~kKnownBits) {
    std::fprintf(stderr, "coil gc verify: %p has unknown gc bits %#x\n", static_cast<void*>(o), o->gc_bits);
    ++cv.problems;
  }
  if (o->gc_bits & bit(HeaderBit::kMarked)) {
    std::fprintf(stderr, "coil gc verify: %p is still marked after sweeping\n", static_cast<void*>(o));
    ++cv.problems;
  }
  TypeObject* t = o->type;
  if (!t) return;  // allocated, header not written yet
  if (!is_valid_target(t)) {
    std::fprintf(stderr, "coil gc verify: %p has type %p, not a live object\n", static_cast<void*>(o),
                 static_cast<void*>(t));
    ++cv.problems;
    return;
  }
  if (t->visit) {
    cv.owner = o;
    t->visit(o, cv);
  }
}

}  // namespace

}  // namespace coil::rt::gc::detail

namespace coil::rt::gc {

void for_each_object(void (*fn)(Object* o, void* data), void* data) {
  using namespace detail;
  finish_sweep();
  sync_cursors();
  for (size_t c = 0; c < kNumSizeClasses; ++c) {
    ClassPages& cp = g_heap.classes[c];
    auto walk = [&](PageHeader* p) {
      char* cell = p->cells();
      for (uint32_t i = 0; i < p->limit; ++i, cell += p->cell_size) {
        auto* o = reinterpret_cast<Object*>(cell);
        if (!(o->gc_bits & bit(HeaderBit::kFree))) fn(o, data);
      }
    };
    if (cp.current) walk(cp.current);
    for (PageHeader* p = cp.swept; p; p = p->next) walk(p);
  }
  for (PageHeader* p : g_heap.large) fn(p->large_object(), data);
}

size_t verify_heap() {
  using namespace detail;
  finish_sweep();
  sync_cursors();
  CheckVisitor cv;
  auto check_page = [&](PageHeader* p) {
    if (p->kind != PageKind::kSmall || p->limit > p->capacity) {
      std::fprintf(stderr, "coil gc verify: page %p has a bad header\n", static_cast<void*>(p));
      ++cv.problems;
      return;
    }
    char* cell = p->cells();
    for (uint32_t i = 0; i < p->limit; ++i, cell += p->cell_size) {
      auto* o = reinterpret_cast<Object*>(cell);
      if (!(o->gc_bits & bit(HeaderBit::kFree))) check_object(o, cv);
    }
  };
  for (size_t c = 0; c < kNumSizeClasses; ++c) {
    ClassPages& cp = g_heap.classes[c];
    if (cp.current) check_page(cp.current);
    for (PageHeader* p = cp.swept; p; p = p->next) check_page(p);
  }
  for (PageHeader* p : g_heap.large) check_object(p->large_object(), cv);
  for (PageHeader* p = g_heap.empty_pages; p; p = p->next) {
    if (p->kind != PageKind::kEmpty) {
      std::fprintf(stderr, "coil gc verify: pooled page %p is not empty\n", static_cast<void*>(p));
      ++cv.problems;
    }
  }
  return cv.problems;
}

}  // namespace coil::rt::gc
