// future.cpp — the future-import pass: features from `from __future__ import` at the top of a module.
#include "frontend/future.h"

#include <cstring>

#include "frontend/syntax_error.h"

namespace coil::fe {

namespace {

struct FeatureRow {
  const char* name;
  uint32_t flag;
};

constexpr FeatureRow kFeatures[] = {
#define FUTURE_FEATURE(Name, PyName, Flag) {PyName, Flag},
#include "frontend/future.def"
};

// The flag values in future.def must match the enum that the rest of the frontend tests.
static_assert(kFeatures[7].flag == uint32_t(FutureFeature::BarryAsBdfl));
static_assert(kFeatures[9].flag == uint32_t(FutureFeature::Annotations));

// Raises a future error located like PyErr_SyntaxLocationObject: a start, no end column.
// CPython adds 1 to the byte column for feature errors but not for a late future import.
[[noreturn]] void raise_at(const std::string& msg, const std::string& filename, const StmtNode* s,
                           int column_base = 1) {
  SyntaxErrorInfo info;
  info.msg = msg;
  info.filename = filename;
  info.lineno = s->lineno;
  info.offset = s->col_offset + column_base;
  info.end_lineno = s->lineno;
  info.end_offset = 0;  // CPython leaves end_offset None here
  throw SyntaxErrorException{info};
}

// Adds the features one future import names; rejects the ones 3.11 does not know.
void check_features(const ImportFrom* s, const std::string& filename, FutureFlags& flags) {
  for (const Alias* alias : s->names) {
    const FeatureRow* found = nullptr;
    for (const FeatureRow& row : kFeatures)
      if (alias->name == row.name) found = &row;
    if (found) {
      flags.features |= FutureFeature(found->flag);
      continue;
    }
    if (alias->name == "braces") raise_at("not a chance", filename, s);
    // CPython formats the feature with %.100s.
    raise_at("future feature " + alias->name.substr(0, 100) + " is not defined", filename, s);
  }
}

bool is_docstring(const StmtNode* s) {
  auto* e = as<const Expr>(s);
  if (!e) return false;
  auto* c = as<const Constant>(e->value);
  return c && c->value.kind == ConstValue::Kind::Str;
}

bool is_future_import(const StmtNode* s) {
  auto* imp = as<const ImportFrom>(s);
  return imp && imp->module && *imp->module == "__future__";
}

}  // namespace

void parse_future(const ModNode* mod, const std::string& filename, FutureFlags& flags) {
  const std::vector<StmtNode*>* body = nullptr;
  if (auto* m = as<const Module>(mod)) body = &m->body;
  else if (auto* i = as<const Interactive>(mod)) body = &i->body;
  if (!body || body->empty()) return;

  size_t i = is_docstring((*body)[0]) ? 1 : 0;
  // After the first statement that is not a future import, only statements on the same line are
  // still examined: CPython catches `import os; from __future__ import x` here and leaves later
  // lines to the compiler (see FutureFlags::lineno).
  bool done = false;
  int prev_line = 0;
  for (; i < body->size(); ++i) {
    const StmtNode* s = (*body)[i];
    if (done && s->lineno > prev_line) return;
    prev_line = s->lineno;
    if (is_future_import(s)) {
      if (done) raise_at("from __future__ imports must occur at the beginning of the file", filename, s, 0);
      check_features(static_cast<const ImportFrom*>(s), filename, flags);
      flags.lineno = s->lineno;
    } else {
      done = true;
    }
  }
}

}  // namespace coil::fe
