// csv_module.h — what the _csv module's files share: the Dialect object (validated formatting
// parameters), building one from a dialect argument and keywords, and the module's state.
#pragma once

#include <cstdint>

#include "runtime/native_module.h"
#include "runtime/typeobject.h"

namespace coil::lib::csv {

// A character parameter that is not set (quotechar/escapechar None); never equals a code point.
constexpr int32_t kNotSet = -1;

enum class Quoting : int32_t { Minimal = 0, All = 1, NonNumeric = 2, None = 3 };

struct DialectObject : rt::Object {
  int32_t delimiter;
  int32_t quotechar;   // kNotSet when None
  int32_t escapechar;  // kNotSet when None
  Quoting quoting;
  bool doublequote;
  bool skipinitialspace;
  bool strict;
  rt::Value lineterminator;  // a str
};

// The Dialect(dialect, **fmtparams) of reader()/writer(): `dialect` (empty: not given, so the
// defaults, which are excel's) may be a registered name, a Dialect (reused when no keywords are given), or any
// object whose attributes supply the parameters; keywords override them. Null with an exception.
DialectObject* make_dialect(rt::Value dialect, rt::Value* kwvalues, rt::TupleObject* kwnames);

rt::TypeObject* error_type();  // _csv.Error
int64_t field_limit();         // field_size_limit()

// The reader and writer types and their factory functions (csv_io.cpp).
void init_reader_writer_types();
rt::TypeObject* reader_type();
rt::TypeObject* writer_type();
rt::Value csv_reader(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value csv_writer(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);

}  // namespace coil::lib::csv
