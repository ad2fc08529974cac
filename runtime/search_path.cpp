// search_path.cpp — the executable, the libraries and sys.path, found without any
// environment variable and through symlinks (a venv's bin/coil):
//   Coil's stdlib/lib is found from the real location of the binary (the build directory
//   sits in the source tree), falling back to the configure-time source root;
//   CPython's library is --stdlib DIR, else COILSTDLIB (unless -E/-I), else the
//   configure-time directory; sys.prefix is the prefix that library belongs to.
// sys.path: the script's directory ('' for -c and stdin, the current directory for -m;
// nothing with -P; inserted after `site` ran), PYTHONPATH (unless -E/-I), Coil's stdlib/lib, the CPython library
// and its lib-dynload. site-packages are added by the `site` module at start-up.
#include "runtime/search_path.h"

#include <climits>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

#include "coil_config.h"

namespace coil::rt {

namespace {

bool exists(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0;
}

std::string dirname(const std::string& p) {
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : p.substr(0, slash);
}

std::string realpath_or(const std::string& p) {
  char buf[PATH_MAX];
  return ::realpath(p.c_str(), buf) ? std::string(buf) : p;
}

std::string cwd() {
  char buf[PATH_MAX];
  return ::getcwd(buf, sizeof buf) ? std::string(buf) : "";
}

std::string absolute(const std::string& p) { return p.empty() || p[0] == '/' ? p : cwd() + "/" + p; }

// argv[0] as CPython makes sys.executable: absolute, looked up on PATH when it has no
// slash, symlinks not resolved.
std::string find_executable(const std::string& argv0) {
  if (argv0.find('/') != std::string::npos) return argv0[0] == '/' ? argv0 : cwd() + "/" + argv0;
  if (const char* path = std::getenv("PATH")) {
    std::string p = path;
    size_t start = 0;
    while (start <= p.size()) {
      size_t colon = p.find(':', start);
      std::string dir = p.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      std::string cand = (dir.empty() ? cwd() : dir) + "/" + argv0;
      if (::access(cand.c_str(), X_OK) == 0) return cand[0] == '/' ? cand : cwd() + "/" + cand;
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, n) : argv0;
}

std::string self_exe() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, n) : "";
}

// Coil's own library: <real binary dir>/../stdlib/lib (a build directory inside the
// source tree), else the source root known at configure time.
std::string find_coil_lib() {
  std::string exe = self_exe();
  if (!exe.empty()) {
    std::string cand = dirname(dirname(exe)) + "/stdlib/lib";
    if (exists(cand + "/_coil_importlib.py")) return cand;
  }
  return std::string(COIL_SOURCE_ROOT) + "/stdlib/lib";
}

}  // namespace

const InterpreterPaths& interpreter_paths(const Config& cfg) {
  static InterpreterPaths* paths = nullptr;
  if (paths) return *paths;
  paths = new InterpreterPaths();
  InterpreterPaths& p = *paths;
  p.executable = find_executable(cfg.executable);
  // A venv (pyvenv.cfg beside the link or one directory up): the base is the real binary.
  std::string exe_dir = dirname(p.executable);
  bool venv = exists(exe_dir + "/pyvenv.cfg") || exists(dirname(exe_dir) + "/pyvenv.cfg");
  p.base_executable = venv ? realpath_or(p.executable) : p.executable;
  p.coil_lib = find_coil_lib();
  const char* env_lib = cfg.ignore_environment ? nullptr : std::getenv("COILSTDLIB");
  if (!cfg.host_stdlib.empty()) p.host_stdlib = cfg.host_stdlib;
  else if (env_lib && *env_lib) p.host_stdlib = env_lib;
  else p.host_stdlib = COIL_HOST_STDLIB;
  // <prefix>/lib/python3.11
  p.prefix = dirname(dirname(p.host_stdlib));
  if (p.prefix.empty()) p.prefix = "/";
  if (!cfg.safe_path) {
    p.has_path0 = true;
    if (cfg.run == Config::Run::File) p.path0 = dirname(realpath_or(absolute(cfg.program)));
    else if (cfg.run == Config::Run::Module) p.path0 = cwd();
  }
  for (const std::string& d : cfg.python_path) p.sys_path.push_back(d);
  p.sys_path.push_back(p.coil_lib);
  p.sys_path.push_back(p.host_stdlib);
  p.sys_path.push_back(p.host_stdlib + "/lib-dynload");
  return p;
}

}  // namespace coil::rt
