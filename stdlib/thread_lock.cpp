// thread_lock.cpp — `_thread.lock` and `_thread.RLock`: binary POSIX semaphores (a waiting
// sem_wait returns EINTR on a signal, unlike a condition variable, so Ctrl-C interrupts a
// blocked acquire), waited on with the GIL released.
#include "stdlib/thread_module.h"

#include <pthread.h>

#include <cerrno>
#include <cmath>
#include <ctime>

#include "runtime/abstract.h"
#include "runtime/bigint.h"
#include "runtime/builtin_types.h"
#include "runtime/eval_breaker.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/typeobject.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

constexpr double kTimeoutMax = 9223372036.0;  // CPython's TIMEOUT_MAX on Linux (seconds)

struct LockObject : Object {
  sem_t sem;  // 1: unlocked
};

struct RLockObject : Object {
  sem_t sem;
  uint64_t owner;  // get_ident() of the owner, 0: none
  uint64_t count;
};

TypeObject* g_lock_type = nullptr;
TypeObject* g_rlock_type = nullptr;

LockObject* as_lock(Value v) { return static_cast<LockObject*>(v.as_obj()); }
RLockObject* as_rlock(Value v) { return static_cast<RLockObject*>(v.as_obj()); }

bool sem_locked(sem_t* s) {
  int v = 0;
  sem_getvalue(s, &v);
  return v <= 0;
}

timespec deadline_after(double seconds) {
  timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  double whole = std::floor(seconds);
  long nsec = now.tv_nsec + static_cast<long>((seconds - whole) * 1e9);
  timespec d{now.tv_sec + static_cast<time_t>(whole) + nsec / 1000000000L, nsec % 1000000000L};
  return d;
}

// An int that fits 64 unsigned bits (thread idents, counts); false with OverflowError.
bool int_to_uint64(Value v, uint64_t* out) {
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  if (!int_to_bigint(v).to_uint64(out)) {
    raise_msg(OverflowErrorType, "Python int too large to convert to C unsigned long");
    return false;
  }
  return true;
}

std::string address_of(Value v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(v.as_obj()));
  return buf;
}

// --- lock ----------------------------------------------------------------------------------

Value lock_acquire(Value* args, int64_t nargs, TupleObject* kwnames) {
  double timeout;
  if (!parse_acquire_args("acquire", args + 1, nargs - 1, kwnames, &timeout)) return Value();
  LockWait r = acquire_semaphore(&as_lock(args[0])->sem, timeout);
  if (r == LockWait::Failed) return Value();
  return bool_value(r == LockWait::Acquired);
}

Value lock_enter(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("__enter__", nargs - 1, kwnames, 0, 0)) return Value();
  LockWait r = acquire_semaphore(&as_lock(args[0])->sem, -1);
  if (r == LockWait::Failed) return Value();
  return True;
}

Value lock_release(Value* args, int64_t, TupleObject*) {
  LockObject* l = as_lock(args[0]);
  if (!sem_locked(&l->sem)) return raise_msg(RuntimeErrorType, "release unlocked lock");
  sem_post(&l->sem);
  return None;
}

Value lock_locked(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("locked", nargs - 1, kwnames, 0, 0)) return Value();
  return bool_value(sem_locked(&as_lock(args[0])->sem));
}

Value lock_at_fork_reinit(Value* args, int64_t, TupleObject*) {
  sem_init(&as_lock(args[0])->sem, 0, 1);
  return None;
}

Value lock_repr(Value* args, int64_t, TupleObject*) {
  LockObject* l = as_lock(args[0]);
  return str_value(std::string("<") + (sem_locked(&l->sem) ? "locked" : "unlocked") + " _thread.lock object at " +
                   address_of(args[0]) + ">");
}

Value lock_new(Value*, int64_t, TupleObject*) {
  return raise_msg(TypeErrorType, "cannot create '_thread.lock' instances");
}

const NativeMethodDef kLockMethods[] = {
    {"__new__", lock_new, NativeMethodDef::Kind::StaticMethod},
    {"acquire", lock_acquire},
    {"acquire_lock", lock_acquire},
    {"release", lock_release},
    {"release_lock", lock_release},
    {"locked", lock_locked},
    {"locked_lock", lock_locked},
    {"__enter__", lock_enter},
    {"__exit__", lock_release},
    {"_at_fork_reinit", lock_at_fork_reinit},
    {"__repr__", lock_repr},
};

// --- RLock ---------------------------------------------------------------------------------

Value rlock_new(Value* args, int64_t nargs, TupleObject*) {
  TypeObject* cls = check_new_cls(g_rlock_type, args, nargs);
  if (!cls) return Value();
  Object* o = new_instance(cls);
  if (!o) return Value();
  sem_init(&static_cast<RLockObject*>(o)->sem, 0, 1);
  return Value::from_obj(o);
}

