// bisect_module.cpp — _bisect: binary search over any sequence (bisect_left/right) and insertion
// keeping it sorted (insort_left/right), with the optional key function of 3.10+; the probes and
// comparisons are the ones bisect.py makes, so user __lt__/__getitem__ see the same calls.
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// A Py_ssize_t argument: an int or an object with __index__. CPython's two converters word
// overflow differently (lo: "too large to convert", hi: "cannot fit").
bool ssize_arg(Value v, int64_t* out, const char* overflow_msg) {
  Value i = index(v);
  if (i.is_empty_slot()) return false;
  bool overflow = false;
  if (!as_int64(i, out, &overflow)) return false;
  if (overflow) {
    raise_msg(OverflowErrorType, overflow_msg);
    return false;
  }
  return true;
}

struct BisectArgs {
  Value a, x, key;
  int64_t lo = 0, hi = -1;  // hi -1 (or None): len(a)
};

// (a, x, lo=0, hi=None, *, key=None) with Argument Clinic's messages.
bool parse_bisect(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames, BisectArgs* out) {
  Value v[5];
  if (!parse_args(fname, args, nargs, kwnames, {"a", "x", "lo", "hi", "key"}, 2, v, 4)) return false;
  out->a = v[0];
  out->x = v[1];
  if (!v[2].is_empty_slot() && !ssize_arg(v[2], &out->lo, "Python int too large to convert to C ssize_t")) return false;
  if (!v[3].is_empty_slot() && v[3] != None) {
    if (!is_int(v[3]) && type_lookup(type_of(v[3]), intern("__index__")).is_empty_slot()) {
      raise_fmt(TypeErrorType, "argument should be integer or None, not '%s'", type_name(v[3]));
      return false;
    }
    if (!ssize_arg(v[3], &out->hi, "cannot fit 'int' into an index-sized integer")) return false;
  }
  out->key = v[4].is_empty_slot() ? None : v[4];
  if (out->lo < 0) {
    raise_msg(ValueErrorType, "lo must be non-negative");
    return false;
  }
  return true;
}

// The insertion point of x in a[lo:hi]: before equal items (left) or after them (right).
// `x` is already the key when a key function is given. -1 on error.
template <bool kRight>
int64_t search(const BisectArgs& b, Value x) {
  int64_t lo = b.lo, hi = b.hi;
  if (hi == -1) {
    hi = length(b.a);
    if (hi < 0) return -1;
  }
  while (lo < hi) {
    int64_t mid = static_cast<int64_t>((static_cast<uint64_t>(lo) + static_cast<uint64_t>(hi)) / 2);
    Value item;
    if (is_list(b.a) && mid < as_list(b.a)->size && b.a.as_obj()->type == ListType)
      item = as_list(b.a)->items()[mid];
    else
      item = get_item(b.a, Value::from_small_int(mid));
    if (item.is_empty_slot()) return -1;
    if (b.key != None) {
      item = call1(b.key, item);
      if (item.is_empty_slot()) return -1;
    }
    int lt = kRight ? rich_compare_bool(x, item, fe::CompareKind::Lt) : rich_compare_bool(item, x, fe::CompareKind::Lt);
    if (lt < 0) return -1;
    if (kRight ? lt : !lt)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

template <bool kRight>
Value bisect_impl(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames) {
  BisectArgs b;
  if (!parse_bisect(fname, args, nargs, kwnames, &b)) return Value();
  int64_t i = search<kRight>(b, b.x);
  return i < 0 ? Value() : int_from_int64(i);
}

template <bool kRight>
Value insort_impl(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames) {
  BisectArgs b;
  if (!parse_bisect(fname, args, nargs, kwnames, &b)) return Value();
  Value x = b.x;
  if (b.key != None) {
    x = call1(b.key, x);
    if (x.is_empty_slot()) return Value();
  }
  int64_t i = search<kRight>(b, x);
  if (i < 0) return Value();
  Value insert_args[2] = {int_from_int64(i), b.x};
  return call_method(b.a, intern("insert"), insert_args, 2).is_empty_slot() ? Value() : None;
}

Value bisect_left(Value* args, int64_t nargs, TupleObject* kwnames) {
  return bisect_impl<false>("bisect_left", args, nargs, kwnames);
}
Value bisect_right(Value* args, int64_t nargs, TupleObject* kwnames) {
  return bisect_impl<true>("bisect_right", args, nargs, kwnames);
}
Value insort_left(Value* args, int64_t nargs, TupleObject* kwnames) {
  return insort_impl<false>("insort_left", args, nargs, kwnames);
}
Value insort_right(Value* args, int64_t nargs, TupleObject* kwnames) {
  return insort_impl<true>("insort_right", args, nargs, kwnames);
}

const NativeFunctionDef kBisectFunctions[] = {
    {"bisect_right", bisect_right,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e <= x, and all e in\n"
     "a[i:] have e > x.  So if x already appears in the list, i points just\n"
     "beyond the rightmost x already there\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {"insort_right", insort_right,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the right of the rightmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {"bisect_left", bisect_left,
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e < x, and all e in\n"
     "a[i:] have e >= x.  So if x already appears in the list, i points just\n"
     "before the leftmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {"insort_left", insort_left,
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the left of the leftmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
};

const char kBisectDoc[] =
    "Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\n"
    "having to sort the list after each insertion. For long lists of items with\n"
    "expensive comparison operations, this can be an improvement over the more\ncommon approach.\n";

bool init_bisect(ModuleObject* m) { return module_add(m, "__doc__", str_value(kBisectDoc)); }

}  // namespace

extern const NativeModuleDef kBisectModule;
const NativeModuleDef kBisectModule = {"_bisect", kBisectFunctions, std::size(kBisectFunctions), init_bisect};

}  // namespace coil::lib
