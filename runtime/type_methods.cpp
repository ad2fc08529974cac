// type_methods.cpp — registers the methods of the built-in types (each group in its own
// file: int_methods.cpp, str_methods.cpp, list_methods.cpp, ...).
#include "runtime/builtin_types.h"
#include "runtime/number.h"

namespace coil::rt {

void init_str_methods();    // str_methods.cpp
void init_bytes_methods();  // bytes_methods.cpp

void init_type_methods() {
  init_str_methods();
  init_bytes_methods();
  init_int_methods();
  init_float_methods();
  init_complex_type();
}

}  // namespace coil::rt
