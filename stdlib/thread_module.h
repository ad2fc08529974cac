// thread_module.h — what the files of the `_thread` module share: the lock types (lock, RLock)
// with the blocking acquire that releases the GIL, and thread-local objects (_local).
#pragma once

#include <semaphore.h>

#include "runtime/value.h"

namespace coil::rt {
struct ModuleObject;
struct TupleObject;
struct TypeObject;
}  // namespace coil::rt

namespace coil::lib {

enum class LockWait { Acquired, TimedOut, Failed };

// Waits for the binary semaphore with the GIL released; timeout in seconds, negative: forever,
// zero: just try. Signals interrupt the wait: their handlers run (main thread) and the wait
// goes on with the time left. Failed: an exception (from a handler) is pending.
LockWait acquire_semaphore(sem_t* sem, double timeout);

// Parses acquire(blocking=True, timeout=-1) with CPython's checks; *timeout: -1 forever, else
// seconds (0 when not blocking).
bool parse_acquire_args(const char* fname, rt::Value* args, int64_t nargs, rt::TupleObject* kwnames,
                        double* timeout);

// A new unlocked `_thread.lock` (allocate_lock); empty with MemoryError.
rt::Value new_lock();
// Releases a lock held by _set_sentinel (no error when unlocked).
void release_sentinel_lock(rt::Value lock);
// Adds LockType, RLock and their aliases to the module.
bool add_lock_types(rt::ModuleObject* m);

// get_ident(): the pthread id of the calling thread.
uint64_t current_thread_ident();

// Adds _local to the module.
bool add_local_type(rt::ModuleObject* m);
// Drops the calling thread's attribute dicts from every _local (the thread is ending).
void clear_thread_locals();

}  // namespace coil::lib
