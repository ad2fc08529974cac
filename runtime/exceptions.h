// exceptions.h — exception objects, the built-in exception classes, and raising.
//
// Convention for every runtime function that can fail: it returns an empty Value (or null
// pointer, or false/-1 as its header says) after setting the thread's pending exception
// with one of the raise_* functions below. The interpreter then unwinds to a handler.
#pragma once

#include <string>
#include <string_view>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct DictObject;
struct TupleObject;

// Every exception instance: BaseException's fields; class-specific attributes
// (SystemExit.code, OSError.errno, ...) live in the instance dict.
struct ExceptionObject : Object {
  DictObject* dict;
  TupleObject* args;
  Value traceback;        // None or a traceback object
  Value cause;            // None or an exception
  Value context;          // None or an exception
  bool suppress_context;
  Value notes;            // empty: no __notes__ yet
};

#define EXC(Name, Base) extern TypeObject* Name##Type;
#define EXC2(Name, Base1, Base2) extern TypeObject* Name##Type;
#include "runtime/exceptions.def"

inline bool is_exception(Value v) {
  return v.is_obj() && has(v.as_obj()->type, TypeFlag::BaseExcSubclass);
}
inline ExceptionObject* as_exception(Value v) { return static_cast<ExceptionObject*>(v.as_obj()); }

// Sets the class-specific attributes (SystemExit.code, StopIteration.value, OSError.errno,
// ...) from `args`, as the exception classes' __init__ do.
bool init_special(ExceptionObject* e, TupleObject* args);
// Creates an instance of exception class `type` with the given args (no raising).
ExceptionObject* new_exception(TypeObject* type, TupleObject* args);

// Sets the pending exception. All return an empty Value so `return raise_...(...)` works.
Value raise(Value exc);                                           // exc instance
Value raise_msg(TypeObject* type, std::string_view message);     // type(message)
Value raise_fmt(TypeObject* type, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
Value raise_memory_error();
// Calls an exception class (with args) or uses an instance; TypeError if neither.
Value raise_object(Value type_or_instance);

// The pending exception, or an empty Value.
Value pending_exception();
bool has_pending_exception();
// Takes the pending exception out (clears it).
Value take_exception();
void clear_exception();
// True if the pending exception is an instance of `type` (or a subclass).
bool pending_matches(TypeObject* type);

// str(exc) and repr(exc) of BaseException (KeyError, OSError, SyntaxError special cases).
Value exception_str(Value exc);
Value exception_repr(Value exc);

// Type name for messages ("'int' object ..."): the type's __name__.
const char* type_name(Value v);

void init_exception_types();

}  // namespace coil::rt
