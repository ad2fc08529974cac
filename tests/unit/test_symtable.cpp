// test_symtable.cpp — symbol tables (frontend/symtable.cpp) on hand-built ASTs; expectations from python3.11.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "frontend/symtable.h"
#include "frontend/syntax_error.h"

using namespace coil::fe;

namespace {

constexpr ExprContext L = ExprContext::Load;
constexpr ExprContext S = ExprContext::Store;

// Builds AST nodes with positions. Expressions default to line 1, column 0; the error tests
// place the node CPython reports exactly.
struct Src {
  Arena arena;

  template <class T>
  T* at(int line, int col, int end_line, int end_col) {
    T* n = arena.make<T>();
    n->lineno = line;
    n->col_offset = col;
    n->end_lineno = end_line;
    n->end_col_offset = end_col;
    return n;
  }
  Name* name(const std::string& id, ExprContext ctx = L, int line = 1, int col = 0) {
    Name* n = at<Name>(line, col, line, col + int(id.size()));
    n->id = id;
    n->ctx = ctx;
    return n;
  }
  Constant* num(int line = 1) {
    Constant* c = at<Constant>(line, 0, line, 1);
    c->value.kind = ConstValue::Kind::Int;
    c->value.text = "1";
    return c;
  }
  Assign* assign(ExprNode* target, ExprNode* value, int line = 1) {
    Assign* a = at<Assign>(line, 0, line, 5);
    a->targets = {target};
    a->value = value;
    return a;
  }
  Expr* expr(ExprNode* value) {
    Expr* e = at<Expr>(value->lineno, value->col_offset, value->end_lineno, value->end_col_offset);
    e->value = value;
    return e;
  }
  Return* ret(ExprNode* value) {
    Return* r = at<Return>(1, 0, 1, 8);
    r->value = value;
    return r;
  }
  Arg* arg(const std::string& id, int line = 1, int col = 0) {
    Arg* a = at<Arg>(line, col, line, col + int(id.size()));
    a->arg = id;
    return a;
  }
  Arguments* args(std::vector<Arg*> positional = {}) {
    Arguments* a = arena.make<Arguments>();
    a->args = std::move(positional);
    return a;
  }
  FunctionDef* def(const std::string& id, Arguments* a, std::vector<StmtNode*> body, int line = 1,
                   int col = 0) {
    FunctionDef* f = at<FunctionDef>(line, col, line, col + 10);
    f->name = id;
    f->args = a;
    f->body = std::move(body);
    return f;
  }
  AsyncFunctionDef* async_def(const std::string& id, std::vector<StmtNode*> body) {
    AsyncFunctionDef* f = at<AsyncFunctionDef>(1, 0, 1, 10);
    f->name = id;
    f->args = args();
    f->body = std::move(body);
    return f;
  }
  ClassDef* cls(const std::string& id, std::vector<StmtNode*> body, int line = 1) {
    ClassDef* c = at<ClassDef>(line, 0, line, 10);
    c->name = id;
    c->body = std::move(body);
    return c;
  }
  Global* global(std::vector<Ident> names, int line, int col) {
    Global* g = at<Global>(line, col, line, col + 7 + int(names[0].size()));
    g->names = std::move(names);
    return g;
  }
  Nonlocal* nonlocal(std::vector<Ident> names, int line, int col) {
    Nonlocal* g = at<Nonlocal>(line, col, line, col + 9 + int(names[0].size()));
    g->names = std::move(names);
    return g;
  }
  Comprehension* gen(ExprNode* target, ExprNode* iter) {
    Comprehension* c = arena.make<Comprehension>();
    c->target = target;
    c->iter = iter;
    return c;
  }
  ListComp* listcomp(ExprNode* elt, std::vector<Comprehension*> gens, int line = 1, int col = 0,
                     int end_col = 20) {
    ListComp* l = at<ListComp>(line, col, line, end_col);
    l->elt = elt;
    l->generators = std::move(gens);
    return l;
  }
  NamedExpr* walrus(Name* target, ExprNode* value) {
    NamedExpr* n = at<NamedExpr>(target->lineno, target->col_offset, target->end_lineno,
                                 target->end_col_offset + 5);
    n->target = target;
    n->value = value;
    return n;
  }
  Call* call(ExprNode* func, std::vector<ExprNode*> arguments = {}) {
    Call* c = at<Call>(func->lineno, func->col_offset, func->end_lineno, func->end_col_offset + 2);
    c->func = func;
    c->args = std::move(arguments);
    return c;
  }
  ImportFrom* import_from(const std::string& module, std::vector<std::string> names, int line = 1,
                          int col = 0) {
    ImportFrom* i = at<ImportFrom>(line, col, line, col + 30);
    i->module = module;
    for (const std::string& n : names) {
      Alias* a = at<Alias>(line, col + 20, line, col + 20 + int(n.size()));
      a->name = n;
      i->names.push_back(a);
    }
    return i;
  }
  Module* module(std::vector<StmtNode*> body) {
    Module* m = arena.make<Module>();
    m->body = std::move(body);
    return m;
  }
};

SymbolTable build(Module* m) {
  FutureFlags future;
  return build_symtable(m, "<test>", future);
}

// Builds `m` and returns the error it raises (an empty message when none).
SyntaxErrorInfo error_of(Module* m) {
  try {
    build(m);
  } catch (const SyntaxErrorException& e) {
    return e.info;
  }
  return {};
}

std::string scope_name(const Scope* s, const char* name) { return symbol_scope_name(s->lookup(name)); }

}  // namespace

