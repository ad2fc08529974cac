// float_format.h — CPython-exact number formatting: float repr, format() mini-language for
// float/int/str, %-formatting of numbers, float.hex/fromhex, round(), as_integer_ratio.
//
// Pure C++ over std::to_chars (exact, correctly rounded digits) and BigInt; no GC objects.
// Errors come back as a FormatStatus whose message is CPython 3.11's text; the caller
// raises ValueError or OverflowError as its kind says.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/bigint.h"

namespace coil::rt {

// --- core double -> text ------------------------------------------------------------------
// Flags of double_to_string, matching the options CPython's repr/format/% need.
enum DtoaFlags : unsigned {
  kDtoaSign = 1,       // always emit '+' for non-negatives
  kDtoaAddDot0 = 2,    // "1" -> "1.0" when no exponent is used (repr, format with no type)
  kDtoaAlt = 4,        // '#': keep the decimal point and trailing zeros
  kDtoaNoNegZero = 8,  // 'z': a result that rounds to zero loses its '-'
};
// code: 'e' 'E' 'f' 'F' 'g' 'G' or 'r' (shortest round-trip; precision ignored).
std::string double_to_string(double x, char code, int64_t precision, unsigned flags);
// repr(float) and str(float): "1.0", "1e+16", "1e-05", "inf", "-inf", "nan", "-0.0".
std::string float_repr(double x);
// repr(complex): "1j", "(1+2j)", "(-0-0j)", "(inf+nanj)".
std::string complex_repr(double real, double imag);

// --- format-spec mini-language ------------------------------------------------------------
struct FormatSpec {
  char32_t fill = ' ';
  char align = 0;        // '<' '>' '^' '=' or 0 (type's default)
  char sign = 0;         // '+' '-' ' ' or 0
  bool no_neg_zero = false;  // 'z'
  bool alt = false;          // '#'
  int64_t width = -1;
  char grouping = 0;     // ',' or '_' or 0
  int64_t precision = -1;
  char32_t type = 0;     // 0 when absent
};

enum class FormatErrorKind : uint8_t { none, value_error, overflow_error };
struct FormatStatus {
  FormatErrorKind kind = FormatErrorKind::none;
  std::string message;
  bool ok() const { return kind == FormatErrorKind::none; }
  static FormatStatus value_error(std::string m) { return {FormatErrorKind::value_error, std::move(m)}; }
  static FormatStatus overflow_error(std::string m) { return {FormatErrorKind::overflow_error, std::move(m)}; }
};

// Parses a UTF-8 spec. default_type fills in an absent type ('s' for str, 'd' for int, 0 for
// float); default_align is '<' for str and '>' for numbers (it decides what a leading '0'
// implies). type_name appears in the "Invalid format specifier" message.
FormatStatus parse_format_spec(std::string_view spec, char32_t default_type, char default_align,
                               std::string_view type_name, FormatSpec* out);

// format(x, spec) for each kind; type_name is the object's type name for messages
// (format(True, 'q') says 'bool'). format_int applies the int->str digit limit to
// decimal output (max_str_digits 0 = unlimited) and converts to float for e/f/g/%.
FormatStatus format_float(double x, std::string_view spec, std::string* out,
                          std::string_view type_name = "float");
FormatStatus format_float(double x, const FormatSpec& spec, std::string* out,
                          std::string_view type_name = "float");
FormatStatus format_int(const BigInt& v, std::string_view spec, std::string* out,
                        std::string_view type_name = "int", int max_str_digits = kDefaultMaxStrDigits);
FormatStatus format_int(const BigInt& v, const FormatSpec& spec, std::string* out,
                        std::string_view type_name = "int", int max_str_digits = kDefaultMaxStrDigits);
// format(complex, spec): both parts laid out like floats, "(re+imj)" or "imj".
FormatStatus format_complex(double real, double imag, std::string_view spec, std::string* out,
                            std::string_view type_name = "complex");
// str.__format__: truncation by precision (code points), padding, default align '<'.
FormatStatus format_str(std::string_view utf8, std::string_view spec, std::string* out,
                        std::string_view type_name = "str");
FormatStatus format_str(std::string_view utf8, const FormatSpec& spec, std::string* out,
                        std::string_view type_name = "str");
// Pads an already formatted UTF-8 body to spec.width with spec.fill and spec.align
// (default_align when spec.align is 0; '=' treated as '>'). For objects whose __format__
// only pads (e.g. complex, or a caller's own types).
std::string pad_to_width(std::string_view body, const FormatSpec& spec, char default_align);
// Appends a code point as UTF-8.
void append_utf8(std::string* out, char32_t cp);

// --- printf-style (%) formatting of numbers -------------------------------------------------
struct PercentSpec {
  bool left = false;   // '-'
  bool plus = false;   // '+'
  bool space = false;  // ' '
  bool alt = false;    // '#'
  bool zero = false;   // '0'
  int64_t width = -1;
  int64_t precision = -1;
};
// conv is one of d i u o x X; digit limit applies to d/i/u.
FormatStatus percent_format_int(const BigInt& v, char conv, const PercentSpec& spec, std::string* out,
                                int max_str_digits = kDefaultMaxStrDigits);
// conv is one of e E f F g G.
std::string percent_format_float(double x, char conv, const PercentSpec& spec);

// --- other float methods ------------------------------------------------------------------
// float.hex(): "0x1.8000000000000p+0", "-0x0.0p+0", "inf", "nan".
std::string float_hex(double x);
// float.fromhex(): invalid_literal -> ValueError "invalid hexadecimal floating-point string";
// overflow -> OverflowError "hexadecimal value too large to represent as a float".
NumStatus float_fromhex(std::string_view text, double* out);
// round(x, ndigits), correctly rounded through the exact decimal value (half-even).
// overflow -> OverflowError "rounded value too large to represent".
NumStatus float_round(double x, int64_t ndigits, double* out);
// round(x) without ndigits: nearest integer, ties to even (caller makes the int and rejects
// inf/nan: "cannot convert float infinity to integer" / "cannot convert float NaN to integer").
double float_round_half_even(double x);
// float.as_integer_ratio() for finite x (the caller rejects inf/nan): lowest terms, den > 0.
void float_as_integer_ratio(double x, BigInt* numerator, BigInt* denominator);
bool float_is_integer(double x);

}  // namespace coil::rt
