// traceback_format.cpp — the text CPython 3.11's default excepthook prints for an exception:
// the chain (cause / context), each traceback entry with its source line and the PEP 657
// caret line (`~~^~~` anchors for binary operators and subscripts), "[Previous line repeated
// N more times]", SyntaxError's location block, notes, and exception groups drawn in their
// boxed, indented form with a margin.
#include "runtime/traceback_format.h"

#include <fstream>
#include <vector>

#include "frontend/parser.h"
#include "frontend/syntax_error.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exception_group.h"
#include "runtime/function.h"
#include "runtime/int.h"
#include "runtime/interpreter.h"
#include "runtime/names.h"
#include "runtime/str.h"
#include "runtime/suggestions.h"
#include "runtime/sys_state.h"
#include "runtime/thread.h"
#include "runtime/tuple.h"

namespace coil::rt {

namespace {

constexpr int kRecursiveCutoff = 3;
constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

bool g_source_lines = true;

struct PrintContext {
  std::vector<Object*> seen;
  int group_depth = 0;
  bool need_close = false;
  std::string out;

  std::string indent() const { return std::string(2 * group_depth, ' '); }
  // Appends `text`, every line prefixed by the indent and (inside a group) the margin.
  void emit(const std::string& text, char margin = '|') {
    std::string prefix = indent();
    if (group_depth) prefix += std::string(1, margin) + " ";
    size_t i = 0;
    while (i < text.size()) {
      size_t nl = text.find('\n', i);
      size_t end = nl == std::string::npos ? text.size() : nl + 1;
      out += prefix;
      out.append(text, i, end - i);
      i = end;
    }
  }
  bool was_seen(Value v) const {
    for (Object* o : seen)
      if (o == v.as_obj()) return true;
    return false;
  }
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c == '\n'; }

// Line `lineno` of `filename` without its newline, or false when unreadable.
bool read_source_line(const std::string& filename, int lineno, std::string* line) {
  if (filename.empty() || filename[0] == '<' || lineno < 1) return false;
  std::ifstream in(filename, std::ios::binary);
  if (!in) return false;
  for (int i = 1; i <= lineno; ++i)
    if (!std::getline(in, *line)) return false;
  while (!line->empty() && (line->back() == '\n' || line->back() == '\r')) line->pop_back();
  return true;
}

// Characters in the first `bytes` bytes of UTF-8 `s`.
int64_t char_offset(const std::string& s, int64_t bytes) {
  if (bytes > static_cast<int64_t>(s.size())) bytes = static_cast<int64_t>(s.size());
  int64_t n = 0;
  for (int64_t i = 0; i < bytes; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++n;
  return n;
}

struct Anchors {
  int64_t left_end, right_start;  // character offsets in the segment
};

// CPython's _extract_caret_anchors_from_line_segment: the operator of a binary operation, the
// brackets of a subscript.
bool caret_anchors(const std::string& segment, Anchors* a) {
  try {
    fe::Arena arena;
    fe::ModNode* mod = fe::parse(segment, "<string>", fe::ParseMode::Exec, arena);
    auto* m = fe::as<fe::Module>(mod);
    if (!m || m->body.size() != 1) return false;
    auto* st = fe::as<fe::Expr>(m->body[0]);
    if (!st) return false;
    // CPython 3.11.2's rules (the reference interpreter): the first non-blank characters
    // after the left operand (one or two of them) are the operator; a subscript's anchors run
    // from the end of its value to one past the end of its slice.
    if (auto* b = fe::as<fe::BinOp>(st->value)) {
      int64_t op_start = b->left->end_col_offset, op_end = b->right->col_offset;
      if (op_start < 0 || op_end < op_start || op_end > static_cast<int64_t>(segment.size())) return false;
      std::string op = segment.substr(op_start, op_end - op_start);
      int64_t lead = 0;
      while (lead < static_cast<int64_t>(op.size()) && is_space(op[lead])) ++lead;
      int64_t left = op_start + lead, right = left + 1;
      if (lead + 1 < static_cast<int64_t>(op.size()) && !is_space(op[lead + 1])) ++right;
      *a = {char_offset(segment, left), char_offset(segment, right)};
      return true;
    }
    if (auto* s = fe::as<fe::Subscript>(st->value)) {
      *a = {char_offset(segment, s->value->end_col_offset), char_offset(segment, s->slice->end_col_offset + 1)};
      return true;
    }
  } catch (const fe::SyntaxErrorException&) {
  } catch (...) {
  }
  return false;
}

// The source and caret lines of one traceback entry (empty when the line is unavailable).
std::string source_block(CodeObject* code, int64_t lasti, int lineno) {
  std::string line;
  if (!g_source_lines) return "";
  if (!read_source_line(std::string(code->filename->view()), lineno, &line)) return "";
  size_t b = 0;
  while (b < line.size() && is_space(line[b])) ++b;
  size_t e = line.size();
  while (e > b && is_space(line[e - 1])) --e;
  if (b == e) return "";
  std::string stripped = line.substr(b, e - b);
  std::string out = "    " + stripped + "\n";
  const auto& positions = code->unit->positions;
  if (lasti < 0 || lasti >= static_cast<int64_t>(positions.size())) return out;
  fe::Position p = positions[lasti];
  if (p.col < 0 || p.end_col < 0 || p.line != lineno || p.end_line < p.line) return out;
  int64_t lead = char_offset(line, static_cast<int64_t>(b));
  int64_t stripped_len = char_offset(stripped, static_cast<int64_t>(stripped.size()));
  int64_t start = char_offset(line, p.col);
  int64_t end = char_offset(line, p.end_col);
  bool have_anchors = false;
  Anchors a{};
  if (p.end_line == p.line) {
    if (p.end_col > static_cast<int64_t>(line.size()) || p.col > p.end_col) return out;
    have_anchors = caret_anchors(line.substr(p.col, p.end_col - p.col), &a);
  } else {
    end = lead + stripped_len;
  }
  if (end - start >= stripped_len && !(have_anchors && a.right_start - a.left_end > 0)) return out;
  out += "    " + std::string(start > lead ? start - lead : 0, ' ');
  if (have_anchors) {
    out += std::string(a.left_end, '~');
    out += std::string(a.right_start - a.left_end, '^');
    int64_t rest = end - start - a.right_start;
    if (rest > 0) out += std::string(rest, '~');
  } else {
    out += std::string(end - start, '^');
  }
  return out + "\n";
}

// sys.tracebacklimit as CPython's printer reads it: -1 when absent or not an int (no limit),
// else the limit (<= 0: print no traceback at all).
int64_t traceback_limit() {
  Value v = sys_attr("tracebacklimit");
  if (v.is_empty_slot()) {
    clear_exception();
    return -1;
  }
  if (!is_int(v)) return -1;
  int64_t n = 0;
  bool overflow = false;
  if (!as_int64(v, &n, &overflow)) {
    clear_exception();
    return INT64_MAX;
  }
  if (overflow) {
    int neg = rich_compare_bool(v, Value::from_small_int(0), fe::CompareKind::Lt);
    if (neg < 0) clear_exception();
    return neg > 0 ? 0 : INT64_MAX;
  }
  return n <= 0 ? 0 : n;
}

// The traceback entries, innermost last, with runs of one repeated entry summarised; only
// the innermost `limit` entries when limit >= 0.
std::string format_stack(Value tb, int64_t limit = -1) {
  if (limit >= 0) {
    int64_t depth = 0;
    for (Value t = tb; t.is_obj() && t.as_obj()->type == TracebackType; t = static_cast<TracebackObject*>(t.as_obj())->next)
      ++depth;
    while (tb.is_obj() && tb.as_obj()->type == TracebackType && depth > limit) {
      --depth;
      tb = static_cast<TracebackObject*>(tb.as_obj())->next;
    }
  }
  std::string out, last_file, last_name;
  int last_line = -1, count = 0;
  auto flush = [&]() {
    if (count > kRecursiveCutoff) {
      int more = count - kRecursiveCutoff;
      out += "  [Previous line repeated " + std::to_string(more) + " more time" + (more > 1 ? "s" : "") + "]\n";
    }
  };
  while (tb.is_obj() && tb.as_obj()->type == TracebackType) {
    auto* t = static_cast<TracebackObject*>(tb.as_obj());
    std::string file(t->code->filename->view());
    std::string name(t->code->name->view());
    if (file != last_file || t->lineno != last_line || name != last_name) {
      flush();
      last_file = file;
      last_line = t->lineno;
      last_name = name;
      count = 0;
    }
    ++count;
    if (count <= kRecursiveCutoff) {
      out += "  File \"" + file + "\", line " + std::to_string(t->lineno) + ", in " + name + "\n";
      out += source_block(t->code, t->lasti, t->lineno);
    }
    tb = t->next;
  }
  flush();
  return out;
}

std::string type_label(Value exc) {
  TypeObject* t = type_of(exc);
  std::string qual = t->qualname ? std::string(t->qualname->view()) : t->name;
  if (!has(t, TypeFlag::HeapType)) return qual;
  Value m = dict_get_str(t->dict, names::dunder_module);
  if (m.is_empty_slot() || !is_str(m)) return "<unknown>." + qual;
  std::string_view mod = as_str(m)->view();
  if (mod == "builtins" || mod == "__main__") return qual;
  return std::string(mod) + "." + qual;
}

Value field(ExceptionObject* e, const char* name) {
  Value v = e->dict ? dict_get_str(e->dict, intern(name)) : Value();
  return v.is_empty_slot() ? None : v;
}

// The "File ..., line N / text / carets" block and "Type: msg" line of a SyntaxError.
std::string format_syntax_error(ExceptionObject* e, const std::string& label) {
  std::string out, suffix;
  Value filename = field(e, "filename"), lineno = field(e, "lineno"), text = field(e, "text");
  Value offset = field(e, "offset"), end_offset = field(e, "end_offset"), msg = field(e, "msg");
  std::string fn;
  if (is_str(filename)) fn = std::string(as_str(filename)->view());
  if (lineno != None) {
    std::string ls;
    if (!str_string(lineno, &ls)) clear_exception();
    out += "  File \"" + (fn.empty() ? std::string("<string>") : fn) + "\", line " + ls + "\n";
  } else if (filename != None) {
    std::string fs;
    if (!str_string(filename, &fs)) clear_exception();
    suffix = " (" + fs + ")";
  }
  // The source line and carets, as CPython's print_error_text: offsets count from 1,
  // leading blanks are dropped, the caret is clipped to the line, a line break before the
  // caret starts the shown text after it, and a caret left of the text is not drawn.
  int64_t line = 0;
  if (is_str(text) && is_int(lineno) && int_to_int64(lineno, &line) && (offset == None || is_int(offset))) {
    std::string_view t = as_str(text)->view();
    const int64_t line_size = static_cast<int64_t>(t.size());
    int64_t off = -1, end = -1;
    if (offset != None) int_to_int64(offset, &off);
    // Only an exact SyntaxError's end position counts; a range running past its first
    // line goes to that line's end, and never past the text.
    if (e->type == SyntaxErrorType) {
      if (is_int(end_offset)) int_to_int64(end_offset, &end);
      int64_t end_line = 0;
      Value end_lineno = field(e, "end_lineno");
      if (is_int(end_lineno) && int_to_int64(end_lineno, &end_line) && end_line > line) end = line_size;
      if (end > line_size + 1) end = line_size + 1;
    }
    int64_t carets = end > 0 && end > off ? end - off : 1;
    --off;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\f')) {
      t.remove_prefix(1);
      --off;
    }
    int64_t len = static_cast<int64_t>(t.size());
    if (len > 0 && t.back() == '\n') --len;
    if (off > len) off = len;
    for (;;) {
      size_t nl = t.find('\n');
      if (nl == std::string_view::npos || static_cast<int64_t>(nl) >= off) break;
      t.remove_prefix(nl + 1);
      len -= static_cast<int64_t>(nl) + 1;
      off -= static_cast<int64_t>(nl) + 1;
    }
    out += "    " + std::string(t);
    if (len >= static_cast<int64_t>(t.size()) || t[len] != '\n') out += "\n";
    if (off >= 0) out += "    " + std::string(off, ' ') + std::string(carets, '^') + "\n";
  }
  std::string m;
  if (msg != None && !str_string(msg, &m)) clear_exception();
  if (m.empty()) m = "<no detail available>";
  return out + label + ": " + m + suffix + "\n";
}

std::string format_notes(Value exc) {
  bool error = false;
  Value notes = get_attr_opt(exc, names::dunder_notes, &error);
  if (error) clear_exception();
  if (notes.is_empty_slot() || notes == None) return "";
  std::string out;
  // Any sequence is iterated, a str too (one note per character: CPython 3.11.2 does that).
  TypeObject* nt = type_of(notes);
  bool sequence = !is_subtype(nt, DictType) && !type_lookup(nt, names::dunder_getitem).is_empty_slot();
  if (sequence) {
    Value t = sequence_to_tuple(notes);
    if (t.is_empty_slot()) {
      clear_exception();
      return "";
    }
    for (int64_t i = 0; i < as_tuple(t)->size; ++i) {
      std::string n;
      if (!str_string(as_tuple(t)->items[i], &n)) {
        clear_exception();
        n = "<note str() failed>";
      }
      out += n + "\n";
    }
  } else {
    std::string r;
    if (!repr_string(notes, &r)) {
      clear_exception();
      r = "<__notes__ repr() failed>";
    }
    out += r + "\n";
  }
  return out;
}

// "Type: message" (+ notes), or SyntaxError's block.
std::string format_exception_only(Value exc) {
  ExceptionObject* e = as_exception(exc);
  std::string label = type_label(exc);
  std::string out;
  if (is_subtype(e->type, SyntaxErrorType)) {
    out = format_syntax_error(e, label);
  } else {
    Value s = str_of(exc);
    if (s.is_empty_slot()) {
      clear_exception();
      out = label + ": <exception str() failed>";
    } else if (as_str(s)->nbytes == 0) {
      out = label;
    } else {
      out = label + ": " + std::string(as_str(s)->view());
    }
    // As CPython's printer: the hint follows whatever the message was, even none.
    std::string hint = suggestion_for(exc);
    if (!hint.empty()) out += ". Did you mean: '" + hint + "'?";
    out += "\n";
  }
  return out + format_notes(exc);
}

void format_recursive(PrintContext& ctx, Value exc);

void format_chained(PrintContext& ctx, Value exc, const char* message) {
  if (!enter_call(" in print_chained")) {
    clear_exception();
    return;
  }
  format_recursive(ctx, exc);
  leave_call();
  ctx.emit(message);
}

void format_group(PrintContext& ctx, Value exc) {
  if (ctx.group_depth > kMaxGroupDepth) {
    ctx.emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
    return;
  }
  bool toplevel = ctx.group_depth == 0;
  if (toplevel) ctx.group_depth = 1;
  ExceptionObject* e = as_exception(exc);
  int64_t limit = traceback_limit();
  if (e->traceback.is_obj() && e->traceback.as_obj()->type == TracebackType && limit != 0) {
    ctx.emit("Exception Group Traceback (most recent call last):\n", toplevel ? '+' : '|');
    ctx.emit(format_stack(e->traceback, limit));
  }
  ctx.emit(format_exception_only(exc));
  TupleObject* excs = group_exceptions(exc);
  int64_t num = excs->size;
  int64_t n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
  ctx.need_close = false;
  for (int64_t i = 0; i < n; ++i) {
    bool last = i == n - 1;
    if (last) ctx.need_close = true;
    bool truncated = i >= kMaxGroupWidth;
    std::string title = truncated ? "..." : std::to_string(i + 1);
    ctx.out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
    ++ctx.group_depth;
    if (!truncated) {
      if (enter_call(" in print_exception_group")) {
        format_recursive(ctx, excs->items[i]);
        leave_call();
      } else {
        clear_exception();
      }
    } else {
      int64_t remaining = num - kMaxGroupWidth;
      ctx.emit("and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n");
    }
    if (last && ctx.need_close) {
      ctx.out += ctx.indent() + "+------------------------------------\n";
      ctx.need_close = false;
    }
    --ctx.group_depth;
  }
  if (toplevel) ctx.group_depth = 0;
}

// CPython's print_exception_recursive: the chain first (depth first, each exception once),
// then this exception.
void format_recursive(PrintContext& ctx, Value exc) {
  ctx.seen.push_back(exc.as_obj());
  ExceptionObject* e = as_exception(exc);
  if (is_exception(e->cause)) {
    if (!ctx.was_seen(e->cause))
      format_chained(ctx, e->cause, "\nThe above exception was the direct cause of the following exception:\n\n");
  } else if (!e->suppress_context && is_exception(e->context) && !ctx.was_seen(e->context)) {
    format_chained(ctx, e->context, "\nDuring handling of the above exception, another exception occurred:\n\n");
  }
  if (is_exception_group(exc)) {
    format_group(ctx, exc);
    return;
  }
  int64_t limit = traceback_limit();
  if (e->traceback.is_obj() && e->traceback.as_obj()->type == TracebackType && limit != 0) {
    ctx.emit("Traceback (most recent call last):\n");
    ctx.emit(format_stack(e->traceback, limit));
  }
  ctx.emit(format_exception_only(exc));
}

}  // namespace

void set_traceback_source_lines(bool on) { g_source_lines = on; }

std::string format_unraisable(Value exc, Value err_msg, Value obj) {
  Value pending = take_exception();
  std::string out;
  std::string msg;
  bool has_msg = !err_msg.is_empty_slot() && err_msg != None;
  if (has_msg && !str_string(err_msg, &msg)) {
    clear_exception();
    has_msg = false;
  }
  if (!obj.is_empty_slot() && obj != None) {
    std::string r;
    if (!repr_string(obj, &r)) {
      clear_exception();
      r = "<object repr() failed>";
    }
    out += (has_msg ? msg + ": " : std::string("Exception ignored in: ")) + r + "\n";
  } else if (has_msg) {
    out += msg + ":\n";
  }
  if (is_exception(exc)) {
    ExceptionObject* e = as_exception(exc);
    int64_t limit = traceback_limit();
    if (e->traceback.is_obj() && e->traceback.as_obj()->type == TracebackType && limit != 0)
      out += "Traceback (most recent call last):\n" + format_stack(e->traceback, limit);
    // Only this exception: the hook prints neither the chain nor notes.
    std::string label = type_label(exc);
    Value sv = str_of(exc);
    if (sv.is_empty_slot()) {
      clear_exception();
      out += label + ": <exception str() failed>\n";
    } else if (as_str(sv)->nbytes == 0) {
      out += label + "\n";
    } else {
      out += label + ": " + std::string(as_str(sv)->view()) + "\n";
    }
  }
  if (!pending.is_empty_slot()) thread_state().pending = pending;
  return out;
}

std::string format_exception(Value exc) {
  if (!is_exception(exc)) return "";
  // Formatting may call __str__ / __repr__ of user classes: keep any pending error aside.
  Value pending = take_exception();
  PrintContext ctx;
  format_recursive(ctx, exc);
  if (!pending.is_empty_slot()) thread_state().pending = pending;
  return ctx.out;
}

}  // namespace coil::rt