TEST_CASE("symtable: module and function locals, globals, parameters") {
  // x = 1
  // def f(a, b): c = a; return x
  Src s;
  auto* f = s.def("f", s.args({s.arg("a"), s.arg("b")}),
                  {s.assign(s.name("c", S), s.name("a")), s.ret(s.name("x"))}, 2);
  auto* m = s.module({s.assign(s.name("x", S), s.num()), f});
  SymbolTable t = build(m);
  const Scope* top = t.top();
  REQUIRE(top == t.scope_of(m));
  CHECK(top->kind == ScopeKind::Module);
  CHECK(top->name == "top");
  CHECK(scope_name(top, "x") == "LOCAL");
  CHECK(top->flags("x") == SymFlags::DefLocal);
  CHECK(scope_name(top, "f") == "LOCAL");
  REQUIRE(top->children.size() == 1);
  const Scope* fs = t.scope_of(f);
  REQUIRE(fs == top->children[0]);
  CHECK(fs->name == "f");
  CHECK(fs->range.lineno == 2);
  CHECK(!fs->nested);
  CHECK(fs->params == std::vector<std::string>{"a", "b"});
  CHECK(fs->locals == std::vector<std::string>{"a", "b", "c"});
  CHECK(scope_name(fs, "a") == "LOCAL");
  CHECK(fs->flags("a") == (SymFlags::DefParam | SymFlags::Use));
  CHECK(scope_name(fs, "c") == "LOCAL");
  CHECK(scope_name(fs, "x") == "GLOBAL_IMPLICIT");
  CHECK(fs->lookup("nothing") == SymbolScope::Unknown);
  CHECK(fs->returns_value);
  CHECK(!fs->generator);
  CHECK(fs->name_op("c", L) == NameOp::Fast);
  CHECK(fs->name_op("x", L) == NameOp::Global);
  CHECK(top->name_op("x", L) == NameOp::Name);
  CHECK(top->name_op("f", S) == NameOp::Name);
}

TEST_CASE("symtable: parameter order is co_varnames order") {
  // def f(a, /, b, *c, d, **e): pass
  Src s;
  Arguments* a = s.args({s.arg("b")});
  a->posonlyargs = {s.arg("a")};
  a->vararg = s.arg("c");
  a->kwonlyargs = {s.arg("d")};
  a->kw_defaults = {nullptr};
  a->kwarg = s.arg("e");
  auto* f = s.def("f", a, {s.at<Pass>(1, 0, 1, 4)});
  SymbolTable t = build(s.module({f}));
  const Scope* fs = t.scope_of(f);
  CHECK(fs->params == std::vector<std::string>{"a", "b", "d", "c", "e"});
  CHECK(fs->varargs);
  CHECK(fs->varkeywords);
}

TEST_CASE("symtable: closures make cells and free variables") {
  // def f():
  //     x = 1; y = 2
  //     def g(): return x
  //     return y
  Src s;
  auto* g = s.def("g", s.args(), {s.ret(s.name("x"))}, 3);
  auto* f = s.def("f", s.args(),
                  {s.assign(s.name("x", S), s.num()), s.assign(s.name("y", S), s.num()), g,
                   s.ret(s.name("y"))});
  SymbolTable t = build(s.module({f}));
  const Scope* fs = t.scope_of(f);
  const Scope* gs = t.scope_of(g);
  CHECK(scope_name(fs, "x") == "CELL");
  CHECK(scope_name(fs, "y") == "LOCAL");
  CHECK(fs->cellvars == std::vector<std::string>{"x"});
  CHECK(fs->freevars.empty());
  CHECK(fs->child_free);
  CHECK(fs->locals == std::vector<std::string>{"y", "g"});
  CHECK(scope_name(gs, "x") == "FREE");
  CHECK(gs->freevars == std::vector<std::string>{"x"});
  CHECK(gs->nested);
  CHECK(gs->has_free);
  CHECK(fs->name_op("x", S) == NameOp::Deref);
  CHECK(gs->name_op("x", L) == NameOp::Deref);
  CHECK(fs->cell_index("x") == 0);
  CHECK(gs->free_index("x") == 0);
}

