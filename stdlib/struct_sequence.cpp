// struct_sequence.cpp — struct sequences (named tuples of the runtime), SimpleNamespace,
// and the sys attributes built from them.
#include "stdlib/struct_sequence.h"

#include <cfloat>
#include <climits>
#include <cstring>
#include <unistd.h>

#include "coil_config.h"
#include "runtime/abstract.h"
#include "runtime/dict.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/names.h"
#include "runtime/native_module.h"
#include "runtime/roots.h"
#include "runtime/str.h"
#include "runtime/typeobject.h"
#include "runtime/version.h"

namespace coil::lib {

using namespace coil::rt;

namespace {

struct FieldGetter {
  int index;
};

// Struct sequence types keep their field names in a C++ table indexed by the type.
struct SeqInfo {
  TypeObject* type;
  std::vector<std::string> fields;
};
std::vector<SeqInfo>& seq_infos() {
  static auto* v = new std::vector<SeqInfo>();
  return *v;
}

const SeqInfo* info_of(TypeObject* t) {
  for (const SeqInfo& s : seq_infos())
    if (s.type == t) return &s;
  return nullptr;
}

Value seq_repr(Value* args, int64_t, TupleObject*) {
  TupleObject* t = as_tuple(args[0]);
  const SeqInfo* info = info_of(t->type);
  std::string out = std::string(t->type->name) + "(";
  for (int64_t i = 0; i < t->size; ++i) {
    if (i) out += ", ";
    std::string r;
    if (!repr_string(t->items[i], &r)) return Value();
    out += info && i < static_cast<int64_t>(info->fields.size()) ? info->fields[i] + "=" + r : r;
  }
  return str_value(out + ")");
}

Value seq_getattr(Value* args, int64_t nargs, TupleObject*) {
  TupleObject* t = as_tuple(args[0]);
  if (nargs == 2 && is_str(args[1])) {
    if (const SeqInfo* info = info_of(t->type)) {
      for (size_t i = 0; i < info->fields.size(); ++i)
        if (info->fields[i] == as_str(args[1])->view()) return t->items[i];
    }
  }
  return generic_get_attr(args[0], as_str(args[1]), false);
}

// T(sequence): a struct sequence from exactly as many items as the type has fields.
Value seq_new(Value* args, int64_t nargs, TupleObject* kwnames) {
  if (nargs < 2 || (kwnames && kwnames->size)) return raise_msg(TypeErrorType, "structseq() missing required argument 'sequence' (pos 1)");
  Value cls = args[0];
  if (!cls.is_obj() || !has(type_of(cls), TypeFlag::TypeSubclass))
    return raise_fmt(TypeErrorType, "structseq.__new__(X): X is not a type object (%s)", type_name(cls));
  auto* type = static_cast<TypeObject*>(cls.as_obj());
  const SeqInfo* info = info_of(type);
  if (!info) {
    // Only the struct sequence types themselves (a subclass of one has no field table).
    TypeObject* base = type;
    while (base && !info_of(base)) base = base->base;
    const char* bname = base ? base->name : "structseq";
    return raise_fmt(TypeErrorType, "%s.__new__(%s): %s is not a subtype of %s", bname, type->name, type->name, bname);
  }
  Value items = sequence_to_tuple(args[1]);
  if (items.is_empty_slot()) return Value();
  TupleObject* t = as_tuple(items);
  int64_t n = info ? static_cast<int64_t>(info->fields.size()) : t->size;
  if (t->size != n)
    return raise_fmt(TypeErrorType, "%s() takes a %lld-sequence (%lld-sequence given)", type->name,
                     static_cast<long long>(n), static_cast<long long>(t->size));
  auto* copy = static_cast<TupleObject*>(allocate_object(type, sizeof(TupleObject) + t->size * sizeof(Value)));
  if (!copy) return raise_memory_error();
  copy->size = t->size;
  copy->hash = -1;
  std::memcpy(copy->items, t->items, t->size * sizeof(Value));
  return Value::from_obj(copy);
}

const NativeMethodDef kSeqNew[] = {
    {"__new__", seq_new, NativeMethodDef::Kind::StaticMethod},
};

const NativeMethodDef kSeqMethods[] = {
    {"__repr__", seq_repr},
    {"__getattribute__", seq_getattr},
};

// SimpleNamespace: attributes in an instance dict; repr namespace(a=1, b=2).
struct NamespaceObject : Object {
  DictObject* dict;
};
TypeObject* g_namespace_type = nullptr;

Value ns_repr(Value* args, int64_t, TupleObject*) {
  auto* n = static_cast<NamespaceObject*>(args[0].as_obj());
  std::string out = "namespace(";
  int64_t pos = 0;
  Value k, v;
  bool first = true;
  while (n->dict && dict_next(n->dict, &pos, &k, &v)) {
    if (!first) out += ", ";
    first = false;
    std::string r;
    if (!repr_string(v, &r)) return Value();
    out += std::string(as_str(k)->view()) + "=" + r;
  }
  return str_value(out + ")");
}

Value ns_init(Value* args, int64_t nargs, TupleObject* kwnames) {
  auto* n = static_cast<NamespaceObject*>(args[0].as_obj());
  if (nargs > 1) return raise_fmt(TypeErrorType, "SimpleNamespace() takes no positional arguments");
  if (!n->dict) n->dict = new_dict();
  for (int64_t i = 0; kwnames && i < kwnames->size; ++i) dict_set(n->dict, kwnames->items[i], args[nargs + i]);
  return None;
}

void visit_namespace(Object* self, Visitor& v) { v.visit(static_cast<NamespaceObject*>(self)->dict); }

const NativeMethodDef kNsMethods[] = {
    {"__repr__", ns_repr},
    {"__init__", ns_init},
};

}  // namespace

TypeObject* new_struct_seq_type(const char* name, std::vector<const char*> fields, bool constructible) {
  auto* t = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
  t->name = name;
  t->base = TupleType;
  t->flags = TypeFlag::Immutable;
  finish_builtin_type(t, sizeof(TupleObject), nullptr, TupleType->visit);
  add_methods(t, kSeqMethods);
  if (constructible) add_methods(t, kSeqNew);
  SeqInfo info{t, {}};
  for (const char* f : fields) info.fields.emplace_back(f);
  if (seq_infos().empty())
    add_runtime_root_hook([](Visitor& v) {
      for (const SeqInfo& s : seq_infos()) v.visit(s.type);
    });
  seq_infos().push_back(std::move(info));
  return t;
}

Value new_struct_seq(TypeObject* type, std::initializer_list<Value> items) {
  TupleObject* t = tuple_of(items);
  if (!t) return Value();
  // A fresh tuple object of the struct-sequence type (never the shared empty tuple).
  auto* copy = static_cast<TupleObject*>(allocate_object(type, sizeof(TupleObject) + t->size * sizeof(Value)));
  if (!copy) return raise_memory_error();
  copy->size = t->size;
  copy->hash = -1;
  std::memcpy(copy->items, t->items, t->size * sizeof(Value));
  return Value::from_obj(copy);
}

TypeObject* simple_namespace_type() {
  if (!g_namespace_type) {
    g_namespace_type = static_cast<TypeObject*>(allocate_object(TypeType, sizeof(TypeObject)));
    g_namespace_type->name = "types.SimpleNamespace";
    g_namespace_type->base = ObjectType;
    g_namespace_type->flags = TypeFlag::BaseType | TypeFlag::HasDict;
    finish_builtin_type(g_namespace_type, sizeof(NamespaceObject), nullptr, visit_namespace);
    g_namespace_type->alloc = [](TypeObject* t) -> Object* {
      Object* o = allocate_object(t, t->basic_size);
      if (!o) raise_memory_error();
      return o;
    };
    g_namespace_type->dict_offset = offsetof(NamespaceObject, dict);
    add_methods(g_namespace_type, kNsMethods);
    add_runtime_root_hook([](Visitor& v) { v.visit(g_namespace_type); });
  }
  return g_namespace_type;
}

Value new_namespace(std::initializer_list<std::pair<const char*, Value>> attrs) {
  TypeObject* t = simple_namespace_type();
  auto* n = static_cast<NamespaceObject*>(allocate_object(t, sizeof(NamespaceObject)));
  if (!n) return raise_memory_error();
  n->dict = new_dict();
  for (auto& [k, v] : attrs)
    if (!dict_set_str(n->dict, intern(k), v)) return Value();
  return Value::from_obj(n);
}

std::string executable_path() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, n);
}

