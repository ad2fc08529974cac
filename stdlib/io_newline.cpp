// io_newline.cpp — _io.IncrementalNewlineDecoder: wraps an incremental decoder (or none) and
// translates "\r\n" / "\r" to "\n" across chunk boundaries, recording the endings seen.
#include "runtime/bytes.h"
#include "runtime/int.h"
#include "runtime/method_args.h"
#include "runtime/native_module.h"
#include "stdlib/io_internal.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::io {

using namespace coil::rt;

TypeObject* NewlineDecoderType = nullptr;

namespace {

NewlineDecoderObject* N(Value v) { return static_cast<NewlineDecoderObject*>(v.as_obj()); }

void visit_nd(Object* self, Visitor& v) {
  visit_iobase(self, v);
  v.visit(static_cast<NewlineDecoderObject*>(self)->decoder);
}

bool ready(NewlineDecoderObject* d) {
  if (!d->ok) {
    raise_msg(ValueErrorType, "IncrementalNewlineDecoder.__init__() not called");
    return false;
  }
  return true;
}

Value nd_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[3];
  if (!parse_args("IncrementalNewlineDecoder", args + 1, nargs - 1, kwnames, {"decoder", "translate", "errors"}, 2,
                  a))
    return Value();
  NewlineDecoderObject* d = N(args[0]);
  int tr = is_true(a[1]);
  if (tr < 0) return Value();
  d->decoder = a[0];
  d->translate = tr;
  d->pendingcr = false;
  d->seennl = 0;
  d->ok = true;
  return None;
}

Value nd_decode(Value* args, int64_t nargs, TupleObject* kwnames) {
  Value a[2];
  if (!parse_args("decode", args + 1, nargs - 1, kwnames, {"input", "final"}, 1, a)) return Value();
  NewlineDecoderObject* d = N(args[0]);
  if (!ready(d)) return Value();
  int final = a[1].is_empty_slot() ? 0 : is_true(a[1]);
  if (final < 0) return Value();
  Value out = a[0];
  if (d->decoder != None) {
    Value dargs[2] = {a[0], bool_value(final)};
    out = call_method(d->decoder, intern("decode"), dargs, 2);
    if (out.is_empty_slot()) return out;
  }
  if (!is_str(out)) return raise_fmt(TypeErrorType, "decoder should return a string result, not '%s'", type_name(out));
  std::u32string text = to_u32(as_str(out)->view());
  std::u32string res = translate_newlines(text, d->translate, final, &d->pendingcr, &d->seennl);
  return u32_str(res);
}

Value nd_getstate(Value* args, int64_t, TupleObject*) {
  NewlineDecoderObject* d = N(args[0]);
  if (!ready(d)) return Value();
  Value buf = bytes_value("");
  int64_t flag = 0;
  if (d->decoder != None) {
    Value st = call_method0(d->decoder, "getstate");
    if (st.is_empty_slot()) return st;
    if (!is_tuple(st) || as_tuple(st)->size != 2)
      return raise_msg(TypeErrorType, "illegal decoder state");
    buf = as_tuple(st)->items[0];
    if (!int_to_int64(as_tuple(st)->items[1], &flag)) return Value();
  }
  flag = (flag << 1) | (d->pendingcr ? 1 : 0);
  return Value::from_obj(tuple_of({buf, int_from_int64(flag)}));
}

Value nd_setstate(Value* args, int64_t nargs, TupleObject* kw) {
  if (!args_one("setstate", nargs - 1, kw)) return Value();
  NewlineDecoderObject* d = N(args[0]);
  if (!ready(d)) return Value();
  Value st = args[1];
  if (!is_tuple(st) || as_tuple(st)->size != 2) return raise_msg(TypeErrorType, "state argument must be a tuple");
  int64_t flag;
  if (!int_to_int64(as_tuple(st)->items[1], &flag)) return Value();
  d->pendingcr = flag & 1;
  if (d->decoder != None) {
    Value inner = Value::from_obj(tuple_of({as_tuple(st)->items[0], int_from_int64(flag >> 1)}));
    if (call_method1(d->decoder, "setstate", inner).is_empty_slot()) return Value();
  }
  return None;
}

Value nd_reset(Value* args, int64_t, TupleObject*) {
  NewlineDecoderObject* d = N(args[0]);
  if (!ready(d)) return Value();
  d->seennl = 0;
  d->pendingcr = false;
  if (d->decoder != None && call_method0(d->decoder, "reset").is_empty_slot()) return Value();
  return None;
}

Value nd_newlines_get(Value self) {
  NewlineDecoderObject* d = N(self);
  if (!ready(d)) return Value();
  return newlines_value(d->seennl);
}

const NativeMethodDef kNdMethods[] = {
    {"__init__", nd_init},
    {"decode", nd_decode},
    {"getstate", nd_getstate},
    {"setstate", nd_setstate},
    {"reset", nd_reset},
};
const NativeGetSetDef kNdGetSets[] = {{"newlines", nd_newlines_get}};

}  // namespace

bool init_newline_type(ModuleObject* m) {
  if (!NewlineDecoderType) {
    NewlineDecoderType = make_native_type("_io.IncrementalNewlineDecoder", sizeof(NewlineDecoderObject), visit_nd, true);
    NewlineDecoderType->dict_offset = offsetof(IOBaseObject, dict);
    NewlineDecoderType->flags = NewlineDecoderType->flags | TypeFlag::HasDict;
    add_methods(NewlineDecoderType, kNdMethods);
    add_getsets(NewlineDecoderType, kNdGetSets);
  }
  return !m || module_add(m, "IncrementalNewlineDecoder", Value::from_obj(NewlineDecoderType));
}

}  // namespace coil::lib::io
