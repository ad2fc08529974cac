// sort.cpp — a stable merge sort over Values for sorted() and list.sort.
//
// Keys are computed once up front (CPython's decorate-sort-undecorate); the keys and the
// merge buffer live in GC-allocated ValueArrays held by locals (the stack is scanned), so a
// collection triggered by __lt__ or the key function sees every value. Runs of already
// ordered items are found first, so sorted and reverse-sorted input cost n-1 comparisons.
// reverse=True reverses, sorts, reverses again: equal items keep their original order.
#include "runtime/sort.h"

#include <algorithm>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

// Orders keys; `perm` carries the items along with their keys.
class Sorter {
 public:
  Sorter(Value* keys, Value* items, Value* tmp_keys, Value* tmp_items)
      : keys_(keys), items_(items), tk_(tmp_keys), ti_(tmp_items) {}

  // -1 error, 1 when a < b.
  int less(Value a, Value b) {
    if (a.is_small_int() && b.is_small_int()) return a.as_small_int() < b.as_small_int();
    return rich_compare_bool(a, b, fe::CompareKind::Lt);
  }

  // Merges the sorted runs [lo, mid) and [mid, hi); false on error.
  bool merge(int64_t lo, int64_t mid, int64_t hi) {
    // Already in order: nothing to do (the common case for nearly sorted input).
    int c = less(keys_[mid], keys_[mid - 1]);
    if (c < 0) return false;
    if (!c) return true;
    int64_t nl = mid - lo;
    std::copy(keys_ + lo, keys_ + mid, tk_);
    std::copy(items_ + lo, items_ + mid, ti_);
    int64_t i = 0, j = mid, k = lo;
    while (i < nl && j < hi) {
      // Take from the right only when strictly smaller: that keeps the sort stable.
      int lt = less(keys_[j], tk_[i]);
      if (lt < 0) {
        drain(i, nl, k, j, hi);
        return false;
      }
      if (lt) {
        keys_[k] = keys_[j];
        items_[k++] = items_[j++];
      } else {
        keys_[k] = tk_[i];
        items_[k++] = ti_[i++];
      }
    }
    drain(i, nl, k, j, hi);
    return true;
  }

 private:
  // Copies what is left of the buffered left run back (items stay a permutation).
  void drain(int64_t i, int64_t nl, int64_t k, int64_t, int64_t) {
    while (i < nl) {
      keys_[k] = tk_[i];
      items_[k++] = ti_[i++];
    }
  }

  Value* keys_;
  Value* items_;
  Value* tk_;
  Value* ti_;
};

// Finds maximal ascending runs (strictly descending runs are reversed in place, which
// keeps stability because their items are all distinct in order); returns run ends.
bool find_runs(Sorter& s, Value* keys, Value* items, int64_t n, std::vector<int64_t>* ends) {
  int64_t i = 0;
  while (i < n) {
    int64_t j = i + 1;
    if (j < n) {
      int c = s.less(keys[j], keys[i]);
      if (c < 0) return false;
      if (c) {
        // Strictly descending run.
        while (j + 1 < n) {
          int d = s.less(keys[j + 1], keys[j]);
          if (d < 0) return false;
          if (!d) break;
          ++j;
        }
        ++j;
        std::reverse(keys + i, keys + j);
        if (items != keys) std::reverse(items + i, items + j);
      } else {
        while (j + 1 < n) {
          int d = s.less(keys[j + 1], keys[j]);
          if (d < 0) return false;
          if (d) break;
          ++j;
        }
        ++j;
      }
    }
    ends->push_back(j);
    i = j;
  }
  return true;
}

}  // namespace

bool sort_values(Value* items, int64_t n, Value key, bool reverse) {
  if (n < 2) return true;
  ValueArray* key_store = nullptr;
  Value* keys = items;
  bool has_key = !key.is_empty_slot() && key != None;
  if (has_key) {
    key_store = new_value_array(n);
    if (!key_store) return false;
    for (int64_t i = 0; i < n; ++i) key_store->items[i] = None;
    for (int64_t i = 0; i < n; ++i) {
      Value k = call1(key, items[i]);
      if (k.is_empty_slot()) return false;
      key_store->items[i] = k;
    }
    keys = key_store->items;
  }
  if (reverse) {
    std::reverse(items, items + n);
    if (has_key) std::reverse(keys, keys + n);
  }
  // Merge buffers: the left run of a merge can be almost n long.
  ValueArray* tmp = new_value_array(n);
  if (!tmp) return false;
  for (int64_t i = 0; i < n; ++i) tmp->items[i] = None;
  Value* tmp_keys = tmp->items;
  Value* tmp_items = tmp->items;  // without a key the keys are the items: one buffer
  ValueArray* tmp2 = nullptr;
  if (has_key) {
    tmp2 = new_value_array(n);
    if (!tmp2) return false;
    for (int64_t i = 0; i < n; ++i) tmp2->items[i] = None;
    tmp_items = tmp2->items;
  }
  Sorter s(keys, items, tmp_keys, tmp_items);
  std::vector<int64_t> ends;
  bool ok = find_runs(s, keys, items, n, &ends);
  // Bottom-up merging of neighbouring runs until one is left.
  while (ok && ends.size() > 1) {
    std::vector<int64_t> next;
    int64_t lo = 0;
    size_t r = 0;
    for (; r + 1 < ends.size(); r += 2) {
      if (!s.merge(lo, ends[r], ends[r + 1])) {
        ok = false;
        break;
      }
      next.push_back(ends[r + 1]);
      lo = ends[r + 1];
    }
    if (!ok) break;
    if (r < ends.size()) next.push_back(ends[r]);
    ends.swap(next);
  }
  if (reverse) std::reverse(items, items + n);
  return ok;
}

}  // namespace coil::rt