TEST_CASE("symtable: class scopes are skipped by closures; DEF_FREE_CLASS") {
  // def f():
  //     x = 1
  //     class C:
  //         x = 2
  //         def g(): return x
  Src s;
  auto* g = s.def("g", s.args(), {s.ret(s.name("x"))}, 5);
  auto* c = s.cls("C", {s.assign(s.name("x", S), s.num()), g}, 3);
  auto* f = s.def("f", s.args(), {s.assign(s.name("x", S), s.num()), c});
  SymbolTable t = build(s.module({f}));
  const Scope* cs = t.scope_of(c);
  CHECK(cs->kind == ScopeKind::Class);
  CHECK(cs->nested);
  CHECK(scope_name(cs, "x") == "LOCAL");
  CHECK(cs->flags("x") == (SymFlags::DefLocal | SymFlags::DefFreeClass));
  CHECK(cs->freevars == std::vector<std::string>{"x"});
  CHECK(scope_name(t.scope_of(g), "x") == "FREE");
  CHECK(scope_name(t.scope_of(f), "x") == "CELL");
  CHECK(cs->name_op("x", L) == NameOp::Name);
}

TEST_CASE("symtable: a free name loaded in a class body is a class deref") {
  // def f():
  //     x = 1
  //     class C: y = x
  Src s;
  auto* c = s.cls("C", {s.assign(s.name("y", S), s.name("x"))}, 3);
  auto* f = s.def("f", s.args(), {s.assign(s.name("x", S), s.num()), c});
  SymbolTable t = build(s.module({f}));
  const Scope* cs = t.scope_of(c);
  CHECK(scope_name(cs, "x") == "FREE");
  CHECK(cs->name_op("x", L) == NameOp::ClassDeref);
  CHECK(cs->name_op("x", S) == NameOp::Deref);
  CHECK(scope_name(t.scope_of(f), "x") == "CELL");
}

TEST_CASE("symtable: super() and __class__ give the class an implicit cell") {
  // class C:
  //     def f(self): super()
  //     def g(self): pass
  Src s;
  auto* f = s.def("f", s.args({s.arg("self")}), {s.expr(s.call(s.name("super")))}, 2);
  auto* g = s.def("g", s.args({s.arg("self")}), {s.at<Pass>(3, 0, 3, 4)}, 3);
  auto* c = s.cls("C", {f, g});
  SymbolTable t = build(s.module({c}));
  const Scope* cs = t.scope_of(c);
  CHECK(cs->needs_class_closure);
  CHECK(cs->cellvars == std::vector<std::string>{"__class__"});
  CHECK(cs->find("__class__") == nullptr);
  const Scope* fs = t.scope_of(f);
  CHECK(scope_name(fs, "__class__") == "FREE");
  CHECK(fs->flags("__class__") == SymFlags::Use);
  CHECK(fs->freevars == std::vector<std::string>{"__class__"});
  CHECK(scope_name(fs, "super") == "GLOBAL_IMPLICIT");
  CHECK(t.scope_of(g)->freevars.empty());
}

TEST_CASE("symtable: name mangling inside classes") {
  // class _C:
  //     __x = 1
  //     __y__ = 2
  //     def __m(self): return __z
  Src s;
  auto* m = s.def("__m", s.args({s.arg("self")}), {s.ret(s.name("__z"))}, 4);
  auto* c = s.cls("_C", {s.assign(s.name("__x", S), s.num()), s.assign(s.name("__y__", S), s.num()), m});
  SymbolTable t = build(s.module({c}));
  const Scope* cs = t.scope_of(c);
  CHECK(cs->find("_C__x") != nullptr);
  CHECK(cs->find("__y__") != nullptr);
  CHECK(cs->find("_C__m") != nullptr);
  CHECK(t.scope_of(m)->find("_C__z") != nullptr);
  CHECK(t.scope_of(m)->name == "__m");
  CHECK(cs->mangle("__q") == "_C__q");
  CHECK(t.top()->mangle("__q") == "__q");
  CHECK(mangle("___", "__a") == "__a");
  CHECK(mangle("C", "__a.b") == "__a.b");
  CHECK(mangle("C", "_a") == "_a");
}

