// gc_explain.cpp — COIL_GC_WHY: a breadth-first walk from the roots that remembers, for each
// object reached, who reached it first, so the shortest chain to a survivor can be printed.
// Debugging only: it allocates freely (std containers) and runs outside any collection.
#include "runtime/gc_explain.h"

#include <dlfcn.h>
#include <unwind.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/heap.h"
#include "runtime/type.h"

namespace coil::rt::gc {

namespace {

RootDescriber g_describer = nullptr;

// The native frames of the calling thread, innermost first: each one's canonical frame address
// (its locals lie below it and above the callee's) and the instruction pointer in it.
struct NativeFrame {
  uintptr_t cfa;
  uintptr_t ip;
};

std::vector<NativeFrame> native_frames() {
  std::vector<NativeFrame> frames;
  _Unwind_Backtrace(
      [](_Unwind_Context* ctx, void* data) {
        static_cast<std::vector<NativeFrame>*>(data)->push_back({_Unwind_GetCFA(ctx), _Unwind_GetIP(ctx)});
        return _URC_NO_REASON;
      },
      &frames);
  return frames;
}

// "in the frame of SYMBOL" (or of exe+OFFSET, for addr2line -f -C) for a native stack address.
std::string native_frame_of(const std::vector<NativeFrame>& frames, uintptr_t addr) {
  for (const NativeFrame& f : frames) {
    if (f.cfa <= addr) continue;
    Dl_info info{};
    char buf[256];
    if (dladdr(reinterpret_cast<void*>(f.ip), &info) && info.dli_sname)
      std::snprintf(buf, sizeof buf, " in the frame of %s (CFA-%td)", info.dli_sname, f.cfa - addr);
    else if (info.dli_fbase)
      std::snprintf(buf, sizeof buf, " in the frame of %s+0x%tx (CFA-%td)", info.dli_fname ? info.dli_fname : "?",
                    f.ip - reinterpret_cast<uintptr_t>(info.dli_fbase), f.cfa - addr);
    else
      std::snprintf(buf, sizeof buf, " in the frame at ip %p", reinterpret_cast<void*>(f.ip));
    return buf;
  }
  return "";
}

// Where an object was first reached from: its referrer, or (for roots) a label.
struct Origin {
  Object* parent = nullptr;
  std::string root;
};

class Explainer final : public detail::RootWalker {
 public:
  void visit(Object* o) override {
    if (!o || seen_.count(o)) return;
    Origin origin;
    origin.parent = parent_;
    if (!parent_) origin.root = label_;
    seen_.emplace(o, std::move(origin));
    queue_.push_back(o);
  }
  void set_label(const char* label) override { label_ = label; }
  void conservative(const void* lo, const void* hi, const char* what) override {
    // The walk's own frames (below explain_survivors') hold its garbage, not the program's.
    if (std::strcmp(what, "native stack") == 0 && lo < own_frames_end && own_frames_end < hi && !std::getenv("COIL_GC_WHY_ALL"))
      lo = own_frames_end;
    auto* w = reinterpret_cast<const uintptr_t*>((reinterpret_cast<uintptr_t>(lo) + 7) & ~uintptr_t(7));
    for (auto* end = static_cast<const uintptr_t*>(hi); w < end; ++w) {
      const uintptr_t v = *w;
      if (v < detail::g_heap.lo || v >= detail::g_heap.hi) continue;
      Object* o = detail::find_cell(v);
      if (!o || seen_.count(o)) continue;
      char buf[160];
      std::snprintf(buf, sizeof buf, "%s word at %p (%+td bytes from the scan start%s)", what,
                    static_cast<const void*>(w), reinterpret_cast<const char*>(w) - static_cast<const char*>(lo),
                    reinterpret_cast<uintptr_t>(o) == v ? "" : ", interior pointer");
      label_ = buf;
      if (std::strcmp(what, "native stack") == 0) label_ += native_frame_of(frames_, reinterpret_cast<uintptr_t>(w));
      visit(o);
    }
  }

  const void* own_frames_end = nullptr;

  void drain() {
    while (!queue_.empty()) {
      Object* o = queue_.front();
      queue_.pop_front();
      parent_ = o;
      if (o->type) {
        visit(o->type);
        if (o->type->visit) o->type->visit(o, *this);
      }
      parent_ = nullptr;
    }
  }

  void report(const char* name) {
    if (std::getenv("COIL_GC_WHY_FRAMES"))
      for (const NativeFrame& f : frames_) std::fprintf(stderr, "  native frame cfa %p ip %p%s\n", reinterpret_cast<void*>(f.cfa), reinterpret_cast<void*>(f.ip), native_frame_of(frames_, f.cfa - 1).c_str());
    for (auto& [o, origin] : seen_) {
      if (!o->type || !o->type->name || std::strcmp(o->type->name, name) != 0) continue;
      std::fprintf(stderr, "coil gc why: %s object at %p is alive:\n", name, static_cast<void*>(o));
      Object* cur = o;
      for (int depth = 0; cur && depth < 200; ++depth) {
        const Origin& from = seen_.at(cur);
        const char* tn = cur->type && cur->type->name ? cur->type->name : "?";
        std::fprintf(stderr, "    %s at %p\n", tn, static_cast<void*>(cur));
        if (!from.parent) {
          std::fprintf(stderr, "      <- root: %s\n", from.root.c_str());
          if (g_describer && from.root.rfind("root visitor", 0) == 0) {
            std::string where = g_describer(cur);
            if (!where.empty()) std::fprintf(stderr, "         %s\n", where.c_str());
          }
        }
        cur = from.parent;
      }
    }
  }

 private:
  std::unordered_map<Object*, Origin> seen_;
  std::deque<Object*> queue_;
  Object* parent_ = nullptr;
  std::string label_;
  std::vector<NativeFrame> frames_ = native_frames();
};

}  // namespace

void set_root_describer(RootDescriber fn) { g_describer = fn; }

[[gnu::noinline]] void explain_survivors() {
  static const char* name = std::getenv("COIL_GC_WHY");
  if (!name || !*name) return;
  detail::flush_cursors();
  Explainer e;
  e.own_frames_end = __builtin_frame_address(0);
  detail::walk_roots(e);
  e.drain();
  e.report(name);
}

}  // namespace coil::rt::gc
