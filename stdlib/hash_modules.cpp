// hash_modules.cpp — _md5, _sha1, _sha256, _sha512, _sha3 and _blake2: hash objects (update,
// digest, hexdigest, copy, name, digest_size, block_size) over the digests of hash_algos.h, the
// constructors hashlib falls back to without OpenSSL's _hashlib.
#include <cstring>
#include <string>

#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/hash_algos.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;
using namespace coil::lib::digest;

namespace {

enum class Family : uint8_t { Md, Keccak, Blake2 };

// One algorithm: its Python name and type, and how to start its state.
struct Algo {
  const char* name;      // hash.name
  const char* type_name; // "_sha256.sha224"
  Family family;
  MdKind md;             // Family::Md
  uint32_t rate;         // Keccak: bytes per block
  uint8_t suffix;        // Keccak: 0x06 SHA-3, 0x1f SHAKE
  uint32_t digest_size;  // 0 for SHAKE
  uint32_t block_size;
  bool blake2b;          // Family::Blake2: b or s
  TypeObject* type;
};

Algo g_algos[] = {
    {"md5", "_md5.md5", Family::Md, MdKind::Md5, 0, 0, 16, 64, false, nullptr},
    {"sha1", "_sha1.sha1", Family::Md, MdKind::Sha1, 0, 0, 20, 64, false, nullptr},
    {"sha224", "_sha256.sha224", Family::Md, MdKind::Sha224, 0, 0, 28, 64, false, nullptr},
    {"sha256", "_sha256.sha256", Family::Md, MdKind::Sha256, 0, 0, 32, 64, false, nullptr},
    {"sha384", "_sha512.sha384", Family::Md, MdKind::Sha384, 0, 0, 48, 128, false, nullptr},
    {"sha512", "_sha512.sha512", Family::Md, MdKind::Sha512, 0, 0, 64, 128, false, nullptr},
    {"sha3_224", "_sha3.sha3_224", Family::Keccak, MdKind::Md5, 144, 0x06, 28, 144, false, nullptr},
    {"sha3_256", "_sha3.sha3_256", Family::Keccak, MdKind::Md5, 136, 0x06, 32, 136, false, nullptr},
    {"sha3_384", "_sha3.sha3_384", Family::Keccak, MdKind::Md5, 104, 0x06, 48, 104, false, nullptr},
    {"sha3_512", "_sha3.sha3_512", Family::Keccak, MdKind::Md5, 72, 0x06, 64, 72, false, nullptr},
    {"shake_128", "_sha3.shake_128", Family::Keccak, MdKind::Md5, 168, 0x1f, 0, 168, false, nullptr},
    {"shake_256", "_sha3.shake_256", Family::Keccak, MdKind::Md5, 136, 0x1f, 0, 136, false, nullptr},
    {"blake2b", "_blake2.blake2b", Family::Blake2, MdKind::Md5, 0, 0, 64, 128, true, nullptr},
    {"blake2s", "_blake2.blake2s", Family::Blake2, MdKind::Md5, 0, 0, 32, 64, false, nullptr},
};

struct HashObject : Object {
  const Algo* algo;
  union {
    MdState md;
    KeccakState keccak;
    Blake2State blake2;
  } st;
};

HashObject* H(Value v) { return static_cast<HashObject*>(v.as_obj()); }

const Algo* algo_named(std::string_view name) {
  for (const Algo& a : g_algos)
    if (name == a.name) return &a;
  return nullptr;
}

// The bytes of a hash input: bytes-like objects only (str must be encoded first).
bool data_view(Value v, std::string_view* out) {
  if (is_str(v)) return raise_msg(TypeErrorType, "Strings must be encoded before hashing"), false;
  if (!bytes_like_view(v, out)) {
    if (!has_pending_exception()) raise_msg(TypeErrorType, "object supporting the buffer API required");
    return false;
  }
  return true;
}

void feed(HashObject* h, std::string_view d) {
  auto* p = reinterpret_cast<const uint8_t*>(d.data());
  switch (h->algo->family) {
    case Family::Md: md_update(&h->st.md, p, d.size()); break;
    case Family::Keccak: keccak_update(&h->st.keccak, p, d.size()); break;
    case Family::Blake2: blake2_update(&h->st.blake2, p, d.size()); break;
  }
}

HashObject* new_hash(const Algo* a) {
  auto* h = static_cast<HashObject*>(new_instance(a->type));
  if (!h) return nullptr;
  h->algo = a;
  if (a->family == Family::Md) md_init(&h->st.md, a->md);
  else if (a->family == Family::Keccak) keccak_init(&h->st.keccak, a->rate, a->suffix, a->digest_size);
  return h;
}

// Makes a hash of `a` over the optional initial data.
Value make_hash(const Algo* a, Value data) {
  std::string_view d;
  if (!data.is_empty_slot() && !data_view(data, &d)) return Value();
  HashObject* h = new_hash(a);
  if (!h) return Value();
  if (!d.empty()) feed(h, d);
  return Value::from_obj(h);
}

// md5(string=b'', *, usedforsecurity=True) and the sha1/sha2 constructors.
template <int I>
Value md_constructor(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args(g_algos[I].name, args, nargs, kwnames, {"string", "usedforsecurity"}, 0, a, 1)) return Value();
  return make_hash(&g_algos[I], a[0]);
}

