// multiprocessing_module.cpp — _multiprocessing: SemLock, the POSIX named semaphore behind
// multiprocessing's Lock/RLock/Semaphore/Condition/Event (shared with forked or spawned children
// by name), sem_unlink and `flags`. Waiting releases the GIL and lets signal handlers run.
#include <fcntl.h>
#include <semaphore.h>

#include <cerrno>
#include <cmath>
#include <climits>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"
#include "stdlib/thread_module.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

enum class SemKind : int64_t { RecursiveMutex = 0, Semaphore = 1 };

struct SemLockObject : Object {
  sem_t* handle;     // SEM_FAILED: not open (closed when collected)
  SemKind kind;
  int64_t maxvalue;
  int64_t count;     // acquisitions by the owning thread (recursive) or by this process
  uint64_t last_tid; // the thread that acquired last
  Value name;        // str or None
};

TypeObject* g_semlock_type = nullptr;

SemLockObject* S(Value v) { return static_cast<SemLockObject*>(v.as_obj()); }

void visit_semlock(Object* self, Visitor& vis) { vis.visit(static_cast<SemLockObject*>(self)->name); }

void finalize_semlock(Object* self) {
  auto* s = static_cast<SemLockObject*>(self);
  if (s->handle && s->handle != SEM_FAILED) sem_close(s->handle);
  s->handle = SEM_FAILED;
}

bool is_mine(const SemLockObject* s) { return s->count > 0 && s->last_tid == current_thread_ident(); }

Value make_semlock(TypeObject* type, sem_t* handle, SemKind kind, int64_t maxvalue, Value name) {
  auto* s = static_cast<SemLockObject*>(new_instance(type));
  if (!s) {
    sem_close(handle);
    return Value();
  }
  s->handle = handle;
  s->kind = kind;
  s->maxvalue = maxvalue;
  s->count = 0;
  s->last_tid = 0;
  s->name = name;
  return Value::from_obj(s);
}

bool int_param(Value v, int64_t* out) {
  if (!is_int(v)) {
    raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(v));
    return false;
  }
  if (!int_to_int64(v, out) || *out < INT_MIN || *out > INT_MAX) {
    clear_exception();
    raise_msg(OverflowErrorType, "Python int too large to convert to C int");
    return false;
  }
  return true;
}

// SemLock(kind, value, maxvalue, name, unlink)
Value semlock_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  TypeObject* cls = check_new_cls(g_semlock_type, args, nargs);
  if (!cls) return Value();
  Value a[5];
  if (!parse_args("SemLock", args + 1, nargs - 1, kwnames, {"kind", "value", "maxvalue", "name", "unlink"}, 5, a))
    return Value();
  int64_t kind, value, maxvalue;
  if (!int_param(a[0], &kind) || !int_param(a[1], &value) || !int_param(a[2], &maxvalue)) return Value();
  if (kind != 0 && kind != 1) return raise_msg(ValueErrorType, "unrecognized kind");
  if (!is_str(a[3]))
    return raise_fmt(TypeErrorType, "SemLock() argument 'name' must be str, not %s", type_name(a[3]));
  int unlink = is_true(a[4]);
  if (unlink < 0) return Value();
  if (value < 0 || value > SEM_VALUE_MAX) return raise_errno(OSErrorType, EINVAL);
  const char* name = as_str(a[3])->data;
  sem_t* handle = sem_open(name, O_CREAT | O_EXCL, 0600, static_cast<unsigned>(value));
  if (handle == SEM_FAILED) return raise_errno(OSErrorType, errno);
  if (unlink && sem_unlink(name) < 0) {
    int err = errno;
    sem_close(handle);
    return raise_errno(OSErrorType, err);
  }
  return make_semlock(cls, handle, static_cast<SemKind>(kind), maxvalue, unlink ? None : a[3]);
}

// acquire(block=True, timeout=None): True once acquired, False when the time ran out.
Value semlock_acquire(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("acquire", args + 1, nargs - 1, kwnames, {"block", "timeout"}, 0, a)) return Value();
  SemLockObject* s = S(args[0]);
  bool block = true;
  if (!a[0].is_empty_slot()) {
    int t = is_true(a[0]);
    if (t < 0) return Value();
    block = t;
  }
  if (s->kind == SemKind::RecursiveMutex && is_mine(s)) {
    ++s->count;
    return True;
  }
  double timeout = -1;  // forever
  if (!block) {
    timeout = 0;
  } else if (!a[1].is_empty_slot() && a[1] != None) {
    Value f = call1(Value::from_obj(FloatType), a[1]);
    if (f.is_empty_slot()) return Value();
    timeout = std::max(0.0, float_of(f));
  }
  switch (acquire_semaphore(s->handle, timeout)) {
    case LockWait::Failed: return Value();
    case LockWait::TimedOut: return False;
    case LockWait::Acquired: break;
  }
  ++s->count;
  s->last_tid = current_thread_ident();
  return True;
}

Value semlock_release(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("release", kwnames) || !check_positional("release", nargs - 1, 0, 0)) return Value();
  SemLockObject* s = S(args[0]);
  if (s->kind == SemKind::RecursiveMutex) {
    if (!is_mine(s))
      return raise_msg(AssertionErrorType, "attempt to release recursive lock not owned by thread");
    if (s->count > 1) {
      --s->count;
      return None;
    }
  } else {
    int sval = 0;
    if (sem_getvalue(s->handle, &sval) < 0) return raise_errno(OSErrorType, errno);
    if (sval >= s->maxvalue) return raise_msg(ValueErrorType, "semaphore or lock released too many times");
  }
  if (sem_post(s->handle) < 0) return raise_errno(OSErrorType, errno);
  --s->count;
  return None;
}

