// value.h — the one-word Value: a tagged small int or a pointer to a GC object.
//
// Low bit 1: a 63-bit signed small int (value << 1 | 1). Low bit 0: a pointer to an
// Object (8-byte aligned). A live Value is never a null pointer; `Value::none_slot()`
// (all bits zero) marks "no value" in frames and tables and is never seen by Python code.
// The JIT guards on this layout, so it must not change casually.
#pragma once

#include <cstdint>

namespace coil::rt {

struct Object;

class Value {
 public:
  static constexpr int kIntBits = 63;
  static constexpr int64_t kMaxSmallInt = (int64_t(1) << 62) - 1;
  static constexpr int64_t kMinSmallInt = -(int64_t(1) << 62);

  constexpr Value() = default;
  static constexpr Value from_bits(uint64_t bits) { Value v; v.bits_ = bits; return v; }
  static Value from_obj(const Object* o) { return from_bits(reinterpret_cast<uint64_t>(o)); }
  // Caller checks fits_small_int first.
  static constexpr Value from_small_int(int64_t i) {
    return from_bits((static_cast<uint64_t>(i) << 1) | 1);
  }
  static constexpr bool fits_small_int(int64_t i) { return i >= kMinSmallInt && i <= kMaxSmallInt; }
  static constexpr Value none_slot() { return Value(); }

  constexpr uint64_t bits() const { return bits_; }
  constexpr bool is_small_int() const { return bits_ & 1; }
  constexpr bool is_obj() const { return !(bits_ & 1) && bits_ != 0; }
  constexpr bool is_empty_slot() const { return bits_ == 0; }
  constexpr int64_t as_small_int() const { return static_cast<int64_t>(bits_) >> 1; }
  Object* as_obj() const { return reinterpret_cast<Object*>(bits_); }

  constexpr bool operator==(Value o) const { return bits_ == o.bits_; }  // identity (`is`)
  constexpr bool operator!=(Value o) const { return bits_ != o.bits_; }

 private:
  uint64_t bits_ = 0;
};

static_assert(sizeof(Value) == 8);

}  // namespace coil::rt
