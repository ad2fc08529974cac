// pending_features.cpp — operations whose types are not built yet (the format-spec
// mini-language for numbers). Each raises a clear SystemError naming what is
// missing, so a program using them fails loudly instead of misbehaving. Entries leave this
// file as the features land.
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/str.h"
#include "runtime/str_format.h"

namespace coil::rt {


Value native_format(Value v, Value spec) {
  if (is_str(v)) return str_format_spec(v, spec);
  if (is_str(spec) && as_str(spec)->nbytes == 0) return str_of(v);
  return raise_msg(SystemErrorType, "format specifications are not supported yet");
}


}  // namespace coil::rt
