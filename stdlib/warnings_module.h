// warnings_module.h — warnings issued by the runtime itself, through the `_warnings` machinery
// (filters, registries, -W options, warnings.showwarning once the module is imported).
#pragma once

#include <string>

#include "runtime/builtin_types.h"

namespace coil::lib {

// PyErr_WarnEx: `message` of `category` attributed to the Python frame `stacklevel` levels up
// (1: the innermost). False with an exception pending (the filter said "error", or a hook failed).
bool warn(rt::TypeObject* category, const std::string& message, int stacklevel);
// PyErr_WarnExplicit with no module and no registry (the compiler's SyntaxWarnings).
bool warn_explicit(rt::TypeObject* category, const std::string& message, const std::string& filename, int lineno);
// _warnings.warn_explicit's core; empty Values stand for NULL arguments.
rt::Value warn_explicit_object(rt::Value category, rt::Value message, rt::Value filename, int64_t lineno,
                               rt::Value module, rt::Value registry, rt::Value sourceline, rt::Value source);

}  // namespace coil::lib
