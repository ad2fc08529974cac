// runtime_micro.cpp — Google Benchmark over runtime primitives: allocation, boxing, dict access,
// attribute load/store through shapes, call overhead and str hashing (run: build/perf/micro/coil-micro).
//
// The runtime is initialised once in main() like `coil -c`, then a small Python module defines the
// class and functions the attribute and call benchmarks use. Objects the benchmarks keep across
// iterations live in `g_fixture` (registered GC roots); values inside a benchmark loop sit on the
// stack, which the collector scans conservatively.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>
#include <vector>

#include "runtime/abstract.h"
#include "runtime/config.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/init.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/run.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"

namespace coil::rt {
namespace {

// The Python side of the fixture: a plain class (instances get shapes) and functions to call.
constexpr const char* kFixtureSource = R"(
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def first(a, b):
    return a

def nothing():
    return None

point = Point(1, 2)
)";

struct Fixture {
  Value globals;   // the module dict the fixture ran in
  Value point;     // a Point instance
  Value first;     // def first(a, b)
  Value nothing;   // def nothing()
};
Fixture g_fixture;

Value fixture_global(const char* name) {
  return dict_get_str(as_dict(g_fixture.globals), intern(name));
}

bool set_up_fixture() {
  DictObject* globals = new_dict();
  g_fixture.globals = Value::from_obj(globals);
  for (Value* slot : {&g_fixture.globals, &g_fixture.point, &g_fixture.first, &g_fixture.nothing})
    gc::add_root(slot);
  dict_set_str(globals, names::dunder_builtins, Value::from_obj(g_builtins_module));
  dict_set_str(globals, intern("__name__"), str_value("micro"));
  CodeObject* code = compile_source(kFixtureSource, "<micro>", 0, 0);
  if (!code || run_code(code, globals, g_fixture.globals).is_empty_slot()) {
    print_pending_exception();
    return false;
  }
  g_fixture.point = fixture_global("point");
  g_fixture.first = fixture_global("first");
  g_fixture.nothing = fixture_global("nothing");
  return !g_fixture.point.is_empty_slot() && !g_fixture.first.is_empty_slot() &&
         !g_fixture.nothing.is_empty_slot();
}

// Fails the benchmark (with the pending exception printed) when a runtime call returned empty.
bool check(benchmark::State& state, Value v, const char* what) {
  if (!v.is_empty_slot()) return true;
  print_pending_exception();
  state.SkipWithError(what);
  return false;
}

// ---- allocation and boxing ------------------------------------------------------------------

// Bytes of payload after the header: 0 (bare object) up to a few cache lines.
void BM_AllocateObject(benchmark::State& state) {
  size_t size = sizeof(Object) + static_cast<size_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(allocate_object(ObjectType, size));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(size));
}
BENCHMARK(BM_AllocateObject)->Arg(0)->Arg(16)->Arg(48)->Arg(240);

void BM_BoxSmallInt(benchmark::State& state) {
  int64_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(int_from_int64(i++));
}
BENCHMARK(BM_BoxSmallInt);

// Past 63 bits: a heap big int each time.
void BM_BoxBigInt(benchmark::State& state) {
  int64_t i = Value::kMaxSmallInt;
  for (auto _ : state) benchmark::DoNotOptimize(int_from_int64(++i));
}
BENCHMARK(BM_BoxBigInt);

void BM_BoxFloat(benchmark::State& state) {
  double d = 0.5;
  for (auto _ : state) {
    benchmark::DoNotOptimize(float_value(d));
    d += 1.0;
  }
}
BENCHMARK(BM_BoxFloat);

// ---- dict -------------------------------------------------------------------------------------

std::vector<std::string> key_texts(int64_t n) {
  std::vector<std::string> out;
  for (int64_t i = 0; i < n; i++) out.push_back("key" + std::to_string(i * 7919));
  return out;
}

// Lookups of interned str keys (the attribute/global fast path) in a dict of n entries.
void BM_DictGetStr(benchmark::State& state) {
  int64_t n = state.range(0);
  DictObject* d = new_dict();
  std::vector<StrObject*> keys;   // interned: reachable from the intern table
  for (const std::string& k : key_texts(n)) keys.push_back(intern(k));
  for (int64_t i = 0; i < n; i++) dict_set_str(d, keys[i], Value::from_small_int(i));
  int64_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(dict_get_str(d, keys[i]));
    if (++i == n) i = 0;
  }
  benchmark::DoNotOptimize(d);
}
BENCHMARK(BM_DictGetStr)->Arg(8)->Arg(1024)->Arg(1 << 16);

