// type_methods.cpp — registers the methods of the built-in types (each group in its own
// file: int_methods.cpp, str_methods.cpp, list_methods.cpp, ...).
#include "runtime/builtin_types.h"
#include "runtime/builtin_iterators.h"
#include "runtime/descriptors.h"

namespace coil::rt {

void init_range_slice_methods();
void init_bool_constructor();  // constant_types.cpp
void init_str_methods();    // str_methods.cpp
void init_bytes_methods();  // bytes_methods.cpp

void init_type_methods() {
  init_builtin_iterator_types();
  init_range_slice_methods();
  init_descriptor_types();
  init_function_attributes();
  init_bool_constructor();
  init_str_methods();
  init_bytes_methods();
}

}  // namespace coil::rt