// sha3_*(data=b'', /, *, usedforsecurity=True): the type is the constructor.
Value keccak_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  const Algo* algo = nullptr;
  for (const Algo& a : g_algos)
    if (a.type && is_subtype(type, a.type)) algo = &a;
  Value a[2];
  if (!parse_args(algo->name, args + 1, nargs - 1, kwnames, {"data", "usedforsecurity"}, 0, a, 1)) return Value();
  std::string_view d;
  if (!a[0].is_empty_slot() && !data_view(a[0], &d)) return Value();
  auto* h = static_cast<HashObject*>(new_instance(type));
  if (!h) return Value();
  h->algo = algo;
  keccak_init(&h->st.keccak, algo->rate, algo->suffix, algo->digest_size);
  feed(h, d);
  return Value::from_obj(h);
}

bool bytes_param(Value v, const char* what, size_t max, std::string* out) {
  if (v.is_empty_slot()) return true;
  std::string_view s;
  if (!bytes_like_view(v, &s)) {
    if (!has_pending_exception()) raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(v));
    return false;
  }
  if (s.size() > max) return raise_fmt(ValueErrorType, "maximum %s length is %zu bytes", what, max), false;
  *out = s;
  return true;
}

// An integer parameter; past int64 it fails with CPython's message for the C type behind it.
bool int_param(Value v, int64_t* out, const char* overflow_msg = "Python int too large to convert to C int") {
  if (v.is_empty_slot()) return true;
  bool overflow = false;
  if (!as_int64(v, out, &overflow)) return false;
  if (overflow) return raise_msg(OverflowErrorType, overflow_msg), false;
  return true;
}