// Acquires r for the calling thread; Acquired / TimedOut / Failed.
LockWait rlock_take(RLockObject* r, double timeout) {
  uint64_t me = current_thread_ident();
  if (r->count > 0 && r->owner == me) {
    ++r->count;
    return LockWait::Acquired;
  }
  LockWait w = acquire_semaphore(&r->sem, timeout);
  if (w == LockWait::Acquired) {
    r->owner = me;
    r->count = 1;
  }
  return w;
}

Value rlock_acquire(Value* args, int64_t nargs, TupleObject* kwnames) {
  double timeout;
  if (!parse_acquire_args("acquire", args + 1, nargs - 1, kwnames, &timeout)) return Value();
  LockWait w = rlock_take(as_rlock(args[0]), timeout);
  if (w == LockWait::Failed) return Value();
  return bool_value(w == LockWait::Acquired);
}

Value rlock_enter(Value* args, int64_t, TupleObject*) {
  LockWait w = rlock_take(as_rlock(args[0]), -1);
  if (w == LockWait::Failed) return Value();
  return True;
}

Value rlock_release(Value* args, int64_t, TupleObject*) {
  RLockObject* r = as_rlock(args[0]);
  if (r->count == 0 || r->owner != current_thread_ident())
    return raise_msg(RuntimeErrorType, "cannot release un-acquired lock");
  if (--r->count == 0) {
    r->owner = 0;
    sem_post(&r->sem);
  }
  return None;
}

Value rlock_is_owned(Value* args, int64_t, TupleObject*) {
  RLockObject* r = as_rlock(args[0]);
  return bool_value(r->count > 0 && r->owner == current_thread_ident());
}

// Releases the lock completely (Condition.wait); returns (count, owner) for _acquire_restore.
Value rlock_release_save(Value* args, int64_t, TupleObject*) {
  RLockObject* r = as_rlock(args[0]);
  if (r->count == 0) return raise_msg(RuntimeErrorType, "cannot release un-acquired lock");
  TupleObject* state = tuple_of({int_from_uint64(r->count), int_from_uint64(r->owner)});
  if (!state) return Value();
  r->count = 0;
  r->owner = 0;
  sem_post(&r->sem);
  return Value::from_obj(state);
}

Value rlock_acquire_restore(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_acquire_restore", nargs - 1, kwnames, 1, 1)) return Value();
  Value state = args[1];
  if (!is_tuple(state))
    return raise_fmt(TypeErrorType, "_acquire_restore() argument 1 must be 2-item sequence, not %s", type_name(state));
  if (as_tuple(state)->size != 2)
    return raise_fmt(TypeErrorType, "_acquire_restore() argument 1 must be sequence of length 2, not %lld",
                     static_cast<long long>(as_tuple(state)->size));
  for (int i = 0; i < 2; ++i)
    if (!is_int(as_tuple(state)->items[i]))
      return raise_fmt(TypeErrorType, "_acquire_restore() argument 1, item %d must be int, not %s", i,
                       type_name(as_tuple(state)->items[i]));
  uint64_t count, owner;
  if (!int_to_uint64(as_tuple(state)->items[0], &count) || !int_to_uint64(as_tuple(state)->items[1], &owner))
    return Value();
  RLockObject* r = as_rlock(args[0]);
  if (acquire_semaphore(&r->sem, -1) == LockWait::Failed) return Value();
  r->owner = owner;
  r->count = count;
  return None;
}

Value rlock_at_fork_reinit(Value* args, int64_t, TupleObject*) {
  RLockObject* r = as_rlock(args[0]);
  sem_init(&r->sem, 0, 1);
  r->owner = 0;
  r->count = 0;
  return None;
}

Value rlock_repr(Value* args, int64_t, TupleObject*) {
  RLockObject* r = as_rlock(args[0]);
  std::string type_name_s = r->type->name;  // tp_name: the class name for subclasses
  return str_value(std::string("<") + (r->count ? "locked " : "unlocked ") + type_name_s +
                   " object owner=" + std::to_string(r->count ? r->owner : 0) + " count=" + std::to_string(r->count) +
                   " at " + address_of(args[0]) + ">");
}

const NativeMethodDef kRLockMethods[] = {
    {"__new__", rlock_new, NativeMethodDef::Kind::StaticMethod},
    {"acquire", rlock_acquire},
    {"release", rlock_release},
    {"__enter__", rlock_enter},
    {"__exit__", rlock_release},
    {"_is_owned", rlock_is_owned},
    {"_release_save", rlock_release_save},
    {"_acquire_restore", rlock_acquire_restore},
    {"_at_fork_reinit", rlock_at_fork_reinit},
    {"__repr__", rlock_repr},
};

}  // namespace

