// format_object.cpp — format(x, spec) for built-in objects: numbers and str go through
// the format-spec mini-language (float_format.h), anything else is object.__format__.
#include "runtime/formatting.h"

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/float_format.h"
#include "runtime/native_module.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/typeobject.h"

namespace coil::rt {

namespace {

Value str_format(Value s, Value spec) {
  std::string_view sp = as_str(spec)->view();
  if (sp.empty()) return is_exact(s, StrType) ? s : str_value(as_str(s)->view());
  std::string out;
  FormatStatus st = format_str(as_str(s)->view(), sp, &out, type_name(s));
  if (!st.ok())
    return raise_msg(st.kind == FormatErrorKind::overflow_error ? OverflowErrorType : ValueErrorType, st.message);
  return str_value(out);
}

Value str_format_m(Value* args, int64_t nargs, TupleObject* kw) {
  if (!check_args("__format__", nargs - 1, kw, 1, 1)) return Value();
  if (!is_str(args[1]))
    return raise_fmt(TypeErrorType, "__format__() argument must be str, not %s", type_name(args[1]));
  return str_format(args[0], args[1]);
}

const NativeMethodDef kStrFormatMethods[] = {
    {"__format__", str_format_m},
};

}  // namespace

Value native_format(Value v, Value spec) {
  if (!is_str(spec)) return raise_fmt(TypeErrorType, "format() argument 2 must be str, not %s", type_name(spec));
  if (is_number(v)) return number_format(v, spec);
  if (is_str(v)) return str_format(v, spec);
  if (as_str(spec)->nbytes)
    return raise_fmt(TypeErrorType, "unsupported format string passed to %s.__format__", type_name(v));
  return str_of(v);
}

void init_format_methods() { add_methods(StrType, kStrFormatMethods); }

}  // namespace coil::rt
