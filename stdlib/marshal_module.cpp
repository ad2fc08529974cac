// marshal_module.cpp — the marshal module: CPython's marshal format (version 4) for None,
// bools, ints, floats, complex, str, bytes, tuples, lists, dicts, sets, frozensets,
// StopIteration and Ellipsis; code objects are Coil's own: TYPE_CODE followed by this
// build's bytecode format id and the serialized CodeUnit (frontend/code_cache.h), which
// loads() verifies before use (CPython's code objects are refused). dumps writes no
// back-references (CPython decides those by reference count); loads reads them.
#include <cstring>
#include <vector>

#include "frontend/code_cache.h"
#include "runtime/abstract.h"
#include "runtime/bytes.h"
#include "runtime/codecs.h"
#include "runtime/complex.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/set.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

constexpr int kVersion = 4;
constexpr int kMaxDepth = 2000;
constexpr unsigned char kFlagRef = 0x80;

// ---- writing ------------------------------------------------------------------------------
struct Writer {
  std::string out;
  int version;
  int depth = 0;

  void byte(unsigned char c) { out.push_back(static_cast<char>(c)); }
  void i32(int32_t v) {
    for (int i = 0; i < 4; ++i) byte(static_cast<unsigned char>((static_cast<uint32_t>(v) >> (8 * i)) & 0xFF));
  }
  void f64(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, 8);
    for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>((bits >> (8 * i)) & 0xFF));
  }
  void sized(std::string_view s) {
    i32(static_cast<int32_t>(s.size()));
    out.append(s);
  }
  bool value(Value v);
  bool items(Value seq_tuple);
  bool big_int(Value v);
};

bool Writer::big_int(Value v) {
  // 15-bit digits, least significant first; the count carries the sign.
  int sign = int_sign(v);
  Value mag = int_abs(v);
  std::vector<uint16_t> digits;
  Value base = Value::from_small_int(1 << 15);
  while (!int_is_zero(mag)) {
    Value qr = int_divmod(mag, base);
    if (qr.is_empty_slot()) return false;
    int64_t d;
    int_to_int64(as_tuple(qr)->items[1], &d);
    digits.push_back(static_cast<uint16_t>(d));
    mag = as_tuple(qr)->items[0];
  }
  byte('l');
  i32(sign < 0 ? -static_cast<int32_t>(digits.size()) : static_cast<int32_t>(digits.size()));
  for (uint16_t d : digits) {
    byte(d & 0xFF);
    byte(d >> 8);
  }
  return true;
}

bool Writer::items(Value t) {
  TupleObject* tup = as_tuple(t);
  for (int64_t i = 0; i < tup->size; ++i)
    if (!value(tup->items[i])) return false;
  return true;
}