uint64_t current_thread_ident() { return static_cast<uint64_t>(pthread_self()); }

LockWait acquire_semaphore(sem_t* sem, double timeout) {
  if (sem_trywait(sem) == 0) return LockWait::Acquired;
  if (timeout == 0) return LockWait::TimedOut;
  timespec deadline = timeout > 0 ? deadline_after(timeout) : timespec{};
  for (;;) {
    int rc = 0, err = 0;
    without_gil([&] {
      rc = timeout > 0 ? sem_clockwait(sem, CLOCK_MONOTONIC, &deadline) : sem_wait(sem);
      err = rc ? errno : 0;
    });
    if (rc == 0) return LockWait::Acquired;
    if (err == ETIMEDOUT) return LockWait::TimedOut;
    if (err != EINTR) {
      errno = err;
      raise_msg(RuntimeErrorType, "lock acquire failed");
      return LockWait::Failed;
    }
    // A signal: run its handler (main thread) and wait on with the time left.
    if (eval_breaker_set() && !handle_eval_breaker()) return LockWait::Failed;
    if (sem_trywait(sem) == 0) return LockWait::Acquired;
  }
}

bool parse_acquire_args(const char* fname, Value* args, int64_t nargs, TupleObject* kwnames, double* timeout) {
  int64_t nkw = kwnames ? kwnames->size : 0;
  if (nargs + nkw > 2)
    return raise_fmt(TypeErrorType, "%s() takes at most 2 arguments (%lld given)", fname,
                     static_cast<long long>(nargs + nkw)),
           false;
  Value outs[2];
  for (int64_t i = 0; i < nargs; ++i) outs[i] = args[i];
  for (int64_t i = 0; i < nkw; ++i) {
    std::string_view k = as_str(kwnames->items[i])->view();
    int slot = k == "blocking" ? 0 : k == "timeout" ? 1 : -1;
    if (slot < 0) {
      raise_fmt(TypeErrorType, "'%s' is an invalid keyword argument for %s()", std::string(k).c_str(), fname);
      return false;
    }
    if (!outs[slot].is_empty_slot()) {
      raise_fmt(TypeErrorType, "argument for %s() given by name ('%s') and position (%d)", fname,
                std::string(k).c_str(), slot + 1);
      return false;
    }
    outs[slot] = args[nargs + i];
  }
  bool blocking = true;
  if (!outs[0].is_empty_slot()) {
    int t = is_true(outs[0]);
    if (t < 0) return false;
    blocking = t;
  }
  double t = -1;
  if (!outs[1].is_empty_slot()) {
    if (!is_int(outs[1]) && !is_float(outs[1])) {
      raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(outs[1]));
      return false;
    }
    if (!to_double(outs[1], &t)) return false;
  }
  if (!blocking && t != -1) {
    raise_msg(ValueErrorType, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (t < 0 && t != -1) {
    raise_msg(ValueErrorType, "timeout value must be positive");
    return false;
  }
  if (t * 1e9 >= 9223372036854775808.0) {  // does not fit CPython's nanosecond _PyTime_t
    raise_msg(OverflowErrorType, "timestamp too large to convert to C _PyTime_t");
    return false;
  }
  if (t > kTimeoutMax) {
    raise_msg(OverflowErrorType, "timeout value is too large");
    return false;
  }
  *timeout = blocking ? t : 0;
  return true;
}

Value new_lock() {
  Object* o = new_instance(g_lock_type);
  if (!o) return Value();
  sem_init(&static_cast<LockObject*>(o)->sem, 0, 1);
  return Value::from_obj(o);
}

void release_sentinel_lock(Value lock) {
  LockObject* l = as_lock(lock);
  if (sem_locked(&l->sem)) sem_post(&l->sem);
}

bool add_lock_types(ModuleObject* m) {
  if (!g_lock_type) {
    g_lock_type = make_native_type("_thread.lock", sizeof(LockObject), nullptr, false);
    add_methods(g_lock_type, kLockMethods);
    g_rlock_type = make_native_type("_thread.RLock", sizeof(RLockObject), nullptr, true);
    add_methods(g_rlock_type, kRLockMethods);
  }
  return module_add(m, "LockType", Value::from_obj(g_lock_type)) &&
         module_add(m, "RLock", Value::from_obj(g_rlock_type)) && module_add(m, "TIMEOUT_MAX", float_value(kTimeoutMax));
}

}  // namespace coil::lib
