// pending_features.cpp — operations whose types are not built yet (set, frozenset, the
// format-spec mini-language for numbers). Each raises a clear SystemError naming what is
// missing, so a program using them fails loudly instead of misbehaving. Entries leave this
// file as the features land.
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/str_format.h"

namespace coil::rt {

Value new_set_from(Value* items, int64_t n) { return raise_msg(SystemErrorType, "set is not supported yet"); }
bool set_add_value(Value set, Value v) {
  raise_msg(SystemErrorType, "set is not supported yet");
  return false;
}
bool set_update_value(Value set, Value iterable) {
  raise_msg(SystemErrorType, "set is not supported yet");
  return false;
}

Value native_format(Value v, Value spec) {
  if (is_str(v)) return str_format_spec(v, spec);
  if (is_str(spec) && as_str(spec)->nbytes == 0) return str_of(v);
  return raise_msg(SystemErrorType, "format specifications are not supported yet");
}


}  // namespace coil::rt