// Overwrites of existing str keys (no resize).
void BM_DictSetStr(benchmark::State& state) {
  int64_t n = state.range(0);
  DictObject* d = new_dict();
  std::vector<StrObject*> keys;
  for (const std::string& k : key_texts(n)) keys.push_back(intern(k));
  for (int64_t i = 0; i < n; i++) dict_set_str(d, keys[i], Value::from_small_int(i));
  int64_t i = 0;
  for (auto _ : state) {
    dict_set_str(d, keys[i], Value::from_small_int(i));
    if (++i == n) i = 0;
  }
  benchmark::DoNotOptimize(d);
}
BENCHMARK(BM_DictSetStr)->Arg(8)->Arg(1024)->Arg(1 << 16);

// The generic path: int keys hashed and compared through the object protocol.
void BM_DictGetInt(benchmark::State& state) {
  int64_t n = state.range(0);
  DictObject* d = new_dict();
  for (int64_t i = 0; i < n; i++) dict_set(d, Value::from_small_int(i * 31), Value::from_small_int(i));
  int64_t i = 0;
  bool error = false;
  for (auto _ : state) {
    benchmark::DoNotOptimize(dict_get(d, Value::from_small_int(i * 31), &error));
    if (++i == n) i = 0;
  }
  benchmark::DoNotOptimize(d);
}
BENCHMARK(BM_DictGetInt)->Arg(8)->Arg(1024)->Arg(1 << 16);

// Building a dict of n int keys from empty (includes every resize).
void BM_DictFillInt(benchmark::State& state) {
  int64_t n = state.range(0);
  for (auto _ : state) {
    DictObject* d = new_dict();
    for (int64_t i = 0; i < n; i++) dict_set(d, Value::from_small_int(i), Value::from_small_int(i));
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_DictFillInt)->Arg(8)->Arg(1024);

// ---- attributes -------------------------------------------------------------------------------

void BM_GetAttrInstance(benchmark::State& state) {
  StrObject* name = intern("y");
  Value p = g_fixture.point;
  for (auto _ : state) {
    Value v = get_attr(p, name);
    if (!check(state, v, "get_attr failed")) break;
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_GetAttrInstance);

// A method found on the class: lookup through the type plus a bound-method allocation.
void BM_GetAttrMethod(benchmark::State& state) {
  StrObject* name = intern("__init__");
  Value p = g_fixture.point;
  for (auto _ : state) {
    Value v = get_attr(p, name);
    if (!check(state, v, "get_attr failed")) break;
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_GetAttrMethod);

void BM_SetAttrExisting(benchmark::State& state) {
  StrObject* name = intern("x");
  Value p = g_fixture.point;
  int64_t i = 0;
  for (auto _ : state) {
    if (!set_attr(p, name, Value::from_small_int(i++))) {
      check(state, Value(), "set_attr failed");
      break;
    }
  }
}
BENCHMARK(BM_SetAttrExisting);

// ---- calls ------------------------------------------------------------------------------------

void BM_CallPython0(benchmark::State& state) {
  Value f = g_fixture.nothing;
  for (auto _ : state) {
    Value v = call0(f);
    if (!check(state, v, "call failed")) break;
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_CallPython0);

void BM_CallPython2(benchmark::State& state) {
  Value f = g_fixture.first;
  Value args[2] = {Value::from_small_int(1), Value::from_small_int(2)};
  for (auto _ : state) {
    Value v = call(f, args, 2);
    if (!check(state, v, "call failed")) break;
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_CallPython2);

// Instantiating the class: type call, __init__ frame, two attribute stores on a fresh shape.
void BM_CallClass(benchmark::State& state) {
  Value cls = fixture_global("Point");
  Value args[2] = {Value::from_small_int(1), Value::from_small_int(2)};
  for (auto _ : state) {
    Value v = call(cls, args, 2);
    if (!check(state, v, "call failed")) break;
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_CallClass);

// ---- str hashing ------------------------------------------------------------------------------

// str_hash caches the hash in the object; resetting the cache measures the hash function itself.
void BM_StrHash(benchmark::State& state) {
  std::string text(static_cast<size_t>(state.range(0)), 'a');
  for (size_t i = 0; i < text.size(); i++) text[i] = static_cast<char>('a' + (i * 7) % 26);
  StrObject* s = new_str(text);
  for (auto _ : state) {
    s->hash = -1;
    benchmark::DoNotOptimize(str_hash(s));
  }
  benchmark::DoNotOptimize(s);
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_StrHash)->Arg(8)->Arg(64)->Arg(1024);

void BM_StrHashCached(benchmark::State& state) {
  StrObject* s = new_str("a cached hash");
  str_hash(s);
  for (auto _ : state) benchmark::DoNotOptimize(str_hash(s));
  benchmark::DoNotOptimize(s);
}
BENCHMARK(BM_StrHashCached);

}  // namespace
}  // namespace coil::rt

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  coil::rt::Config cfg;
  cfg.run = coil::rt::Config::Run::Command;
  cfg.executable = argc > 0 ? argv[0] : "coil-micro";
  cfg.argv = {"-c"};
  if (!coil::rt::init_runtime(cfg) || !coil::rt::set_up_fixture()) {
    std::fprintf(stderr, "coil-micro: runtime initialisation failed\n");
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
