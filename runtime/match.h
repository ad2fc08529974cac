// match.h — the runtime side of pattern matching (the Match* ops of the interpreter).
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

struct TupleObject;
struct DictObject;

// CPython's Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING: what makes instances of a class
// sequences or mappings for `case [...]` / `case {...}`. Kept in the header `aux` word of the
// type object (free for types), at most one of the two.
enum CollectionKind : uint32_t { kCollectionNone = 0, kCollectionSequence = 1, kCollectionMapping = 2 };
inline uint32_t collection_kind(const TypeObject* t) { return t->aux & 3u; }
inline void set_collection_kind(TypeObject* t, CollectionKind k) { t->aux = (t->aux & ~3u) | k; }
// A new class's kind: `__abc_tpflags__` in its namespace (collections.abc's Sequence and
// Mapping set it; it is removed, as CPython's _abc does), else the first base in its MRO that
// has one. Called by type.__new__.
bool inherit_collection_kind(TypeObject* t, DictObject* ns);
// The built-in sequences and mappings (list, tuple, range, memoryview, dict, mappingproxy).
void init_collection_kinds();

// Is the subject a mapping / a sequence for `case {...}` / `case [...]`? -1 on error.
int match_is_mapping(Value subject);
int match_is_sequence(Value subject);
// The values of `keys` in the subject (a tuple), None if a key is missing, empty on error.
Value match_keys(Value subject, TupleObject* keys);
// Positional + keyword attributes of a class pattern (a tuple), None if no match.
Value match_class(Value subject, Value cls, int64_t npos, TupleObject* kwnames);
// dict(subject) without `keys` (for `**rest`).
Value copy_dict_without_keys(Value subject, TupleObject* keys);

}  // namespace coil::rt
