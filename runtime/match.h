// match.h — the runtime side of pattern matching (the Match* ops of the interpreter).
#pragma once

#include "runtime/builtin_types.h"

namespace coil::rt {

struct TupleObject;
struct DictObject;

// CPython's Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING: what makes instances of a class
// sequences or mappings for `case [...]` / `case {...}`. Kept in the header `aux` word of the
// type object (free for types), at most one of the two, and mirrored in TypeFlag::Sequence /
// Mapping (what `__flags__` and the native `_abc` read and set).
// TODO: one store: the flags alone (two helpers added one each in the same session).
enum CollectionKind : uint32_t { kCollectionNone = 0, kCollectionSequence = 1, kCollectionMapping = 2 };
inline uint32_t collection_kind(const TypeObject* t) {
  if (uint32_t k = t->aux & 3u) return k;
  if (has(t, TypeFlag::Sequence)) return kCollectionSequence;
  if (has(t, TypeFlag::Mapping)) return kCollectionMapping;
  return kCollectionNone;
}
inline void set_collection_kind(TypeObject* t, CollectionKind k) {
  t->aux = (t->aux & ~3u) | k;
  uint32_t f = static_cast<uint32_t>(t->flags) &
               ~(static_cast<uint32_t>(TypeFlag::Sequence) | static_cast<uint32_t>(TypeFlag::Mapping));
  if (k == kCollectionSequence) f |= static_cast<uint32_t>(TypeFlag::Sequence);
  if (k == kCollectionMapping) f |= static_cast<uint32_t>(TypeFlag::Mapping);
  t->flags = static_cast<TypeFlag>(f);
}
// A new class's kind: the first base in its MRO that has one (`__abc_tpflags__` is read by
// the native _abc). Called by type.__new__.
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
