// atexit_module.h — running the `atexit` callbacks at interpreter exit.
#pragma once

namespace coil::lib {

// Calls the registered callbacks, last registered first, printing each error the way CPython
// does ("Exception ignored in atexit callback: ..."), then forgets them.
void run_exit_functions();

}  // namespace coil::lib
