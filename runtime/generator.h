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
  // Async generators only (PEP 525): an asend/athrow is driving the generator; aclose()
  // ran or the generator ended; sys.get_asyncgen_hooks() was consulted on first use.
  bool running_async;
  bool closed;
  bool hooks_inited;
  Value finalizer;      // the finalizer hook captured on first use, or empty
  Value origin;         // coroutines: cr_origin when origin tracking was on, or empty
  Value exc_state;      // the exception handled inside while suspended (empty: none)
  Frame frame;          // must be last: its slots follow in the same allocation
};

// Makes a generator (or coroutine) owning a copy of `f` (which is then discarded).
Value make_generator(Frame* f);
// Resumes with `value` sent (or `exc` thrown when not empty). Returns the yielded value, or
// the return value with *returned set, or empty with an exception pending.
Value gen_resume(GeneratorObject* g, Value value, Value exc, bool* returned);
// Throws `exc` into g, first into the object it delegates to (yield from / await) as
// CPython's gen.throw does. Same outcome convention as gen_resume.
Value gen_throw_raw(GeneratorObject* g, Value exc, bool* returned);
// The exception `throw(typ[, val[, tb]])` raises (targs = typ, val, tb; n = 1..3), with
// CPython's checks and messages (empty, with the error pending, when they fail). When calling
// the class fails, the error it raised is returned: that is what gets thrown in.
Value thrown_exception(Value* targs, int64_t n);
// gen.close(): GeneratorExit thrown in; "generator ignored GeneratorExit" if it yields.
Value gen_close(GeneratorObject* g);
// generator.__next__ semantics: StopIteration(value) when the generator returns.
Value gen_send(Value gen, Value value);

// The awaitable behind `await v` (GetAwaitable): a coroutine itself, or v.__await__();
// `where` 1/2 names __aenter__/__aexit__ in the error messages.
Value get_awaitable(Value v, int where);

// The value `yield v` produces inside an async generator (AsyncGenWrap): asend/athrow
// unwrap it into StopIteration(v); anything else they see was yielded by an inner await.
Value async_gen_wrap(Value v);

// sys.set_coroutine_origin_tracking_depth / get_...: frames recorded in a new coroutine's
// cr_origin (0: none).
void set_coroutine_origin_depth(int64_t depth);
int64_t coroutine_origin_depth();
// sys.get_asyncgen_hooks()'s firstiter (or finalizer): empty when unset.
Value async_gen_hooks(bool finalizer);
// sys.set_asyncgen_hooks(): None clears a hook.
void set_async_gen_hooks(Value firstiter, Value finalizer);

void init_generator_type();
void init_async_generator_types();

}  // namespace coil::rt
