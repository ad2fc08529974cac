// csv_io.cpp — _csv's reader (a per-character state machine over the lines of any iterable of
// str, with CPython 3.11's handling of quotes, escapes, embedded newlines and NUL) and writer
// (quoting each field only as the dialect requires).
#include <string>

#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/number.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/csv_module.h"
#include "stdlib/itertools.h"
#include "stdlib/native_type_util.h"

namespace coil::lib::csv {

using namespace coil::rt;

namespace {

TypeObject* g_reader_type = nullptr;
TypeObject* g_writer_type = nullptr;

struct ReaderObject : Object {
  Value input;    // the iterator of lines
  Value dialect;  // a DialectObject
  int64_t line_num;
};

struct WriterObject : Object {
  Value write;    // the file's bound write method
  Value dialect;  // a DialectObject
};

void visit_reader(Object* self, Visitor& vis) {
  auto* r = static_cast<ReaderObject*>(self);
  vis.visit(r->input);
  vis.visit(r->dialect);
}

void visit_writer(Object* self, Visitor& vis) {
  auto* w = static_cast<WriterObject*>(self);
  vis.visit(w->write);
  vis.visit(w->dialect);
}

// The end of a line, fed to the state machine after the line's last character.
constexpr int32_t kEndOfLine = -2;

enum class State {
  StartRecord,
  StartField,
  EscapedChar,
  InField,
  InQuotedField,
  EscapeInQuotedField,
  QuoteInQuotedField,
  EatCrNl,
  AfterEscapedCrNl,
};

// One record being parsed: the fields so far and the field being built.
struct Parser {
  const DialectObject* d;
  ListObject* fields;
  std::string field;        // UTF-8
  int64_t field_len = 0;    // in code points
  bool numeric = false;     // an unquoted field under QUOTE_NONNUMERIC: becomes a float
  State state = State::StartRecord;

  bool add_char(int32_t c) {
    if (field_len >= field_limit()) {
      raise_fmt(error_type(), "field larger than field limit (%lld)", static_cast<long long>(field_limit()));
      return false;
    }
    append_utf8(field, static_cast<uint32_t>(c));
    ++field_len;
    return true;
  }

  bool save_field() {
    Value v = str_value(field);
    if (v.is_empty_slot()) return false;
    if (numeric) {
      numeric = false;
      v = call1(Value::from_obj(FloatType), v);
      if (v.is_empty_slot()) return false;
    }
    field.clear();
    field_len = 0;
    return list_append(fields, v);
  }

  // A newline ends the field; the end of the line ends the record, a CR/LF is eaten first.
  bool end_field_at_newline(int32_t c) {
    if (!save_field()) return false;
    state = c == kEndOfLine ? State::StartRecord : State::EatCrNl;
    return true;
  }

  static bool is_newline(int32_t c) { return c == '\n' || c == '\r' || c == kEndOfLine; }