TEST_CASE("symtable: comprehensions are function scopes; first iterable outside") {
  // def f(y): return [x for x in y]
  Src s;
  auto* lc = s.listcomp(s.name("x"), {s.gen(s.name("x", S), s.name("y"))});
  auto* f = s.def("f", s.args({s.arg("y")}), {s.ret(lc)});
  SymbolTable t = build(s.module({f}));
  const Scope* fs = t.scope_of(f);
  const Scope* ls = t.scope_of(lc);
  REQUIRE(ls != nullptr);
  CHECK(ls->parent == fs);
  CHECK(ls->name == "listcomp");
  CHECK(ls->comprehension == ComprehensionKind::List);
  CHECK(ls->params == std::vector<std::string>{".0"});
  CHECK(ls->flags("x") == (SymFlags::DefLocal | SymFlags::DefCompIter | SymFlags::Use));
  CHECK(ls->find("y") == nullptr);
  CHECK(scope_name(fs, "y") == "LOCAL");  // not a cell: only the enclosing scope reads it
  CHECK(!ls->generator);
}

TEST_CASE("symtable: generator expressions, yield, async") {
  // def g(): yield 1
  // async def c(): await x
  // async def ag(): yield 1
  // (i for i in z)
  Src s;
  auto* y1 = s.at<Yield>(1, 0, 1, 7);
  auto* g = s.def("g", s.args(), {s.expr(y1)});
  auto* aw = s.at<Await>(1, 0, 1, 7);
  aw->value = s.name("x");
  auto* c = s.async_def("c", {s.expr(aw)});
  auto* y2 = s.at<Yield>(1, 0, 1, 7);
  auto* ag = s.async_def("ag", {s.expr(y2)});
  auto* ge = s.at<GeneratorExp>(1, 0, 1, 14);
  ge->elt = s.name("i");
  ge->generators = {s.gen(s.name("i", S), s.name("z"))};
  SymbolTable t = build(s.module({g, c, ag, s.expr(ge)}));
  CHECK(t.scope_of(g)->generator);
  CHECK(!t.scope_of(g)->coroutine);
  CHECK(t.scope_of(c)->coroutine);
  CHECK(t.scope_of(c)->is_async_def);
  CHECK(!t.scope_of(c)->generator);
  CHECK(t.scope_of(ag)->is_async_generator());
  CHECK(t.scope_of(ge)->generator);
  CHECK(t.scope_of(ge)->name == "genexpr");
  CHECK(t.top()->children.size() == 4);
}

TEST_CASE("symtable: async comprehension inside a comprehension makes the outer one async") {
  // async def f(): return [[x async for x in y] for z in w]
  Src s;
  auto* inner_gen = s.gen(s.name("x", S), s.name("y"));
  inner_gen->is_async = 1;
  auto* inner = s.listcomp(s.name("x"), {inner_gen});
  auto* outer = s.listcomp(inner, {s.gen(s.name("z", S), s.name("w"))});
  auto* f = s.async_def("f", {s.ret(outer)});
  SymbolTable t = build(s.module({f}));
  CHECK(t.scope_of(inner)->coroutine);
  CHECK(t.scope_of(outer)->coroutine);
}

TEST_CASE("symtable: walrus in a comprehension binds in the enclosing function") {
  // def f(): [[(y := 1) for x in z] for a in b]
  Src s;
  auto* inner = s.listcomp(s.walrus(s.name("y", S), s.num()), {s.gen(s.name("x", S), s.name("z"))});
  auto* outer = s.listcomp(inner, {s.gen(s.name("a", S), s.name("b"))});
  auto* f = s.def("f", s.args(), {s.expr(outer)});
  SymbolTable t = build(s.module({f}));
  const Scope* fs = t.scope_of(f);
  CHECK(scope_name(fs, "y") == "CELL");
  CHECK(fs->flags("y") == SymFlags::DefLocal);
  CHECK(scope_name(t.scope_of(outer), "y") == "FREE");
  CHECK(t.scope_of(outer)->flags("y") == SymFlags::None);
  const Scope* is = t.scope_of(inner);
  CHECK(scope_name(is, "y") == "FREE");
  CHECK(is->flags("y") == (SymFlags::DefNonlocal | SymFlags::DefLocal));
  CHECK(scope_name(t.scope_of(outer), "z") == "GLOBAL_IMPLICIT");
}

TEST_CASE("symtable: walrus in a module-level comprehension is an explicit global") {
  // [y := 1 for x in z]
  Src s;
  auto* lc = s.listcomp(s.walrus(s.name("y", S, 1, 1), s.num()), {s.gen(s.name("x", S), s.name("z"))});
  SymbolTable t = build(s.module({s.expr(lc)}));
  CHECK(scope_name(t.top(), "y") == "GLOBAL_EXPLICIT");
  CHECK(t.top()->flags("y") == SymFlags::DefGlobal);
  const Scope* ls = t.scope_of(lc);
  CHECK(scope_name(ls, "y") == "GLOBAL_EXPLICIT");
  CHECK(ls->flags("y") == (SymFlags::DefGlobal | SymFlags::DefLocal));
  CHECK(ls->name_op("y", S) == NameOp::Global);
}

