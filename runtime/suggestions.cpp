// suggestions.cpp — name suggestions for NameError / AttributeError messages.
//
// CPython's rule: insertions and deletions cost 2, substituting a character that differs
// only in case costs 1, any other substitution 2; a candidate qualifies when its distance is
// at most (len(name) + len(candidate) + 3) * 2 / 6 and strictly better than the best so
// far; more than 750 candidates or names over 40 characters give no suggestion.
#include "runtime/suggestions.h"

#include <algorithm>
#include <cctype>

#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/shape.h"
#include "runtime/str.h"
#include "runtime/sys_state.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

constexpr size_t kMoveCost = 2, kCaseCost = 1, kMaxCandidates = 750, kMaxStringSize = 40;

size_t substitution_cost(char a, char b) {
  if (a == b) return 0;
  if (std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b))) return kCaseCost;
  return kMoveCost;
}

size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  if (a == b) return 0;
  // Common prefix and suffix do not change the distance.
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  std::vector<size_t> row(a.size());
  for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    size_t distance = bi * kMoveCost;
    result = distance;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ++ai) {
      size_t substitute = distance + substitution_cost(b[bi], a[ai]);
      distance = row[ai];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// The str items of a sequence (a list or tuple), in order; other items are skipped.
void add_names(Value seq, std::vector<std::string>& out) {
  if (!is_list(seq) && !is_tuple(seq)) return;
  int64_t n = is_list(seq) ? as_list(seq)->size : as_tuple(seq)->size;
  for (int64_t i = 0; i < n; ++i) {
    Value k = is_list(seq) ? as_list(seq)->items()[i] : as_tuple(seq)->items[i];
    if (is_str(k)) out.emplace_back(as_str(k)->view());
  }
}

void add_keys(Value d, std::vector<std::string>& out) {
  if (!is_dict(d)) return;
  int64_t pos = 0;
  Value k;
  while (dict_next(as_dict(d), &pos, &k, nullptr))
    if (is_str(k)) out.emplace_back(as_str(k)->view());
}

Value exc_attr(ExceptionObject* e, const char* name) {
  return e->dict ? dict_get_str(e->dict, intern(name)) : Value();
}

// Reads obj.name, or empty (error cleared) when that fails.
Value attr_or_empty(Value obj, const char* name) {
  Value v = get_attr(obj, intern(name));
  if (v.is_empty_slot()) clear_exception();
  return v;
}

// NameError: the names of the innermost frame of the traceback — its code's co_varnames,
// then its globals, then its builtins, each searched on its own, in their own order.
std::string name_error_suggestion(ExceptionObject* e, std::string_view name) {
  Value tb = e->traceback;
  if (!tb.is_obj() || tb.as_obj()->type != TracebackType) return "";
  for (;;) {
    Value next = attr_or_empty(tb, "tb_next");
    if (next.is_empty_slot() || !next.is_obj() || next.as_obj()->type != TracebackType) break;
    tb = next;
  }
  Value frame = attr_or_empty(tb, "tb_frame");
  if (frame.is_empty_slot() || frame == None) return "";
  Value code = attr_or_empty(frame, "f_code");
  std::vector<std::string> cands;
  if (!code.is_empty_slot()) {
    Value varnames = attr_or_empty(code, "co_varnames");
    if (!varnames.is_empty_slot()) add_names(varnames, cands);
  }
  std::string best = best_suggestion(name, cands);
  if (!best.empty()) return best;
  cands.clear();
  Value globals = attr_or_empty(frame, "f_globals");
  if (!globals.is_empty_slot()) add_keys(globals, cands);
  best = best_suggestion(name, cands);
  if (!best.empty()) return best;
  cands.clear();
  Value builtins = attr_or_empty(frame, "f_builtins");
  if (builtins.is_empty_slot() || !is_dict(builtins)) builtins = Value::from_obj(g_builtins_module->dict);
  add_keys(builtins, cands);
  return best_suggestion(name, cands);
}

// AttributeError: the names dir(obj) lists.
std::string attribute_error_suggestion(Value obj, std::string_view name) {
  Value dir_fn = dict_get_str(g_builtins_module->dict, intern("dir"));
  if (dir_fn.is_empty_slot()) return "";
  Value names = call1(dir_fn, obj);
  if (names.is_empty_slot()) {
    clear_exception();
    return "";
  }
  std::vector<std::string> cands;
  add_names(names, cands);
  return best_suggestion(name, cands);
}

}  // namespace

std::string best_suggestion(std::string_view name, const std::vector<std::string>& candidates) {
  if (candidates.size() >= kMaxCandidates) return "";
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (const std::string& item : candidates) {
    if (item == name) continue;
    size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(name, item, max_distance);
    if (d > max_distance) continue;
    if (best.empty() || d < best_distance) {
      best = item;
      best_distance = d;
    }
  }
  return best;
}

std::string suggestion_for(Value exc) {
  if (!is_exception(exc)) return "";
  ExceptionObject* e = as_exception(exc);
  Value name = exc_attr(e, "name");
  if (name.is_empty_slot() || !is_exact(name, StrType)) return "";
  std::string_view n = as_str(name)->view();
  if (is_subtype(e->type, AttributeErrorType)) {
    Value obj = exc_attr(e, "obj");
    if (obj.is_empty_slot() || obj == None) return "";
    return attribute_error_suggestion(obj, n);
  }
  if (is_subtype(e->type, NameErrorType)) return name_error_suggestion(e, n);
  return "";
}

}  // namespace coil::rt