bool Writer::value(Value v) {
  if (++depth > kMaxDepth) {
    raise_msg(ValueErrorType, "object too deeply nested to marshal");
    return false;
  }
  struct Leave {
    int& d;
    ~Leave() { --d; }
  } leave{depth};
  if (v == None) return byte('N'), true;
  if (v == True) return byte('T'), true;
  if (v == False) return byte('F'), true;
  if (v == EllipsisValue) return byte('.'), true;
  if (v == Value::from_obj(StopIterationType)) return byte('S'), true;
  TypeObject* t = type_of(v);
  if (is_exact(v, IntType)) {
    int64_t n;
    if (int_to_int64(v, &n) && n >= INT32_MIN && n <= INT32_MAX) {
      byte('i');
      i32(static_cast<int32_t>(n));
      return true;
    }
    return big_int(v);
  }
  if (t == FloatType) {
    byte('g');
    f64(static_cast<FloatObject*>(v.as_obj())->value);
    return true;
  }
  if (t == ComplexType) {
    auto* c = static_cast<ComplexObject*>(v.as_obj());
    byte('y');
    f64(c->real);
    f64(c->imag);
    return true;
  }
  if (t == StrType) {
    StrObject* s = as_str(v);
    if (version >= 4 && s->is_ascii()) {
      if (s->nbytes < 256) {
        byte('z');
        byte(static_cast<unsigned char>(s->nbytes));
        out.append(s->view());
      } else {
        byte('a');
        sized(s->view());
      }
      return true;
    }
    Value b = codec_encode(s, "utf-8", "surrogatepass");
    if (b.is_empty_slot()) return false;
    byte('u');
    sized(as_bytes(b)->view());
    return true;
  }
  std::string_view data;
  if ((t == BytesType || t == ByteArrayType) && bytes_like_view(v, &data)) {
    byte('s');
    sized(data);
    return true;
  }
  if (t == TupleType) {
    int64_t n = as_tuple(v)->size;
    if (version >= 4 && n < 256) {
      byte(')');
      byte(static_cast<unsigned char>(n));
    } else {
      byte('(');
      i32(static_cast<int32_t>(n));
    }
    return items(v);
  }
  if (t == ListType) {
    ListObject* l = as_list(v);
    byte('[');
    i32(static_cast<int32_t>(l->size));
    for (int64_t i = 0; i < l->size; ++i)
      if (!value(l->items()[i])) return false;
    return true;
  }
  if (t == DictType) {
    byte('{');
    int64_t pos = 0;
    Value k, val;
    while (dict_next(as_dict(v), &pos, &k, &val))
      if (!value(k) || !value(val)) return false;
    byte('0');
    return true;
  }
  if (t == SetType || t == FrozenSetType) {
    Value tup = sequence_to_tuple(v);
    if (tup.is_empty_slot()) return false;
    byte(t == SetType ? '<' : '>');
    i32(static_cast<int32_t>(as_tuple(tup)->size));
    return items(tup);
  }
  if (t == CodeType) {
    auto* code = static_cast<CodeObject*>(v.as_obj());
    byte('c');
    uint64_t id = fe::code_format_id();
    for (int i = 0; i < 8; ++i) byte(static_cast<unsigned char>((id >> (8 * i)) & 0xFF));
    std::string filename(code->filename ? code->filename->view() : std::string_view());
    fe::serialize_unit(*code->unit, &out, filename == code->unit->filename ? "" : filename);
    return true;
  }
  raise_msg(ValueErrorType, "unmarshallable object");
  return false;
}

bool version_arg(Value v, int* out) {
  if (v.is_empty_slot()) {
    *out = kVersion;
    return true;
  }
  int64_t n;
  bool overflow = false;
  if (is_float(v)) {
    raise_msg(TypeErrorType, "'float' object cannot be interpreted as an integer");
    return false;
  }
  if (!as_int64(v, &n, &overflow)) return false;
  *out = overflow ? kVersion : static_cast<int>(n);
  return true;
}

Value marshal_dumps(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("dumps", nargs, 1, 2) || !no_kwargs("dumps", kwnames)) return Value();
  Writer w;
  if (!version_arg(nargs > 1 ? args[1] : Value(), &w.version) || !w.value(args[0])) return Value();
  return bytes_value(w.out);
}

Value marshal_dump(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("dump", nargs, 2, 3) || !no_kwargs("dump", kwnames)) return Value();
  Writer w;
  if (!version_arg(nargs > 2 ? args[2] : Value(), &w.version) || !w.value(args[0])) return Value();
  Value b = bytes_value(w.out);
  if (b.is_empty_slot()) return b;
  Value r = call_method(args[1], intern("write"), &b, 1);
  return r.is_empty_slot() ? r : None;
}

// ---- reading ------------------------------------------------------------------------------
struct Reader {
  std::string_view in;
  size_t pos = 0;
  int depth = 0;
  // Back-references. Malloc memory the GC does not scan: each entry is also reachable
  // from the object under construction, held in C++ locals up the recursion.
  std::vector<Value> refs;

  bool need(size_t n) {
    if (in.size() - pos >= n) return true;
    raise_msg(EOFErrorType, "marshal data too short");
    return false;
  }
  bool u8(uint8_t* v) {
    if (!need(1)) return false;
    *v = static_cast<uint8_t>(in[pos++]);
    return true;
  }
  bool i32(int32_t* v) {
    if (!need(4)) return false;
    uint32_t u = 0;
    for (int i = 0; i < 4; ++i) u |= static_cast<uint32_t>(static_cast<uint8_t>(in[pos + i])) << (8 * i);
    pos += 4;
    *v = static_cast<int32_t>(u);
    return true;
  }
  bool f64(double* d) {
    if (!need(8)) return false;
    uint64_t u = 0;
    for (int i = 0; i < 8; ++i) u |= static_cast<uint64_t>(static_cast<uint8_t>(in[pos + i])) << (8 * i);
    pos += 8;
    std::memcpy(d, &u, 8);
    return true;
  }
  bool bytes_of(size_t n, std::string_view* out) {
    if (!need(n)) return false;
    *out = in.substr(pos, n);
    pos += n;
    return true;
  }
  bool length(int32_t* n) {
    if (!i32(n)) return false;
    if (*n < 0) {
      raise_msg(ValueErrorType, "bad marshal data (size out of range)");
      return false;
    }
    return true;
  }
  Value value();
  Value value_of(uint8_t code, int ref_index);
};