TEST_CASE("symtable: global and nonlocal declarations") {
  // def f():
  //     global g
  //     x = 1
  //     def h():
  //         nonlocal x
  //         x = 2; g = 3
  Src s;
  auto* h = s.def("h", s.args(),
                  {s.nonlocal({"x"}, 5, 8), s.assign(s.name("x", S), s.num()),
                   s.assign(s.name("g", S), s.num())}, 4);
  auto* f = s.def("f", s.args(), {s.global({"g"}, 2, 4), s.assign(s.name("x", S), s.num()), h});
  SymbolTable t = build(s.module({f}));
  const Scope* fs = t.scope_of(f);
  CHECK(scope_name(fs, "g") == "GLOBAL_EXPLICIT");
  CHECK(scope_name(fs, "x") == "CELL");
  CHECK(scope_name(t.top(), "g") == "GLOBAL_EXPLICIT");  // the module's own entry is marked too
  const Scope* hs = t.scope_of(h);
  CHECK(scope_name(hs, "x") == "FREE");
  CHECK(hs->flags("x") == (SymFlags::DefNonlocal | SymFlags::DefLocal));
  CHECK(scope_name(hs, "g") == "LOCAL");
}

TEST_CASE("symtable: annotations evaluate in the enclosing scope unless PEP 563") {
  // [from __future__ import annotations]
  // def f(a: T) -> R: pass
  // x: X = 1
  for (bool pep563 : {false, true}) {
    Src s;
    Arguments* a = s.args({s.arg("a")});
    a->args[0]->annotation = s.name("T", L, 2, 9);
    auto* f = s.def("f", a, {s.at<Pass>(2, 0, 2, 4)}, 2);
    f->returns = s.name("R", L, 2, 15);
    auto* ann = s.at<AnnAssign>(3, 0, 3, 8);
    ann->target = s.name("x", S, 3, 0);
    ann->annotation = s.name("X", L, 3, 3);
    ann->value = s.num(3);
    ann->simple = 1;
    std::vector<StmtNode*> body = {f, ann};
    if (pep563) body.insert(body.begin(), s.import_from("__future__", {"annotations"}));
    SymbolTable t = build(s.module(body));
    CHECK(t.future().has(FutureFeature::Annotations) == pep563);
    CHECK((t.top()->find("T") == nullptr) == pep563);
    CHECK((t.top()->find("R") == nullptr) == pep563);
    CHECK((t.top()->find("X") == nullptr) == pep563);
    CHECK(t.top()->flags("x") == (SymFlags::DefAnnot | SymFlags::DefLocal));
    CHECK(t.top()->children.size() == 1);  // annotation scopes are not children
  }
}

TEST_CASE("symtable: future flags are merged with inherited ones") {
  Src s;
  auto* m = s.module({s.import_from("__future__", {"barry_as_FLUFL", "generator_stop"}, 1)});
  FutureFlags future;
  future.features = FutureFeature::Division;
  SymbolTable t = build_symtable(m, "<test>", future);
  CHECK(future.has(FutureFeature::Division));
  CHECK(future.has(FutureFeature::BarryAsBdfl));
  CHECK(!future.has(FutureFeature::Annotations));
  CHECK(future.lineno == 1);
  CHECK(t.future().features == future.features);
  CHECK(t.top()->flags("barry_as_FLUFL") == SymFlags::DefImport);
}

TEST_CASE("symtable: dump format") {
  // def f(a): return lambda: a
  Src s;
  auto* lam = s.at<Lambda>(1, 17, 1, 26);
  lam->args = s.args();
  lam->body = s.name("a");
  auto* f = s.def("f", s.args({s.arg("a")}), {s.ret(lam)});
  SymbolTable t = build(s.module({f}));
  CHECK(dump_symtable(t) ==
        "module top line 0 params=[]\n"
        "  f LOCAL DEF_LOCAL\n"
        "function f line 1 params=[a]\n"
        "  a CELL DEF_PARAM\n"
        "function lambda line 1 nested params=[]\n"
        "  a FREE USE\n");
  CHECK(t.scope_of(lam)->freevars == std::vector<std::string>{"a"});
}

// ---- Errors: messages and positions as python3.11's compile() reports them ----------------

