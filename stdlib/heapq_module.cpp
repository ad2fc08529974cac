// heapq_module.cpp — _heapq: the binary min-heap (and the max-heap helpers heapq.merge and
// nlargest use) on a plain list, with the same sift order as heapq.py, so heaps come out
// identical; a comparison that resizes the list raises RuntimeError instead of reading past it.
#include <string>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// a < b for the min-heap, b < a for the max-heap; -1 on error.
template <bool kMax>
int less(Value a, Value b) {
  return kMax ? rich_compare_bool(b, a, fe::CompareKind::Lt) : rich_compare_bool(a, b, fe::CompareKind::Lt);
}

bool changed_size() {
  raise_msg(RuntimeErrorType, "list changed size during iteration");
  return false;
}

// Moves heap[pos] up towards `start` while it is smaller than its parent.
template <bool kMax>
bool sift_down(ListObject* heap, int64_t start, int64_t pos) {
  int64_t size = heap->size;
  if (pos >= size) {
    raise_msg(IndexErrorType, "index out of range");
    return false;
  }
  while (pos > start) {
    int64_t parent = (pos - 1) >> 1;
    Value item = heap->items()[pos], up = heap->items()[parent];
    int lt = less<kMax>(item, up);
    if (lt < 0) return false;
    if (size != heap->size) return changed_size();
    if (!lt) break;
    Value* arr = heap->items();  // the comparison may have reallocated the storage
    std::swap(arr[parent], arr[pos]);
    pos = parent;
  }
  return true;
}

// Moves the smaller child up until heap[pos]'s value reaches a leaf, then sifts it back down.
template <bool kMax>
bool sift_up(ListObject* heap, int64_t pos) {
  int64_t end = heap->size, start = pos, limit = end >> 1;
  while (pos < limit) {
    int64_t child = 2 * pos + 1;
    if (child + 1 < end) {
      int lt = less<kMax>(heap->items()[child], heap->items()[child + 1]);
      if (lt < 0) return false;
      if (end != heap->size) return changed_size();
      if (!lt) ++child;
    }
    Value* arr = heap->items();
    std::swap(arr[child], arr[pos]);
    pos = child;
  }
  return sift_down<kMax>(heap, start, pos);
}

// The list argument, or null with CPython's TypeError ("heappop() argument must be list, not int").
ListObject* heap_arg(const char* fname, Value v, bool only_arg) {
  if (is_list(v)) return as_list(v);
  raise_fmt(TypeErrorType, "%s() argument%s must be list, not %s", fname, only_arg ? "" : " 1", type_name(v));
  return nullptr;
}

bool positional_only(const char* fname, int64_t nargs, TupleObject* kwnames, int64_t n) {
  if (kwnames && kwnames->size) {
    raise_fmt(TypeErrorType, "_heapq.%s() takes no keyword arguments", fname);
    return false;
  }
  return check_positional(fname, nargs, n, n);
}

Value heappush(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!positional_only("heappush", nargs, kwnames, 2)) return Value();
  ListObject* heap = heap_arg("heappush", args[0], false);
  if (!heap || !list_append(heap, args[1])) return Value();
  return sift_down<false>(heap, 0, heap->size - 1) ? None : Value();
}

template <bool kMax>
Value pop_impl(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!positional_only(fname, nargs, kwnames, 1)) return Value();
  ListObject* heap = heap_arg(fname, args[0], true);
  if (!heap) return Value();
  if (heap->size == 0) return raise_msg(IndexErrorType, "index out of range");
  Value last = heap->items()[--heap->size];
  heap->items()[heap->size] = Value();
  if (heap->size == 0) return last;
  Value top = heap->items()[0];
  heap->items()[0] = last;
  return sift_up<kMax>(heap, 0) ? top : Value();
}

template <bool kMax>
Value replace_impl(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!positional_only(fname, nargs, kwnames, 2)) return Value();
  ListObject* heap = heap_arg(fname, args[0], false);
  if (!heap) return Value();
  if (heap->size == 0) return raise_msg(IndexErrorType, "index out of range");
  Value top = heap->items()[0];
  heap->items()[0] = args[1];
  return sift_up<kMax>(heap, 0) ? top : Value();
}

template <bool kMax>
Value heapify_impl(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!positional_only(fname, nargs, kwnames, 1)) return Value();
  ListObject* heap = heap_arg(fname, args[0], true);
  if (!heap) return Value();
  // Every node after its children: each subtree is a heap when its root is sifted.
  for (int64_t i = (heap->size >> 1) - 1; i >= 0; --i)
    if (!sift_up<kMax>(heap, i)) return Value();
  return None;
}

