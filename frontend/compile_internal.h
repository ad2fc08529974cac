// compile_internal.h — the compiler's private state, shared by the compile*.cpp files.
//
// Design (after CPython 3.11's compile.c, written afresh):
// - One `Unit` per code object being compiled (module, class body, function, lambda,
//   comprehension); units nest on a stack as the compiler descends into definitions.
// - A unit's code is a linear list of `Instr`: real opcodes plus a few pseudo ops (labels and
//   handler set-up markers) that the assembler (assemble.cpp) resolves. Jumps name labels.
// - Exception handling: each instruction records the innermost handler active when it was
//   emitted (`Instr::handler`); the handler's stack depth is the flow-analysed depth at its
//   `Setup` marker (minus `pop`). The assembler turns runs of equal handlers into the table.
// - "fblocks" (frame blocks) record the enclosing loops/try/with/handlers so that break,
//   continue and return can emit the unwinding code inline, as CPython does.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "frontend/ast.h"
#include "frontend/bytecode.h"
#include "frontend/code.h"
#include "frontend/compiler.h"
#include "frontend/symtable.h"

namespace coil::fe {

// Checked downcast of a const node by kind (ast.h's `as` only takes mutable nodes).
template <class T, class B>
const T* as(const B* node) {
  return node && node->kind == T::kKind ? static_cast<const T*>(node) : nullptr;
}

// Pseudo ops live above the real opcode range.
constexpr int kPseudoLabel = 256;  // arg: label id; marks a jump target
constexpr int kPseudoSetup = 257;  // arg: handler id; the handler's depth is measured here

struct Instr {
  int op = 0;           // an Opcode value, or a pseudo op
  uint32_t arg = 0;     // operand; for jumps the label id (resolved by the assembler)
  Position pos;
  int handler = -1;     // innermost exception handler id active here, -1 none
  bool is_jump() const { return op < kPseudoLabel && has_flag(Opcode(op), opflag::JUMP); }
};

struct Handler {
  int label = -1;       // where the handler code starts
  int pop = 0;          // items at the Setup point that are not kept (with: enter result)
  bool lasti = false;   // push lasti before the exception
  int depth = -1;       // filled by the assembler's flow analysis
};

enum class FBlockKind : uint8_t {
  WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
  PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehensionGenerator,
};

struct FBlock {
  FBlockKind kind;
  int start = -1, exit = -1;                     // labels (loops: continue / break targets)
  const std::vector<StmtNode*>* finalbody = nullptr;  // FinallyTry
  const Located* node = nullptr;                 // With: the statement (for positions)
  std::string name;                              // HandlerCleanup: the `as` name, if any
  int nhandlers = 0;                             // handlers this block pushed (popped on unwind)
};

enum class UnitKind : uint8_t { Module, Class, Function, Lambda, Comprehension };

struct Unit {
  std::shared_ptr<CodeUnit> code;
  const Scope* scope = nullptr;
  UnitKind kind = UnitKind::Module;
  std::vector<Instr> instrs;
  std::vector<Handler> handlers;
  std::vector<int> handler_stack;   // active handler ids, innermost last
  std::vector<FBlock> fblocks;
  int nlabels = 0;
  std::map<std::string, int> const_index, name_index, varname_index;
  Position loc;                     // position given to emitted instructions
  bool in_async_comprehension_gen = false;
};

class Compiler {
 public:
  Compiler(const SymbolTable& st, const std::string& filename, int optimize, uint32_t future_flags)
      : st_(st), filename_(filename), optimize_(optimize), future_flags_(future_flags) {}

  std::shared_ptr<CodeUnit> compile(const ModNode* mod, CompileMode mode);

  // --- units (compile.cpp) ---
  void enter_unit(const Scope* scope, UnitKind kind, const std::string& name, int firstlineno);
  std::shared_ptr<CodeUnit> leave_unit();
  Unit& u() { return *units_.back(); }
  std::string qualname_for(const std::string& name, bool is_def);
  void emit_prologue();

  // --- emission helpers (compile.cpp) ---
  void emit(Opcode op, uint32_t arg = 0);
  void emit_jump(Opcode op, int label);
  int new_label() { return u().nlabels++; }
  void place(int label);
  int add_const(const CodeConst& c);
  void load_const(const CodeConst& c) { emit(Opcode::LoadConst, add_const(c)); }
  void load_none();
  int add_name(const std::string& name);
  int add_varname(const std::string& name);
  int deref_index(const std::string& name);
  int name_deref_index(const std::string& name);
  // Starts handler code coverage: emits the Setup marker and pushes the handler.
  int push_handler(int label, int pop, bool lasti);
  void pop_handler();
  void set_loc(const Located* n);
  void set_loc(const Position& p) { u().loc = p; }
  [[noreturn]] void error(const Located* n, const std::string& msg);
  [[noreturn]] void error_at(const Position& p, const std::string& msg);
  // Records a SyntaxWarning at the current location (compile_warn.cpp has the checks).
  void warn(const std::string& msg);
  void check_compare(const Compare* e);
  void check_caller(const ExprNode* func);
  void check_subscript(const Subscript* e);

