// type_methods.cpp — registers the methods of the built-in types (each group in its own
// file: int_methods.cpp, str_methods.cpp, list_methods.cpp, ...).
#include "runtime/builtin_types.h"
#include "runtime/builtin_iterators.h"
#include "runtime/descriptors.h"
#include "runtime/iterator_reduce.h"
#include "runtime/number.h"

namespace coil::rt {

void init_range_slice_methods();
void init_constant_types();  // constant_types.cpp
void init_str_methods();    // str_methods.cpp
void init_bytes_methods();  // bytes_methods.cpp
void init_list_methods();   // list_methods.cpp
void init_tuple_methods();  // tuple_methods.cpp
void init_dict_methods();   // dict_methods.cpp
void init_dict_views();     // dict_views.cpp
void init_set_storage();    // set.cpp
void init_set_methods();    // set_methods.cpp
void init_builtin_reduce();  // builtin_reduce.cpp

void init_union_type();       // union_type.cpp
void init_memoryview_type();  // memoryview.cpp

void init_type_methods() {
  init_union_type();
  init_memoryview_type();
  init_builtin_iterator_types();
  init_range_slice_methods();
  init_descriptor_types();
  init_function_attributes();
  init_constant_types();
  init_str_methods();
  init_bytes_methods();
  init_int_methods();
  init_float_methods();
  init_complex_type();
  init_list_methods();
  init_tuple_methods();
  init_dict_methods();
  init_dict_views();
  init_set_storage();
  init_set_methods();
  init_iterator_reduce();  // last: these add to the types set up above
  init_builtin_reduce();
}

}  // namespace coil::rt