#define CHECK_ERROR(err, MSG, LINE, OFFSET, END_LINE, END_OFFSET) \
  do {                                                           \
    SyntaxErrorInfo e_ = (err);                                  \
    CHECK(e_.msg == (MSG));                                      \
    CHECK(e_.lineno == (LINE));                                  \
    CHECK(e_.offset == (OFFSET));                                \
    CHECK(e_.end_lineno == (END_LINE));                          \
    CHECK(e_.end_offset == (END_OFFSET));                        \
    CHECK(e_.filename == "<test>");                              \
  } while (0)

TEST_CASE("symtable errors: global/nonlocal after use, assignment, parameter, annotation") {
  {  // def f():\n  x\n  global x
    Src s;
    auto* f = s.def("f", s.args(), {s.expr(s.name("x", L, 2, 2)), s.global({"x"}, 3, 2)});
    CHECK_ERROR(error_of(s.module({f})), "name 'x' is used prior to global declaration", 3, 3, 3, 11);
  }
  {  // def f():\n  x = 1\n  global x
    Src s;
    auto* f = s.def("f", s.args(), {s.assign(s.name("x", S, 2, 2), s.num()), s.global({"x"}, 3, 2)});
    CHECK_ERROR(error_of(s.module({f})), "name 'x' is assigned to before global declaration", 3, 3, 3,
                11);
  }
  {  // def f(x):\n  global x
    Src s;
    auto* f = s.def("f", s.args({s.arg("x")}), {s.global({"x"}, 2, 2)});
    CHECK_ERROR(error_of(s.module({f})), "name 'x' is parameter and global", 2, 3, 2, 11);
  }
  {  // def f(x):\n  nonlocal x
    Src s;
    auto* f = s.def("f", s.args({s.arg("x")}), {s.nonlocal({"x"}, 2, 2)});
    CHECK_ERROR(error_of(s.module({f})), "name 'x' is parameter and nonlocal", 2, 3, 2, 13);
  }
  {  // def f():\n  x = 1\n  nonlocal x
    Src s;
    auto* f = s.def("f", s.args(), {s.assign(s.name("x", S, 2, 2), s.num()), s.nonlocal({"x"}, 3, 2)});
    CHECK_ERROR(error_of(s.module({f})), "name 'x' is assigned to before nonlocal declaration", 3, 3, 3,
                13);
  }
  {  // x: int\nglobal x   (module level)
    Src s;
    auto* ann = s.at<AnnAssign>(1, 0, 1, 6);
    ann->target = s.name("x", S);
    ann->annotation = s.name("int", L, 1, 3);
    ann->simple = 1;
    CHECK_ERROR(error_of(s.module({ann, s.global({"x"}, 2, 0)})), "annotated name 'x' can't be global",
                2, 1, 2, 9);
  }
  {  // def f():\n  global x\n  x: int
    Src s;
    auto* ann = s.at<AnnAssign>(3, 2, 3, 8);
    ann->target = s.name("x", S, 3, 2);
    ann->annotation = s.name("int", L, 3, 5);
    ann->simple = 1;
    auto* f = s.def("f", s.args(), {s.global({"x"}, 2, 2), ann});
    CHECK_ERROR(error_of(s.module({f})), "annotated name 'x' can't be global", 3, 3, 3, 9);
  }
  {  // global x\nx: int   is fine at module level
    Src s;
    auto* ann = s.at<AnnAssign>(2, 0, 2, 6);
    ann->target = s.name("x", S, 2, 0);
    ann->annotation = s.name("int", L, 2, 3);
    ann->simple = 1;
    CHECK(error_of(s.module({s.global({"x"}, 1, 0), ann})).msg.empty());
  }
  {  // def f():\n  import x\n  global x   is fine
    Src s;
    auto* imp = s.at<Import>(2, 2, 2, 10);
    auto* alias = s.at<Alias>(2, 9, 2, 10);
    alias->name = "x";
    imp->names = {alias};
    auto* f = s.def("f", s.args(), {imp, s.global({"x"}, 3, 2)});
    CHECK(error_of(s.module({f})).msg.empty());
  }
}

