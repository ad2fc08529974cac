// disassemble.cpp — `coil --dump bytecode`: a dis.dis-like listing of a CodeUnit and of the
// code units nested in its constants; also the Python-style reprs of constants it prints.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>
#include <string>

#include "frontend/compile_internal.h"

namespace coil::fe {

namespace {

// Python's repr(float): shortest round-trip digits, scientific outside [1e-4, 1e16).
std::string float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string s(buf, res.ptr);
  bool neg = s[0] == '-';
  if (neg) s.erase(0, 1);
  size_t e = s.find('e');
  std::string mant = s.substr(0, e);
  int exp = std::stoi(s.substr(e + 1));
  std::string digits;
  for (char ch : mant)
    if (ch != '.') digits += ch;
  std::string out;
  if (exp >= -4 && exp < 16) {
    if (exp < 0) {
      out = "0." + std::string(size_t(-exp - 1), '0') + digits;
    } else if (size_t(exp) + 1 >= digits.size()) {
      out = digits + std::string(size_t(exp) + 1 - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, size_t(exp) + 1) + "." + digits.substr(size_t(exp) + 1);
    }
  }
  if (out.empty()) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out += eb;
  }
  return neg ? "-" + out : out;
}

std::string str_repr(const std::string& s, bool bytes) {
  bool has_single = s.find('\'') != std::string::npos;
  bool has_double = s.find('"') != std::string::npos;
  char q = has_single && !has_double ? '"' : '\'';
  std::string out = bytes ? "b" : "";
  out += q;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char ch = static_cast<unsigned char>(s[i]);
    char buf[8];
    if (ch == '\\') out += "\\\\";
    else if (ch == static_cast<unsigned char>(q)) { out += '\\'; out += q; }
    else if (ch == '\n') out += "\\n";
    else if (ch == '\r') out += "\\r";
    else if (ch == '\t') out += "\\t";
    else if (ch < 0x20 || ch == 0x7f || (bytes && ch >= 0x80)) {
      std::snprintf(buf, sizeof buf, "\\x%02x", ch);
      out += buf;
    } else if (!bytes && ch == 0xC2 && i + 1 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) < 0xA0) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(s[i + 1]));
      out += buf;
      ++i;
    } else {
      out += char(ch);
    }
  }
  out += q;
  return out;
}

const char* binop_symbol(uint32_t a) {
  static const char* const kSyms[] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>",
                                      "-", "/", "^"};
  static const char* const kInplaceSyms[] = {"+=", "&=", "//=", "<<=", "@=", "*=", "%=",
                                             "|=", "**=", ">>=", "-=", "/=", "^="};
  if (a < 13) return kSyms[a];
  if (a < 26) return kInplaceSyms[a - 13];
  return "?";
}

const char* cmp_symbol(uint32_t a) {
  static const char* const kSyms[] = {"<", "<=", "==", "!=", ">", ">="};
  return a < 6 ? kSyms[a] : "?";
}

std::string flag_meaning(Opcode op, uint32_t a) {
  switch (op) {
    case Opcode::IsOp: return a ? "is not" : "is";
    case Opcode::ContainsOp: return a ? "not in" : "in";
    case Opcode::FormatValue: {
      static const char* const kConv[] = {"", "str", "repr", "ascii"};
      std::string s = kConv[a & 3];
      if (a & 4) s += s.empty() ? "with format" : ", with format";
      return s;
    }
    case Opcode::MakeFunction: {
      std::string s;
      const char* parts[] = {"defaults", "kwdefaults", "annotations", "closure"};
      for (int i = 0; i < 4; ++i)
        if (a & (1u << i)) s += std::string(s.empty() ? "" : ", ") + parts[i];
      return s;
    }
    case Opcode::CallEx: return a & 1 ? "kwargs" : "";
    case Opcode::GetAwaitable: return a == 1 ? "__aenter__" : a == 2 ? "__aexit__" : "";
    case Opcode::YieldValue: return a ? "in send loop" : "";
    default: return "";
  }
}

