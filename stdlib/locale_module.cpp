// locale_module.cpp — the _locale module: setlocale, localeconv, nl_langinfo, getencoding,
// strcoll and the LC_* / nl_langinfo constants, over the C library's locale.
#include <climits>
#include <clocale>
#include <cstring>
#include <langinfo.h>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "stdlib/native_type_util.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

Value g_locale_error;

Value locale_setlocale(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("setlocale", kw) || !check_positional("setlocale", nargs, 1, 2)) return Value();
  int64_t category;
  if (!is_int(args[0]) || !int_to_int64(args[0], &category)) {
    if (!has_pending_exception()) raise_fmt(TypeErrorType, "an integer is required (got type %s)", type_name(args[0]));
    return Value();
  }
  const char* r;
  if (nargs < 2 || args[1] == None) {
    r = std::setlocale(static_cast<int>(category), nullptr);
  } else {
    if (!is_str(args[1]))
      return raise_fmt(TypeErrorType, "setlocale() argument 2 must be str or None, not %s", type_name(args[1]));
    r = std::setlocale(static_cast<int>(category), as_str(args[1])->data);
    if (!r) {
      Value e = call1(g_locale_error, str_value("unsupported locale setting"));
      return e.is_empty_slot() ? e : raise(e);
    }
  }
  if (!r) {
    Value e = call1(g_locale_error, str_value("locale query failed"));
    return e.is_empty_slot() ? e : raise(e);
  }
  return str_value(r);
}

Value grouping_list(const char* g) {
  ListObject* l = new_list(0);
  if (!l) return Value();
  for (const char* p = g; *p; ++p) {
    if (!list_append(l, Value::from_small_int(static_cast<unsigned char>(*p) == 0x7F ? 127 : *p))) return Value();
    if (static_cast<unsigned char>(*p) == 0x7F) break;
  }
  if (!*g || g[std::strlen(g) - 1] != 0x7F)
    if (!list_append(l, Value::from_small_int(0))) return Value();
  if (!*g) return Value::from_obj(new_list(0));
  return Value::from_obj(l);
}

Value locale_localeconv(Value*, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("localeconv", kw) || !check_positional("localeconv", nargs, 0, 0)) return Value();
  struct lconv* lc = std::localeconv();
  DictObject* d = new_dict();
  if (!d) return Value();
  auto s = [&](const char* k, const char* v) { return dict_set_str(d, intern(k), str_value(v ? v : "")); };
  auto n = [&](const char* k, char v) { return dict_set_str(d, intern(k), Value::from_small_int(v == CHAR_MAX ? 127 : v)); };
  Value g1 = grouping_list(lc->grouping), g2 = grouping_list(lc->mon_grouping);
  if (g1.is_empty_slot() || g2.is_empty_slot()) return Value();
  bool ok = s("decimal_point", lc->decimal_point) && s("thousands_sep", lc->thousands_sep) &&
            dict_set_str(d, intern("grouping"), g1) && s("int_curr_symbol", lc->int_curr_symbol) &&
            s("currency_symbol", lc->currency_symbol) && s("mon_decimal_point", lc->mon_decimal_point) &&
            s("mon_thousands_sep", lc->mon_thousands_sep) && dict_set_str(d, intern("mon_grouping"), g2) &&
            s("positive_sign", lc->positive_sign) && s("negative_sign", lc->negative_sign) &&
            n("int_frac_digits", lc->int_frac_digits) && n("frac_digits", lc->frac_digits) &&
            n("p_cs_precedes", lc->p_cs_precedes) && n("p_sep_by_space", lc->p_sep_by_space) &&
            n("n_cs_precedes", lc->n_cs_precedes) && n("n_sep_by_space", lc->n_sep_by_space) &&
            n("p_sign_posn", lc->p_sign_posn) && n("n_sign_posn", lc->n_sign_posn);
  return ok ? Value::from_obj(d) : Value();
}