TEST_CASE("symtable errors: nonlocal resolution") {
  {  // nonlocal x
    Src s;
    CHECK_ERROR(error_of(s.module({s.nonlocal({"x"}, 1, 0)})),
                "nonlocal declaration not allowed at module level", 1, 1, 1, 11);
  }
  {  // def f():\n  nonlocal x
    Src s;
    auto* f = s.def("f", s.args(), {s.nonlocal({"x"}, 2, 2)});
    CHECK_ERROR(error_of(s.module({f})), "no binding for nonlocal 'x' found", 2, 3, 2, 13);
  }
  {  // class C:\n  x = 1\n  def f():\n    nonlocal x     (class bindings are not enclosing)
    Src s;
    auto* f = s.def("f", s.args(), {s.nonlocal({"x"}, 4, 4)}, 3, 2);
    auto* c = s.cls("C", {s.assign(s.name("x", S, 2, 2), s.num()), f});
    CHECK_ERROR(error_of(s.module({c})), "no binding for nonlocal 'x' found", 4, 5, 4, 15);
  }
  {  // class C:\n  def f(): nonlocal __class__   is fine
    Src s;
    auto* f = s.def("f", s.args(), {s.nonlocal({"__class__"}, 2, 11)}, 2, 2);
    CHECK(error_of(s.module({s.cls("C", {f})})).msg.empty());
  }
  {  // def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x
    Src s;
    auto* g = s.def("g", s.args(), {s.global({"x"}, 4, 8), s.nonlocal({"x"}, 5, 8)}, 3, 4);
    auto* f = s.def("f", s.args(), {s.assign(s.name("x", S, 2, 4), s.num()), g});
    CHECK_ERROR(error_of(s.module({f})), "name 'x' is nonlocal and global", 4, 9, 4, 17);
  }
}

TEST_CASE("symtable errors: duplicate arguments, import *") {
  {  // def f(a, *, b, **a): pass
    Src s;
    Arguments* a = s.args({s.arg("a", 1, 6)});
    a->kwonlyargs = {s.arg("b", 1, 12)};
    a->kw_defaults = {nullptr};
    a->kwarg = s.arg("a", 1, 17);
    auto* f = s.def("f", a, {s.at<Pass>(1, 21, 1, 25)});
    CHECK_ERROR(error_of(s.module({f})), "duplicate argument 'a' in function definition", 1, 18, 1, 19);
  }
  {  // lambda a, a: 1
    Src s;
    auto* lam = s.at<Lambda>(1, 0, 1, 14);
    lam->args = s.args({s.arg("a", 1, 7), s.arg("a", 1, 10)});
    lam->body = s.num();
    CHECK_ERROR(error_of(s.module({s.expr(lam)})), "duplicate argument 'a' in function definition", 1,
                11, 1, 12);
  }
  {  // def f():\n  from os import *
    Src s;
    auto* imp = s.at<ImportFrom>(2, 2, 2, 18);
    imp->module = "os";
    auto* star = s.at<Alias>(2, 17, 2, 18);
    star->name = "*";
    imp->names = {star};
    auto* f = s.def("f", s.args(), {imp});
    CHECK_ERROR(error_of(s.module({f})), "import * only allowed at module level", 2, 18, 2, 19);
  }
}

