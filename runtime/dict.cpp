// dict.cpp — the compact ordered hash table behind dict, module namespaces and instance dicts.
//
// Probing follows CPython (i = i*5 + perturb + 1, perturb >>= 5) over an index table of
// 1/2/4/8-byte slots; entries are appended in insertion order. EMPTY and DUMMY (deleted)
// index slots are -1 and -2. Growth makes room for 3x the live entries, as 3.11 does.
#include "runtime/dict.h"

#include <cstring>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"

namespace coil::rt {

namespace {

constexpr int64_t kEmpty = -1, kDummy = -2;
constexpr int kPerturbShift = 5;
constexpr int64_t kMinLog2 = 3;

int index_width(int64_t log2_size) {
  return log2_size < 8 ? 1 : log2_size < 16 ? 2 : log2_size < 32 ? 4 : 8;
}

int64_t get_index(const DictStorage* s, int64_t i) {
  switch (index_width(s->log2_size)) {
    case 1: return reinterpret_cast<const int8_t*>(s->data)[i];
    case 2: return reinterpret_cast<const int16_t*>(s->data)[i];
    case 4: return reinterpret_cast<const int32_t*>(s->data)[i];
    default: return reinterpret_cast<const int64_t*>(s->data)[i];
  }
}

void set_index(DictStorage* s, int64_t i, int64_t ix) {
  switch (index_width(s->log2_size)) {
    case 1: reinterpret_cast<int8_t*>(s->data)[i] = static_cast<int8_t>(ix); break;
    case 2: reinterpret_cast<int16_t*>(s->data)[i] = static_cast<int16_t>(ix); break;
    case 4: reinterpret_cast<int32_t*>(s->data)[i] = static_cast<int32_t>(ix); break;
    default: reinterpret_cast<int64_t*>(s->data)[i] = ix; break;
  }
}

void visit_storage(Object* self, Visitor& v) {
  auto* s = static_cast<DictStorage*>(self);
  DictEntry* e = dict_entries(s);
  for (int64_t i = 0; i < s->nentries; ++i) {
    v.visit(e[i].key);
    v.visit(e[i].value);
  }
}

void visit_dict(Object* self, Visitor& v) {
  auto* d = static_cast<DictObject*>(self);
  if (d->storage) v.visit(d->storage);
}

DictStorage* new_storage(int64_t log2_size) {
  int64_t size = int64_t(1) << log2_size;
  int64_t usable = (size << 1) / 3;
  size_t bytes = sizeof(DictStorage) + size * index_width(log2_size) + usable * sizeof(DictEntry);
  auto* s = static_cast<DictStorage*>(allocate_object(DictStorageType, bytes));
  if (!s) {
    raise_memory_error();
    return nullptr;
  }
  s->log2_size = log2_size;
  s->usable = usable;
  s->nentries = 0;
  std::memset(s->data, 0xFF, size * index_width(log2_size));  // all kEmpty
  return s;
}

// Finds the index slot of `key`: returns the entry index (>= 0) or kEmpty; *slot gets the
// index-table position (of the entry, or of the first free slot on a miss). -3: error.
int64_t find(DictObject* d, Value key, int64_t hash, int64_t* slot) {
  DictStorage* s = d->storage;
  uint64_t mask = (uint64_t(1) << s->log2_size) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  int64_t first_free = -1;
  DictEntry* entries = dict_entries(s);
  while (true) {
    int64_t ix = get_index(s, i);
    if (ix == kEmpty) {
      *slot = first_free >= 0 ? first_free : static_cast<int64_t>(i);
      return kEmpty;
    }
    if (ix == kDummy) {
      if (first_free < 0) first_free = static_cast<int64_t>(i);
    } else {
      DictEntry& e = entries[ix];
      if (e.key == key) {
        *slot = static_cast<int64_t>(i);
        return ix;
      }
      if (e.hash == hash) {
        if (is_exact(e.key, StrType) && is_exact(key, StrType)) {
          if (str_equal(as_str(e.key), as_str(key))) {
            *slot = static_cast<int64_t>(i);
            return ix;
          }
        } else {
          Value ekey = e.key;
          DictStorage* before = d->storage;
          int eq = equal(ekey, key);
          if (eq < 0) return -3;
          if (d->storage != before) return find(d, key, hash, slot);  // mutated: restart
          if (eq) {
            *slot = static_cast<int64_t>(i);
            return ix;
          }
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// The first free index slot for `hash` (the key is known to be absent: nothing is compared).
int64_t free_slot(DictStorage* s, int64_t hash) {
  uint64_t mask = (uint64_t(1) << s->log2_size) - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  uint64_t i = static_cast<uint64_t>(hash) & mask;
  while (true) {
    int64_t ix = get_index(s, i);
    if (ix == kEmpty || ix == kDummy) return static_cast<int64_t>(i);
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
  }
}

uint64_t g_keys_version = 0;

void keys_changed(DictObject* d) { d->keys_version = ++g_keys_version; }

bool resize(DictObject* d, int64_t min_used) {
  int64_t log2 = kMinLog2;
  while (((int64_t(1) << log2) << 1) / 3 < min_used) ++log2;
  DictStorage* old = d->storage;
  DictStorage* s = new_storage(log2);
  if (!s) return false;
  if (old) {
    DictEntry* from = dict_entries(old);
    DictEntry* to = dict_entries(s);
    uint64_t mask = (uint64_t(1) << log2) - 1;
    int64_t n = 0;
    for (int64_t k = 0; k < old->nentries; ++k) {
      if (from[k].key.is_empty_slot()) continue;
      to[n] = from[k];
      uint64_t perturb = static_cast<uint64_t>(from[k].hash);
      uint64_t i = perturb & mask;
      while (get_index(s, i) != kEmpty) {
        perturb >>= kPerturbShift;
        i = (i * 5 + perturb + 1) & mask;
      }
      set_index(s, i, n);
      ++n;
    }
    s->nentries = n;
  }
  d->storage = s;
  keys_changed(d);
  return true;
}

int64_t key_hash(Value key) {
  if (is_exact(key, StrType)) return str_hash(as_str(key));
  return hash(key);
}

}  // namespace

DictEntry* dict_entries(DictStorage* s) {
  return reinterpret_cast<DictEntry*>(s->data + (int64_t(1) << s->log2_size) * index_width(s->log2_size));
}

DictObject* new_dict(int64_t min_size) {
  auto* d = static_cast<DictObject*>(allocate_object(DictType, sizeof(DictObject)));
  if (!d) {
    raise_memory_error();
    return nullptr;
  }
  if (!resize(d, min_size)) return nullptr;
  return d;
}

Value dict_get(DictObject* d, Value key, bool* error) {
  *error = false;
  int64_t h = key_hash(key);
  if (h == -1 && has_pending_exception()) {
    *error = true;
    return Value();
  }
  int64_t slot;
  int64_t ix = find(d, key, h, &slot);
  if (ix == -3) {
    *error = true;
    return Value();
  }
  if (ix < 0) return Value();
  return dict_entries(d->storage)[ix].value;
}

int dict_contains_hashed(DictObject* d, Value key, int64_t hash) {
  int64_t slot;
  int64_t ix = find(d, key, hash, &slot);
  return ix == -3 ? -1 : ix >= 0;
}

int64_t dict_index_str(DictObject* d, StrObject* key) {
  int64_t slot;
  int64_t ix = find(d, Value::from_obj(key), str_hash(key), &slot);
  return ix >= 0 ? ix : -1;
}

Value dict_get_str(DictObject* d, StrObject* key) {
  bool error;
  return dict_get(d, Value::from_obj(key), &error);
}

bool dict_set(DictObject* d, Value key, Value value) {
  int64_t h = key_hash(key);
  if (h == -1 && has_pending_exception()) return false;
  return dict_set_hashed(d, key, h, value);
}

// Appends (key, value) at index slot `slot` found by a failed lookup; a full table grows
// first, and the key is placed without comparing anything again (CPython calls a key's
// __hash__ and __eq__ once per insertion, even across a resize).
static bool insert_new(DictObject* d, Value key, int64_t h, Value value, int64_t slot) {
  if (d->storage->nentries >= d->storage->usable) {
    if (!resize(d, d->used * 3)) return false;
    slot = free_slot(d->storage, h);
  }
  DictStorage* s = d->storage;
  int64_t n = s->nentries++;
  dict_entries(s)[n] = DictEntry{h, key, value};
  set_index(s, slot, n);
  ++d->used;
  keys_changed(d);
  return true;
}

bool dict_set_hashed(DictObject* d, Value key, int64_t h, Value value) {
  int64_t slot;
  int64_t ix = find(d, key, h, &slot);
  if (ix == -3) return false;
  ++d->version;
  if (ix >= 0) {
    dict_entries(d->storage)[ix].value = value;
    return true;
  }
  return insert_new(d, key, h, value, slot);
}

Value dict_setdefault(DictObject* d, Value key, Value dflt) {
  int64_t h = key_hash(key);
  if (h == -1 && has_pending_exception()) return Value();
  int64_t slot;
  int64_t ix = find(d, key, h, &slot);
  if (ix == -3) return Value();
  if (ix >= 0) return dict_entries(d->storage)[ix].value;
  ++d->version;
  return insert_new(d, key, h, dflt, slot) ? dflt : Value();
}

bool dict_set_str(DictObject* d, StrObject* key, Value value) {
  return dict_set(d, Value::from_obj(key), value);
}

int dict_del(DictObject* d, Value key) {
  int64_t h = key_hash(key);
  if (h == -1 && has_pending_exception()) return -1;
  int64_t slot;
  int64_t ix = find(d, key, h, &slot);
  if (ix == -3) return -1;
  if (ix < 0) return 0;
  DictEntry& e = dict_entries(d->storage)[ix];
  e.key = Value();
  e.value = Value();
  set_index(d->storage, slot, kDummy);
  --d->used;
  keys_changed(d);
  ++d->version;
  return 1;
}

void dict_clear(DictObject* d) {
  // A fresh empty table: resize() would re-insert the live entries.
  DictStorage* s = new_storage(kMinLog2);
  if (!s) return;  // MemoryError pending (alloc_dict reports it)
  d->storage = s;
  d->used = 0;
  keys_changed(d);
  ++d->version;
}

bool dict_next(DictObject* d, int64_t* pos, Value* key, Value* value, int64_t* hash) {
  DictStorage* s = d->storage;
  DictEntry* e = dict_entries(s);
  while (*pos < s->nentries) {
    DictEntry& cur = e[(*pos)++];
    if (cur.key.is_empty_slot()) continue;
    if (key) *key = cur.key;
    if (value) *value = cur.value;
    if (hash) *hash = cur.hash;
    return true;
  }
  return false;
}

void init_dict_storage() {
  DictType->visit = visit_dict;
  DictStorageType->visit = visit_storage;
}

}  // namespace coil::rt
