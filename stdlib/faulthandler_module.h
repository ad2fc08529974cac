// faulthandler_module.h — what the runtime calls of the faulthandler module.
#pragma once

namespace coil::lib {

// At interpreter exit: cancels a pending dump_traceback_later and restores the signal handlers.
void faulthandler_fini();

}  // namespace coil::lib