Value heappop(Value* args, int64_t nargs, TupleObject* kwnames) { return pop_impl<false>("heappop", args, nargs, kwnames); }
Value heappop_max(Value* args, int64_t nargs, TupleObject* kwnames) {
  return pop_impl<true>("_heappop_max", args, nargs, kwnames);
}
Value heapreplace(Value* args, int64_t nargs, TupleObject* kwnames) {
  return replace_impl<false>("heapreplace", args, nargs, kwnames);
}
Value heapreplace_max(Value* args, int64_t nargs, TupleObject* kwnames) {
  return replace_impl<true>("_heapreplace_max", args, nargs, kwnames);
}
Value heapify(Value* args, int64_t nargs, TupleObject* kwnames) { return heapify_impl<false>("heapify", args, nargs, kwnames); }
Value heapify_max(Value* args, int64_t nargs, TupleObject* kwnames) {
  return heapify_impl<true>("_heapify_max", args, nargs, kwnames);
}

// heappushpop(heap, item): push then pop, done as one replace when item is not the smallest.
Value heappushpop(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!positional_only("heappushpop", nargs, kwnames, 2)) return Value();
  ListObject* heap = heap_arg("heappushpop", args[0], false);
  if (!heap) return Value();
  Value item = args[1];
  if (heap->size == 0) return item;
  int lt = rich_compare_bool(heap->items()[0], item, fe::CompareKind::Lt);
  if (lt < 0) return Value();
  if (!lt) return item;
  if (heap->size == 0) return raise_msg(IndexErrorType, "index out of range");
  Value top = heap->items()[0];
  heap->items()[0] = item;
  return sift_up<false>(heap, 0) ? top : Value();
}

const NativeFunctionDef kHeapqFunctions[] = {
    {"heappush", heappush, "Push item onto heap, maintaining the heap invariant."},
    {"heappop", heappop, "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heappushpop", heappushpop,
     "Push item on the heap, then pop and return the smallest item from the heap.\n\n"
     "The combined action runs more efficiently than heappush() followed by\na separate call to heappop()."},
    {"heapreplace", heapreplace,
     "Pop and return the current smallest value, and add the new item.\n\n"
     "This is more efficient than heappop() followed by heappush(), and can be\n"
     "more appropriate when using a fixed-size heap.  Note that the value\n"
     "returned may be larger than item!  That constrains reasonable uses of\n"
     "this routine unless written as part of a conditional replacement:\n\n"
     "    if item > heap[0]:\n        item = heapreplace(heap, item)"},
    {"heapify", heapify, "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"_heappop_max", heappop_max, "Maxheap variant of heappop."},
    {"_heapreplace_max", heapreplace_max, "Maxheap variant of heapreplace."},
    {"_heapify_max", heapify_max, "Maxheap variant of heapify."},
};

const char kHeapqDoc[] =
    "Heap queue algorithm (a.k.a. priority queue).\n\n"
    "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\n"
    "all k, counting elements from 0.  For the sake of comparison,\n"
    "non-existing elements are considered to be infinite.  The interesting\n"
    "property of a heap is that a[0] is always its smallest element.\n\n"
    "Usage:\n\n"
    "heap = []            # creates an empty heap\n"
    "heappush(heap, item) # pushes a new item on the heap\n"
    "item = heappop(heap) # pops the smallest item from the heap\n"
    "item = heap[0]       # smallest item on the heap without popping it\n"
    "heapify(x)           # transforms list into a heap, in-place, in linear time\n"
    "item = heapreplace(heap, item) # pops and returns smallest item, and adds\n"
    "                               # new item; the heap size is unchanged\n\n"
    "Our API differs from textbook heap algorithms as follows:\n\n"
    "- We use 0-based indexing.  This makes the relationship between the\n"
    "  index for a node and the indexes for its children slightly less\n"
    "  obvious, but is more suitable since Python uses 0-based indexing.\n\n"
    "- Our heappop() method returns the smallest item, not the largest.\n\n"
    "These two make it possible to view the heap as a regular Python list\n"
    "without surprises: heap[0] is the smallest item, and heap.sort()\n"
    "maintains the heap invariant!\n";

bool init_heapq(ModuleObject* m) { return module_add(m, "__doc__", str_value(kHeapqDoc)); }

}  // namespace

extern const NativeModuleDef kHeapqModule;
const NativeModuleDef kHeapqModule = {"_heapq", kHeapqFunctions, std::size(kHeapqFunctions), init_heapq};

}  // namespace coil::lib
