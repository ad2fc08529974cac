// abstract.h — the operations behind Python's syntax and builtins, on any object:
// attribute access, calls, operators, comparisons, conversions, iteration.
// Each fails by returning an empty Value (or -1 / false) with an exception pending.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "frontend/bytecode.h"
#include "runtime/builtin_types.h"

namespace coil::rt {

struct StrObject;
struct TupleObject;
struct DictObject;

// --- attributes ---
Value get_attr(Value obj, StrObject* name);
Value get_attr(Value obj, const char* name);
// Like get_attr, but a missing attribute returns empty with no exception pending.
Value get_attr_opt(Value obj, StrObject* name, bool* error);
bool set_attr(Value obj, StrObject* name, Value value);       // value empty: delete
// object.__getattribute__ / __setattr__ semantics (descriptors, instance dict).
Value generic_get_attr(Value obj, StrObject* name, bool suppress_missing);
bool generic_set_attr(Value obj, StrObject* name, Value value);
// Does `type` look attributes up with object.__getattribute__ (no custom hook, not super)?
bool uses_generic_getattr(TypeObject* type);
// The attribute `name` of type(obj) found through the MRO (no descriptor binding), or empty.
Value lookup_special(Value obj, StrObject* name);
Value type_lookup(TypeObject* type, StrObject* name);

// --- calls ---
Value call(Value callable, Value* args, int64_t nargs, TupleObject* kwnames = nullptr);
Value call0(Value callable);
Value call1(Value callable, Value a);
Value call2(Value callable, Value a, Value b);
// Calls method `name` of obj (obj.name(args...)).
Value call_method(Value obj, StrObject* name, Value* args, int64_t nargs);
// Calls a special method `m` found on type(self) as CPython's slots do: functions and
// native methods get self first, other descriptors are bound with __get__, anything else
// is called without self.
Value call_special(Value m, Value self, Value* args, int64_t nargs, TupleObject* kwnames = nullptr);
Value call_special0(Value m, Value self);
Value call_special1(Value m, Value self, Value a);
Value call_special2(Value m, Value self, Value a, Value b);
// Calls with a tuple of positional args and an optional dict of keywords.
Value call_tuple_dict(Value callable, TupleObject* args, DictObject* kwargs);
bool is_callable(Value v);

// --- operators ---
Value binary_op(Value a, Value b, fe::BinaryOpKind op);
Value unary_negative(Value v);
Value unary_positive(Value v);
Value unary_invert(Value v);
Value rich_compare(Value a, Value b, fe::CompareKind op);
// -1 error, 0 false, 1 true.
int rich_compare_bool(Value a, Value b, fe::CompareKind op);
int equal(Value a, Value b);        // identity shortcut, then ==
int is_true(Value v);
int contains(Value container, Value item);

// --- conversions ---
Value repr(Value v);
Value str_of(Value v);
Value ascii_of(Value v);
Value format(Value v, Value spec);
// repr()/str() as std::string (UTF-8); false with the exception pending on failure.
bool repr_string(Value v, std::string* out);
bool str_string(Value v, std::string* out);
// hash(); -1 with exception pending on failure (a real hash of -1 is reported as -2).
int64_t hash(Value v);
// __index__: int or TypeError. Returns empty on error.
Value index(Value v);
// Converts to a C integer via __index__; *overflow set when it doesn't fit.
bool as_int64(Value v, int64_t* out, bool* overflow);
// len(); -1 with exception pending on failure.
int64_t length(Value v);

// --- items ---
Value get_item(Value container, Value key);
bool set_item(Value container, Value key, Value value);
bool del_item(Value container, Value key);

// --- iteration ---
Value get_iter(Value v);
// Next item; empty with *done set at exhaustion, empty without *done on error.
Value iter_next(Value it, bool* done);

// --- types ---
bool is_subtype(TypeObject* a, TypeObject* b);
int is_instance(Value obj, Value cls);     // isinstance(); -1 error
int is_subclass(Value derived, Value cls); // issubclass(); -1 error

}  // namespace coil::rt

namespace coil::rt {

// --- support for the interpreter's less common ops ---
// descr.__get__(self, type(self)) for a value found on the type (functions bind).
Value bind_descriptor(Value descr, Value self);
// except-clause matching: isinstance(exc, type) where type may be a tuple; -1 error
// (TypeError when type is not an exception class).
int exception_matches(Value exc, Value type);
// "f()" / "print()" etc. as CPython names a callable in argument errors.
std::string callable_description(Value callable);
// dict.update(m) semantics (keys() + __getitem__ for non-dicts).
bool dict_update_from(DictObject* d, Value m);
// f(**m): like update, but duplicate keys raise "got multiple values for keyword argument".
bool dict_merge_kwargs(DictObject* d, Value m, Value callee);
// The Send op: it.send(v) / next(it); *returned when it finished (value returned).
Value send_to(Value it, Value v, bool* returned);
// sys.displayhook(v) for interactive mode.
bool print_expr(Value v);
// The builtins module's dict.
DictObject* builtins_dict();
// tuple(iterable); empty with TypeError pending when not iterable.
Value sequence_to_tuple(Value v);
// True if iter(v) would fail with TypeError (v has no __iter__ / __getitem__).
bool get_iter_would_fail(Value v);

}  // namespace coil::rt
