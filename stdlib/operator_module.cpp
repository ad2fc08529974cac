// operator_module.cpp — the _operator module. For now only _compare_digest (the constant-time
// comparison hmac imports unconditionally); operator.py's pure-Python definitions serve the rest
// until native versions are worth it.
#include <string_view>

#include "runtime/bytes.h"
#include "runtime/exceptions.h"
#include "runtime/native_module.h"
#include "runtime/str.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

// Compares in time that depends only on the length of `b` (what an attacker controls).
bool constant_time_equal(std::string_view a, std::string_view b) {
  const volatile unsigned char* left = reinterpret_cast<const unsigned char*>(a.size() == b.size() ? a.data() : b.data());
  const volatile unsigned char* right = reinterpret_cast<const unsigned char*>(b.data());
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < b.size(); ++i) diff |= left[i] ^ right[i];
  return diff == 0;
}

Value compare_digest(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("_compare_digest", kwnames) || !check_positional("_compare_digest", nargs, 2, 2)) return Value();
  Value a = args[0], b = args[1];
  std::string_view va, vb;
  if (is_str(a) && is_str(b)) {
    va = as_str(a)->view();
    vb = as_str(b)->view();
    for (std::string_view s : {va, vb})
      for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
          return raise_msg(TypeErrorType, "comparing strings with non-ASCII characters is not supported");
  } else if (is_str(a) || is_str(b)) {
    return raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(is_str(a) ? a : b));
  } else if (!bytes_like_view(a, &va) || !bytes_like_view(b, &vb)) {
    if (has_pending_exception()) return Value();
    return raise_fmt(TypeErrorType, "unsupported operand types(s) or combination of types: '%s' and '%s'",
                     type_name(a), type_name(b));
  }
  return constant_time_equal(va, vb) ? True : False;
}

const NativeFunctionDef kFunctions[] = {
    {"_compare_digest", compare_digest,
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\ntiming analysis, making it "
     "appropriate for cryptography.\n\na and b must both be of the same type: either str (ASCII only),\nor any "
     "bytes-like object.\n\nNote: If a and b are of different lengths, or if an error occurs,\na timing attack "
     "could theoretically reveal information about the\ntypes and lengths of a and b--but not their values.\n"},
};

}  // namespace

extern const NativeModuleDef kOperatorModule;
const NativeModuleDef kOperatorModule = {"_operator", kFunctions, std::size(kFunctions), nullptr};

}  // namespace coil::lib
