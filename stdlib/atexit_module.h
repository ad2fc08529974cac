// atexit_module.h — running the callbacks registered with atexit.register at interpreter exit.
#pragma once

namespace coil::lib {

// Runs the registered callbacks, last registered first, and forgets them; a failing callback
// is reported as "Exception ignored in atexit callback: ..." and the others still run.
void run_exit_functions();

}  // namespace coil::lib
