// codecs_support.h — shared by the _codecs module files (codecs_module.cpp: registries;
// codecs_functions.cpp: the codec functions).
#pragma once

#include <string_view>

#include "runtime/module.h"

namespace coil::lib {

// The CodecInfo for `encoding` from the registry (imports `encodings` first); LookupError.
rt::Value codec_lookup(std::string_view encoding);
// Runs the registry's encoder (which=0) or decoder (1) of `encoding` on `obj`; the result.
rt::Value codec_call(rt::Value obj, std::string_view encoding, std::string_view errors, int which);
// The error handler registered as `name`; LookupError "unknown error handler name 'x'".
rt::Value lookup_error_handler(std::string_view name);
// Adds utf_8_encode, utf_16_decode, charmap_encode, escape_decode, ... to the module.
bool add_codec_functions(rt::ModuleObject* m);

}  // namespace coil::lib
