// json_module.h — the parts of the native _json accelerator (json_decode.cpp: scanstring and
// the Scanner type; json_encode.cpp: encode_basestring(_ascii) and the Encoder type) that
// json_module.cpp assembles into the module.
#pragma once

#include "runtime/native_module.h"
#include "runtime/typeobject.h"

namespace coil::lib::json {

// scanstring(string, end, strict=True) -> (str, end): the JSON string body after a '"'.
rt::Value scanstring(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
// encode_basestring_ascii(s) / encode_basestring(s): s as a quoted JSON string.
rt::Value encode_basestring_ascii(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);
rt::Value encode_basestring(rt::Value* args, int64_t nargs, rt::TupleObject* kwnames);

// _json.Scanner (json.scanner.c_make_scanner) and _json.Encoder (c_make_encoder); made once.
rt::TypeObject* scanner_type();
rt::TypeObject* encoder_type();

// Raises json.decoder.JSONDecodeError(msg, s, pos) (pos in code points); returns empty.
rt::Value raise_decode_error(const char* msg, rt::Value s, int64_t pos);

}  // namespace coil::lib::json
