// thread_module.cpp — the `_thread` module: OS threads that run Python functions under the GIL,
// thread identity, sentinels for threading's join, and the default thread excepthook.
//
// A new thread's function and arguments wait in a root-registered boot record until the thread
// holds the GIL. The thread then registers its state (data stack, exception state) and its stack
// with the collector, runs the function, and on the way out releases its sentinel locks, drops
// its thread-local dicts and unregisters everything before giving up the GIL for good.
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <string>

#include "runtime/abstract.h"
#include "runtime/builtin_types.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/run.h"
#include "runtime/signals.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"
#include "stdlib/io_support.h"
#include "stdlib/struct_sequence.h"
#include "stdlib/thread_module.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// A thread between start_new_thread and its first bytecode.
struct BootRecord {
  Value func, args, kwargs;
  int recursion_limit;
  BootRecord* next;
  BootRecord* prev;
};
BootRecord* g_boots = nullptr;               // GIL held
DictObject* g_sentinels = nullptr;           // ident -> list of sentinel locks
TypeObject* g_excepthook_args_type = nullptr;
std::atomic<int64_t> g_thread_count{0};      // _count(): threads started here and still running
size_t g_stack_size = 0;                     // 0: the default

constexpr size_t kDefaultThreadStack = size_t(16) << 20;  // room for the recursion limit
constexpr size_t kMinThreadStack = 32768;

void visit_thread_roots(Visitor& v) {
  for (BootRecord* b = g_boots; b; b = b->next) {
    v.visit(b->func);
    v.visit(b->args);
    v.visit(b->kwargs);
  }
  v.visit(g_sentinels);
  v.visit(g_excepthook_args_type);
}

void unlink_boot(BootRecord* b) {
  if (b->prev) b->prev->next = b->next;
  else g_boots = b->next;
  if (b->next) b->next->prev = b->prev;
}

// "Exception ignored in thread started by: <func>" and the traceback (CPython's unraisable hook).
void report_thread_error(Value func) {
  Value exc = take_exception();
  if (is_exception(exc) && is_subtype(type_of(exc), SystemExitType)) return;
  std::string where;
  if (!repr_string(func, &where)) {
    clear_exception();
    where = "<object repr() failed>";
  }
  flush_std_streams();
  std::string text = "Exception ignored in thread started by: " + where + "\n" + format_exception_text(exc);
  // Through sys.stderr, as CPython prints it; a failing stream drops the text.
  if (!write_to_file(sys_attr("stderr"), text, true)) clear_exception();
}

void release_sentinels() {
  Value key = int_from_uint64(current_thread_ident());
  bool err;
  Value locks = dict_get(g_sentinels, key, &err);
  if (locks.is_empty_slot()) {
    if (err) clear_exception();
    return;
  }
  ListObject* l = as_list(locks);
  for (int64_t i = 0; i < l->size; ++i) release_sentinel_lock(l->items()[i]);
  if (dict_del(g_sentinels, key) < 0) clear_exception();
}

void* thread_main(void* p) {
  auto* boot = static_cast<BootRecord*>(p);
  // Not yet known to the collector: nothing here is a GC reference until the GIL is held.
  gil_acquire();
  gc::init_thread();
  register_thread_state();
  init_stack_guard();
  ThreadState& ts = thread_state();
  ts.recursion_limit = boot->recursion_limit;
  Value func = boot->func, args = boot->args, kwargs = boot->kwargs;
  unlink_boot(boot);
  delete boot;
  Value r = call_tuple_dict(func, as_tuple(args), kwargs.is_empty_slot() ? nullptr : as_dict(kwargs));
  if (r.is_empty_slot()) report_thread_error(func);
  clear_thread_locals();
  release_sentinels();
  if (!ts.pending.is_empty_slot()) clear_exception();
  g_thread_count.fetch_sub(1);
  unregister_thread_state();
  gc::unregister_thread();
  gil_release();
  return nullptr;
}