Value Reader::value() {
  if (++depth > kMaxDepth) {
    --depth;
    return raise_msg(ValueErrorType, "recursion limit exceeded");
  }
  uint8_t code;
  if (pos >= in.size()) {
    --depth;
    return raise_msg(EOFErrorType, "EOF read where object expected");
  }
  u8(&code);
  int ref_index = -1;
  if (code & kFlagRef) {
    ref_index = static_cast<int>(refs.size());
    refs.push_back(None);
  }
  Value v = value_of(code & ~kFlagRef, ref_index);
  --depth;
  if (!v.is_empty_slot() && ref_index >= 0) refs[ref_index] = v;
  return v;
}

Value Reader::value_of(uint8_t code, int ref_index) {
  int32_t n;
  std::string_view data;
  switch (code) {
    case 'N': return None;
    case 'T': return True;
    case 'F': return False;
    case '.': return EllipsisValue;
    case 'S': return Value::from_obj(StopIterationType);
    case 'i': return i32(&n) ? int_from_int64(n) : Value();
    case 'l': {
      if (!i32(&n)) return Value();
      int64_t count = n < 0 ? -static_cast<int64_t>(n) : n;
      Value acc = Value::from_small_int(0);
      if (!need(static_cast<size_t>(count) * 2)) return Value();
      for (int64_t i = count - 1; i >= 0; --i) {
        uint16_t d = static_cast<uint8_t>(in[pos + 2 * i]) | (static_cast<uint8_t>(in[pos + 2 * i + 1]) << 8);
        if (d >= (1 << 15)) return raise_msg(ValueErrorType, "bad marshal data (digit out of range in long)");
        acc = int_binary(acc, Value::from_small_int(15), fe::BinaryOpKind::LShift);
        if (acc.is_empty_slot()) return acc;
        acc = int_binary(acc, Value::from_small_int(d), fe::BinaryOpKind::Or);
        if (acc.is_empty_slot()) return acc;
      }
      pos += static_cast<size_t>(count) * 2;
      return n < 0 ? int_negate(acc) : acc;
    }
    case 'g': {
      double d;
      return f64(&d) ? float_value(d) : Value();
    }
    case 'y': {
      double re, im;
      return f64(&re) && f64(&im) ? complex_value(re, im) : Value();
    }
    case 's':
      if (!length(&n) || !bytes_of(n, &data)) return Value();
      return bytes_value(data);
    case 'u': case 't':
      if (!length(&n) || !bytes_of(n, &data)) return Value();
      return codec_decode(data, "utf-8", "surrogatepass");
    case 'a': case 'A':
      if (!length(&n) || !bytes_of(n, &data)) return Value();
      return code == 'A' ? Value::from_obj(intern(data)) : str_value(data);
    case 'z': case 'Z': {
      uint8_t len;
      if (!u8(&len) || !bytes_of(len, &data)) return Value();
      return code == 'Z' ? Value::from_obj(intern(data)) : str_value(data);
    }
    case '(': case ')': {
      if (code == ')') {
        uint8_t len;
        if (!u8(&len)) return Value();
        n = len;
      } else if (!length(&n)) {
        return Value();
      }
      if (static_cast<size_t>(n) > in.size() - pos) return raise_msg(EOFErrorType, "EOF read where object expected");
      TupleObject* t = new_tuple(n);
      if (!t) return Value();
      if (ref_index >= 0) refs[ref_index] = Value::from_obj(t);
      for (int32_t i = 0; i < n; ++i) {
        Value item = value();
        if (item.is_empty_slot()) return item;
        t->items[i] = item;
      }
      return Value::from_obj(t);
    }
    case '[': {
      if (!length(&n)) return Value();
      if (static_cast<size_t>(n) > in.size() - pos) return raise_msg(EOFErrorType, "EOF read where object expected");
      ListObject* l = new_list(0);
      if (!l) return Value();
      if (ref_index >= 0) refs[ref_index] = Value::from_obj(l);
      for (int32_t i = 0; i < n; ++i) {
        Value item = value();
        if (item.is_empty_slot() || !list_append(l, item)) return Value();
      }
      return Value::from_obj(l);
    }
    case '{': {
      DictObject* d = new_dict();
      if (!d) return Value();
      if (ref_index >= 0) refs[ref_index] = Value::from_obj(d);
      while (true) {
        if (pos < in.size() && in[pos] == '0') {
          ++pos;
          return Value::from_obj(d);
        }
        Value k = value();
        if (k.is_empty_slot()) return k;
        Value v = value();
        if (v.is_empty_slot() || !dict_set(d, k, v)) return Value();
      }
    }
    case '<': case '>': {
      if (!length(&n)) return Value();
      if (static_cast<size_t>(n) > in.size() - pos) return raise_msg(EOFErrorType, "EOF read where object expected");
      SetObject* s = new_set(code == '<' ? SetType : FrozenSetType);
      if (!s) return Value();
      if (ref_index >= 0) refs[ref_index] = Value::from_obj(s);
      for (int32_t i = 0; i < n; ++i) {
        Value item = value();
        if (item.is_empty_slot() || !set_add_key(s, item)) return Value();
      }
      return Value::from_obj(s);
    }
    case 'r': {
      if (!i32(&n)) return Value();
      if (n < 0 || static_cast<size_t>(n) >= refs.size()) return raise_msg(ValueErrorType, "bad marshal data (invalid reference)");
      return refs[n];
    }
    case '0': return raise_msg(TypeErrorType, "NULL object in marshal data for object");
    case 'c': {
      std::string_view idbytes;
      if (!bytes_of(8, &idbytes)) return Value();
      uint64_t id = 0;
      for (int i = 0; i < 8; ++i) id |= static_cast<uint64_t>(static_cast<uint8_t>(idbytes[i])) << (8 * i);
      if (id != fe::code_format_id())
        return raise_msg(ValueErrorType, "bad marshal data (code object of another bytecode format)");
      std::string error;
      std::shared_ptr<fe::CodeUnit> unit = fe::deserialize_unit(in, &pos, &error);
      if (!unit) return raise_msg(ValueErrorType, error);
      CodeObject* code = code_from_unit(unit);
      return code ? Value::from_obj(code) : Value();
    }
    default: return raise_msg(ValueErrorType, "bad marshal data (unknown type code)");
  }
}

