// gc_threads.cpp — per-thread stack records, conservative stack roots, and parking threads.
//
// Each thread that touches GC objects has a record with its stack's highest address. A thread
// that gives up the GIL first parks inside call_parked: that frame spills the callee-saved
// registers (so every pointer its callers keep in registers is now in memory) and publishes the
// lowest stack address still holding them. A collection (run with the GIL held) scans the
// collecting thread's stack from its current frame and every parked thread's stack from its
// parked address up to the base. Stacks grow down on every platform we build for.
#include <pthread.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "runtime/gc_stack.h"
#include "runtime/heap.h"

namespace coil::rt::gc::detail {

namespace {

struct ThreadRecord {
  const char* stack_base = nullptr;            // highest address of the stack
  std::atomic<const char*> parked_sp{nullptr}; // lowest live address while parked, else null
  ThreadRecord* next = nullptr;
};

std::mutex g_threads_mu;
ThreadRecord* g_threads = nullptr;
thread_local ThreadRecord* t_self = nullptr;

// Unregisters a thread's record when the thread exits.
struct ThreadExitGuard {
  bool armed = false;
  ~ThreadExitGuard() {
    if (armed) gc::unregister_thread();
  }
};
thread_local ThreadExitGuard t_exit_guard;

const char* detect_stack_base() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* addr = nullptr;
    size_t size = 0;
    const int rc = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (rc == 0) return static_cast<const char*>(addr) + size;
  }
  std::fprintf(stderr, "coil gc: cannot find the stack base; scanning from the registering frame\n");
  return static_cast<const char*>(__builtin_frame_address(0));
}

// Returns an address below every frame of its caller (its own frame is deeper). The frame
// address, not a local's: sanitizers may move locals to a heap "fake stack".
[[gnu::noinline]] const char* approximate_sp() {
  return static_cast<const char*>(__builtin_frame_address(0));
}

}  // namespace

void ensure_thread_registered() {
  if (!t_self) gc::init_thread(nullptr);
}

[[gnu::noinline]] void scan_thread_stacks(RangeScanFn scan, void* ctx) {
  ensure_thread_registered();
  // Spill the callee-saved registers into this frame so the scan below sees what callers keep
  // in registers.
  __builtin_unwind_init();
  const char* sp = approximate_sp();
  std::lock_guard<std::mutex> lock(g_threads_mu);
  for (ThreadRecord* r = g_threads; r; r = r->next) {
    if (r == t_self) {
      scan(sp, r->stack_base, ctx);
    } else if (const char* parked = r->parked_sp.load(std::memory_order_acquire)) {
      scan(parked, r->stack_base, ctx);
    } else {
      std::fprintf(stderr, "coil gc: collection while a registered thread runs unparked\n");
      std::abort();
    }
  }
}

}  // namespace coil::rt::gc::detail

namespace coil::rt::gc {

using detail::g_threads;
using detail::g_threads_mu;
using detail::t_self;

void init_thread(void* stack_base) {
  if (t_self) {
    if (stack_base) t_self->stack_base = static_cast<const char*>(stack_base);
    return;
  }
  auto* r = new detail::ThreadRecord();
  r->stack_base = stack_base ? static_cast<const char*>(stack_base) : detail::detect_stack_base();
  {
    std::lock_guard<std::mutex> lock(g_threads_mu);
    r->next = g_threads;
    g_threads = r;
  }
  t_self = r;
  detail::t_exit_guard.armed = true;
}

void unregister_thread() {
  detail::ThreadRecord* r = t_self;
  if (!r) return;
  {
    std::lock_guard<std::mutex> lock(g_threads_mu);
    for (detail::ThreadRecord** link = &g_threads; *link; link = &(*link)->next) {
      if (*link == r) {
        *link = r->next;
        break;
      }
    }
  }
  t_self = nullptr;
  delete r;
}

[[gnu::noinline]] void call_parked(void (*fn)(void*), void* arg) {
  detail::ensure_thread_registered();
  // The callee-saved registers are spilled into this frame, which stays alive while fn runs.
  __builtin_unwind_init();
  detail::ThreadRecord* r = t_self;
  r->parked_sp.store(detail::approximate_sp(), std::memory_order_release);
  fn(arg);
  r->parked_sp.store(nullptr, std::memory_order_release);
}

}  // namespace coil::rt::gc

namespace coil::rt::gc {

[[gnu::noinline]] void clear_stack_below(size_t bytes) {
  // alloca, so the zeroed block starts right below this (small) frame; the barrier keeps the
  // stores, which nothing reads.
  char* block = static_cast<char*>(__builtin_alloca(bytes));
  __builtin_memset(block, 0, bytes);
  asm volatile("" : : "r"(block) : "memory");
}

}  // namespace coil::rt::gc