Value thread_start_new_thread(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("start_new_thread", nargs, kwnames, 2, 3)) return Value();
  if (!is_callable(args[0])) return raise_msg(TypeErrorType, "first arg must be callable");
  if (!is_tuple(args[1])) return raise_msg(TypeErrorType, "2nd arg must be a tuple");
  if (nargs == 3 && !is_dict(args[2])) return raise_msg(TypeErrorType, "optional 3rd arg must be a dictionary");
  auto* boot = new BootRecord{args[0], args[1], nargs == 3 ? args[2] : Value(), thread_state().recursion_limit,
                              g_boots, nullptr};
  if (g_boots) g_boots->prev = boot;
  g_boots = boot;
  note_thread_started();
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, g_stack_size ? g_stack_size : kDefaultThreadStack);
  pthread_t tid;
  g_thread_count.fetch_add(1);
  int rc = pthread_create(&tid, &attr, thread_main, boot);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    g_thread_count.fetch_sub(1);
    unlink_boot(boot);
    delete boot;
    return raise_msg(RuntimeErrorType, "can't start new thread");
  }
  pthread_detach(tid);
  return int_from_uint64(static_cast<uint64_t>(tid));
}

Value thread_allocate_lock(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("allocate_lock", nargs, kwnames, 0, 0)) return Value();
  return new_lock();
}

Value thread_get_ident(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("get_ident", nargs, kwnames, 0, 0)) return Value();
  return int_from_uint64(current_thread_ident());
}

Value thread_get_native_id(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("get_native_id", nargs, kwnames, 0, 0)) return Value();
  return int_from_int64(static_cast<int64_t>(syscall(SYS_gettid)));
}

Value thread_count(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_count", nargs, kwnames, 0, 0)) return Value();
  return int_from_int64(g_thread_count.load());
}

Value thread_stack_size(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("stack_size", nargs, kwnames, 0, 1)) return Value();
  Value old = int_from_uint64(g_stack_size);
  if (nargs == 0) return old;
  if (!is_int(args[0]))
    return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
  int64_t n;
  if (!int_to_int64(args[0], &n)) return raise_msg(OverflowErrorType, "Python int too large to convert to C ssize_t");
  if (n < 0) return raise_msg(ValueErrorType, "size must be 0 or a positive value");
  if (n != 0 && static_cast<size_t>(n) < kMinThreadStack)
    return raise_fmt(ValueErrorType, "size not valid: %lld bytes", static_cast<long long>(n));
  g_stack_size = static_cast<size_t>(n);
  return old;
}

Value thread_set_sentinel(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_set_sentinel", nargs, kwnames, 0, 0)) return Value();
  Value lock = new_lock();
  if (lock.is_empty_slot()) return lock;
  // threading acquires it at once; it is released when the calling thread's state goes away
  // (join waits on it).
  Value key = int_from_uint64(current_thread_ident());
  bool err;
  Value locks = dict_get(g_sentinels, key, &err);
  if (err) return Value();
  if (locks.is_empty_slot()) {
    ListObject* l = new_list(0);
    if (!l || !dict_set(g_sentinels, key, Value::from_obj(l))) return Value();
    locks = Value::from_obj(l);
  }
  if (!list_append(as_list(locks), lock)) return Value();
  return lock;
}

Value thread_exit(Value*, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("exit", nargs, kwnames, 0, 0)) return Value();
  ExceptionObject* e = new_exception(SystemExitType, nullptr);
  if (!e) return Value();
  return raise(Value::from_obj(e));
}

Value thread_interrupt_main(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("interrupt_main", nargs, kwnames, 0, 1)) return Value();
  int64_t signum = SIGINT;
  if (nargs == 1) {
    if (!is_int(args[0]))
      return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
    if (!int_to_int64(args[0], &signum)) signum = -1;
  }
  if (signum < 1 || signum >= kNumSignals) return raise_msg(ValueErrorType, "signal number out of range");
  int s = static_cast<int>(signum);
  // A signal Python does not handle (SIG_DFL, SIG_IGN) is left alone, as in CPython 3.11.
  Value h = python_signal_handler(s);
  if (h.is_empty_slot() ? s != SIGINT : (is_int(h) || h == None)) return None;
  trip_signal(s);
  return None;
}

