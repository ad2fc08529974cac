// options.cpp — parsing and listing the JIT tunables of tunables.def.
#include "jit/options.h"

#include <charconv>
#include <cstdio>

namespace coil::jit {

namespace {

enum class Kind { Int, Bool, String };

struct Tunable {
  const char* name;
  Kind kind;
  int64_t default_int, min, max;
  const char* default_str;
  const char* choices;  // '|'-separated, for String
  const char* help;
};

const Tunable kTunables[] = {
#define TUNABLE(Name, K, Default, Min, Max, Help) {#Name, Kind::K, Default, Min, Max, nullptr, nullptr, Help},
#define STRING_TUNABLE(Name, Default, Choices, Help) {#Name, Kind::String, 0, 0, 0, Default, Choices, Help},
#include "jit/tunables.def"
};

// Points at the field of `opts` that tunable `name` sets; one of the two stays null.
void field_of(Options& opts, std::string_view name, int64_t** i, std::string** s) {
#define TUNABLE(Name, K, Default, Min, Max, Help) if (name == #Name) *i = &opts.Name;
#define STRING_TUNABLE(Name, Default, Choices, Help) if (name == #Name) *s = &opts.Name;
#include "jit/tunables.def"
}

bool parse_bool(std::string_view v, int64_t* out) {
  if (v == "1" || v == "on" || v == "true" || v == "yes") { *out = 1; return true; }
  if (v == "0" || v == "off" || v == "false" || v == "no") { *out = 0; return true; }
  return false;
}

bool in_choices(std::string_view v, std::string_view choices) {
  while (!choices.empty()) {
    size_t bar = choices.find('|');
    if (choices.substr(0, bar) == v) return true;
    if (bar == std::string_view::npos) break;
    choices.remove_prefix(bar + 1);
  }
  return false;
}

std::string apply_one(Options& opts, std::string_view item) {
  size_t eq = item.find('=');
  if (eq == std::string_view::npos) return "expected name=value, got '" + std::string(item) + "'";
  std::string_view name = item.substr(0, eq), value = item.substr(eq + 1);
  const Tunable* t = nullptr;
  for (const Tunable& cand : kTunables)
    if (name == cand.name) t = &cand;
  if (!t) return "unknown tunable '" + std::string(name) + "' (see --jit help)";
  int64_t* ip = nullptr;
  std::string* sp = nullptr;
  field_of(opts, name, &ip, &sp);
  std::string bad = "bad value '" + std::string(value) + "' for " + std::string(name);
  switch (t->kind) {
    case Kind::Bool:
      if (!parse_bool(value, ip)) return bad + " (expected 0 or 1)";
      return "";
    case Kind::Int: {
      int64_t n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size() || value.empty())
        return bad + " (expected a whole number)";
      if (n < t->min || n > t->max)
        return bad + " (must be between " + std::to_string(t->min) + " and " +
               std::to_string(t->max) + ")";
      *ip = n;
      return "";
    }
    case Kind::String:
      if (!in_choices(value, t->choices)) return bad + " (expected " + t->choices + ")";
      *sp = std::string(value);
      return "";
  }
  return "";
}

}  // namespace

Options& options() {
  static Options opts;
  return opts;
}

std::string apply_options(Options& opts, std::string_view spec) {
  if (spec == "off") { opts.enable = 0; return ""; }
  if (spec == "on") { opts.enable = 1; return ""; }
  if (spec.empty()) return "empty --jit option (see --jit help)";
  while (true) {
    size_t comma = spec.find(',');
    std::string err = apply_one(opts, spec.substr(0, comma));
    if (!err.empty()) return err;
    if (comma == std::string_view::npos) return "";
    spec.remove_prefix(comma + 1);
  }
}

std::string options_help() {
  std::string out =
      "JIT options: --jit off | --jit on | --jit name=value[,name=value...]\n"
      "(also the COIL_JIT environment variable; the command line wins)\n\n";
  char line[256];
  for (const Tunable& t : kTunables) {
    std::string def = t.kind == Kind::String ? t.default_str : std::to_string(t.default_int);
    std::snprintf(line, sizeof line, "  %-20s default %-8s %s", t.name, def.c_str(), t.help);
    out += line;
    if (t.kind == Kind::Int)
      out += " [" + std::to_string(t.min) + ".." + std::to_string(t.max) + "]";
    else if (t.kind == Kind::String)
      out += std::string(" [") + t.choices + "]";
    out += "\n";
  }
  return out;
}

}  // namespace coil::jit
