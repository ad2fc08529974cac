// compile.cpp — the compiler driver: units, emission helpers, names, constants, modules.
#include <cmath>
#include <cstdio>
#include <cstring>

#include "frontend/compile_internal.h"

namespace coil::fe {

namespace {
// CPython's PyCF_MASK: the CO_FUTURE_* bits compile() flags and future imports set.
constexpr uint32_t kFutureFlagsMask = 0x1FE0000;
}  // namespace

// ---------------------------------------------------------------- constants

CodeConst make_const(const ConstValue& v) {
  CodeConst c;
  c.kind = CodeConst::Kind::Value;
  c.value = v;
  return c;
}

CodeConst none_const() { return make_const(ConstValue{}); }

CodeConst str_const(const std::string& s) {
  ConstValue v;
  v.kind = ConstValue::Kind::Str;
  v.text = s;
  return make_const(v);
}

CodeConst int_const(long long n) {
  ConstValue v;
  v.kind = ConstValue::Kind::Int;
  v.text = std::to_string(n);
  return make_const(v);
}

// A key that tells apart every pair of constants Python tells apart (0, 0.0, -0.0, False...).
std::string const_key(const CodeConst& c) {
  switch (c.kind) {
    case CodeConst::Kind::Code: {
      char buf[32];
      std::snprintf(buf, sizeof buf, "C%p", static_cast<void*>(c.code.get()));
      return buf;
    }
    case CodeConst::Kind::Tuple:
    case CodeConst::Kind::FrozenSet: {
      std::string k = c.kind == CodeConst::Kind::Tuple ? "T(" : "F(";
      for (auto& it : c.items) k += const_key(it) + ",";
      return k + ")";
    }
    case CodeConst::Kind::Value:
      break;
  }
  std::string k(1, char('a' + int(c.value.kind)));
  if (c.value.kind == ConstValue::Kind::Float || c.value.kind == ConstValue::Kind::Complex) {
    uint64_t bits;
    std::memcpy(&bits, &c.value.number, sizeof bits);
    k += std::to_string(bits);
  } else {
    k += c.value.text;
  }
  return k;
}

// ---------------------------------------------------------------- units

// CPython's qualname rule; a def or class declared `global` in its parent gets a bare name.
std::string Compiler::qualname_for(const std::string& name, bool is_def) {
  if (units_.empty()) return name;
  Unit& parent = u();
  if (parent.kind == UnitKind::Module) return name;
  if (is_def &&
      parent.scope->lookup(parent.scope->mangle(name)) == SymbolScope::GlobalExplicit)
    return name;
  std::string base = parent.code->qualname;
  if (parent.kind == UnitKind::Function || parent.kind == UnitKind::Lambda) base += ".<locals>";
  return base + "." + name;
}

void Compiler::enter_unit(const Scope* scope, UnitKind kind, const std::string& name,
                          int firstlineno) {
  auto unit = std::make_unique<Unit>();
  unit->code = std::make_shared<CodeUnit>();
  unit->scope = scope;
  unit->kind = kind;
  CodeUnit& co = *unit->code;
  co.name = name;
  co.filename = filename_;
  co.firstlineno = firstlineno;
  co.cellvars = scope->cellvars;
  co.freevars = scope->freevars;
  if (scope->is_function()) {
    co.flags |= coflag::OPTIMIZED | coflag::NEWLOCALS;
    if (scope->nested) co.flags |= coflag::NESTED;
    if (scope->generator && !scope->coroutine) co.flags |= coflag::GENERATOR;
    if (!scope->generator && scope->coroutine) co.flags |= coflag::COROUTINE;
    if (scope->generator && scope->coroutine) co.flags |= coflag::ASYNC_GENERATOR;
    if (scope->varargs) co.flags |= coflag::VARARGS;
    if (scope->varkeywords) co.flags |= coflag::VARKEYWORDS;
  }
  co.flags |= future_flags_ & kFutureFlagsMask;  // every code unit carries the CO_FUTURE_* bits
  for (auto& p : scope->params) {
    unit->varname_index.emplace(p, int(co.varnames.size()));
    co.varnames.push_back(p);
  }
  unit->loc = Position{firstlineno, firstlineno, -1, -1};
  units_.push_back(std::move(unit));
}

std::shared_ptr<CodeUnit> Compiler::leave_unit() {
  Unit& unit = u();
  assemble(unit);
#ifdef COIL_VERIFY
  std::string problem = verify(*unit.code);
  if (!problem.empty()) error_at(unit.loc, "internal compiler error: " + problem);
#endif
  auto code = unit.code;
  units_.pop_back();
  return code;
}

// Emits the prologue every code unit starts with: free variables, cells, generator creation.
void Compiler::emit_prologue() {
  Compiler& c = *this;
  Unit& unit = c.u();
  Position saved = unit.loc;
  const CodeUnit& co = *unit.code;
  // CPython puts the prologue (and a class body's __module__/__qualname__ set-up) on the
  // first line of the definition, which is its first decorator's line.
  unit.loc = Position{co.firstlineno, co.firstlineno, -1, -1};
  if (!co.freevars.empty()) c.emit(Opcode::CopyFreeVars, uint32_t(co.freevars.size()));
  for (size_t i = 0; i < co.cellvars.size(); ++i) c.emit(Opcode::MakeCell, uint32_t(i));
  for (size_t i = 0; i < co.cellvars.size(); ++i) {
    auto it = unit.varname_index.find(co.cellvars[i]);
    if (it != unit.varname_index.end() && size_t(it->second) < unit.scope->params.size()) {
      c.emit(Opcode::LoadFast, uint32_t(it->second));
      c.emit(Opcode::StoreDeref, uint32_t(i));
    }
  }
  if (unit.scope->generator || unit.scope->coroutine) {
    if (unit.kind != UnitKind::Module && unit.kind != UnitKind::Class)
      c.emit(Opcode::ReturnGenerator);
  }
  if (unit.kind != UnitKind::Class) unit.loc = saved;
}

// ---------------------------------------------------------------- emission

void Compiler::emit(Opcode op, uint32_t arg) {
  Unit& unit = u();
  // Fold `LoadConst...; BuildTuple n` into one constant tuple (CPython's peephole does too).
  if (op == Opcode::BuildTuple && arg > 0 && unit.instrs.size() >= arg) {
    size_t first = unit.instrs.size() - arg;
    bool all_const = true;
    for (size_t i = first; i < unit.instrs.size(); ++i)
      all_const &= unit.instrs[i].op == int(Opcode::LoadConst);
    if (all_const) {
      CodeConst tup;
      tup.kind = CodeConst::Kind::Tuple;
      for (size_t i = first; i < unit.instrs.size(); ++i)
        tup.items.push_back(unit.code->consts[unit.instrs[i].arg]);
      unit.instrs.resize(first);
      load_const(tup);
      return;
    }
  }
  Instr in;
  in.op = int(op);
  in.arg = arg;
  in.pos = unit.loc;
  in.handler = unit.handler_stack.empty() ? -1 : unit.handler_stack.back();
  unit.instrs.push_back(in);
}

void Compiler::emit_jump(Opcode op, int label) { emit(op, uint32_t(label)); }

void Compiler::place(int label) {
  Instr in;
  in.op = kPseudoLabel;
  in.arg = uint32_t(label);
  in.pos = u().loc;
  u().instrs.push_back(in);
}

int Compiler::add_const(const CodeConst& c) {
  Unit& unit = u();
  std::string key = const_key(c);
  auto it = unit.const_index.find(key);
  if (it != unit.const_index.end()) return it->second;
  int idx = int(unit.code->consts.size());
  unit.code->consts.push_back(c);
  unit.const_index.emplace(key, idx);
  return idx;
}

void Compiler::load_none() { load_const(none_const()); }

int Compiler::add_name(const std::string& name) {
  Unit& unit = u();
  auto it = unit.name_index.find(name);
  if (it != unit.name_index.end()) return it->second;
  int idx = int(unit.code->names.size());
  unit.code->names.push_back(name);
  unit.name_index.emplace(name, idx);
  return idx;
}

int Compiler::add_varname(const std::string& name) {
  Unit& unit = u();
  auto it = unit.varname_index.find(name);
  if (it != unit.varname_index.end()) return it->second;
  int idx = int(unit.code->varnames.size());
  unit.code->varnames.push_back(name);
  unit.varname_index.emplace(name, idx);
  return idx;
}

int Compiler::deref_index(const std::string& name) {
  const CodeUnit& co = *u().code;
  for (size_t i = 0; i < co.cellvars.size(); ++i)
    if (co.cellvars[i] == name) return int(i);
  for (size_t i = 0; i < co.freevars.size(); ++i)
    if (co.freevars[i] == name) return int(co.cellvars.size() + i);
  error_at(u().loc, "internal compiler error: no cell or free variable '" + name + "'");
}

// The cell a name operation uses: a class body can have `__class__` both as its own implicit
// cell (for its methods) and as a free variable from an enclosing method; the body's own uses
// of a FREE name read the free one, as CPython's compiler_nameop does.
int Compiler::name_deref_index(const std::string& name) {
  const CodeUnit& co = *u().code;
  if (u().scope->lookup(name) == SymbolScope::Free)
    for (size_t i = 0; i < co.freevars.size(); ++i)
      if (co.freevars[i] == name) return int(co.cellvars.size() + i);
  return deref_index(name);
}

int Compiler::push_handler(int label, int pop, bool lasti) {
  Unit& unit = u();
  int id = int(unit.handlers.size());
  unit.handlers.push_back(Handler{label, pop, lasti, -1});
  Instr in;
  in.op = kPseudoSetup;
  in.arg = uint32_t(id);
  in.pos = unit.loc;
  in.handler = unit.handler_stack.empty() ? -1 : unit.handler_stack.back();
  unit.instrs.push_back(in);
  unit.handler_stack.push_back(id);
  return id;
}

void Compiler::pop_handler() { u().handler_stack.pop_back(); }

void Compiler::set_loc(const Located* n) {
  u().loc = Position{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
}

void Compiler::error(const Located* n, const std::string& msg) {
  error_at(Position{n->lineno, n->end_lineno, n->col_offset, n->end_col_offset}, msg);
}

void Compiler::warn(const std::string& msg) {
  if (!warnings_) return;
  const Position& p = u().loc;
  SyntaxErrorInfo w;
  w.msg = msg;
  w.filename = filename_;
  w.lineno = p.line;
  w.offset = p.col + 1;
  w.end_lineno = p.end_line;
  w.end_offset = p.end_col + 1;
  warnings_->push_back(std::move(w));
}

void Compiler::error_at(const Position& p, const std::string& msg) {
  SyntaxErrorException e;
  e.info.msg = msg;
  e.info.filename = filename_;
  e.info.lineno = p.line;
  e.info.offset = p.col + 1;
  e.info.end_lineno = p.end_line;
  e.info.end_offset = p.end_col + 1;
  throw e;
}

// ---------------------------------------------------------------- names

std::string Compiler::mangle(const std::string& name) const {
  return units_.back()->scope->mangle(name);
}

void Compiler::name_op(const std::string& name, ExprContext ctx, const Located* where) {
  if (name == "__debug__") {
    // CPython reports these at the current location (the statement or expression).
    if (ctx == ExprContext::Store) error_at(u().loc, "cannot assign to __debug__");
    if (ctx == ExprContext::Del) error_at(u().loc, "cannot delete __debug__");
  }
  std::string m = mangle(name);
  const Scope* scope = u().scope;
  NameOp op = scope->name_op(m, ctx);
  auto pick = [&](Opcode load, Opcode store, Opcode del) {
    return ctx == ExprContext::Load ? load : ctx == ExprContext::Store ? store : del;
  };
  switch (op) {
    case NameOp::Fast:
      emit(pick(Opcode::LoadFast, Opcode::StoreFast, Opcode::DeleteFast), add_varname(m));
      return;
    case NameOp::Deref:
      emit(pick(Opcode::LoadDeref, Opcode::StoreDeref, Opcode::DeleteDeref), name_deref_index(m));
      return;
    case NameOp::ClassDeref:
      emit(pick(Opcode::LoadClassDeref, Opcode::StoreDeref, Opcode::DeleteDeref), name_deref_index(m));
      return;
    case NameOp::Global:
      emit(pick(Opcode::LoadGlobal, Opcode::StoreGlobal, Opcode::DeleteGlobal), add_name(m));
      return;
    case NameOp::Name:
      emit(pick(Opcode::LoadName, Opcode::StoreName, Opcode::DeleteName), add_name(m));
      return;
  }
}

// ---------------------------------------------------------------- modules

// True when `body` contains an annotated assignment outside nested scopes (CPython's find_ann).
static bool find_ann(const std::vector<StmtNode*>& body) {
  for (const StmtNode* s : body) {
    switch (s->kind) {
      case StmtKind::AnnAssign:
        return true;
      case StmtKind::For:
        if (find_ann(as<For>(s)->body) || find_ann(as<For>(s)->orelse)) return true;
        break;
      case StmtKind::AsyncFor:
        if (find_ann(as<AsyncFor>(s)->body) || find_ann(as<AsyncFor>(s)->orelse)) return true;
        break;
      case StmtKind::While:
        if (find_ann(as<While>(s)->body) || find_ann(as<While>(s)->orelse)) return true;
        break;
      case StmtKind::If:
        if (find_ann(as<If>(s)->body) || find_ann(as<If>(s)->orelse)) return true;
        break;
      case StmtKind::With:
        if (find_ann(as<With>(s)->body)) return true;
        break;
      case StmtKind::AsyncWith:
        if (find_ann(as<AsyncWith>(s)->body)) return true;
        break;
      case StmtKind::Try:
      case StmtKind::TryStar: {
        const std::vector<StmtNode*>* parts[3];
        const std::vector<ExceptHandler*>* hs;
        if (auto* ts = as<TryStar>(s)) {
          parts[0] = &ts->body; parts[1] = &ts->orelse; parts[2] = &ts->finalbody;
          hs = &ts->handlers;
        } else {
          // Only a Try is cast to Try (a TryStar is a different class: UBSan's finding).
          auto* t = static_cast<const Try*>(s);
          parts[0] = &t->body; parts[1] = &t->orelse; parts[2] = &t->finalbody;
          hs = &t->handlers;
        }
        for (auto* p : parts)
          if (find_ann(*p)) return true;
        for (auto* h : *hs)
          if (find_ann(h->body)) return true;
        break;
      }
      case StmtKind::Match:
        for (auto* mc : as<Match>(s)->cases)
          if (find_ann(mc->body)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

static const Constant* docstring_of(const std::vector<StmtNode*>& body) {
  if (body.empty()) return nullptr;
  auto* e = as<Expr>(body[0]);
  if (!e) return nullptr;
  auto* c = as<Constant>(e->value);
  if (!c || c->value.kind != ConstValue::Kind::Str) return nullptr;
  return c;
}

// Compiles a module or class body: SetupAnnotations, the docstring into __doc__, statements.
void Compiler::compile_body_docstring(const std::vector<StmtNode*>& body, bool store_doc) {
  if (!interactive_ && find_ann(body)) emit(Opcode::SetupAnnotations);
  size_t first = 0;
  if (store_doc) {
    if (const Constant* doc = docstring_of(body)) {
      first = 1;
      if (optimize_ < 2) {
        set_loc(body[0]);
        load_const(make_const(doc->value));
        name_op("__doc__", ExprContext::Store, body[0]);
      }
    }
  }
  for (size_t i = first; i < body.size(); ++i) visit_stmt(body[i]);
}

std::shared_ptr<CodeUnit> Compiler::compile(const ModNode* mod, CompileMode mode) {
  mode_ = mode;
  const Scope* top = st_.top();
  enter_unit(top, UnitKind::Module, "<module>", 1);
  u().code->qualname = "<module>";
  emit_prologue();
  switch (mod->kind) {
    case ModKind::Module: {
      auto* m = static_cast<const Module*>(mod);
      compile_body_docstring(m->body, true);
      if (!m->body.empty()) set_loc(Position{0, 0, -1, -1});
      load_none();
      emit(Opcode::ReturnValue);
      break;
    }
    case ModKind::Interactive: {
      interactive_ = true;
      auto* m = static_cast<const Interactive*>(mod);
      if (find_ann(m->body)) emit(Opcode::SetupAnnotations);
      for (auto* s : m->body) visit_stmt(s);
      set_loc(Position{0, 0, -1, -1});
      load_none();
      emit(Opcode::ReturnValue);
      break;
    }
    case ModKind::Expression: {
      auto* m = static_cast<const Expression*>(mod);
      visit_expr(m->body);
      emit(Opcode::ReturnValue);
      break;
    }
    case ModKind::FunctionType:
      error_at(Position{1, 1, 0, 0}, "compile() mode 'func_type' is not supported");
  }
  // The module's trailing `return None` belongs to the last line, as in CPython.
  Unit& unit = u();
  if (!unit.instrs.empty()) {
    int last_line = 1;
    for (auto& in : unit.instrs)
      if (in.pos.line > 0) last_line = in.pos.line;
    for (auto& in : unit.instrs)
      if (in.pos.line == 0) in.pos = Position{last_line, last_line, -1, -1};
  }
  return leave_unit();
}

std::shared_ptr<CodeUnit> compile_module(const ModNode* mod, const std::string& filename,
                                         CompileMode mode, int optimize, uint32_t future_flags,
                                         std::vector<SyntaxErrorInfo>* warnings,
                                         int recursion_budget) {
  FutureFlags future;
  future.features = FutureFeature(future_flags);
  SymbolTable st = build_symtable(mod, filename, future, recursion_budget);
  Compiler c(st, filename, optimize, uint32_t(future.features));
  c.warnings_ = warnings;
  return c.compile(mod, mode);
}

}  // namespace coil::fe
