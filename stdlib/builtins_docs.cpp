// builtins_docs.cpp — docstrings of built-in functions, types and methods that carry usage
// examples (help() shows them; doctest runs them, as test_builtin does over the builtins
// module), in one table applied when the builtins module is made.
#include <cstring>

#include "runtime/dict.h"
#include "runtime/function.h"
#include "runtime/str.h"
#include "runtime/typeobject.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

struct DocRow {
  TypeObject** owner;  // null: a function of the builtins module; else a method (or, with an
                       // empty name, the type itself)
  const char* name;
  const char* doc;
};

const DocRow kDocs[] = {
    {nullptr, "bin", "Returns the binary text of an integer, with the 0b prefix.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'"},
    {nullptr, "hex", "Returns the hexadecimal text of an integer, with the 0x prefix.\n\n   >>> hex(12648430)\n   '0xc0ffee'"},
    {nullptr, "oct", "Returns the octal text of an integer, with the 0o prefix.\n\n   >>> oct(342391)\n   '0o1234567'"},
    {&IntType, "",
     "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
     "Makes an integer from a number (truncating floats towards zero, through x.__int__()) or\n"
     "from a str, bytes or bytearray holding an integer literal in the given base (2-36, or 0\n"
     "to read the base from the literal's prefix).  int() is 0.\n"
     ">>> int('0b100', base=0)\n4"},
    {&IntType, "as_integer_ratio",
     "Returns the pair (numerator, denominator) equal to the integer, with a positive\ndenominator.\n\n"
     ">>> (10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n"
     ">>> (0).as_integer_ratio()\n(0, 1)"},
    {&IntType, "bit_count",
     "How many bits are set in the binary form of the absolute value (the population count).\n\n"
     ">>> bin(13)\n'0b1101'\n>>> (13).bit_count()\n3"},
    {&IntType, "bit_length",
     "How many bits the binary form of the absolute value needs.\n\n"
     ">>> bin(37)\n'0b100101'\n>>> (37).bit_length()\n6"},
    {&FloatType, "as_integer_ratio",
     "Returns the pair (numerator, denominator) exactly equal to the float, with a positive\n"
     "denominator; OverflowError for infinities, ValueError for NaNs.\n\n"
     ">>> (10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n"
     ">>> (-.25).as_integer_ratio()\n(-1, 4)"},
    {&FloatType, "fromhex",
     "Makes a float from its hexadecimal text.\n\n"
     ">>> float.fromhex('0x1.ffffp10')\n2047.984375\n>>> float.fromhex('-0x1p-1074')\n-5e-324"},
    {&FloatType, "hex",
     "Returns the exact hexadecimal text of the float.\n\n"
     ">>> (-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n'0x1.921f9f01b866ep+1'"},
    {&ZipType, "",
     "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
     "   >>> list(zip('abcdefg', range(3), range(4)))\n   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
     "The i-th tuple holds the i-th item of every iterable; iteration stops with the shortest.\n"
     "With strict=True, iterables of different lengths raise ValueError."},
};

// bytes.hex and bytearray.hex share one method table: one text for both.
const char* const kBytesHexDoc =
    "Returns the bytes as a string of hexadecimal digits.\n\n"
    "  sep\n"
    "    An optional single character or byte put between groups of hex digits.\n"
    "  bytes_per_sep\n"
    "    How many bytes make a group.  Positive values count from the right,\n"
    "    negative values from the left.\n\n"
    "Example:\n>>> value = b'\\xb9\\x01\\xef'\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n"
    ">>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'";
const char* const kViewHexDoc =
    "Returns the viewed bytes as a string of hexadecimal digits.\n\n"
    "  sep\n"
    "    An optional single character or byte put between groups of hex digits.\n"
    "  bytes_per_sep\n"
    "    How many bytes make a group.  Positive values count from the right,\n"
    "    negative values from the left.\n\n"
    "Example:\n>>> value = memoryview(b'\\xb9\\x01\\xef')\n>>> value.hex()\n'b901ef'\n>>> value.hex(':')\n'b9:01:ef'\n"
    ">>> value.hex(':', 2)\n'b9:01ef'\n>>> value.hex(':', -2)\n'b901:ef'";

void set_method_doc(TypeObject* t, const char* name, const char* doc) {
  Value v = dict_get_str(t->dict, intern(name));
  if (v.is_obj() && v.as_obj()->type == MethodDescrType) static_cast<MethodDescrObject*>(v.as_obj())->doc = doc;
}

}  // namespace

bool apply_builtin_docs(ModuleObject* m) {
  for (const DocRow& row : kDocs) {
    if (!row.owner) {
      Value f = dict_get_str(m->dict, intern(row.name));
      if (f.is_obj() && f.as_obj()->type == NativeFunctionType)
        static_cast<NativeFunctionObject*>(f.as_obj())->doc = row.doc;
    } else if (!*row.name) {
      if (!type_set_attr_raw(*row.owner, intern("__doc__"), str_value(row.doc))) return false;
    } else {
      set_method_doc(*row.owner, row.name, row.doc);
    }
  }
  set_method_doc(BytesType, "hex", kBytesHexDoc);
  set_method_doc(ByteArrayType, "hex", kBytesHexDoc);
  set_method_doc(MemoryViewType, "hex", kViewHexDoc);
  return true;
}

}  // namespace coil::lib
