// set.h — SetObject: the hash table behind set and frozenset.
//
// The table follows CPython 3.11's design so that iteration order (and thus printed
// output) matches: open addressing over a power-of-two table of (key, hash) entries,
// LINEAR_PROBES (9) neighbouring slots checked before perturbed probing
// (i = i*5 + 1 + perturb, perturb >>= 5), a 60% fill limit, growth to used*4 (used*2 past
// 50000 entries), deleted entries marked with a dummy key. The entries live in a
// SetStorage GC object (its visit reports only the keys: hashes are raw words).
#pragma once

#include <cstdint>

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct SetEntry {
  Value key;     // empty: never used; set_dummy(): deleted
  int64_t hash;  // -1 for a deleted entry
};

struct SetStorage : Object {
  int64_t size;  // number of entries (a power of two)
  SetEntry entries[];
};

struct SetObject : Object {
  int64_t fill;    // active + dummy entries
  int64_t used;    // active entries
  int64_t mask;    // table size - 1
  int64_t finger;  // where pop() resumes its search
  int64_t hash;    // frozenset's cached hash, -1 until computed
  SetStorage* table;
};

inline SetObject* as_set(Value v) { return static_cast<SetObject*>(v.as_obj()); }
bool is_set_type(TypeObject* t);        // set or a subclass
bool is_frozenset_type(TypeObject* t);  // frozenset or a subclass
inline bool is_anyset(Value v) {
  return v.is_obj() && (is_set_type(v.as_obj()->type) || is_frozenset_type(v.as_obj()->type));
}
// The marker key of deleted entries (never seen by Python code).
Value set_dummy();

// A new empty set (or frozenset) of exact type `type` or a subclass; null with MemoryError.
SetObject* new_set(TypeObject* type);
// type(iterable) for set/frozenset and subclasses; iterable may be empty (no items).
Value make_new_set(TypeObject* type, Value iterable);
// Adds a key (hashing it); false with the exception pending.
bool set_add_key(SetObject* s, Value key);
bool set_add_entry(SetObject* s, Value key, int64_t hash);
// 1 present, 0 absent, -1 error (TypeError for unhashable keys).
int set_contains_key(SetObject* s, Value key);
int set_contains_entry(SetObject* s, Value key, int64_t hash);
// `key in s` as Python sees it: an unhashable set key is retried as a frozenset.
int set_contains(SetObject* s, Value key);
// 1 removed, 0 absent, -1 error.
int set_discard_key(SetObject* s, Value key);
int set_discard_entry(SetObject* s, Value key, int64_t hash);
// Rebuilds the table with room for `minused` entries (drops dummies); false on MemoryError.
bool set_resize(SetObject* s, int64_t minused);
// Adds every item of `iterable` (set, dict, or any iterable); false on error.
bool set_update_internal(SetObject* s, Value iterable);
void set_clear_internal(SetObject* s);
// Walks active entries: pass *pos = 0 first; false when done.
bool set_next(SetObject* s, int64_t* pos, SetEntry** entry);
int64_t frozenset_hash(SetObject* s);
// repr(): {1, 2} / set() / frozenset({1}) / Sub({1}).
Value set_repr(Value v);
// Comparisons, operators and in-place operators of set/frozenset (subclasses included):
// NotImplemented when the operands are not both sets.
Value set_richcompare(Value a, Value b, fe::CompareKind op);
Value set_binary(Value a, Value b, fe::BinaryOpKind op);   // | & - ^
Value set_inplace(Value a, Value b, fe::BinaryOpKind op);  // |= &= -= ^= (a must be a set)
// Iterator over a set's keys (set_iterator).
Value new_set_iter(Value set);
Value set_iter_next(Value it, bool* done);

// Layout and storage of set/frozenset (before their methods are registered).
void init_set_storage();
void init_set_methods();

}  // namespace coil::rt
