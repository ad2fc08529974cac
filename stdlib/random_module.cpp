// random_module.cpp — the _random module: Random, the Mersenne Twister (MT19937) seeded the way
// CPython seeds it (an int's 32-bit words through init_by_array), so random.py gives CPython's
// sequences for the same seed; getstate/setstate use CPython's 625-int state tuple.
#include <sys/random.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <vector>

#include <gmp.h>

#include "runtime/abstract.h"
#include "runtime/bigint.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

constexpr int kN = 624;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpper = 0x80000000u;
constexpr uint32_t kLower = 0x7fffffffu;

struct RandomObject : Object {
  int32_t index;  // next word of mt to temper; kN: regenerate first
  uint32_t mt[kN];
};

TypeObject* g_random_type = nullptr;

RandomObject* R(Value v) { return static_cast<RandomObject*>(v.as_obj()); }

void init_genrand(RandomObject* r, uint32_t s) {
  r->mt[0] = s;
  for (int i = 1; i < kN; ++i) r->mt[i] = 1812433253u * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + static_cast<uint32_t>(i);
  r->index = kN;
}

// The reference initialisation from a key of 32-bit words (what every seed goes through).
void init_by_array(RandomObject* r, const uint32_t* key, size_t len) {
  init_genrand(r, 19650218u);
  uint32_t* mt = r->mt;
  size_t i = 1, j = 0;
  for (size_t k = std::max<size_t>(kN, len); k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
    if (j >= len) j = 0;
  }
  for (size_t k = kN - 1; k; --k) {
    mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
    ++i;
    if (i >= kN) {
      mt[0] = mt[kN - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000u;  // the most significant bit is 1: a non-zero initial state
}

uint32_t genrand_uint32(RandomObject* r) {
  static const uint32_t mag01[2] = {0, kMatrixA};
  uint32_t* mt = r->mt;
  if (r->index >= kN) {
    int kk = 0;
    for (; kk < kN - kM; ++kk) {
      uint32_t y = (mt[kk] & kUpper) | (mt[kk + 1] & kLower);
      mt[kk] = mt[kk + kM] ^ (y >> 1) ^ mag01[y & 1];
    }
    for (; kk < kN - 1; ++kk) {
      uint32_t y = (mt[kk] & kUpper) | (mt[kk + 1] & kLower);
      mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ mag01[y & 1];
    }
    uint32_t y = (mt[kN - 1] & kUpper) | (mt[0] & kLower);
    mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ mag01[y & 1];
    r->index = 0;
  }
  uint32_t y = mt[r->index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

// seed(None): 624 words from the OS, or time and pid when it has none to give.
void seed_from_os(RandomObject* r) {
  uint32_t key[kN];
  size_t got = 0;
  while (got < sizeof key) {
    ssize_t n = getrandom(reinterpret_cast<char*>(key) + got, sizeof key - got, 0);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (got == sizeof key) {
    init_by_array(r, key, kN);
    return;
  }
  auto now = std::chrono::system_clock::now().time_since_epoch();
  uint64_t ns = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
  uint32_t k[4] = {static_cast<uint32_t>(ns), static_cast<uint32_t>(ns >> 32), static_cast<uint32_t>(getpid()),
                   static_cast<uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count())};
  init_by_array(r, k, 4);
}

// Seeds from `arg`: None -> OS entropy; an int -> its absolute value's 32-bit words (least
// significant first); anything else -> its hash as an unsigned word.
bool seed(RandomObject* r, Value arg) {
  if (arg.is_empty_slot() || arg == None) {
    seed_from_os(r);
    return true;
  }
  BigInt n;
  if (is_int(arg)) {
    n = int_to_bigint(arg);
  } else {
    int64_t h = hash(arg);
    if (h == -1 && has_pending_exception()) return false;
    n = BigInt::from_uint64(static_cast<uint64_t>(h));
  }
  mpz_t scratch;
  mp_limb_t limb;
  mpz_srcptr z = n.view(scratch, &limb);
  size_t words = (mpz_sizeinbase(z, 2) + 31) / 32;
  std::vector<uint32_t> key(std::max<size_t>(words, 1), 0);
  size_t count = 0;
  if (mpz_sgn(z) != 0) mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, z);  // magnitude only
  init_by_array(r, key.data(), key.size());
  return true;
}

Value random_new(Value* args, int64_t, TupleObject*) {
  auto* r = static_cast<RandomObject*>(new_instance(static_cast<TypeObject*>(args[0].as_obj())));
  if (!r) return Value();
  init_genrand(r, 5489u);  // a valid state until __init__ seeds it
  return Value::from_obj(r);
}

// Random.__init__(self, x=None): seeds; Random itself takes no keywords.
Value random_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (args[0].as_obj()->type == g_random_type && !no_kwargs("Random", kwnames)) return Value();
  if (nargs > 2) return raise_msg(TypeErrorType, "Random() requires 0 or 1 argument");
  return seed(R(args[0]), nargs > 1 ? args[1] : Value()) ? None : Value();
}

Value random_seed(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("seed", kwnames) || !check_positional("seed", nargs - 1, 0, 1)) return Value();
  return seed(R(args[0]), nargs > 1 ? args[1] : Value()) ? None : Value();
}

// random(): 53 random bits as a float in [0, 1), CPython's formula.
Value random_random(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs != 1 || (kwnames && kwnames->size))
    return raise_fmt(TypeErrorType, "Random.random() takes no arguments (%lld given)", static_cast<long long>(nargs - 1));
  RandomObject* r = R(args[0]);
  uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
  return float_value((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

Value random_getrandbits(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("getrandbits", kwnames) || !check_positional("getrandbits", nargs - 1, 1, 1)) return Value();
  Value kv = index(args[1]);
  if (kv.is_empty_slot()) return Value();
  int64_t k;
  if (!int_to_int64(kv, &k) || k > INT32_MAX || k < INT32_MIN)
    return raise_msg(OverflowErrorType, "Python int too large to convert to C int");
  if (k < 0) return raise_msg(ValueErrorType, "number of bits must be non-negative");
  RandomObject* r = R(args[0]);
  if (k == 0) return int_from_int64(0);
  if (k <= 32) return int_from_int64(genrand_uint32(r) >> (32 - k));
  // Words least significant first; the last one keeps only its top bits.
  size_t nwords = static_cast<size_t>((k - 1) / 32 + 1);
  std::vector<uint64_t> limbs((nwords + 1) / 2, 0);
  for (size_t i = 0; i < nwords; ++i, k -= 32) {
    uint32_t w = genrand_uint32(r);
    if (k < 32) w >>= (32 - k);
    limbs[i / 2] |= static_cast<uint64_t>(w) << (32 * (i % 2));
  }
  return int_from_bigint(BigInt::from_limbs(limbs.data(), limbs.size(), false));
}

Value random_getstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("getstate", kwnames) || !check_positional("getstate", nargs - 1, 0, 0)) return Value();
  RandomObject* r = R(args[0]);
  TupleObject* t = new_tuple(kN + 1);
  if (!t) return Value();
  for (int i = 0; i < kN; ++i) t->items[i] = int_from_int64(r->mt[i]);
  t->items[kN] = int_from_int64(r->index);
  return Value::from_obj(t);
}

Value random_setstate(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("setstate", kwnames) || !check_positional("setstate", nargs - 1, 1, 1)) return Value();
  Value state = args[1];
  if (!is_tuple(state)) return raise_msg(TypeErrorType, "state vector must be a tuple");
  TupleObject* t = as_tuple(state);
  if (t->size != kN + 1) return raise_msg(ValueErrorType, "state vector is the wrong size");
  uint32_t words[kN];
  for (int i = 0; i < kN; ++i) {
    Value v = t->items[i];
    if (!is_int(v)) return raise_fmt(TypeErrorType, "an integer is required (got type %s)", type_name(v));
    BigInt b = int_to_bigint(v);
    if (b.sign() < 0) return raise_msg(OverflowErrorType, "can't convert negative value to unsigned int");
    if (b > BigInt::from_uint64(UINT64_MAX))
      return raise_msg(OverflowErrorType, "Python int too large to convert to C unsigned long");
    mpz_t scratch;
    mp_limb_t limb;
    mpz_srcptr z = b.view(scratch, &limb);
    words[i] = static_cast<uint32_t>(mpz_getlimbn(z, 0));
  }
  Value iv = t->items[kN];
  if (!is_int(iv)) return raise_fmt(TypeErrorType, "an integer is required (got type %s)", type_name(iv));
  int64_t idx;
  if (!int_to_int64(iv, &idx)) return raise_msg(OverflowErrorType, "Python int too large to convert to C long");
  if (idx < 0 || idx > kN) return raise_msg(ValueErrorType, "invalid state");
  RandomObject* r = R(args[0]);
  std::memcpy(r->mt, words, sizeof words);
  r->index = static_cast<int32_t>(idx);
  return None;
}

const NativeMethodDef kRandomMethods[] = {
    {"__new__", random_new, NativeMethodDef::Kind::StaticMethod},
    {"__init__", random_init},
    {"seed", random_seed, NativeMethodDef::Kind::Method, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"random", random_random, NativeMethodDef::Kind::Method, "random() -> x in the interval [0, 1)."},
    {"getrandbits", random_getrandbits, NativeMethodDef::Kind::Method, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"getstate", random_getstate, NativeMethodDef::Kind::Method, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, NativeMethodDef::Kind::Method, "setstate(state) -> None.  Restores generator state."},
};

bool init_random(ModuleObject* m) {
  if (!g_random_type) {
    g_random_type = make_native_type("_random.Random", sizeof(RandomObject), nullptr, true);
    add_methods(g_random_type, kRandomMethods);
  }
  return module_add(m, "Random", Value::from_obj(g_random_type));
}

}  // namespace

extern const NativeModuleDef kRandomModule;
const NativeModuleDef kRandomModule = {"_random", nullptr, 0, init_random};

}  // namespace coil::lib
