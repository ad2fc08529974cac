// format_object.cpp — format(x, spec) for built-in objects: numbers and str go through
// the format-spec mini-language (float_format.h), anything else is object.__format__.
#include "runtime/formatting.h"

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/str_format.h"

namespace coil::rt {

Value native_format(Value v, Value spec) {
  if (!is_str(spec)) return raise_fmt(TypeErrorType, "format() argument 2 must be str, not %s", type_name(spec));
  if (is_number(v)) return number_format(v, spec);
  if (is_str(v)) return str_format_spec(v, spec);
  if (as_str(spec)->nbytes)
    return raise_fmt(TypeErrorType, "unsupported format string passed to %s.__format__", type_name(v));
  return str_of(v);
}

}  // namespace coil::rt