std::string flags_names(uint32_t f) {
  static const std::pair<uint32_t, const char*> kNames[] = {
      {coflag::OPTIMIZED, "OPTIMIZED"}, {coflag::NEWLOCALS, "NEWLOCALS"},
      {coflag::VARARGS, "VARARGS"}, {coflag::VARKEYWORDS, "VARKEYWORDS"},
      {coflag::NESTED, "NESTED"}, {coflag::GENERATOR, "GENERATOR"},
      {coflag::NOFREE, "NOFREE"}, {coflag::COROUTINE, "COROUTINE"},
      {coflag::ITERABLE_COROUTINE, "ITERABLE_COROUTINE"},
      {coflag::ASYNC_GENERATOR, "ASYNC_GENERATOR"},
      {coflag::FUTURE_ANNOTATIONS, "FUTURE_ANNOTATIONS"}};
  std::string s;
  for (auto& [bit, name] : kNames)
    if (f & bit) s += std::string(s.empty() ? "" : ", ") + name;
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%x", f);
  return s.empty() ? std::string(hex) : std::string(hex) + " (" + s + ")";
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

void listing(const CodeUnit& co, std::string& out) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "Disassembly of %s (%s, line %d):\n"
                "  argcount=%d posonly=%d kwonly=%d stacksize=%d ncaches=%d flags=%s\n",
                co.qualname.c_str(), co.filename.c_str(), co.firstlineno, co.argcount,
                co.posonlyargcount, co.kwonlyargcount, co.stacksize, co.ncaches,
                flags_names(co.flags).c_str());
  out += buf;
  if (!co.varnames.empty()) out += "  varnames: " + join(co.varnames) + "\n";
  if (!co.cellvars.empty()) out += "  cellvars: " + join(co.cellvars) + "\n";
  if (!co.freevars.empty()) out += "  freevars: " + join(co.freevars) + "\n";

  std::set<uint32_t> targets;
  for (size_t i = 0; i < co.code.size(); ++i) {
    Opcode op = unit_op(co.code[i]);
    if (op_info(op).format == OperandFormat::Jump) targets.insert(unit_arg(co.code[i]));
    if (has_flag(op, opflag::CACHE)) ++i;
  }
  for (auto& e : co.exception_table) targets.insert(e.target);

  int last_line = -1;
  uint32_t ext = 0;
  for (size_t i = 0; i < co.code.size(); ++i) {
    uint32_t unit = co.code[i];
    Opcode op = unit_op(unit);
    uint32_t a = (ext << kOperandBits) | unit_arg(unit);
    ext = op == Opcode::ExtendedArg ? a : 0;
    const OpInfo& info = op_info(op);
    int line = i < co.positions.size() ? co.positions[i].line : 0;
    std::string linecol = "    ";
    if (line != last_line) {
      if (last_line != -1) out += "\n";
      std::snprintf(buf, sizeof buf, "%4d", line);
      linecol = buf;
      last_line = line;
    }
    std::string meaning;
    bool show_arg = info.format != OperandFormat::None;
    switch (info.format) {
      case OperandFormat::Const:
        meaning = a < co.consts.size() ? const_repr(co.consts[a]) : "<bad const>";
        break;
      case OperandFormat::Name:
        meaning = a < co.names.size() ? co.names[a] : "<bad name>";
        break;
      case OperandFormat::Local:
        meaning = a < co.varnames.size() ? co.varnames[a] : "<bad local>";
        break;
      case OperandFormat::Deref:
        if (op == Opcode::CopyFreeVars) break;
        if (a < co.cellvars.size()) meaning = co.cellvars[a];
        else if (a - co.cellvars.size() < co.freevars.size())
          meaning = co.freevars[a - co.cellvars.size()];
        else meaning = "<bad deref>";
        break;
      case OperandFormat::Jump:
        meaning = "to " + std::to_string(a);
        break;
      case OperandFormat::BinOp:
        meaning = binop_symbol(a & kBinOpKindMask);
        break;
      case OperandFormat::CmpOp:
        meaning = cmp_symbol(a);
        break;
      case OperandFormat::Flag:
        meaning = flag_meaning(op, a);
        break;
      case OperandFormat::Count:
        if (op == Opcode::UnpackEx)
          meaning = std::to_string(a & 0xFF) + " before, " + std::to_string(a >> 8) + " after";
        break;
      case OperandFormat::None:
        break;
    }
    std::string argtext = show_arg ? std::to_string(a) : "";
    std::snprintf(buf, sizeof buf, "%s %3s %5zu %-20s %5s", linecol.c_str(),
                  targets.count(uint32_t(i)) ? ">>" : "", i, info.name, argtext.c_str());
    std::string row = buf;
    if (!meaning.empty()) row += " (" + meaning + ")";
    while (!row.empty() && row.back() == ' ') row.pop_back();
    out += row + "\n";
    if (info.flags & opflag::CACHE) ++i;  // the cache unit is not an instruction
  }
  if (!co.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (auto& e : co.exception_table) {
      std::snprintf(buf, sizeof buf, "  %u to %u -> %u [%u]%s\n", e.start, e.end, e.target,
                    e.depth, e.push_lasti ? " lasti" : "");
      out += buf;
    }
  }
  for (auto& c : co.consts) {
    if (c.kind == CodeConst::Kind::Code && c.code) {
      out += "\n";
      listing(*c.code, out);
    }
  }
}

}  // namespace

std::string const_repr(const CodeConst& c) {
  switch (c.kind) {
    case CodeConst::Kind::Code:
      return "<code object " + (c.code ? c.code->name : std::string("?")) + ", line " +
             std::to_string(c.code ? c.code->firstlineno : 0) + ">";
    case CodeConst::Kind::Tuple: {
      std::string s = "(";
      for (size_t i = 0; i < c.items.size(); ++i)
        s += (i ? ", " : "") + const_repr(c.items[i]);
      if (c.items.size() == 1) s += ",";
      return s + ")";
    }
    case CodeConst::Kind::FrozenSet: {
      if (c.items.empty()) return "frozenset()";
      std::string s = "frozenset({";
      for (size_t i = 0; i < c.items.size(); ++i)
        s += (i ? ", " : "") + const_repr(c.items[i]);
      return s + "})";
    }
    case CodeConst::Kind::Value:
      break;
  }
  const ConstValue& v = c.value;
  switch (v.kind) {
    case ConstValue::Kind::None: return "None";
    case ConstValue::Kind::True: return "True";
    case ConstValue::Kind::False: return "False";
    case ConstValue::Kind::Ellipsis: return "Ellipsis";
    case ConstValue::Kind::Int: return v.text;
    case ConstValue::Kind::Float: return float_repr(v.number);
    case ConstValue::Kind::Complex: {
      std::string s = float_repr(v.number);
      if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
      return s + "j";
    }
    case ConstValue::Kind::Str: return str_repr(v.text, false);
    case ConstValue::Kind::Bytes: return str_repr(v.text, true);
  }
  return "?";
}

std::string disassemble(const CodeUnit& code) {
  std::string out;
  listing(code, out);
  return out;
}

}  // namespace coil::fe
