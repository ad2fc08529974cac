// type_methods.cpp — registers the methods of the built-in types (each group in its own
// file: int_methods.cpp, str_methods.cpp, list_methods.cpp, ...).
#include "runtime/builtin_types.h"

namespace coil::rt {

void init_list_methods();
void init_tuple_methods();
void init_dict_methods();
void init_dict_views();
void init_set_storage();
void init_set_methods();

void init_type_methods() {
  init_list_methods();
  init_tuple_methods();
  init_dict_methods();
  init_dict_views();
  init_set_storage();
  init_set_methods();
}

}  // namespace coil::rt