Value semlock_exit(Value* args, int64_t, TupleObject*) {
  Value self = args[0];
  return semlock_release(&self, 1, nullptr);
}

Value semlock_count(Value* args, int64_t, TupleObject*) { return int_from_int64(S(args[0])->count); }
Value semlock_is_mine(Value* args, int64_t, TupleObject*) { return is_mine(S(args[0])) ? True : False; }

Value semlock_get_value(Value* args, int64_t, TupleObject*) {
  int sval = 0;
  if (sem_getvalue(S(args[0])->handle, &sval) < 0) return raise_errno(OSErrorType, errno);
  return int_from_int64(sval < 0 ? 0 : sval);  // some systems report waiters as negative
}

Value semlock_is_zero(Value* args, int64_t, TupleObject*) {
  int sval = 0;
  if (sem_getvalue(S(args[0])->handle, &sval) < 0) return raise_errno(OSErrorType, errno);
  return sval == 0 ? True : False;
}

// After fork the child holds none of the parent's acquisitions.
Value semlock_after_fork(Value* args, int64_t, TupleObject*) {
  S(args[0])->count = 0;
  return None;
}

// _rebuild(handle, kind, maxvalue, name): the semaphore in another process, reopened by name.
Value semlock_rebuild(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* cls = static_cast<TypeObject*>(args[0].as_obj());
  if (!no_kwargs("_rebuild", kwnames) || !check_positional("_rebuild", nargs - 1, 4, 4)) return Value();
  int64_t kind, maxvalue;
  if (!int_param(args[2], &kind) || !int_param(args[3], &maxvalue)) return Value();
  Value name = args[4];
  if (name == None) return raise_msg(ValueErrorType, "cannot rebuild a SemLock without a name");
  if (!is_str(name)) return raise_fmt(TypeErrorType, "_rebuild() argument 4 must be str or None, not %s", type_name(name));
  sem_t* handle = sem_open(as_str(name)->data, 0);
  if (handle == SEM_FAILED) return raise_errno(OSErrorType, errno);
  return make_semlock(cls, handle, static_cast<SemKind>(kind), maxvalue, name);
}

Value get_handle(Value self) { return int_from_int64(reinterpret_cast<intptr_t>(S(self)->handle)); }
Value get_kind(Value self) { return int_from_int64(static_cast<int64_t>(S(self)->kind)); }
Value get_maxvalue(Value self) { return int_from_int64(S(self)->maxvalue); }
Value get_name(Value self) { return S(self)->name; }

const NativeMethodDef kSemLockMethods[] = {
    {"__new__", semlock_new, NativeMethodDef::Kind::StaticMethod},
    {"acquire", semlock_acquire, NativeMethodDef::Kind::Method, "Acquire the semaphore/lock."},
    {"release", semlock_release, NativeMethodDef::Kind::Method, "Release the semaphore/lock."},
    {"__enter__", semlock_acquire, NativeMethodDef::Kind::Method, "Enter the semaphore/lock."},
    {"__exit__", semlock_exit, NativeMethodDef::Kind::Method, "Exit the semaphore/lock."},
    {"_count", semlock_count, NativeMethodDef::Kind::Method, "Num of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", semlock_is_mine, NativeMethodDef::Kind::Method, "Whether the lock is owned by this thread."},
    {"_get_value", semlock_get_value, NativeMethodDef::Kind::Method, "Get the value of the semaphore."},
    {"_is_zero", semlock_is_zero, NativeMethodDef::Kind::Method, "Return whether semaphore has value zero."},
    {"_after_fork", semlock_after_fork, NativeMethodDef::Kind::Method, "Rezero the net acquisition count after fork()."},
    {"_rebuild", semlock_rebuild, NativeMethodDef::Kind::ClassMethod},
};
const NativeGetSetDef kSemLockGetSets[] = {
    {"handle", get_handle},
    {"kind", get_kind},
    {"maxvalue", get_maxvalue},
    {"name", get_name},
};

Value mp_sem_unlink(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("sem_unlink", kwnames) || !check_positional("sem_unlink", nargs, 1, 1)) return Value();
  if (!is_str(args[0])) return raise_fmt(TypeErrorType, "sem_unlink() argument must be str, not %s", type_name(args[0]));
  if (sem_unlink(as_str(args[0])->data) < 0) return raise_errno(OSErrorType, errno);
  return None;
}

const NativeFunctionDef kMultiprocessingFunctions[] = {
    {"sem_unlink", mp_sem_unlink},
};

bool init_multiprocessing(ModuleObject* m) {
  if (!g_semlock_type) {
    g_semlock_type = make_native_type("_multiprocessing.SemLock", sizeof(SemLockObject), visit_semlock, true);
    g_semlock_type->finalize = finalize_semlock;
    add_methods(g_semlock_type, kSemLockMethods);
    add_getsets(g_semlock_type, kSemLockGetSets);
    if (!dict_set_str(g_semlock_type->dict, intern("SEM_VALUE_MAX"), int_from_int64(SEM_VALUE_MAX))) return false;
  }
  DictObject* flags = new_dict();
  if (!flags || !dict_set_str(flags, intern("HAVE_SEM_OPEN"), Value::from_small_int(1)) ||
      !dict_set_str(flags, intern("HAVE_SEM_TIMEDWAIT"), Value::from_small_int(1)))
    return false;
  return module_add(m, "SemLock", Value::from_obj(g_semlock_type)) && module_add(m, "flags", Value::from_obj(flags));
}

}  // namespace

extern const NativeModuleDef kMultiprocessingModule;
const NativeModuleDef kMultiprocessingModule = {"_multiprocessing", kMultiprocessingFunctions,
                                                std::size(kMultiprocessingFunctions), init_multiprocessing};

}  // namespace coil::lib