Value locale_nl_langinfo(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("nl_langinfo", kw) || !check_positional("nl_langinfo", nargs, 1, 1)) return Value();
  int64_t item;
  if (!is_int(args[0]) || !int_to_int64(args[0], &item))
    return has_pending_exception() ? Value() : raise_msg(TypeErrorType, "an integer is required");
  // Only the items this module exports are accepted, as in CPython.
  static const nl_item kKnown[] = {CODESET, D_T_FMT, D_FMT, T_FMT, RADIXCHAR, THOUSEP, YESEXPR, NOEXPR, CRNCYSTR};
  for (nl_item k : kKnown)
    if (k == item) return str_value(nl_langinfo(static_cast<nl_item>(item)));
  return raise_msg(ValueErrorType, "unsupported langinfo constant");
}

// The locale encoding as CPython reports it (UTF-8 when the C locale was coerced).
Value locale_getencoding(Value*, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("getencoding", kw) || !check_positional("getencoding", nargs, 0, 0)) return Value();
  const char* cs = nl_langinfo(CODESET);
  std::string s = cs && *cs ? cs : "UTF-8";
  if (s == "ANSI_X3.4-1968") s = "utf-8";
  return str_value(s);
}

Value locale_strcoll(Value* args, int64_t nargs, TupleObject* kw) {
  if (!no_kwargs("strcoll", kw) || !check_positional("strcoll", nargs, 2, 2)) return Value();
  if (!is_str(args[0]) || !is_str(args[1]))
    return raise_fmt(TypeErrorType, "strcoll() argument %d must be str, not %s", is_str(args[0]) ? 2 : 1,
                     type_name(is_str(args[0]) ? args[1] : args[0]));
  int r = std::strcoll(as_str(args[0])->data, as_str(args[1])->data);
  return Value::from_small_int(r < 0 ? -1 : r > 0 ? 1 : 0);
}

const NativeFunctionDef kLocaleFunctions[] = {
    {"setlocale", locale_setlocale},     {"localeconv", locale_localeconv},
    {"nl_langinfo", locale_nl_langinfo}, {"getencoding", locale_getencoding},
    {"strcoll", locale_strcoll},
};

bool init_locale(ModuleObject* m) {
  if (g_locale_error.is_empty_slot()) {
    add_runtime_root_hook([](Visitor& v) { v.visit(g_locale_error); });
    DictObject* ns = new_dict();
    if (!ns || !dict_set_str(ns, intern("__module__"), str_value("locale"))) return false;
    Value targs[3] = {str_value("Error"), Value::from_obj(tuple_of({Value::from_obj(ExceptionType)})),
                      Value::from_obj(ns)};
    g_locale_error = call(Value::from_obj(TypeType), targs, 3);
    if (g_locale_error.is_empty_slot()) return false;
  }
  static const struct {
    const char* name;
    int value;
  } kConsts[] = {
      {"LC_CTYPE", LC_CTYPE},       {"LC_COLLATE", LC_COLLATE}, {"LC_TIME", LC_TIME},
      {"LC_MONETARY", LC_MONETARY}, {"LC_NUMERIC", LC_NUMERIC}, {"LC_ALL", LC_ALL},
      {"LC_MESSAGES", LC_MESSAGES}, {"CHAR_MAX", CHAR_MAX},     {"CODESET", CODESET},
      {"D_T_FMT", D_T_FMT},         {"D_FMT", D_FMT},           {"T_FMT", T_FMT},
      {"RADIXCHAR", RADIXCHAR},     {"THOUSEP", THOUSEP},       {"YESEXPR", YESEXPR},
      {"NOEXPR", NOEXPR},           {"CRNCYSTR", CRNCYSTR},
  };
  for (const auto& c : kConsts)
    if (!module_add(m, c.name, Value::from_small_int(c.value))) return false;
  return module_add(m, "Error", g_locale_error);
}

}  // namespace

extern const NativeModuleDef kLocaleModule;
const NativeModuleDef kLocaleModule = {"_locale", kLocaleFunctions, std::size(kLocaleFunctions), init_locale};

}  // namespace coil::lib
