// iterators.h — iterators of the built-in sequences and the range type.
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

struct SeqIterObject : Object {
  Value seq;        // the list / tuple / str / sequence being iterated (empty when exhausted)
  int64_t index;    // next index (for str: next byte offset)
};

struct RangeObject : Object {
  Value start, stop, step, length;  // ints
};

struct RangeIterObject : Object {
  int64_t next, step, remaining;
  int64_t len;  // items in all: the index for pickling is len - remaining
};

// Iterator over a range whose bounds do not fit in 64 bits (CPython's longrange_iterator).
struct LongRangeIterObject : Object {
  Value next, step, remaining;
  Value start, len;  // ints, for pickling (__reduce__ / __setstate__)
};

// iter(callable, sentinel); callable is empty once the sentinel was seen.
struct CallableIterObject : Object {
  Value callable, sentinel;
};

Value new_range(Value start, Value stop, Value step);
// The iterator of a range whose bounds do not fit in 64 bits.
Value new_long_range_iter(RangeObject* r);
// range[index] and range[slice].
Value range_subscript(Value range, Value key);
// iter(callable, sentinel).
Value new_callable_iterator(Value callable, Value sentinel);  // empty with ValueError/TypeError pending
// Is `v` one of the native iterator types (no __next__ in its dict needed)?
bool is_native_iterator(Value v);
void init_iterator_types();

}  // namespace coil::rt
