// struct_sequence.h — named tuples of the runtime (sys.version_info, sys.flags, ...) and
// types.SimpleNamespace (sys.implementation).
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "runtime/config.h"
#include "runtime/module.h"
#include "runtime/tuple.h"

namespace coil::lib {

// A tuple type whose items are also attributes (`name` is "sys.version_info"); `constructible`:
// T(sequence) makes instances.
rt::TypeObject* new_struct_seq_type(const char* name, std::vector<const char*> fields, bool constructible = false);
rt::Value new_struct_seq(rt::TypeObject* type, std::initializer_list<rt::Value> items);
// A SimpleNamespace with the given attributes.
rt::Value new_namespace(std::initializer_list<std::pair<const char*, rt::Value>> attrs);
rt::TypeObject* simple_namespace_type();

// Fills sys.version_info, implementation, flags, int_info, float_info, hash_info.
bool init_sys_structs(rt::ModuleObject* sys, const rt::Config& cfg);
// sys.path as the configuration and environment give it.
std::vector<std::string> module_search_path(const rt::Config& cfg);
// sys.executable: the absolute path of the running binary as invoked.
std::string executable_path();
// sys.builtin_module_names.
rt::TupleObject* builtin_module_names();

}  // namespace coil::lib
