// json_module.cpp — the _json module: the native accelerator that json.decoder and
// json.encoder pick up (scanstring, make_scanner, make_encoder, encode_basestring(_ascii)).
#include "runtime/str.h"
#include "stdlib/json_module.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

const NativeFunctionDef kJsonFunctions[] = {
    {"scanstring", json::scanstring,
     "scanstring(string, end, strict=True) -> (string, end)\n\nScan the string s for a JSON string. End is the "
     "index of the\ncharacter in s after the quote that started the JSON string.\nUnescapes all valid JSON string "
     "escape sequences and raises ValueError\non attempt to decode an invalid string. If strict is False then "
     "literal\ncontrol characters are allowed in the string.\n\nReturns a tuple of the decoded string and the index "
     "of the character in s\nafter the end quote."},
    {"encode_basestring_ascii", json::encode_basestring_ascii,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", json::encode_basestring,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
};

bool init_json(ModuleObject* m) {
  return module_add(m, "make_scanner", Value::from_obj(json::scanner_type())) &&
         module_add(m, "make_encoder", Value::from_obj(json::encoder_type()));
}

}  // namespace

extern const NativeModuleDef kJsonModule;
const NativeModuleDef kJsonModule = {"_json", kJsonFunctions, std::size(kJsonFunctions), init_json};

}  // namespace coil::lib
