// posix_support.h — what the posix module's files share: path and fd arguments converted
// the way CPython's path_converter does (str / bytes / os.PathLike / int fd), file names
// decoded with surrogateescape, OSError raised with the argument as its filename.
#pragma once

#include <string>
#include <string_view>

#include "runtime/native_module.h"

namespace coil::lib::posix {

// One converted path argument.
struct PathArg {
  std::string path;                  // the bytes handed to the OS
  rt::Value object = rt::Value();    // the str or bytes given (the OSError filename); None if None
  int fd = -1;                       // the file descriptor, when is_fd
  bool is_fd = false;                // an int file descriptor was given
  bool is_bytes = false;             // results (listdir, readlink...) are bytes
  bool given = false;                // false when the argument was absent or None
};

enum class PathKind { Plain, AllowFd, Nullable, NullableFd };

// Converts `v` (for parameter `argname` of `fname`); false with TypeError / ValueError
// pending ("stat: path should be string, bytes, os.PathLike or integer, not list").
bool path_arg(const char* fname, const char* argname, rt::Value v, PathKind kind, PathArg* out);
// os.fspath(v): str or bytes unchanged, else __fspath__(); empty Value with TypeError pending.
rt::Value fspath(rt::Value v);
// A file name from the OS as str (utf-8, surrogateescape) or bytes.
rt::Value fs_name(std::string_view name, bool as_bytes);
// A file descriptor argument (__index__, C int range); false with an exception pending.
bool fd_arg(rt::Value v, int* fd);
// A C int argument ("integer argument expected, got float"); false with an exception pending.
bool int_arg(rt::Value v, int* out);
// Raises OSError for errno with the path's object as filename. Returns empty.
rt::Value path_error(const PathArg& p);
rt::Value path_error2(const PathArg& a, const PathArg& b);

// The posix function tables of each area (posix_*.cpp); posix_module.cpp adds them all.
struct FunctionTable {
  const rt::NativeFunctionDef* defs;
  size_t count;
};
FunctionTable stat_functions();
FunctionTable dir_functions();
FunctionTable fd_functions();
FunctionTable proc_functions();
// The module-level types and constants of each area.
bool init_stat_types(rt::ModuleObject* m);
bool init_dir_types(rt::ModuleObject* m);
bool init_fd_constants(rt::ModuleObject* m);
bool init_proc_types(rt::ModuleObject* m);

}  // namespace coil::lib::posix
