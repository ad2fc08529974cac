// function.h — code objects, Python functions, cells, bound methods and native functions.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "frontend/code.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct DictObject;
struct StrObject;
struct TupleObject;

// One inline-cache slot of a CACHE-flagged instruction (interpreter and recorder read it).
struct InlineCache {
  uint64_t key = 0;        // type version / dict version the entry is valid for
  uint64_t key2 = 0;
  int64_t index = -1;      // slot / entry index
  Object* obj = nullptr;   // cached descriptor or value (kept alive by its type/dict)
  uint32_t counter = 0;    // misses, for (de)specialisation
  uint32_t kind = 0;       // what the entry holds, for ops with several (AttrCacheKind, attr_cache.h)
};

struct CodeObject : Object {
  // Plain data shared with the frontend's CodeUnit: instructions, positions, exception table.
  std::shared_ptr<fe::CodeUnit> unit;
  const uint32_t* code;        // unit->code.data()
  int64_t ncode;
  TupleObject* consts;
  TupleObject* names;          // interned strs
  TupleObject* varnames;
  TupleObject* cellvars;
  TupleObject* freevars;
  StrObject* name;
  StrObject* qualname;
  StrObject* filename;
  int32_t argcount, posonlyargcount, kwonlyargcount;
  int32_t nlocals;             // len(varnames)
  int32_t nlocalsplus;         // nlocals + ncells + nfrees: frame slots before the stack
  int32_t stacksize;
  uint32_t flags;
  int32_t firstlineno;
  InlineCache* caches;         // unit->ncaches entries (malloc'd; freed by finalize)
  // Profiling counters for the JIT: back-edge hits per loop header and entry count.
  uint32_t entry_count;
  uint32_t* backedge_counts;   // one per code unit index that is a loop header, lazily
};

struct CellObject : Object {
  Value contents;  // empty: unbound
};

struct FunctionObject : Object {
  CodeObject* code;
  DictObject* globals;
  DictObject* builtins;
  StrObject* name;
  StrObject* qualname;
  Value module;          // __module__
  Value doc;             // __doc__
  TupleObject* defaults; // null: none
  DictObject* kwdefaults;
  TupleObject* closure;  // cells; null: none
  DictObject* annotations;
  DictObject* dict;      // function attributes
  uint64_t version;      // changes when __code__/__defaults__ change (JIT guards)
};

struct MethodObject : Object {
  Value func;
  Value self;
};

// A native function: positional args first, then keyword values named by `kwnames`
// (a tuple of str, or null), CPython's vectorcall convention. For methods args[0] is self.
using NativeFn = Value (*)(Value* args, int64_t nargs, TupleObject* kwnames);

struct NativeFunctionObject : Object {
  NativeFn fn;
  const char* name;
  Value self;        // bound receiver (module or object) or empty
  Value module;      // __module__ or empty
  const char* doc;
};

// A native method of a built-in type, unbound (list.append); binds like a function.
struct MethodDescrObject : Object {
  NativeFn fn;
  const char* name;
  TypeObject* owner;
  const char* doc;
  bool is_classmethod;
  bool is_static;
};

// The descriptors of built-in types: property, classmethod, staticmethod.
struct PropertyObject : Object {
  Value fget, fset, fdel, doc;
  Value name;
};
struct ClassMethodObject : Object {
  Value func;
  DictObject* dict;
};

CodeObject* code_from_unit(std::shared_ptr<fe::CodeUnit> unit);  // null: MemoryError
FunctionObject* new_function(CodeObject* code, DictObject* globals, Value qualname);
CellObject* new_cell(Value contents);
MethodObject* new_method(Value func, Value self);
NativeFunctionObject* new_native_function(const char* name, NativeFn fn, Value self, Value module,
                                          const char* doc = nullptr);
MethodDescrObject* new_method_descr(TypeObject* owner, const char* name, NativeFn fn,
                                    const char* doc = nullptr);

// The line of the instruction at code unit index `pc` (co_positions' start line).
int code_line(const CodeObject* code, int64_t pc);

void init_function_types();

}  // namespace coil::rt
