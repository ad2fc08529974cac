// dict.h — DictObject: compact, insertion-ordered hash table (index table + entry array).
//
// Layout (one DictStorage GC object): `indices` of 1/2/4/8-byte slots (by table size)
// followed by the entries (hash, key, value) in insertion order. Lookups probe the indices
// the way CPython does (perturbed linear congruence), so iteration order and behaviour match.
// Deleted entries leave a dummy index and a null key until the next resize. Keys that are
// exact str compare by identity first, then by content, so interned names are fast.
#pragma once

#include <cstdint>

#include "runtime/builtin_types.h"

namespace coil::rt {

struct DictEntry {
  int64_t hash;
  Value key;    // empty slot: deleted entry
  Value value;
};

struct DictStorage : Object {
  int64_t log2_size;   // index table has 1 << log2_size slots
  int64_t usable;      // entries that fit before a resize
  int64_t nentries;    // entries used (including deleted ones)
  uint8_t data[];      // indices, then DictEntry[usable]
};

struct DictObject : Object {
  int64_t used;            // live entries
  uint64_t version;        // changes on every mutation (caches and the JIT check it)
  uint64_t keys_version;   // globally unique; changes whenever the set of keys (and so the
                           // entry index of any key) changes: inline caches keep entry indexes
  DictStorage* storage;
};

inline DictObject* as_dict(Value v) { return static_cast<DictObject*>(v.as_obj()); }
inline bool is_dict(Value v) { return v.is_obj() && has(v.as_obj()->type, TypeFlag::DictSubclass); }

DictObject* new_dict(int64_t min_size = 0);  // null with MemoryError raised
// Lookup. Returns the value, or an empty Value when missing (no exception) — or when
// hashing/comparing raised: then `*error` is set and the exception is pending.
Value dict_get(DictObject* d, Value key, bool* error);
// Lookup by a str key whose hash is known; never raises for exact-str keys.
Value dict_get_str(DictObject* d, StrObject* key);
bool dict_set(DictObject* d, Value key, Value value);     // false: exception pending
bool dict_set_str(DictObject* d, StrObject* key, Value value);
// dict_set with the key's hash already known (merging from a dict or set reuses the stored
// hashes, as CPython does, so __hash__ is not called again).
bool dict_set_hashed(DictObject* d, Value key, int64_t hash, Value value);
// `key in d` for a key whose hash is known: 1, 0, or -1 with the exception pending.
int dict_contains_hashed(DictObject* d, Value key, int64_t hash);
// d.setdefault(key, dflt): one hash and one lookup. Empty with an exception pending.
Value dict_setdefault(DictObject* d, Value key, Value dflt);
// Removes key; returns 1 removed, 0 missing (no exception), -1 error.
int dict_del(DictObject* d, Value key);
void dict_clear(DictObject* d);
// Iteration over live entries in order: pass pos=0 first; false when done.
// `hash` (optional) receives the key's stored hash.
bool dict_next(DictObject* d, int64_t* pos, Value* key, Value* value, int64_t* hash = nullptr);
DictEntry* dict_entries(DictStorage* s);
// The entry index of an exact-str key (-1 when absent); valid while keys_version holds.
int64_t dict_index_str(DictObject* d, StrObject* key);

void init_dict_type();

}  // namespace coil::rt