// Writes text to a Python file object; false with an exception pending.
bool write_text(Value file, const std::string& text) {
  Value s = str_value(text);
  if (s.is_empty_slot()) return false;
  return !call_method(file, intern("write"), &s, 1).is_empty_slot();
}

// The default threading.excepthook: "Exception in thread NAME:" and the traceback on
// sys.stderr (or the thread's saved stderr); SystemExit is silent.
Value thread_excepthook(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_args("_excepthook", nargs, kwnames, 1, 1)) return Value();
  Value a = args[0];
  if (!is_tuple(a) || type_of(a) != g_excepthook_args_type)
    return raise_msg(TypeErrorType, "_thread.excepthook argument type must be ExceptHookArgs");
  TupleObject* t = as_tuple(a);
  Value exc_type = t->items[0], exc_value = t->items[1], thread = t->items[3];
  if (exc_type.is_obj() && has(type_of(exc_type), TypeFlag::TypeSubclass) &&
      is_subtype(static_cast<TypeObject*>(exc_type.as_obj()), SystemExitType))
    return None;
  Value file = sys_attr("stderr");
  if (file.is_empty_slot() || file == None) {
    if (thread == None) return None;
    bool err;
    file = get_attr_opt(thread, intern("_stderr"), &err);
    if (err) return Value();
    if (file.is_empty_slot() || file == None) return None;
  }
  std::string header = "Exception in thread ";
  Value name;
  if (thread != None) {
    bool err;
    name = get_attr_opt(thread, intern("name"), &err);
    if (err) return Value();
  }
  if (!name.is_empty_slot() && name != None) {
    std::string s;
    if (!str_string(name, &s)) return Value();
    header += s;
  } else {
    header += std::to_string(current_thread_ident());
  }
  header += ":\n";
  if (!write_text(file, header)) return Value();
  Value flush = call_method(file, intern("flush"), nullptr, 0);
  if (flush.is_empty_slot()) clear_exception();
  std::string body;
  if (is_exception(exc_value)) {
    body = format_exception_text(exc_value);
  } else if (exc_value != None) {
    // What CPython's display says about a non-exception value.
    body = std::string("TypeError: print_exception(): Exception expected for value, ") + type_name(exc_value) +
           " found\n";
  }
  if (!write_text(file, body)) return Value();
  flush = call_method(file, intern("flush"), nullptr, 0);
  if (flush.is_empty_slot()) clear_exception();
  return None;
}

const NativeFunctionDef kThreadFunctions[] = {
    {"start_new_thread", thread_start_new_thread},
    {"start_new", thread_start_new_thread},
    {"allocate_lock", thread_allocate_lock},
    {"allocate", thread_allocate_lock},
    {"get_ident", thread_get_ident},
    {"get_native_id", thread_get_native_id},
    {"_count", thread_count},
    {"stack_size", thread_stack_size},
    {"_set_sentinel", thread_set_sentinel},
    {"exit", thread_exit},
    {"exit_thread", thread_exit},
    {"interrupt_main", thread_interrupt_main},
    {"_excepthook", thread_excepthook},
};

bool init_thread_module(ModuleObject* m) {
  if (!g_sentinels) {
    g_sentinels = new_dict();
    if (!g_sentinels) return false;
    g_excepthook_args_type =
        new_struct_seq_type("_thread._ExceptHookArgs", {"exc_type", "exc_value", "exc_traceback", "thread"}, true);
    add_runtime_root_hook(visit_thread_roots);
  }
  return add_lock_types(m) && add_local_type(m) &&
         module_add(m, "error", Value::from_obj(RuntimeErrorType)) &&
         module_add(m, "_ExceptHookArgs", Value::from_obj(g_excepthook_args_type));
}

}  // namespace

extern const NativeModuleDef kThreadModule;
const NativeModuleDef kThreadModule = {"_thread", kThreadFunctions, std::size(kThreadFunctions), init_thread_module};

}  // namespace coil::lib
