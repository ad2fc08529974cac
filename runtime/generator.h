// generator.h — generator objects: a suspended frame, resumed in place by the interpreter.
#pragma once

#include "runtime/frame.h"

namespace coil::rt {

struct GeneratorObject : Object {
  StrObject* name;
  StrObject* qualname;
  bool running;
  bool finished;
  bool started;
  Value yield_from;     // the iterator being delegated to (for gi_yieldfrom), or empty
  Frame frame;          // must be last: its slots follow in the same allocation
};

// Makes a generator (or coroutine) owning a copy of `f` (which is then discarded).
Value make_generator(Frame* f);
// Resumes with `value` sent (or `exc` thrown when not empty). Returns the yielded value, or
// the return value with *returned set, or empty with an exception pending.
Value gen_resume(GeneratorObject* g, Value value, Value exc, bool* returned);
// generator.__next__ semantics: StopIteration(value) when the generator returns.
Value gen_send(Value gen, Value value);

// The awaitable behind `await v` (GetAwaitable): a coroutine itself, or v.__await__();
// `where` 1/2 names __aenter__/__aexit__ in the error messages.
Value get_awaitable(Value v, int where);

void init_generator_type();

}  // namespace coil::rt
