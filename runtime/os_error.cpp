// os_error.cpp — OSError from C errno values: CPython's errno -> subclass table and the
// helpers natives use to raise it with file names.
#include "runtime/os_error.h"

#include <cerrno>
#include <cstring>

#include "runtime/exceptions.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/tuple.h"

namespace coil::rt {

TypeObject* os_error_type_for_errno(int err) {
  switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return BlockingIOErrorType;
    case ECHILD: return ChildProcessErrorType;
    case EPIPE: case ESHUTDOWN: return BrokenPipeErrorType;
    case ECONNABORTED: return ConnectionAbortedErrorType;
    case ECONNREFUSED: return ConnectionRefusedErrorType;
    case ECONNRESET: return ConnectionResetErrorType;
    case EEXIST: return FileExistsErrorType;
    case ENOENT: return FileNotFoundErrorType;
    case EISDIR: return IsADirectoryErrorType;
    case ENOTDIR: return NotADirectoryErrorType;
    case EINTR: return InterruptedErrorType;
    case EACCES: case EPERM: return PermissionErrorType;
    case ESRCH: return ProcessLookupErrorType;
    case ETIMEDOUT: return TimeoutErrorType;
    default: return OSErrorType;
  }
}

Value raise_os_error(int err, Value filename, Value filename2) {
  TupleObject* args;
  Value code = Value::from_small_int(err), msg = str_value(std::strerror(err));
  if (filename2.is_empty_slot()) {
    args = filename.is_empty_slot() ? tuple_of({code, msg}) : tuple_of({code, msg, filename});
  } else {
    args = tuple_of({code, msg, filename.is_empty_slot() ? None : filename, None, filename2});
  }
  if (!args) return Value();
  ExceptionObject* e = new_exception(os_error_type_for_errno(err), args);
  if (!e || !init_special(e, args)) return Value();
  return raise(Value::from_obj(e));
}

Value raise_errno(Value filename, Value filename2) { return raise_os_error(errno, filename, filename2); }

}  // namespace coil::rt