  bool process(int32_t c) {
    switch (state) {
      case State::StartRecord:
        if (c == kEndOfLine) return true;  // an empty line: the record is []
        if (c == '\n' || c == '\r') {
          state = State::EatCrNl;
          return true;
        }
        state = State::StartField;
        [[fallthrough]];
      case State::StartField:
        if (is_newline(c)) return end_field_at_newline(c);
        if (c == d->quotechar && d->quoting != Quoting::None) {
          state = State::InQuotedField;
        } else if (c == d->escapechar) {
          state = State::EscapedChar;
        } else if (c == ' ' && d->skipinitialspace) {
          // leading space skipped
        } else if (c == d->delimiter) {
          return save_field();
        } else {
          numeric = d->quoting == Quoting::NonNumeric;
          if (!add_char(c)) return false;
          state = State::InField;
        }
        return true;
      case State::EscapedChar:
        if (c == '\n' || c == '\r') {
          state = State::AfterEscapedCrNl;
          return add_char(c);
        }
        state = State::InField;
        return add_char(c == kEndOfLine ? '\n' : c);
      case State::AfterEscapedCrNl:
        if (c == kEndOfLine) return true;
        [[fallthrough]];
      case State::InField:
        if (is_newline(c)) return end_field_at_newline(c);
        if (c == d->escapechar) {
          state = State::EscapedChar;
        } else if (c == d->delimiter) {
          state = State::StartField;
          return save_field();
        } else {
          return add_char(c);
        }
        return true;
      case State::InQuotedField:
        if (c == kEndOfLine) {
          // the field goes on in the next line
        } else if (c == d->escapechar) {
          state = State::EscapeInQuotedField;
        } else if (c == d->quotechar && d->quoting != Quoting::None) {
          state = d->doublequote ? State::QuoteInQuotedField : State::InField;
        } else {
          return add_char(c);
        }
        return true;
      case State::EscapeInQuotedField:
        state = State::InQuotedField;
        return add_char(c == kEndOfLine ? '\n' : c);
      case State::QuoteInQuotedField:
        if (d->quoting != Quoting::None && c == d->quotechar) {  // a doubled quote
          state = State::InQuotedField;
          return add_char(c);
        }
        if (c == d->delimiter) {
          state = State::StartField;
          return save_field();
        }
        if (is_newline(c)) return end_field_at_newline(c);
        if (!d->strict) {
          state = State::InField;
          return add_char(c);
        }
        {
          std::string msg = "'";
          append_utf8(msg, static_cast<uint32_t>(d->delimiter));
          msg += "' expected after '";
          append_utf8(msg, static_cast<uint32_t>(d->quotechar));
          msg += "'";
          raise_msg(error_type(), msg);
        }
        return false;
      case State::EatCrNl:
        if (c == '\n' || c == '\r') return true;
        if (c == kEndOfLine) {
          state = State::StartRecord;
          return true;
        }
        raise_msg(error_type(),
                  "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?");
        return false;
    }
    return true;
  }
};

// Is `v` a number to QUOTE_NONNUMERIC: an int/float/complex or anything with __index__,
// __int__ or __float__ (CPython's PyNumber_Check).
bool is_number_like(Value v) {
  if (is_number(v)) return true;
  TypeObject* t = type_of(v);
  return !type_lookup(t, names::dunder_index).is_empty_slot() || !type_lookup(t, names::dunder_int).is_empty_slot() ||
         !type_lookup(t, names::dunder_float).is_empty_slot();
}

ReaderObject* R(Value v) { return static_cast<ReaderObject*>(v.as_obj()); }
WriterObject* W(Value v) { return static_cast<WriterObject*>(v.as_obj()); }

// Reads lines until one record is complete and returns its fields.
Value reader_next(Value* args, int64_t, TupleObject*) {
  ReaderObject* r = R(args[0]);
  Parser p;
  p.d = static_cast<DialectObject*>(r->dialect.as_obj());
  p.fields = new_list(0);
  if (!p.fields) return Value();
  Value fields = Value::from_obj(p.fields);  // kept on the stack for the collector
  do {
    bool done = false;
    Value line = iter_next(r->input, &done);
    if (line.is_empty_slot()) {
      if (!done) return Value();
      // The input ended inside a record: strict dialects reject it, others keep what was read.
      if (p.field_len != 0 || p.state == State::InQuotedField) {
        if (p.d->strict) return raise_msg(error_type(), "unexpected end of data");
        if (!p.save_field()) return Value();
        break;
      }
      return stop_iteration();
    }
    if (!is_str(line))
      return raise_fmt(error_type(), "iterator should return strings, not %.200s (the file should be opened in text mode)",
                       type_name(line));
    ++r->line_num;
    StrObject* s = as_str(line);
    const char* c = s->data;
    const char* end = s->data + s->nbytes;
    while (c < end)
      if (!p.process(static_cast<int32_t>(decode_utf8(c)))) return Value();
    if (!p.process(kEndOfLine)) return Value();
  } while (p.state != State::StartRecord);
  return fields;
}

Value reader_dialect(Value self) { return R(self)->dialect; }
Value reader_line_num(Value self) { return int_from_int64(R(self)->line_num); }

// Appends one field to the record, escaping or doubling what must be, and says whether the
// field needs quotes (`quoted` may already be set by the quoting mode).
bool append_field(const DialectObject* d, std::string_view text, bool quoted, bool first, std::string* record) {
  std::string out;
  const std::string_view terminator = as_str(d->lineterminator)->view();
  for (const char* c = text.data(); c < text.data() + text.size();) {
    const char* start = c;
    int32_t ch = static_cast<int32_t>(decode_utf8(c));
    std::string_view encoded(start, static_cast<size_t>(c - start));
    bool special = ch == d->delimiter || ch == d->escapechar || ch == d->quotechar ||
                   terminator.find(encoded) != std::string_view::npos;
    if (special) {
      bool want_escape = false;
      if (d->quoting == Quoting::None) {
        want_escape = true;
      } else {
        if (ch == d->quotechar) {
          if (d->doublequote)
            out += encoded;  // the quote is doubled
          else
            want_escape = true;
        } else if (ch == d->escapechar) {
          want_escape = true;
        }
        if (!want_escape) quoted = true;
      }
      if (want_escape) {
        if (d->escapechar == kNotSet) {
          raise_msg(error_type(), "need to escape, but no escapechar set");
          return false;
        }
        append_utf8(out, static_cast<uint32_t>(d->escapechar));
      }
    }
    out += encoded;
  }
  if (!first) append_utf8(*record, static_cast<uint32_t>(d->delimiter));
  if (quoted) append_utf8(*record, static_cast<uint32_t>(d->quotechar));
  *record += out;
  if (quoted) append_utf8(*record, static_cast<uint32_t>(d->quotechar));
  return true;
}

// writerow(row): formats the fields of the iterable `row` and passes the line to write().
Value writer_writerow(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("writerow", kwnames) || !check_positional("writerow", nargs - 1, 1, 1)) return Value();
  WriterObject* w = W(args[0]);
  const auto* d = static_cast<const DialectObject*>(w->dialect.as_obj());
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) {
    if (pending_matches(TypeErrorType)) {
      clear_exception();
      return raise_fmt(error_type(), "iterable expected, not %.200s", type_name(args[1]));
    }
    return Value();
  }
  std::string record;
  int64_t nfields = 0;
  for (;;) {
    bool done = false;
    Value field = iter_next(it, &done);
    if (field.is_empty_slot()) {
      if (done) break;
      return Value();
    }
    bool quoted = d->quoting == Quoting::All || (d->quoting == Quoting::NonNumeric && !is_number_like(field));
    Value text = field == None ? Value::from_obj(empty_str()) : is_str(field) ? field : str_of(field);
    if (text.is_empty_slot()) return Value();
    if (!append_field(d, as_str(text)->view(), quoted, nfields == 0, &record)) return Value();
    ++nfields;
  }
  // A record of one empty field must be written as "" so that it reads back as [''].
  if (nfields > 0 && record.empty()) {
    if (d->quoting == Quoting::None) return raise_msg(error_type(), "single empty field record must be quoted");
    if (!append_field(d, "", true, true, &record)) return Value();
  }
  record += as_str(d->lineterminator)->view();
  Value line = str_value(record);
  if (line.is_empty_slot()) return Value();
  return call1(w->write, line);
}