TEST_CASE("symtable errors: walrus in comprehensions") {
  {  // [x := 1 for x in y]
    Src s;
    auto* lc = s.listcomp(s.walrus(s.name("x", S, 1, 1), s.num()), {s.gen(s.name("x", S), s.name("y"))});
    CHECK_ERROR(error_of(s.module({s.expr(lc)})),
                "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 2, 1, 3);
  }
  {  // class C:\n  [y := 1 for x in y]
    Src s;
    auto* lc = s.listcomp(s.walrus(s.name("y", S, 2, 3), s.num()), {s.gen(s.name("x", S), s.name("y"))});
    auto* c = s.cls("C", {s.expr(lc)});
    CHECK_ERROR(error_of(s.module({c})),
                "assignment expression within a comprehension cannot be used in a class body", 2, 4, 2,
                5);
  }
  {  // [x for x in (y := [1])]
    Src s;
    auto* w = s.at<NamedExpr>(1, 13, 1, 21);
    w->target = s.name("y", S, 1, 13);
    w->value = s.num();
    auto* lc = s.listcomp(s.name("x"), {s.gen(s.name("x", S), w)});
    CHECK_ERROR(error_of(s.module({s.expr(lc)})),
                "assignment expression cannot be used in a comprehension iterable expression", 1, 14, 1,
                22);
  }
  {  // [i for i in range(5) if (j := 0) for j in range(5)]
    Src s;
    auto* g1 = s.gen(s.name("i", S), s.name("range"));
    g1->ifs = {s.walrus(s.name("j", S, 1, 25), s.num())};
    auto* g2 = s.gen(s.name("j", S, 1, 37), s.name("range"));
    auto* lc = s.listcomp(s.name("i"), {g1, g2});
    CHECK_ERROR(error_of(s.module({s.expr(lc)})),
                "comprehension inner loop cannot rebind assignment expression target 'j'", 1, 38, 1, 39);
  }
  {  // def f():\n  [(yield) for x in y]
    Src s;
    auto* y = s.at<Yield>(2, 4, 2, 9);
    auto* lc = s.listcomp(y, {s.gen(s.name("x", S), s.name("y"))}, 2, 2, 22);
    auto* f = s.def("f", s.args(), {s.expr(lc)});
    CHECK_ERROR(error_of(s.module({f})), "'yield' inside list comprehension", 2, 5, 2, 10);
  }
}

TEST_CASE("symtable errors: PEP 563 annotations refuse yield, await and walrus") {
  // from __future__ import annotations\ndef f(x: (yield)): pass
  Src s;
  Arguments* a = s.args({s.arg("x", 2, 6)});
  a->args[0]->annotation = s.at<Yield>(2, 10, 2, 15);
  auto* f = s.def("f", a, {s.at<Pass>(2, 19, 2, 23)}, 2);
  auto* m = s.module({s.import_from("__future__", {"annotations"}), f});
  CHECK_ERROR(error_of(m), "'yield expression' can not be used within an annotation", 2, 11, 2, 16);
}

TEST_CASE("future errors") {
  {  // from __future__ import braces
    Src s;
    CHECK_ERROR(error_of(s.module({s.import_from("__future__", {"braces"})})), "not a chance", 1, 1, 1,
                0);
  }
  {  // "doc"\nfrom __future__ import annotations\nfrom __future__ import nope
    Src s;
    auto* doc = s.at<Constant>(1, 0, 1, 5);
    doc->value.kind = ConstValue::Kind::Str;
    auto* m = s.module({s.expr(doc), s.import_from("__future__", {"annotations"}, 2),
                        s.import_from("__future__", {"nope"}, 3)});
    CHECK_ERROR(error_of(m), "future feature nope is not defined", 3, 1, 3, 0);
  }
  {  // import os; from __future__ import annotations
    Src s;
    auto* imp = s.at<Import>(1, 0, 1, 9);
    auto* alias = s.at<Alias>(1, 7, 1, 9);
    alias->name = "os";
    imp->names = {alias};
    auto* m = s.module({imp, s.import_from("__future__", {"annotations"}, 1, 11)});
    CHECK_ERROR(error_of(m), "from __future__ imports must occur at the beginning of the file", 1, 11, 1,
                0);
  }
  {  // import os\nfrom __future__ import annotations   -> left to the compiler
    Src s;
    auto* imp = s.at<Import>(1, 0, 1, 9);
    auto* alias = s.at<Alias>(1, 7, 1, 9);
    alias->name = "os";
    imp->names = {alias};
    FutureFlags future;
    auto* m = s.module({imp, s.import_from("__future__", {"annotations"}, 2)});
    CHECK_NOTHROW(build_symtable(m, "<test>", future));
    CHECK(future.lineno == -1);
    CHECK(!future.has(FutureFeature::Annotations));
  }
}

TEST_CASE("symtable: cell parameters come first in cellvars, in parameter order") {
  // def f(b, a, z):
  //     c = 1
  //     def g(): return a, b, c
  Src s;
  auto* tup = s.at<Tuple>(3, 20, 3, 27);
  tup->elts = {s.name("a"), s.name("b"), s.name("c")};
  auto* g = s.def("g", s.args(), {s.ret(tup)}, 3);
  auto* f = s.def("f", s.args({s.arg("b"), s.arg("a"), s.arg("z")}), {s.assign(s.name("c", S), s.num()), g});
  SymbolTable t = build(s.module({f}));
  CHECK(t.scope_of(f)->cellvars == std::vector<std::string>{"b", "a", "c"});
  CHECK(t.scope_of(g)->freevars == std::vector<std::string>{"a", "b", "c"});
  CHECK(t.scope_of(f)->locals == std::vector<std::string>{"b", "a", "z", "g"});
}

TEST_CASE("symtable: nesting past the recursion budget is a RecursionError") {
  // x+x+...+x with n terms nests n expressions (python3.11 -c accepts 2994 terms, refuses 2995).
  auto chain = [](Src& s, int terms) {
    ExprNode* e = s.name("x");
    for (int i = 1; i < terms; ++i) {
      auto* b = s.at<BinOp>(1, 0, 1, 1);
      b->left = e;
      b->op = OperatorKind::Add;
      b->right = s.name("x");
      e = b;
    }
    return e;
  };
  for (int terms : {2994, 2995}) {
    Src s;
    auto* m = s.arena.make<Expression>();
    m->body = chain(s, terms);
    FutureFlags future;
    if (terms == 2994) CHECK_NOTHROW(build_symtable(m, "<test>", future));
    else CHECK_THROWS_AS(build_symtable(m, "<test>", future), CompileRecursionError);
  }
}
