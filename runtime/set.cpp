// set.cpp — the hash table behind set and frozenset (design in set.h): probing, resizing,
// merging, and the set-level building blocks the methods in set_methods.cpp combine.
//
// The order in which entries land must match CPython 3.11 exactly (printed sets depend on
// it), so the probe sequence, the resize thresholds, the "one big resize before a merge"
// and the clean-insert fast paths all follow its setobject.c design.
#include "runtime/set.h"

#include <cstring>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/roots.h"
#include "runtime/str.h"

namespace coil::rt {

namespace {

constexpr int64_t kMinSize = 8;
constexpr int kLinearProbes = 9;
constexpr int kPerturbShift = 5;

Object* g_dummy = nullptr;

void visit_storage(Object* self, Visitor& v) {
  auto* s = static_cast<SetStorage*>(self);
  for (int64_t i = 0; i < s->size; ++i) {
    Value k = s->entries[i].key;
    if (k.is_obj() && k.as_obj() != g_dummy) v.visit(k);
  }
}

void visit_set(Object* self, Visitor& v) {
  auto* s = static_cast<SetObject*>(self);
  if (s->table) v.visit(s->table);
}

SetStorage* new_storage(int64_t size) {
  auto* t = static_cast<SetStorage*>(allocate_object(SetStorageType, sizeof(SetStorage) + size * sizeof(SetEntry)));
  if (!t) {
    raise_memory_error();
    return nullptr;
  }
  t->size = size;
  return t;  // zeroed: every key empty, every hash 0
}

bool is_dummy(Value k) { return k.is_obj() && k.as_obj() == g_dummy; }

// Equality of an entry's key with `key` (same hash); exact strs compare without calls.
int keys_equal(Value a, Value b) {
  if (a == b) return 1;
  if (is_exact(a, StrType) && is_exact(b, StrType)) return str_equal(as_str(a), as_str(b)) ? 1 : 0;
  return equal(a, b);
}

// Inserts into a table known to hold neither `key` nor dummies (resizes, merges).
void insert_clean(SetEntry* table, int64_t mask, Value key, int64_t hash) {
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  SetEntry* e;
  while (true) {
    e = &table[i];
    if (e->key.is_empty_slot()) goto found;
    if (i + kLinearProbes <= static_cast<uint64_t>(mask)) {
      for (int j = 0; j < kLinearProbes; ++j) {
        ++e;
        if (e->key.is_empty_slot()) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found:
  e->key = key;
  e->hash = hash;
}

bool table_resize(SetObject* s, int64_t minused) {
  int64_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  SetStorage* old = s->table;
  int64_t oldsize = s->mask + 1;
  SetStorage* t = new_storage(newsize);
  if (!t) return false;
  int64_t newmask = newsize - 1;
  for (int64_t i = 0; i < oldsize; ++i) {
    SetEntry& e = old->entries[i];
    if (!e.key.is_empty_slot() && !is_dummy(e.key)) insert_clean(t->entries, newmask, e.key, e.hash);
  }
  s->table = t;
  s->mask = newmask;
  s->fill = s->used;
  return true;
}

int64_t key_hash(Value key) {
  if (is_exact(key, StrType)) return str_hash(as_str(key));
  return hash(key);
}

// Finds `key`: the active entry holding it, or null when absent. *error on failure.
SetEntry* lookkey(SetObject* s, Value key, int64_t hash, bool* error) {
  *error = false;
restart:
  SetStorage* table = s->table;
  int64_t mask = s->mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  while (true) {
    SetEntry* e = &table->entries[i];
    int probes = i + kLinearProbes <= static_cast<uint64_t>(mask) ? kLinearProbes : 0;
    do {
      if (e->hash == 0 && e->key.is_empty_slot()) return nullptr;
      if (e->hash == hash) {
        Value start = e->key;
        if (start == key) return e;
        if (is_exact(start, StrType) && is_exact(key, StrType)) {
          if (str_equal(as_str(start), as_str(key))) return e;
        } else {
          int eq = keys_equal(start, key);
          if (eq < 0) {
            *error = true;
            return nullptr;
          }
          if (table != s->table || e->key != start) goto restart;  // mutated by __eq__
          if (eq) return e;
        }
      }
      ++e;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

}  // namespace

Value set_dummy() { return Value::from_obj(g_dummy); }

bool is_set_type(TypeObject* t) { return t == SetType || (t != FrozenSetType && is_subtype(t, SetType)); }
bool is_frozenset_type(TypeObject* t) { return t == FrozenSetType || (t != SetType && is_subtype(t, FrozenSetType)); }

SetObject* new_set(TypeObject* type) {
  auto* s = static_cast<SetObject*>(allocate_object(type, type == SetType || type == FrozenSetType
                                                                ? sizeof(SetObject) : type->basic_size));
  if (!s) {
    raise_memory_error();
    return nullptr;
  }
  s->table = new_storage(kMinSize);
  if (!s->table) return nullptr;
  s->mask = kMinSize - 1;
  s->hash = -1;
  return s;
}

bool set_add_entry(SetObject* s, Value key, int64_t hash) {
restart:
  SetStorage* table = s->table;
  int64_t mask = s->mask;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  SetEntry* freeslot = nullptr;
  SetEntry* e;
  while (true) {
    e = &table->entries[i];
    int probes = i + kLinearProbes <= static_cast<uint64_t>(mask) ? kLinearProbes : 0;
    do {
      if (e->hash == 0 && e->key.is_empty_slot()) goto found_unused_or_dummy;
      if (e->hash == hash) {
        Value start = e->key;
        if (start == key) return true;
        int eq = keys_equal(start, key);
        if (eq < 0) return false;
        if (eq) return true;
        if (table != s->table || e->key != start) goto restart;
        mask = s->mask;
      } else if (e->hash == -1) {
        freeslot = e;
      }
      ++e;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot) {
    ++s->used;
    freeslot->key = key;
    freeslot->hash = hash;
    return true;
  }
  ++s->fill;
  ++s->used;
  e->key = key;
  e->hash = hash;
  if (s->fill * 5 < mask * 3) return true;
  return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

bool set_add_key(SetObject* s, Value key) {
  int64_t h = key_hash(key);
  if (h == -1 && has_pending_exception()) return false;
  return set_add_entry(s, key, h);
}

int set_contains_entry(SetObject* s, Value key, int64_t hash) {
  bool error;
  SetEntry* e = lookkey(s, key, hash, &error);
  if (error) return -1;
  return e != nullptr;
}

int set_contains_key(SetObject* s, Value key) {
  int64_t h = key_hash(key);
  if (h == -1 && has_pending_exception()) return -1;
  return set_contains_entry(s, key, h);
}

namespace {

int discard_entry(SetObject* s, Value key, int64_t hash) {
  bool error;
  SetEntry* e = lookkey(s, key, hash, &error);
  if (error) return -1;
  if (!e) return 0;
  e->key = set_dummy();
  e->hash = -1;
  --s->used;
  return 1;
}

}  // namespace

int set_discard_entry(SetObject* s, Value key, int64_t hash) { return discard_entry(s, key, hash); }

int set_discard_key(SetObject* s, Value key) {
  int64_t h = key_hash(key);
  if (h == -1 && has_pending_exception()) return -1;
  return discard_entry(s, key, h);
}

void set_clear_internal(SetObject* s) {
  SetStorage* t = new_storage(kMinSize);
  if (!t) return;
  s->table = t;
  s->mask = kMinSize - 1;
  s->fill = s->used = 0;
  s->finger = 0;
}

bool set_next(SetObject* s, int64_t* pos, SetEntry** entry) {
  while (*pos <= s->mask) {
    SetEntry* e = &s->table->entries[(*pos)++];
    if (!e->key.is_empty_slot() && !is_dummy(e->key)) {
      *entry = e;
      return true;
    }
  }
  return false;
}

bool set_resize(SetObject* s, int64_t minused) { return table_resize(s, minused); }

namespace {

// Adds the entries of another set: one big resize first, then clean inserts when the
// table is empty (the order CPython produces for copies and unions).
bool set_merge(SetObject* s, SetObject* other) {
  if (other == s || other->used == 0) return true;
  if ((s->fill + other->used) * 5 >= s->mask * 3) {
    if (!table_resize(s, (s->used + other->used) * 2)) return false;
  }
  SetEntry* from = other->table->entries;
  if (s->fill == 0 && s->mask == other->mask && other->fill == other->used) {
    for (int64_t i = 0; i <= other->mask; ++i)
      if (!from[i].key.is_empty_slot()) s->table->entries[i] = from[i];
    s->fill = other->fill;
    s->used = other->used;
    return true;
  }
  if (s->fill == 0) {
    s->fill = s->used = other->used;
    for (int64_t i = 0; i <= other->mask; ++i)
      if (!from[i].key.is_empty_slot() && !is_dummy(from[i].key))
        insert_clean(s->table->entries, s->mask, from[i].key, from[i].hash);
    return true;
  }
  // Keys may repeat: ordinary insertions. Keep `other` (its table may change) on the stack.
  SetStorage* keep = other->table;
  for (int64_t i = 0; i <= other->mask && other->table == keep; ++i) {
    SetEntry e = keep->entries[i];
    if (!e.key.is_empty_slot() && !is_dummy(e.key) && !set_add_entry(s, e.key, e.hash)) return false;
  }
  return true;
}

}  // namespace

bool set_update_internal(SetObject* s, Value iterable) {
  if (is_anyset(iterable)) return set_merge(s, as_set(iterable));
  if (is_exact(iterable, DictType)) {
    DictObject* d = as_dict(iterable);
    if ((s->fill + d->used) * 5 >= s->mask * 3) {
      if (!table_resize(s, (s->used + d->used) * 2)) return false;
    }
    int64_t pos = 0;
    Value k;
    while (dict_next(d, &pos, &k, nullptr)) {
      int64_t h = dict_entries(d->storage)[pos - 1].hash;
      if (!set_add_entry(s, k, h)) return false;
    }
    return true;
  }
  Value it = get_iter(iterable);
  if (it.is_empty_slot()) return false;
  while (true) {
    bool done = false;
    Value k = iter_next(it, &done);
    if (done) return true;
    if (k.is_empty_slot() || !set_add_key(s, k)) return false;
  }
}

Value make_new_set(TypeObject* type, Value iterable) {
  SetObject* s = new_set(type);
  if (!s) return Value();
  if (!iterable.is_empty_slot() && !set_update_internal(s, iterable)) return Value();
  return Value::from_obj(s);
}

int64_t frozenset_hash(SetObject* s) {
  if (s->hash != -1) return s->hash;
  // XOR of shuffled entry hashes: independent of order, so equal frozensets hash equal
  // whatever their insertion history (CPython 3.11's frozenset_hash formula).
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
  uint64_t h = 0;
  int64_t pos = 0;
  SetEntry* e;
  while (set_next(s, &pos, &e)) h ^= shuffle(static_cast<uint64_t>(e->hash));
  h ^= (static_cast<uint64_t>(s->used) + 1) * 1927868237ULL;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069U + 907133923ULL;
  if (h == static_cast<uint64_t>(-1)) h = 590923713ULL;
  s->hash = static_cast<int64_t>(h);
  return s->hash;
}

void init_set_storage() {
  SetStorageType->visit = visit_storage;
  SetType->visit = visit_set;
  FrozenSetType->visit = visit_set;
  g_dummy = allocate_object(ObjectType, sizeof(Object));
  add_runtime_root_hook([](Visitor& v) { v.visit(g_dummy); });
}

}  // namespace coil::rt
