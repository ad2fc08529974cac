// exception_group.h — BaseExceptionGroup / ExceptionGroup (PEP 654) and the two steps of
// `except*` the interpreter delegates here: matching a clause and merging what the clauses
// raised into the exception that leaves the try statement.
#pragma once

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/frame.h"

namespace coil::rt {

// Every (Base)ExceptionGroup instance, subclasses included.
struct ExceptionGroupObject : ExceptionObject {
  Value message;   // str
  Value excs;      // tuple of exceptions, never empty
};

inline bool is_exception_group(Value v) {
  return is_exception(v) && is_subtype(type_of(v), BaseExceptionGroupType);
}
inline TupleObject* group_exceptions(Value eg) {
  return reinterpret_cast<TupleObject*>(static_cast<ExceptionGroupObject*>(eg.as_obj())->excs.as_obj());
}

// str(eg): "message (N sub-exceptions)".
Value exception_group_str(Value eg);
// CheckEgMatch: validates the clause's type(s), then splits `exc` by them. *match is None
// when nothing matched; otherwise *rest is what is left (None when everything matched). A
// naked exception that matches is wrapped in ExceptionGroup("", (exc,)) (no traceback, as
// in 3.11). False with an exception pending.
bool except_star_match(Value exc, Value type, Value* match, Value* rest);
// PrepReraiseStar: what leaves the try: None, the re-raised part of `orig`, or a new group
// of the raised exceptions plus that part. `excs` is the list the clauses filled.
Value prep_reraise_star(Value orig, Value excs);

void init_exception_group();

}  // namespace coil::rt