Value marshal_loads(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("loads", nargs, 1, 1) || !no_kwargs("loads", kwnames)) return Value();
  std::string_view data;
  if (!bytes_like_view(args[0], &data))
    return raise_fmt(TypeErrorType, "a bytes-like object is required, not '%s'", type_name(args[0]));
  std::string copy(data);
  Reader r{copy};
  return r.value();
}

// load(file): reads the rest of the file, decodes one object and seeks back over what
// follows it (files that cannot seek keep their position at the end).
Value marshal_load(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("load", nargs, 1, 1) || !no_kwargs("load", kwnames)) return Value();
  Value data = call_method(args[0], intern("read"), nullptr, 0);
  if (data.is_empty_slot()) return data;
  std::string_view view;
  if (!bytes_like_view(data, &view))
    return raise_fmt(TypeErrorType, "file.read() returned not bytes but %s", type_name(data));
  std::string copy(view);
  Reader r{copy};
  Value v = r.value();
  if (v.is_empty_slot()) return v;
  if (r.pos < copy.size()) {
    Value seek_args[2] = {int_from_int64(-static_cast<int64_t>(copy.size() - r.pos)), Value::from_small_int(1)};
    if (call_method(args[0], intern("seek"), seek_args, 2).is_empty_slot()) clear_exception();
  }
  return v;
}

const NativeFunctionDef kMarshalFunctions[] = {
    {"dumps", marshal_dumps},
    {"dump", marshal_dump},
    {"loads", marshal_loads},
    {"load", marshal_load},
};

bool init_marshal(ModuleObject* m) { return module_add(m, "version", Value::from_small_int(kVersion)); }

}  // namespace

extern const NativeModuleDef kMarshalModule;
const NativeModuleDef kMarshalModule = {"marshal", kMarshalFunctions, std::size(kMarshalFunctions), init_marshal};

}  // namespace coil::lib