Value writer_writerows(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!no_kwargs("writerows", kwnames) || !check_positional("writerows", nargs - 1, 1, 1)) return Value();
  Value it = get_iter(args[1]);
  if (it.is_empty_slot()) return Value();
  for (;;) {
    bool done = false;
    Value row = iter_next(it, &done);
    if (row.is_empty_slot()) {
      if (done) return None;
      return Value();
    }
    Value call_args[2] = {args[0], row};
    if (writer_writerow(call_args, 2, nullptr).is_empty_slot()) return Value();
  }
}

Value writer_dialect(Value self) { return W(self)->dialect; }

// Readers and writers come only from reader()/writer(). (CPython 3.11 lets `_csv.Reader()` make
// an unusable object that crashes when used; 3.12 refuses, as here.)
Value reader_new(Value*, int64_t, TupleObject*) { return raise_msg(TypeErrorType, "cannot create '_csv.reader' instances"); }
Value writer_new(Value*, int64_t, TupleObject*) { return raise_msg(TypeErrorType, "cannot create '_csv.writer' instances"); }

const NativeMethodDef kReaderMethods[] = {
    {"__new__", reader_new, NativeMethodDef::Kind::StaticMethod},
    {"__iter__", return_self},
    {"__next__", reader_next},
};
const NativeGetSetDef kReaderGetSets[] = {
    {"dialect", reader_dialect},
    {"line_num", reader_line_num},
};
const NativeMethodDef kWriterMethods[] = {
    {"__new__", writer_new, NativeMethodDef::Kind::StaticMethod},
    {"writerow", writer_writerow, NativeMethodDef::Kind::Method,
     "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\n"
     "elements will be converted to string."},
    {"writerows", writer_writerows, NativeMethodDef::Kind::Method,
     "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\n"
     "elements will be converted to string."},
};
const NativeGetSetDef kWriterGetSets[] = {
    {"dialect", writer_dialect},
};

}  // namespace

void init_reader_writer_types() {
  g_reader_type = make_native_type("_csv.reader", sizeof(ReaderObject), visit_reader, false);
  add_methods(g_reader_type, kReaderMethods);
  add_getsets(g_reader_type, kReaderGetSets);
  g_writer_type = make_native_type("_csv.writer", sizeof(WriterObject), visit_writer, false);
  add_methods(g_writer_type, kWriterMethods);
  add_getsets(g_writer_type, kWriterGetSets);
}

TypeObject* reader_type() { return g_reader_type; }
TypeObject* writer_type() { return g_writer_type; }

// reader(iterable[, dialect], **fmtparams)
Value csv_reader(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("", nargs, 1, 2)) return Value();
  Value input = get_iter(args[0]);
  if (input.is_empty_slot()) return Value();
  DialectObject* d = make_dialect(nargs > 1 ? args[1] : Value(), args + nargs, kwnames);
  if (!d) return Value();
  auto* r = static_cast<ReaderObject*>(new_instance(g_reader_type));
  if (!r) return Value();
  r->input = input;
  r->dialect = Value::from_obj(d);
  r->line_num = 0;
  return Value::from_obj(r);
}

// writer(fileobj[, dialect], **fmtparams)
Value csv_writer(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (!check_positional("", nargs, 1, 2)) return Value();
  bool error = false;
  Value write = get_attr_opt(args[0], intern("write"), &error);
  if (error) return Value();
  if (write.is_empty_slot()) return raise_msg(TypeErrorType, "argument 1 must have a \"write\" method");
  DialectObject* d = make_dialect(nargs > 1 ? args[1] : Value(), args + nargs, kwnames);
  if (!d) return Value();
  auto* w = static_cast<WriterObject*>(new_instance(g_writer_type));
  if (!w) return Value();
  w->write = write;
  w->dialect = Value::from_obj(d);
  return Value::from_obj(w);
}

}  // namespace coil::lib::csv
