// list_sort.cpp — list.sort: a timsort (natural runs, binary insertion up to minrun, run
// stack with the merge invariants, galloping merges), stable, comparing with `<` only.
//
// What must hold: the items are always a permutation of the input — a comparison that
// raises leaves every element somewhere in the list (merges copy their pending half back
// before failing). During the sort the list is emptied (size 0, no storage), as CPython
// does, so a key or __lt__ that mutates it is detected ("list modified during sort").
// All scratch memory is GC objects (ValueArray): a comparison may run Python code and
// trigger a collection while some items live only in the merge buffer.
#include <algorithm>
#include <cstring>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

constexpr int kMinGallop = 7;
constexpr int kMaxRuns = 85;

// Sort elements: the key alone, or the key with the item it came from.
struct One {
  Value k;
};
struct Two {
  Value k;
  Value v;
};

// Comparison strategy chosen by a pre-scan of the keys' types.
enum class KeyKind { Generic, SmallInt, Str, Float };

template <class T>
class TimSort {
 public:
  TimSort(T* a, int64_t n, KeyKind kind) : a_(a), n_(n), kind_(kind) {}

  // False with the exception pending (the items stay a permutation).
  bool sort() {
    if (n_ < 2) return true;
    int64_t minrun = min_run(n_);
    int64_t lo = 0, remaining = n_;
    while (remaining > 0) {
      bool descending;
      int64_t run = count_run(lo, lo + remaining, &descending);
      if (run < 0) return false;
      if (descending) std::reverse(a_ + lo, a_ + lo + run);
      if (run < minrun) {
        int64_t force = std::min(remaining, minrun);
        if (!binary_insertion(lo, lo + force, lo + run)) return false;
        run = force;
      }
      runs_[nruns_++] = Run{lo, run};
      if (!merge_collapse()) return false;
      lo += run;
      remaining -= run;
    }
    return merge_force_collapse();
  }

 private:
  struct Run {
    int64_t base, len;
  };

  T* a_;
  int64_t n_;
  KeyKind kind_;
  ValueArray* tmp_array_ = nullptr;  // GC-visible merge buffer
  int min_gallop_ = kMinGallop;
  Run runs_[kMaxRuns];
  int nruns_ = 0;

  static int64_t min_run(int64_t n) {
    int64_t r = 0;
    while (n >= 64) {
      r |= n & 1;
      n >>= 1;
    }
    return n + r;
  }

  // x < y on keys: 1, 0, or -1 on error.
  int lt(const T& x, const T& y) {
    Value a = x.k, b = y.k;
    switch (kind_) {
      case KeyKind::SmallInt: return a.as_small_int() < b.as_small_int();
      case KeyKind::Float: return float_of(a) < float_of(b);
      case KeyKind::Str: {
        std::string_view p = as_str(a)->view(), q = as_str(b)->view();
        return p.compare(q) < 0;  // UTF-8 byte order is code point order
      }
      default: return rich_compare_bool(a, b, fe::CompareKind::Lt);
    }
  }

  T* tmp(int64_t need) {
    constexpr int64_t kWords = sizeof(T) / sizeof(Value);
    if (!tmp_array_ || tmp_array_->capacity < need * kWords) {
      tmp_array_ = new_value_array(std::max(need, std::min(n_ / 2 + 1, need * 2)) * kWords);
      if (!tmp_array_) return nullptr;
    }
    return reinterpret_cast<T*>(tmp_array_->items);
  }

  // Length of the run starting at lo (strictly descending runs are reported as such).
  int64_t count_run(int64_t lo, int64_t hi, bool* descending) {
    *descending = false;
    if (lo + 1 == hi) return 1;
    int64_t n = 2;
    int k = lt(a_[lo + 1], a_[lo]);
    if (k < 0) return -1;
    if (k) {
      *descending = true;
      for (int64_t i = lo + 2; i < hi; ++i, ++n) {
        k = lt(a_[i], a_[i - 1]);
        if (k < 0) return -1;
        if (!k) break;
      }
    } else {
      for (int64_t i = lo + 2; i < hi; ++i, ++n) {
        k = lt(a_[i], a_[i - 1]);
        if (k < 0) return -1;
        if (k) break;
      }
    }
    return n;
  }

  // Sorts [lo, hi) of which [lo, start) is already sorted.
  bool binary_insertion(int64_t lo, int64_t hi, int64_t start) {
    for (; start < hi; ++start) {
      T pivot = a_[start];
      int64_t l = lo, r = start;
      while (l < r) {
        int64_t m = l + ((r - l) >> 1);
        int k = lt(pivot, a_[m]);
        if (k < 0) return false;
        if (k) r = m;
        else l = m + 1;
      }
      std::memmove(static_cast<void*>(a_ + l + 1), a_ + l, (start - l) * sizeof(T));
      a_[l] = pivot;
    }
    return true;
  }