std::vector<std::string> module_search_path(const Config& cfg) {
  std::vector<std::string> path;
  if (!cfg.safe_path) {
    if (cfg.run == Config::Run::File) {
      std::string dir = cfg.program;
      char resolved[4096];
      if (::realpath(cfg.program.c_str(), resolved)) dir = resolved;
      size_t slash = dir.rfind('/');
      path.push_back(slash == std::string::npos ? "" : dir.substr(0, slash));
    } else if (cfg.run == Config::Run::Module) {
      char cwd[4096];
      path.push_back(::getcwd(cwd, sizeof cwd) ? cwd : "");
    } else {
      path.push_back("");
    }
  }
  for (const std::string& p : cfg.python_path) path.push_back(p);
  const char* override_lib = cfg.ignore_environment ? nullptr : std::getenv("COILSTDLIB");
  std::string stdlib = override_lib && *override_lib ? override_lib : COIL_HOST_STDLIB;
  path.push_back(std::string(COIL_SOURCE_ROOT) + "/stdlib/lib");
  path.push_back(stdlib);
  path.push_back(stdlib + "/lib-dynload");
  return path;
}

bool init_sys_structs(ModuleObject* sys, const Config& cfg) {
  TypeObject* vi = new_struct_seq_type("sys.version_info", {"major", "minor", "micro", "releaselevel", "serial"});
  Value version_info = new_struct_seq(vi, {Value::from_small_int(3), Value::from_small_int(11),
                                           Value::from_small_int(py_micro()), str_value("final"), Value::from_small_int(0)});
  bool ok = module_add(sys, "version_info", version_info);
  std::string cv = coil_version();
  int cmaj = 0, cmin = 0, cmic = 0;
  std::sscanf(cv.c_str(), "%d.%d.%d", &cmaj, &cmin, &cmic);
  Value impl_version = new_struct_seq(vi, {Value::from_small_int(cmaj), Value::from_small_int(cmin),
                                           Value::from_small_int(cmic), str_value("alpha"), Value::from_small_int(0)});
  ok = ok && module_add(sys, "implementation",
                        new_namespace({{"name", str_value("coil")},
                                       {"cache_tag", str_value("coil-311")},
                                       {"version", impl_version},
                                       {"hexversion", Value::from_small_int((cmaj << 24) | (cmin << 16) | (cmic << 8) | 0xA0)},
                                       {"_multiarch", str_value("x86_64-linux-gnu")}}));
  TypeObject* ft = new_struct_seq_type("sys.flags", {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                                                     "no_user_site", "no_site", "ignore_environment", "verbose",
                                                     "bytes_warning", "quiet", "hash_randomization", "isolated",
                                                     "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
                                                     "int_max_str_digits"});
  auto I = [](int64_t v) { return Value::from_small_int(v); };
  bool hash_random = cfg.hash_seed.empty() || cfg.hash_seed == "random" ? true : cfg.hash_seed != "0";
  ok = ok && module_add(sys, "flags",
                        new_struct_seq(ft, {I(cfg.debug), I(cfg.inspect), I(cfg.interactive), I(cfg.optimize),
                                            I(cfg.dont_write_bytecode), I(cfg.no_user_site), I(cfg.no_site),
                                            I(cfg.ignore_environment), I(cfg.verbose), I(cfg.bytes_warning),
                                            I(cfg.quiet), I(hash_random ? 1 : 0), I(cfg.isolated),
                                            bool_value(cfg.dev_mode), I(cfg.utf8_mode), I(0),
                                            bool_value(cfg.safe_path), I(cfg.int_max_str_digits)}));
  TypeObject* it = new_struct_seq_type("sys.int_info", {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                                        "str_digits_check_threshold"});
  ok = ok && module_add(sys, "int_info", new_struct_seq(it, {I(30), I(4), I(4300), I(640)}));
  TypeObject* fl = new_struct_seq_type("sys.float_info", {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                                          "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"});
  ok = ok && module_add(sys, "float_info",
                        new_struct_seq(fl, {float_value(DBL_MAX), I(DBL_MAX_EXP), I(DBL_MAX_10_EXP), float_value(DBL_MIN),
                                            I(DBL_MIN_EXP), I(DBL_MIN_10_EXP), I(DBL_DIG), I(DBL_MANT_DIG),
                                            float_value(DBL_EPSILON), I(FLT_RADIX), I(1)}));
  TypeObject* ht = new_struct_seq_type("sys.hash_info", {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                                         "hash_bits", "seed_bits", "cutoff"});
  ok = ok && module_add(sys, "hash_info",
                        new_struct_seq(ht, {I(64), I((int64_t(1) << 61) - 1), I(314159), I(0), I(1000003),
                                            str_value("siphash13"), I(64), I(128), I(0)}));
  return ok;
}

}  // namespace coil::lib
