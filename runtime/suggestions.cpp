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

void add_keys(DictObject* d, std::vector<std::string>& out) {
  if (!d) return;
  int64_t pos = 0;
  Value k;
  while (dict_next(d, &pos, &k, nullptr))
    if (is_str(k)) out.emplace_back(as_str(k)->view());
}

Value exc_attr(ExceptionObject* e, const char* name) {
  return e->dict ? dict_get_str(e->dict, intern(name)) : Value();
}

}  // namespace

std::string best_suggestion(std::string_view name, const std::vector<std::string>& candidates) {
  if (candidates.size() > kMaxCandidates) return "";
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
  if (name.is_empty_slot() || !is_str(name)) return "";
  std::string_view n = as_str(name)->view();
  if (is_subtype(e->type, NameErrorType)) {
    // Candidates were captured when the error was raised: locals, then globals, then builtins.
    Value scopes = exc_attr(e, "__coil_scopes__");
    if (!is_exact(scopes, TupleType)) return "";
    for (int64_t i = 0; i < as_tuple(scopes)->size; ++i) {
      std::vector<std::string> cands;
      Value s = as_tuple(scopes)->items[i];
      if (is_dict(s)) add_keys(as_dict(s), cands);
      std::sort(cands.begin(), cands.end());
      std::string best = best_suggestion(n, cands);
      if (!best.empty()) return best;
    }
    return "";
  }
  if (is_subtype(e->type, AttributeErrorType)) {
    Value obj = exc_attr(e, "obj");
    if (obj.is_empty_slot()) return "";
    std::vector<std::string> cands;
    TypeObject* t = type_of(obj);
    if (obj.is_obj() && t->dict_offset) {
      DictObject* own = new_dict();
      if (own && instance_attrs_copy_into(obj.as_obj(), own)) add_keys(own, cands);
      else clear_exception();
    }
    if (has(t, TypeFlag::TypeSubclass) && obj.is_obj()) t = static_cast<TypeObject*>(obj.as_obj());
    for (int64_t i = 0; t->mro && i < t->mro->size; ++i) add_keys(static_cast<TypeObject*>(t->mro->items[i].as_obj())->dict, cands);
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    return best_suggestion(n, cands);
  }
  return "";
}

}  // namespace coil::rt