  // --- names (compile.cpp) ---
  void name_op(const std::string& name, ExprContext ctx, const Located* where);
  std::string mangle(const std::string& name) const;

  // --- functions and classes (compile_def.cpp) ---
  void visit_function(const StmtNode* s, bool is_async);
  void visit_lambda(const Lambda* e);
  void visit_class(const ClassDef* s);
  void make_closure(const std::shared_ptr<CodeUnit>& code, uint32_t flags);
  uint32_t visit_defaults(const Arguments* args);
  bool visit_annotations(const Arguments* args, const ExprNode* returns);
  void visit_decorators(const std::vector<ExprNode*>& decs);
  void apply_decorators(const std::vector<ExprNode*>& decs);
  void compile_body_docstring(const std::vector<StmtNode*>& body, bool store_doc);
  void visit_comprehension(const ExprNode* e);
  void comprehension_generator(const std::vector<Comprehension*>& gens, size_t gen_index,
                               int depth, const ExprNode* elt, const ExprNode* val,
                               ExprKind kind);

  // --- expressions (compile_expr.cpp) ---
  void visit_expr(const ExprNode* e);
  void visit_expr_inner(const ExprNode* e);
  void jump_if(const ExprNode* e, int label, bool cond);
  void visit_boolop(const BoolOp* e);
  void visit_compare(const Compare* e);
  void visit_call(const Call* e);
  bool try_method_call(const Call* e);
  void match_attr_location(const Attribute* a);
  void call_helper(int n_pushed, const std::vector<ExprNode*>& args,
                   const std::vector<Keyword*>& keywords);
  void visit_starunpack(const std::vector<ExprNode*>& elts, Opcode build, Opcode add,
                        Opcode extend, bool tuple);
  void visit_dict(const Dict* e);
  void visit_subscript(const Subscript* e);
  void visit_slice(const Slice* e);
  void visit_fstring(const ExprNode* e);
  void visit_yield_from_loop(bool await_);
  void check_ann_expr(const ExprNode* e);
  bool fold_const(const ExprNode* e, CodeConst& out) const;
  static Opcode binop_opcode_kind(OperatorKind k, bool inplace, uint32_t& arg);
  uint32_t temp_operand_bits(const ExprNode* left, const ExprNode* right) const;

  // --- statements (compile_stmt.cpp) ---
  void visit_stmt(const StmtNode* s);
  void visit_stmts(const std::vector<StmtNode*>& body);
  void visit_assign_target(const ExprNode* t);
  void unpack_helper(const std::vector<ExprNode*>& elts, const Located* where);
  void visit_augassign(const AugAssign* s);
  void visit_annassign(const AnnAssign* s);
  void visit_delete(const ExprNode* t);
  void visit_if(const If* s);
  void visit_while(const While* s);
  void visit_for(const For* s);
  void visit_async_for(const AsyncFor* s);
  void visit_try(const Try* s);
  void visit_try_except(const std::vector<StmtNode*>& body,
                        const std::vector<ExceptHandler*>& handlers,
                        const std::vector<StmtNode*>& orelse, const StmtNode* s);
  void visit_try_finally(const StmtNode* s, const std::vector<StmtNode*>& body,
                         const std::vector<ExceptHandler*>& handlers,
                         const std::vector<StmtNode*>& orelse,
                         const std::vector<StmtNode*>& finalbody, bool star);
  void visit_try_star_except(const std::vector<StmtNode*>& body,
                             const std::vector<ExceptHandler*>& handlers,
                             const std::vector<StmtNode*>& orelse, const StmtNode* s);
  void visit_with(const StmtNode* s, size_t pos, bool is_async);
  void with_except_finish(int cleanup_label);
  void call_exit_with_nones();
  void visit_raise(const Raise* s);
  void visit_assert(const Assert* s);
  void visit_return(const Return* s);
  void visit_break(const StmtNode* s);
  void visit_continue(const StmtNode* s);
  void visit_import(const Import* s);
  void visit_import_from(const ImportFrom* s);
  void pop_except_and_reraise();
  void push_fblock(const Located* where, FBlock fb);
  void pop_fblock();
  void unwind_fblock(const FBlock& fb, bool preserve_tos);
  // Unwinds fblocks up to (not including) the innermost loop; returns it or null.
  const FBlock* unwind_fblock_stack(const Located* where, bool preserve_tos, bool stop_at_loop);

  // --- match statements (compile_match.cpp) ---
  void visit_match(const Match* s);

  // state
  const SymbolTable& st_;
  std::string filename_;
  int optimize_;
  uint32_t future_flags_;
  CompileMode mode_ = CompileMode::Exec;
  std::vector<std::unique_ptr<Unit>> units_;
  bool interactive_ = false;
  std::vector<SyntaxErrorInfo>* warnings_ = nullptr;
};

// Assembles a finished unit into its CodeUnit (assemble.cpp): dead-code removal, jump
// threading, stack depths, exception table, encoding with cache units, positions.
void assemble(Unit& unit);

// Const helpers shared by the compiler and the disassembler.
CodeConst make_const(const ConstValue& v);
CodeConst none_const();
CodeConst str_const(const std::string& s);
CodeConst int_const(long long v);
std::string const_key(const CodeConst& c);

}  // namespace coil::fe