// blake2b/blake2s(data=b'', /, *, digest_size, key, salt, person, fanout, depth, leaf_size,
// node_offset, node_depth, inner_size, last_node, usedforsecurity).
Value blake2_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* type = static_cast<TypeObject*>(args[0].as_obj());
  const Algo* algo = is_subtype(type, algo_named("blake2b")->type) ? algo_named("blake2b") : algo_named("blake2s");
  bool b = algo->blake2b;
  Value a[14];
  if (!parse_args(algo->name, args + 1, nargs - 1, kwnames,
                  {"data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset",
                   "node_depth", "inner_size", "last_node", "usedforsecurity"},
                  0, a, 1))
    return Value();
  Blake2Params p;
  size_t max_out = b ? 64 : 32, max_salt = b ? 16 : 8;
  int64_t digest_size = static_cast<int64_t>(max_out), fanout = 1, depth = 1, leaf = 0, offset = 0, node_depth = 0,
          inner = 0;
  if (!int_param(a[1], &digest_size)) return Value();
  if (digest_size < 1 || digest_size > static_cast<int64_t>(max_out))
    return raise_fmt(ValueErrorType, "digest_size must be between 1 and %zu bytes", max_out);
  if (!bytes_param(a[2], "key", max_out, &p.key) || !bytes_param(a[3], "salt", max_salt, &p.salt) ||
      !bytes_param(a[4], "person", max_salt, &p.person))
    return Value();
  if (!int_param(a[5], &fanout) || !int_param(a[6], &depth) ||
      !int_param(a[7], &leaf, "Python int too large to convert to C unsigned long") ||
      !int_param(a[8], &offset, "int too big to convert") || !int_param(a[9], &node_depth) || !int_param(a[10], &inner))
    return Value();
  if (fanout < 0 || fanout > 255) return raise_msg(ValueErrorType, "fanout must be between 0 and 255");
  if (depth <= 0 || depth > 255) return raise_msg(ValueErrorType, "depth must be between 1 and 255");
  if (leaf < 0 || offset < 0) return raise_msg(ValueErrorType, "value must be positive");
  if (leaf > 0xFFFFFFFFLL) return raise_msg(OverflowErrorType, "leaf_size is too large");
  if (!b && offset > 0xFFFFFFFFFFFFLL) return raise_msg(OverflowErrorType, "node_offset is too large");
  if (node_depth < 0 || node_depth > 255) return raise_msg(ValueErrorType, "node_depth must be between 0 and 255");
  if (inner < 0 || inner > static_cast<int64_t>(max_out))
    return raise_fmt(ValueErrorType, "inner_size must be between 0 and is %zu", max_out);
  if (!a[11].is_empty_slot()) {
    int t = is_true(a[11]);
    if (t < 0) return Value();
    p.last_node = t;
  }
  p.digest_size = static_cast<uint32_t>(digest_size);
  p.fanout = static_cast<uint32_t>(fanout);
  p.depth = static_cast<uint32_t>(depth);
  p.leaf_size = static_cast<uint32_t>(leaf);
  p.node_offset = static_cast<uint64_t>(offset);
  p.node_depth = static_cast<uint32_t>(node_depth);
  p.inner_size = static_cast<uint32_t>(inner);
  std::string_view d;
  if (!a[0].is_empty_slot() && !data_view(a[0], &d)) return Value();
  auto* h = static_cast<HashObject*>(new_instance(type));
  if (!h) return Value();
  h->algo = algo;
  blake2_init(&h->st.blake2, b, p);
  feed(h, d);
  return Value::from_obj(h);
}

Value hash_update(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("update", kwnames) || !check_positional("update", nargs - 1, 1, 1)) return Value();
  std::string_view d;
  if (!data_view(args[1], &d)) return Value();
  feed(H(args[0]), d);
  return None;
}

// The digest bytes; SHAKE takes the length as an argument.
bool compute(Value* args, int64_t nargs, TupleObject* kwnames, const char* fname, std::string* out) {
  HashObject* h = H(args[0]);
  if (h->algo->family == Family::Keccak && h->algo->digest_size == 0) {
    Value a[1];
    if (nargs == 1 && !(kwnames && kwnames->size))
      return raise_fmt(TypeErrorType, "%s.%s() takes exactly one argument (0 given)", h->algo->name, fname), false;
    if (!parse_args(fname, args + 1, nargs - 1, kwnames, {"length"}, 1, a)) return false;
    int64_t n;
    bool overflow = false;
    if (!is_int(a[0])) return raise_fmt(TypeErrorType, "'%s' object cannot be interpreted as an integer", type_name(a[0])), false;
    if (!as_int64(a[0], &n, &overflow)) return false;
    if (n < 0) return raise_msg(ValueErrorType, "value must be positive"), false;
    if (n >= (int64_t{1} << 29)) return raise_msg(ValueErrorType, "length is too large"), false;
    *out = keccak_final(&h->st.keccak, static_cast<size_t>(n));
    return true;
  }
  if (!no_kwargs(fname, kwnames)) return false;
  if (nargs > 1)
    return raise_fmt(TypeErrorType, "%s.%s() takes no arguments (%lld given)", h->algo->name, fname,
                     static_cast<long long>(nargs - 1)), false;
  switch (h->algo->family) {
    case Family::Md: *out = md_final(&h->st.md); break;
    case Family::Keccak: *out = keccak_final(&h->st.keccak, h->algo->digest_size); break;
    case Family::Blake2: *out = blake2_final(&h->st.blake2); break;
  }
  return true;
}

Value hash_digest(Value* args, int64_t nargs, TupleObject* kwnames) {
  std::string d;
  if (!compute(args, nargs, kwnames, "digest", &d)) return Value();
  return bytes_value(d);
}

