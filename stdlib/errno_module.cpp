// errno_module.cpp — the errno module: one constant per row of errno.def, and errorcode
// (value -> name) for the canonical names.
#include <cerrno>

#include "runtime/dict.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/str.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

bool init_errno(ModuleObject* m) {
  DictObject* codes = new_dict();
  if (!codes) return false;
  bool ok = true;
#define ERRNO(name)                                                                    \
  ok = ok && module_add(m, #name, Value::from_small_int(name)) &&                      \
       dict_set(codes, Value::from_small_int(name), Value::from_obj(intern(#name)));
#define ERRNO_ALIAS(name) ok = ok && module_add(m, #name, Value::from_small_int(name));
#include "stdlib/errno.def"
  return ok && module_add(m, "errorcode", Value::from_obj(codes));
}

const NativeFunctionDef kNoFunctions[] = {{nullptr, nullptr}};

}  // namespace

extern const NativeModuleDef kErrnoModule;
const NativeModuleDef kErrnoModule = {"errno", kNoFunctions, 0, init_errno};

}  // namespace coil::lib
