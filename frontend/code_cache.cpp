// code_cache.cpp — CodeUnit serialization: a flat little-endian encoding of every field,
// nested units inline; code and positions copied in bulk (they are plain data).
#include "frontend/code_cache.h"

#include <cstring>
#include <type_traits>

#include "frontend/compiler.h"

namespace coil::fe {

namespace {

// Bump when the encoding below or the meaning of CodeUnit's fields changes.
constexpr uint64_t kCodeCacheVersion = 1;

constexpr uint64_t fnv(uint64_t h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

constexpr uint64_t opcode_table_hash() {
  uint64_t h = 14695981039346656037ull;
#define OP(Name, Format, Pop, Push, JumpPop, JumpPush, Flags) \
  h = fnv(h, #Name "|" #Format "|" #Pop "|" #Push "|" #JumpPop "|" #JumpPush "|" #Flags ";");
#include "frontend/opcodes.def"
  return h;
}

struct Writer {
  std::string* out;
  const std::string& filename;  // replaces every unit's filename when non-empty
  template <class T>
  void pod(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out->append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void str(const std::string& s) {
    pod<uint32_t>(static_cast<uint32_t>(s.size()));
    out->append(s);
  }
  template <class T>
  void bulk(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    pod<uint32_t>(static_cast<uint32_t>(v.size()));
    out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void strs(const std::vector<std::string>& v) {
    pod<uint32_t>(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) str(s);
  }
  void constant(const CodeConst& c) {
    pod<uint8_t>(static_cast<uint8_t>(c.kind));
    switch (c.kind) {
      case CodeConst::Kind::Value:
        pod<uint8_t>(static_cast<uint8_t>(c.value.kind));
        str(c.value.text);
        pod<double>(c.value.number);
        break;
      case CodeConst::Kind::Tuple:
      case CodeConst::Kind::FrozenSet:
        pod<uint32_t>(static_cast<uint32_t>(c.items.size()));
        for (const CodeConst& i : c.items) constant(i);
        break;
      case CodeConst::Kind::Code:
        unit(*c.code);
        break;
    }
  }
  void unit(const CodeUnit& u) {
    str(u.name);
    str(u.qualname);
    str(filename.empty() ? u.filename : filename);
    pod<int32_t>(u.firstlineno);
    pod<int32_t>(u.argcount);
    pod<int32_t>(u.posonlyargcount);
    pod<int32_t>(u.kwonlyargcount);
    pod<uint32_t>(u.flags);
    bulk(u.code);
    bulk(u.positions);
    pod<uint32_t>(static_cast<uint32_t>(u.consts.size()));
    for (const CodeConst& c : u.consts) constant(c);
    strs(u.names);
    strs(u.varnames);
    strs(u.cellvars);
    strs(u.freevars);
    pod<uint32_t>(static_cast<uint32_t>(u.exception_table.size()));
    for (const ExceptionEntry& e : u.exception_table) {
      pod<uint32_t>(e.start);
      pod<uint32_t>(e.end);
      pod<uint32_t>(e.target);
      pod<uint32_t>(e.depth);
      pod<uint8_t>(e.push_lasti ? 1 : 0);
    }
    pod<int32_t>(u.stacksize);
    pod<int32_t>(u.ncaches);
  }
};

struct Reader {
  std::string_view in;
  size_t pos;
  bool bad = false;
  int depth = 0;

  template <class T>
  T pod() {
    T v{};
    if (bad || in.size() - pos < sizeof v) {
      bad = true;
      return v;
    }
    std::memcpy(&v, in.data() + pos, sizeof v);
    pos += sizeof v;
    return v;
  }
  // A count that cannot exceed the bytes left (each item takes at least `min_size`).
  uint32_t count(size_t min_size) {
    uint32_t n = pod<uint32_t>();
    if (!bad && static_cast<uint64_t>(n) * min_size > in.size() - pos) bad = true;
    return bad ? 0 : n;
  }
  std::string str() {
    uint32_t n = count(1);
    std::string s(in.substr(pos, n));
    pos += n;
    return s;
  }
  template <class T>
  void bulk(std::vector<T>* v) {
    uint32_t n = count(sizeof(T));
    v->resize(n);
    if (n) std::memcpy(v->data(), in.data() + pos, n * sizeof(T));
    pos += n * sizeof(T);
  }
  void strs(std::vector<std::string>* v) {
    uint32_t n = count(4);
    for (uint32_t i = 0; i < n && !bad; ++i) v->push_back(str());
  }
  CodeConst constant() {
    CodeConst c;
    auto kind = pod<uint8_t>();
    if (kind > static_cast<uint8_t>(CodeConst::Kind::Code)) {
      bad = true;
      return c;
    }
    c.kind = static_cast<CodeConst::Kind>(kind);
    switch (c.kind) {
      case CodeConst::Kind::Value: {
        auto vk = pod<uint8_t>();
        if (vk > static_cast<uint8_t>(ConstValue::Kind::Bytes)) bad = true;
        c.value.kind = static_cast<ConstValue::Kind>(vk);
        c.value.text = str();
        c.value.number = pod<double>();
        break;
      }
      case CodeConst::Kind::Tuple:
      case CodeConst::Kind::FrozenSet: {
        uint32_t n = count(1);
        for (uint32_t i = 0; i < n && !bad; ++i) c.items.push_back(constant());
        break;
      }
      case CodeConst::Kind::Code:
        c.code = unit();
        break;
    }
    return c;
  }
  std::shared_ptr<CodeUnit> unit() {
    if (++depth > 1000) bad = true;
    auto u = std::make_shared<CodeUnit>();
    u->name = str();
    u->qualname = str();
    u->filename = str();
    u->firstlineno = pod<int32_t>();
    u->argcount = pod<int32_t>();
    u->posonlyargcount = pod<int32_t>();
    u->kwonlyargcount = pod<int32_t>();
    u->flags = pod<uint32_t>();
    bulk(&u->code);
    bulk(&u->positions);
    uint32_t nconsts = count(1);
    for (uint32_t i = 0; i < nconsts && !bad; ++i) u->consts.push_back(constant());
    strs(&u->names);
    strs(&u->varnames);
    strs(&u->cellvars);
    strs(&u->freevars);
    uint32_t nex = count(17);
    for (uint32_t i = 0; i < nex && !bad; ++i) {
      ExceptionEntry e;
      e.start = pod<uint32_t>();
      e.end = pod<uint32_t>();
      e.target = pod<uint32_t>();
      e.depth = pod<uint32_t>();
      e.push_lasti = pod<uint8_t>() != 0;
      u->exception_table.push_back(e);
    }
    u->stacksize = pod<int32_t>();
    u->ncaches = pod<int32_t>();
    // The interpreter trusts these: positions cover the code, counts are sane.
    size_t nargs = static_cast<size_t>(u->argcount) + static_cast<size_t>(u->kwonlyargcount) +
                   ((u->flags & coflag::VARARGS) ? 1 : 0) + ((u->flags & coflag::VARKEYWORDS) ? 1 : 0);
    if (u->positions.size() != u->code.size() || u->stacksize < 0 || u->ncaches < 0 || u->argcount < 0 ||
        u->posonlyargcount < 0 || u->kwonlyargcount < 0 || u->posonlyargcount > u->argcount ||
        nargs > u->varnames.size())
      bad = true;
    --depth;
    return u;
  }
};

}  // namespace

uint64_t code_format_id() {
  static constexpr uint64_t id = opcode_table_hash() ^ (kCodeCacheVersion * 0x9E3779B97F4A7C15ull);
  return id;
}

void serialize_unit(const CodeUnit& unit, std::string* out, const std::string& filename) {
  Writer w{out, filename};
  w.unit(unit);
}

std::shared_ptr<CodeUnit> deserialize_unit(std::string_view in, size_t* pos, std::string* error) {
  Reader r{in, *pos};
  std::shared_ptr<CodeUnit> u = r.unit();
  if (r.bad) {
    *error = "bad marshal data (malformed code object)";
    return nullptr;
  }
  // Bytes from anywhere must not crash the interpreter: the verifier checks operands,
  // jump targets, the exception table and stack depths.
  std::string problem = verify(*u);
  if (!problem.empty()) {
    *error = "bad marshal data (invalid code object: " + problem + ")";
    return nullptr;
  }
  *pos = r.pos;
  return u;
}

}  // namespace coil::fe