Value hash_hexdigest(Value* args, int64_t nargs, TupleObject* kwnames) {
  std::string d;
  if (!compute(args, nargs, kwnames, "hexdigest", &d)) return Value();
  static const char hex[] = "0123456789abcdef";
  std::string r;
  for (unsigned char c : d) {
    r += hex[c >> 4];
    r += hex[c & 15];
  }
  return str_value(r);
}

Value hash_copy(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("copy", kwnames) || !check_positional("copy", nargs - 1, 0, 0)) return Value();
  HashObject* src = H(args[0]);
  auto* h = static_cast<HashObject*>(new_instance(src->type));
  if (!h) return Value();
  h->algo = src->algo;
  std::memcpy(&h->st, &src->st, sizeof h->st);
  return Value::from_obj(h);
}

Value get_name(Value self) { return str_value(H(self)->algo->name); }
Value get_digest_size(Value self) {
  const Algo* a = H(self)->algo;
  return int_from_int64(a->family == Family::Blake2 ? H(self)->st.blake2.digest_size : a->digest_size);
}
Value get_block_size(Value self) { return int_from_int64(H(self)->algo->block_size); }
// SHA-3's sponge parameters, as CPython's _sha3 objects expose them.
Value get_capacity_bits(Value self) { return int_from_int64(1600 - 8 * H(self)->algo->rate); }
Value get_rate_bits(Value self) { return int_from_int64(8 * H(self)->algo->rate); }
Value get_suffix(Value self) {
  char c = static_cast<char>(H(self)->algo->suffix);
  return bytes_value(std::string_view(&c, 1));
}

const NativeMethodDef kHashMethods[] = {
    {"update", hash_update, NativeMethodDef::Kind::Method, "Update this hash object's state with the provided string."},
    {"digest", hash_digest, NativeMethodDef::Kind::Method, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest, NativeMethodDef::Kind::Method, "Return the digest value as a string of hexadecimal digits."},
    {"copy", hash_copy, NativeMethodDef::Kind::Method, "Return a copy of the hash object."},
};
const NativeGetSetDef kHashGetSets[] = {
    {"name", get_name}, {"digest_size", get_digest_size}, {"block_size", get_block_size}};

// Makes the types of the algorithms whose type name starts with `module`.
void make_types(std::string_view module) {
  for (Algo& a : g_algos) {
    if (a.type || std::string_view(a.type_name).substr(0, module.size() + 1) != std::string(module) + ".") continue;
    bool constructor_type = a.family != Family::Md;
    a.type = make_native_type(a.type_name, sizeof(HashObject), nullptr, constructor_type);
    add_methods(a.type, kHashMethods);
    add_getsets(a.type, kHashGetSets);
    if (a.family == Family::Md) a.type->alloc = nullptr;  // made only by the md5()/sha*() functions
    if (a.family == Family::Keccak) {
      static const NativeMethodDef kNew[] = {{"__new__", keccak_new, NativeMethodDef::Kind::StaticMethod}};
      add_methods(a.type, kNew);
      static const NativeGetSetDef kSponge[] = {
          {"_capacity_bits", get_capacity_bits}, {"_rate_bits", get_rate_bits}, {"_suffix", get_suffix}};
      add_getsets(a.type, kSponge);
    } else if (a.family == Family::Blake2) {
      static const NativeMethodDef kNew[] = {{"__new__", blake2_new, NativeMethodDef::Kind::StaticMethod}};
      add_methods(a.type, kNew);
      bool b = a.blake2b;
      type_set_attr_raw(a.type, intern("SALT_SIZE"), int_from_int64(b ? 16 : 8));
      type_set_attr_raw(a.type, intern("PERSON_SIZE"), int_from_int64(b ? 16 : 8));
      type_set_attr_raw(a.type, intern("MAX_KEY_SIZE"), int_from_int64(b ? 64 : 32));
      type_set_attr_raw(a.type, intern("MAX_DIGEST_SIZE"), int_from_int64(b ? 64 : 32));
    }
  }
}