  // Where `key` goes in sorted a[0..n): leftmost position (a[k-1] < key <= a[k]).
  int64_t gallop_left(const T& key, T* a, int64_t n, int64_t hint) {
    int64_t lastofs = 0, ofs = 1;
    int k = lt(a[hint], key);
    if (k < 0) return -1;
    if (k) {
      int64_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = lt(a[hint + ofs], key);
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    } else {
      int64_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = lt(a[hint - ofs], key);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    }
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      k = lt(a[m], key);
      if (k < 0) return -1;
      if (k) lastofs = m + 1;
      else ofs = m;
    }
    return ofs;
  }

  // Rightmost position for `key` (a[k-1] <= key < a[k]): equal items stay before it.
  int64_t gallop_right(const T& key, T* a, int64_t n, int64_t hint) {
    int64_t lastofs = 0, ofs = 1;
    int k = lt(key, a[hint]);
    if (k < 0) return -1;
    if (k) {
      int64_t maxofs = hint + 1;
      while (ofs < maxofs) {
        k = lt(key, a[hint - ofs]);
        if (k < 0) return -1;
        if (!k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      int64_t t = lastofs;
      lastofs = hint - ofs;
      ofs = hint - t;
    } else {
      int64_t maxofs = n - hint;
      while (ofs < maxofs) {
        k = lt(key, a[hint + ofs]);
        if (k < 0) return -1;
        if (k) break;
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      if (ofs > maxofs) ofs = maxofs;
      lastofs += hint;
      ofs += hint;
    }
    ++lastofs;
    while (lastofs < ofs) {
      int64_t m = lastofs + ((ofs - lastofs) >> 1);
      k = lt(key, a[m]);
      if (k < 0) return -1;
      if (k) ofs = m;
      else lastofs = m + 1;
    }
    return ofs;
  }

  static void move(T* dst, const T* src, int64_t n) { std::memmove(static_cast<void*>(dst), src, n * sizeof(T)); }

  // Merges adjacent runs [pa, pa+na) and [pb, pb+nb) with na <= nb, A copied out.
  bool merge_lo(T* pa, int64_t na, T* pb, int64_t nb) {
    T* buf = tmp(na);
    if (!buf) return false;
    move(buf, pa, na);
    T* dest = pa;
    pa = buf;
    bool ok = true;
    int min_gallop = min_gallop_;
    *dest++ = *pb++;
    --nb;
    if (nb == 0) goto done;
    if (na == 1) goto copy_b;
    for (;;) {
      int64_t acount = 0, bcount = 0;
      for (;;) {
        int k = lt(*pb, *pa);
        if (k < 0) goto fail;
        if (k) {
          *dest++ = *pb++;
          ++bcount;
          acount = 0;
          if (--nb == 0) goto done;
          if (bcount >= min_gallop) break;
        } else {
          *dest++ = *pa++;
          ++acount;
          bcount = 0;
          if (--na == 1) goto copy_b;
          if (acount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        int64_t k = gallop_right(*pb, pa, na, 0);
        if (k < 0) goto fail;
        acount = k;
        if (k) {
          move(dest, pa, k);
          dest += k;
          pa += k;
          na -= k;
          if (na == 1) goto copy_b;
          if (na == 0) goto done;  // only with inconsistent comparisons
        }
        *dest++ = *pb++;
        if (--nb == 0) goto done;
        k = gallop_left(*pa, pb, nb, 0);
        if (k < 0) goto fail;
        bcount = k;
        if (k) {
          move(dest, pb, k);
          dest += k;
          pb += k;
          nb -= k;
          if (nb == 0) goto done;
        }
        *dest++ = *pa++;
        if (--na == 1) goto copy_b;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  fail:
    ok = false;
  done:
    if (na) move(dest, pa, na);
    return ok;
  copy_b:
    move(dest, pb, nb);
    dest[nb] = *pa;
    return true;
  }

  // Merges with na >= nb, B copied out, from the right.
  bool merge_hi(T* pa, int64_t na, T* pb, int64_t nb) {
    T* buf = tmp(nb);
    if (!buf) return false;
    move(buf, pb, nb);
    T* dest = pb + nb - 1;
    T* basea = pa;
    T* baseb = buf;
    pb = buf + nb - 1;
    pa += na - 1;
    bool ok = true;
    int min_gallop = min_gallop_;
    *dest-- = *pa--;
    --na;
    if (na == 0) goto done;
    if (nb == 1) goto copy_a;
    for (;;) {
      int64_t acount = 0, bcount = 0;
      for (;;) {
        int k = lt(*pb, *pa);
        if (k < 0) goto fail;
        if (k) {
          *dest-- = *pa--;
          ++acount;
          bcount = 0;
          if (--na == 0) goto done;
          if (acount >= min_gallop) break;
        } else {
          *dest-- = *pb--;
          ++bcount;
          acount = 0;
          if (--nb == 1) goto copy_a;
          if (bcount >= min_gallop) break;
        }
      }
      ++min_gallop;
      do {
        min_gallop -= min_gallop > 1;
        min_gallop_ = min_gallop;
        int64_t k = gallop_right(*pb, basea, na, na - 1);
        if (k < 0) goto fail;
        k = na - k;
        acount = k;
        if (k) {
          dest -= k;
          pa -= k;
          move(dest + 1, pa + 1, k);
          na -= k;
          if (na == 0) goto done;
        }
        *dest-- = *pb--;
        if (--nb == 1) goto copy_a;
        k = gallop_left(*pa, baseb, nb, nb - 1);
        if (k < 0) goto fail;
        k = nb - k;
        bcount = k;
        if (k) {
          dest -= k;
          pb -= k;
          move(dest + 1, pb + 1, k);
          nb -= k;
          if (nb == 1) goto copy_a;
          if (nb == 0) goto done;  // only with inconsistent comparisons
        }
        *dest-- = *pa--;
        if (--na == 0) goto done;
      } while (acount >= kMinGallop || bcount >= kMinGallop);
      ++min_gallop;
      min_gallop_ = min_gallop;
    }
  fail:
    ok = false;
  done:
    if (nb) move(dest - (nb - 1), baseb, nb);
    return ok;
  copy_a:
    dest -= na;
    pa -= na;
    move(dest + 1, pa + 1, na);
    *dest = *pb;
    return true;
  }

  bool merge_at(int i) {
    T* pa = a_ + runs_[i].base;
    int64_t na = runs_[i].len;
    T* pb = a_ + runs_[i + 1].base;
    int64_t nb = runs_[i + 1].len;
    runs_[i].len = na + nb;
    if (i == nruns_ - 3) runs_[i + 1] = runs_[i + 2];
    --nruns_;
    // Items of A before B[0]'s place, and of B after A's last, are already in place.
    int64_t k = gallop_right(*pb, pa, na, 0);
    if (k < 0) return false;
    pa += k;
    na -= k;
    if (na == 0) return true;
    nb = gallop_left(pa[na - 1], pb, nb, nb - 1);
    if (nb <= 0) return nb == 0;
    return na <= nb ? merge_lo(pa, na, pb, nb) : merge_hi(pa, na, pb, nb);
  }

  bool merge_collapse() {
    while (nruns_ > 1) {
      int n = nruns_ - 2;
      Run* p = runs_;
      if ((n > 0 && p[n - 1].len <= p[n].len + p[n + 1].len) ||
          (n > 1 && p[n - 2].len <= p[n - 1].len + p[n].len)) {
        if (p[n - 1].len < p[n + 1].len) --n;
      } else if (p[n].len > p[n + 1].len) {
        break;
      }
      if (!merge_at(n)) return false;
    }
    return true;
  }

  bool merge_force_collapse() {
    while (nruns_ > 1) {
      int n = nruns_ - 2;
      if (n > 0 && runs_[n - 1].len < runs_[n + 1].len) --n;
      if (!merge_at(n)) return false;
    }
    return true;
  }
};

KeyKind key_kind(const Value* keys, int64_t n, int64_t stride) {
  if (n == 0) return KeyKind::Generic;
  TypeObject* t = keys[0].is_small_int() ? nullptr : keys[0].as_obj()->type;
  bool all_small = true;
  for (int64_t i = 0; i < n; ++i) {
    Value k = keys[i * stride];
    if (!k.is_small_int()) all_small = false;
    if (t && (k.is_small_int() || k.as_obj()->type != t)) t = nullptr;
    if (!all_small && !t) return KeyKind::Generic;
  }
  if (all_small) return KeyKind::SmallInt;
  if (t == StrType) return KeyKind::Str;
  if (t == FloatType) return KeyKind::Float;
  return KeyKind::Generic;
}

}  // namespace

bool list_sort(ListObject* l, Value key, bool reverse) {
  if (key == None) key = Value();
  ValueArray* saved = l->storage;
  int64_t n = l->size;
  Value* items = saved ? saved->items : nullptr;
  l->storage = nullptr;
  l->size = 0;
  bool ok = true;
  if (!key.is_empty_slot() && n > 0) {
    ValueArray* pairs_array = new_value_array(2 * n);
    if (!pairs_array) {
      ok = false;
    } else {
      auto* pairs = reinterpret_cast<Two*>(pairs_array->items);
      for (int64_t i = 0; i < n; ++i) pairs[i].v = items[i];
      for (int64_t i = 0; ok && i < n; ++i) {
        Value k = call1(key, items[i]);
        if (k.is_empty_slot()) ok = false;
        else pairs[i].k = k;
      }
      if (ok) {
        if (reverse) std::reverse(pairs, pairs + n);
        TimSort<Two> ts(pairs, n, key_kind(&pairs[0].k, n, 2));
        ok = ts.sort();
        if (reverse) std::reverse(pairs, pairs + n);
        for (int64_t i = 0; i < n; ++i) items[i] = pairs[i].v;
      }
    }
  } else if (n > 1) {
    if (reverse) std::reverse(items, items + n);
    TimSort<One> ts(reinterpret_cast<One*>(items), n, key_kind(items, n, 1));
    ok = ts.sort();
    if (reverse) std::reverse(items, items + n);
  }
  bool modified = l->storage != nullptr || l->size != 0;
  l->storage = saved;
  l->size = n;
  if (modified && ok) {
    raise_msg(ValueErrorType, "list modified during sort");
    return false;
  }
  return ok;
}

}  // namespace coil::rt