// The name CPython's modules give a Merkle–Damgård type ("MD5Type"); _sha512 only exposes
// SHA384Type, so sha512 gets none.
const char* md_type_attr(const Algo& a) {
  std::string_view n = a.name;
  return n == "md5" ? "MD5Type" : n == "sha1" ? "SHA1Type" : n == "sha224" ? "SHA224Type"
         : n == "sha256" ? "SHA256Type" : n == "sha384" ? "SHA384Type" : nullptr;
}

// Module inits: the types (constructors themselves for SHA-3 and BLAKE2; the Merkle–Damgård
// modules' constructors are the functions of their tables).
bool add_types(ModuleObject* m, std::string_view module) {
  make_types(module);
  for (const Algo& a : g_algos) {
    if (std::string_view(a.type_name).substr(0, module.size() + 1) != std::string(module) + ".") continue;
    const char* attr = a.family == Family::Md ? md_type_attr(a) : std::strchr(a.type_name, '.') + 1;
    if (attr && !module_add(m, attr, Value::from_obj(a.type))) return false;
  }
  return true;
}
bool init_md5(ModuleObject* m) { return add_types(m, "_md5"); }
bool init_sha1(ModuleObject* m) { return add_types(m, "_sha1"); }
bool init_sha256(ModuleObject* m) { return add_types(m, "_sha256"); }
bool init_sha512(ModuleObject* m) { return add_types(m, "_sha512"); }
bool init_sha3(ModuleObject* m) {
  // implementation names the Keccak code (CPython: 'tiny_sha3'); keccakopt 0 = no SIMD variant.
  return add_types(m, "_sha3") && module_add(m, "implementation", str_value("coil")) &&
         module_add(m, "keccakopt", int_from_int64(0));
}
bool init_blake2(ModuleObject* m) {
  return add_types(m, "_blake2") && module_add(m, "BLAKE2B_SALT_SIZE", int_from_int64(16)) &&
         module_add(m, "BLAKE2B_PERSON_SIZE", int_from_int64(16)) &&
         module_add(m, "BLAKE2B_MAX_KEY_SIZE", int_from_int64(64)) &&
         module_add(m, "BLAKE2B_MAX_DIGEST_SIZE", int_from_int64(64)) &&
         module_add(m, "BLAKE2S_SALT_SIZE", int_from_int64(8)) && module_add(m, "BLAKE2S_PERSON_SIZE", int_from_int64(8)) &&
         module_add(m, "BLAKE2S_MAX_KEY_SIZE", int_from_int64(32)) &&
         module_add(m, "BLAKE2S_MAX_DIGEST_SIZE", int_from_int64(32));
}

const NativeFunctionDef kMd5Functions[] = {{"md5", md_constructor<0>, "Return a new MD5 hash object; optionally initialized with a string."}};
const NativeFunctionDef kSha1Functions[] = {{"sha1", md_constructor<1>, "Return a new SHA1 hash object; optionally initialized with a string."}};
const NativeFunctionDef kSha256Functions[] = {
    {"sha224", md_constructor<2>, "Return a new SHA-224 hash object; optionally initialized with a string."},
    {"sha256", md_constructor<3>, "Return a new SHA-256 hash object; optionally initialized with a string."}};
const NativeFunctionDef kSha512Functions[] = {
    {"sha384", md_constructor<4>, "Return a new SHA-384 hash object; optionally initialized with a string."},
    {"sha512", md_constructor<5>, "Return a new SHA-512 hash object; optionally initialized with a string."}};

}  // namespace

extern const NativeModuleDef kMd5Module, kSha1Module, kSha256Module, kSha512Module, kSha3Module, kBlake2Module;
const NativeModuleDef kMd5Module = {"_md5", kMd5Functions, std::size(kMd5Functions), init_md5};
const NativeModuleDef kSha1Module = {"_sha1", kSha1Functions, std::size(kSha1Functions), init_sha1};
const NativeModuleDef kSha256Module = {"_sha256", kSha256Functions, std::size(kSha256Functions), init_sha256};
const NativeModuleDef kSha512Module = {"_sha512", kSha512Functions, std::size(kSha512Functions), init_sha512};
const NativeModuleDef kSha3Module = {"_sha3", nullptr, 0, init_sha3};
const NativeModuleDef kBlake2Module = {"_blake2", nullptr, 0, init_blake2};

}  // namespace coil::lib
