// cli.cpp — the `coil` command line: CPython 3.11's options and messages, plus --jit and --dump.
//
// Parsing follows CPython's getopt: short options may be grouped (`-uc cmd`), an option's
// argument may be attached (`-Wignore`, `-cprint(1)`), and `-c`, `-m`, a file name or `-`
// end the option list; everything after it goes to sys.argv. Errors print CPython's text
// and exit 2.
#include "runtime/cli.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <unistd.h>

#include "coil_config.h"
#include "jit/options.h"
#include "runtime/config.h"
#include "runtime/run.h"
#include "runtime/version.h"

namespace coil::rt {

namespace {

const char kUsageLine[] = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

const char kHelpText[] =
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
    "         and comparing bytes/bytearray with str. (-bb: issue errors)\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : turn on parser debugging output (for experts only, only works on\n"
    "         debug builds); also PYTHONDEBUG=x\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
    "-I     : isolate Python from the user's environment (implies -E and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n"
    "         .pyc extension; also PYTHONOPTIMIZE=x\n"
    "-OO    : do -O changes and also discard docstrings; add .opt-2 before\n"
    "         .pyc extension\n"
    "-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-v     : verbose (trace import statements); also PYTHONVERBOSE=x\n"
    "         can be supplied multiple times to increase verbosity\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "         also PYTHONWARNINGS=arg\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         control how Python invalidates hash-based .pyc files\n"
    "--help-env      : print help about Python environment variables and exit\n"
    "--help-xoptions : print help about implementation-specific -X options and exit\n"
    "--help-all      : print complete help information and exit\n"
    "Coil options:\n"
    "--jit off|help|name=value,... : JIT tunables (also COIL_JIT=...; see --jit help)\n"
    "--dump tokens|ast|bytecode FILE : print the frontend's view of FILE and exit\n"
    "--stdlib DIR : the CPython 3.11 standard library to import from (also COILSTDLIB)\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

const char kHelpEnv[] =
    "Environment variables that change behavior:\n"
    "PYTHONSTARTUP: file executed on interactive startup (no default)\n"
    "PYTHONPATH   : ':'-separated list of directories prefixed to the\n"
    "               default module search path.  The result is sys.path.\n"
    "PYTHONSAFEPATH: don't prepend a potentially unsafe path to sys.path.\n"
    "PYTHONHOME   : alternate <prefix> directory (or <prefix>:<exec_prefix>).\n"
    "               The default module search path uses <prefix>/lib/pythonX.X.\n"
    "PYTHONPLATLIBDIR : override sys.platlibdir.\n"
    "PYTHONCASEOK : ignore case in 'import' statements (Windows).\n"
    "PYTHONUTF8: if set to 1, enable the UTF-8 mode.\n"
    "PYTHONIOENCODING: Encoding[:errors] used for stdin/stdout/stderr.\n"
    "PYTHONFAULTHANDLER: dump the Python traceback on fatal errors.\n"
    "PYTHONHASHSEED: if this variable is set to 'random', a random value is used\n"
    "   to seed the hashes of str and bytes objects.  It can also be set to an\n"
    "   integer in the range [0,4294967295] to get hash values with a\n"
    "   predictable seed.\n"
    "PYTHONINTMAXSTRDIGITS: limits the maximum digit characters in an int value\n"
    "   when converting from a string and when converting an int back to a str.\n"
    "   A value of 0 disables the limit.  Conversions to or from bases 2, 4, 8,\n"
    "   16, and 32 are never limited.\n"
    "PYTHONMALLOC: set the Python memory allocators and/or install debug hooks\n"
    "   on Python memory allocators. Use PYTHONMALLOC=debug to install debug\n"
    "   hooks.\n"
    "PYTHONCOERCECLOCALE: if this variable is set to 0, it disables the locale\n"
    "   coercion behavior. Use PYTHONCOERCECLOCALE=warn to request display of\n"
    "   locale coercion and locale compatibility warnings on stderr.\n"
    "PYTHONBREAKPOINT: if this variable is set to 0, it disables the default\n"
    "   debugger. It can be set to the callable of your debugger of choice.\n"
    "PYTHONDEVMODE: enable the development mode.\n"
    "PYTHONPYCACHEPREFIX: root directory for bytecode cache (pyc) files.\n"
    "PYTHONWARNDEFAULTENCODING: enable opt-in EncodingWarning for 'encoding=None'.\n"
    "PYTHONNODEBUGRANGES: If this variable is set, it disables the inclusion of the \n"
    "   tables mapping extra location information (end line, start column offset \n"
    "   and end column offset) to every instruction in code objects. This is useful \n"
    "   when smaller code objects and pyc files are desired as well as suppressing the \n"
    "   extra visual location indicators when the interpreter displays tracebacks.\n"
    "These variables have equivalent command-line parameters (see --help for details):\n"
    "PYTHONDEBUG             : enable parser debug mode (-d)\n"
    "PYTHONDONTWRITEBYTECODE : don't write .pyc files (-B)\n"
    "PYTHONINSPECT           : inspect interactively after running script (-i)\n"
    "PYTHONINTMAXSTRDIGITS   : limit max digit characters in an int value\n"
    "                          (-X int_max_str_digits=number)\n"
    "PYTHONNOUSERSITE        : disable user site directory (-s)\n"
    "PYTHONOPTIMIZE          : enable level 1 optimizations (-O)\n"
    "PYTHONUNBUFFERED        : disable stdout/stderr buffering (-u)\n"
    "PYTHONVERBOSE           : trace import statements (-v)\n"
    "PYTHONWARNINGS=arg      : warning control (-W arg)\n"
    "COILSTDLIB   : CPython 3.11 standard library directory Coil imports from\n"
    "               (default: found at configure time)\n"
    "COIL_JIT     : JIT tunables, as for --jit\n"
    "COILLOG      : JIT log categories (jit-summary, jit-log-opt:FILE, ...)\n";

const char kHelpX[] =
    "The following implementation-specific options are available:\n"
    "-X dev: enable CPython's \"development mode\"\n"
    "-X utf8: enable UTF-8 mode for operating system interfaces\n"
    "-X int_max_str_digits=number: limit the size of int<->str conversions.\n"
    "-X warn_default_encoding: enable opt-in EncodingWarning for 'encoding=None'\n";

struct UsageError {
  std::string message;  // printed before the usage line; empty for none
};

class Parser {
 public:
  Parser(int argc, char** argv) : argc_(argc), argv_(argv) {
    cfg_.executable = argc > 0 ? argv[0] : "coil";
    for (int i = 0; i < argc; ++i) cfg_.orig_argv.push_back(argv[i]);
  }

  // Returns -1 to go on running the program, or an exit code to stop with.
  int parse(Config& out);

 private:
  int parse_options();
  int long_option(std::string_view opt, int& i);
  std::string take_argument(char opt, const char* rest, int& i);
  void read_environment();
  const char* env(const char* name) const {
    const char* v = cfg_.ignore_environment ? nullptr : std::getenv(name);
    return v && *v ? v : nullptr;
  }

  int argc_;
  char** argv_;
  Config cfg_;
  int version_count_ = 0;
  bool help_ = false;
  std::string jit_arg_;
  bool have_jit_arg_ = false;
};

std::string Parser::take_argument(char opt, const char* rest, int& i) {
  if (*rest) return rest;
  if (i + 1 < argc_) return argv_[++i];
  throw UsageError{std::string("Argument expected for the -") + opt + " option"};
}

int Parser::long_option(std::string_view opt, int& i) {
  auto next_arg = [&](const char* what) -> std::string {
    if (i + 1 >= argc_) throw UsageError{std::string("Argument expected for the ") + what + " option"};
    return argv_[++i];
  };
  if (opt == "--help" || opt == "--help-all") { help_ = true; return -1; }
  if (opt == "--version") { ++version_count_; return -1; }
  if (opt == "--help-env") { std::fputs(kHelpEnv, stdout); return 0; }
  if (opt == "--help-xoptions") { std::fputs(kHelpX, stdout); return 0; }
  if (opt == "--check-hash-based-pycs") {
    std::string v = next_arg("--check-hash-based-pycs");
    if (v != "always" && v != "default" && v != "never")
      throw UsageError{"--check-hash-based-pycs must be one of 'default', 'always', or 'never'"};
    cfg_.check_hash_based_pycs = v;
    return -1;
  }
  if (opt == "--jit") { jit_arg_ = next_arg("--jit"); have_jit_arg_ = true; return -1; }
  if (opt == "--stdlib") { cfg_.host_stdlib = next_arg("--stdlib"); return -1; }
  if (opt == "--dump") {
    std::string kind = next_arg("--dump");
    if (kind == "tokens") cfg_.dump = Config::Dump::Tokens;
    else if (kind == "ast") cfg_.dump = Config::Dump::Ast;
    else if (kind == "bytecode") cfg_.dump = Config::Dump::Bytecode;
    else throw UsageError{"--dump takes tokens, ast or bytecode, not '" + kind + "'"};
    return -1;
  }
  throw UsageError{"unknown option " + std::string(opt)};
}

// Walks the options; stops at the program (-c/-m/file/-). Returns -1 or an exit code.
int Parser::parse_options() {
  int i = 1;
  for (; i < argc_; ++i) {
    const char* a = argv_[i];
    if (a[0] != '-' || a[1] == '\0') break;  // a file name, or "-" for stdin
    if (std::strcmp(a, "--") == 0) { ++i; break; }
    if (a[1] == '-') {
      int rc = long_option(a, i);
      if (rc >= 0) return rc;
      continue;
    }
    for (const char* p = a + 1; *p; ++p) {
      char c = *p;
      switch (c) {
        case 'c':
          cfg_.run = Config::Run::Command;
          cfg_.program = take_argument('c', p + 1, i);
          cfg_.argv.push_back("-c");
          goto program_found;
        case 'm':
          cfg_.run = Config::Run::Module;
          cfg_.program = take_argument('m', p + 1, i);
          cfg_.argv.push_back("-m");
          goto program_found;
        case 'W': cfg_.warnoptions.push_back(take_argument('W', p + 1, i)); goto next_arg;
        case 'X': cfg_.xoptions.push_back(take_argument('X', p + 1, i)); goto next_arg;
        case 'b': ++cfg_.bytes_warning; break;
        case 'B': cfg_.dont_write_bytecode = 1; break;
        case 'd': ++cfg_.debug; break;
        case 'E': cfg_.ignore_environment = 1; break;
        case 'h': case '?': help_ = true; break;
        case 'i': cfg_.inspect = cfg_.interactive = 1; break;
        case 'I': cfg_.isolated = cfg_.ignore_environment = cfg_.no_user_site = cfg_.safe_path = 1; break;
        case 'O': ++cfg_.optimize; break;
        case 'P': cfg_.safe_path = 1; break;
        case 'q': cfg_.quiet = 1; break;
        case 's': cfg_.no_user_site = 1; break;
        case 'S': cfg_.no_site = 1; break;
        case 'u': cfg_.unbuffered = 1; break;
        case 'v': ++cfg_.verbose; break;
        case 'V': ++version_count_; break;
        case 'x': cfg_.skip_first_line = 1; break;
        case 'R': break;  // hash randomization is on by default since 3.3
        default:
          throw UsageError{std::string("Unknown option: -") + c};
      }
    }
  next_arg:;
  }
  // No -c / -m: a file name, "-", or nothing (stdin).
  if (i < argc_) {
    if (std::strcmp(argv_[i], "-") == 0) {
      cfg_.run = Config::Run::Stdin;
      cfg_.argv.push_back("-");
    } else {
      cfg_.run = Config::Run::File;
      cfg_.program = argv_[i];
      cfg_.argv.push_back(argv_[i]);
    }
    ++i;
  } else {
    cfg_.run = Config::Run::Stdin;
    cfg_.argv.push_back("");
  }
  for (; i < argc_; ++i) cfg_.argv.push_back(argv_[i]);
  return -1;

program_found:
  for (++i; i < argc_; ++i) cfg_.argv.push_back(argv_[i]);
  return -1;
}

void Parser::read_environment() {
  if (env("PYTHONUNBUFFERED")) cfg_.unbuffered = 1;
  if (const char* v = env("PYTHONUTF8"); v && std::string_view(v) == "1") cfg_.utf8_mode = 1;
  if (env("PYTHONDONTWRITEBYTECODE")) cfg_.dont_write_bytecode = 1;
  if (env("PYTHONNOUSERSITE")) cfg_.no_user_site = 1;
  if (env("PYTHONSAFEPATH")) cfg_.safe_path = 1;
  if (env("PYTHONINSPECT")) cfg_.inspect = 1;
  if (const char* v = env("PYTHONOPTIMIZE")) {
    int n = std::atoi(v);
    cfg_.optimize = std::max(cfg_.optimize, n > 0 ? n : 1);
  }
  if (const char* v = env("PYTHONVERBOSE")) {
    int n = std::atoi(v);
    cfg_.verbose = std::max(cfg_.verbose, n > 0 ? n : 1);
  }
  if (const char* v = env("PYTHONHASHSEED")) cfg_.hash_seed = v;
  if (const char* v = env("PYTHONINTMAXSTRDIGITS")) cfg_.int_max_str_digits = std::atoi(v);
  if (const char* v = env("PYTHONWARNINGS")) {
    // Environment options come before the -W ones, in their own order (CPython's priority:
    // later entries win).
    std::string s = v;
    size_t start = 0, at = 0;
    while (start <= s.size()) {
      size_t comma = s.find(',', start);
      std::string item = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!item.empty()) cfg_.warnoptions.insert(cfg_.warnoptions.begin() + at++, item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (const char* v = env("PYTHONPATH")) {
    std::string s = v;
    size_t start = 0;
    while (true) {
      size_t colon = s.find(':', start);
      cfg_.python_path.push_back(s.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  for (const std::string& x : cfg_.xoptions) {
    if (x == "dev") cfg_.dev_mode = true;
    else if (x == "utf8" || x == "utf8=1") cfg_.utf8_mode = 1;
    else if (x == "utf8=0") cfg_.utf8_mode = 0;
    else if (x.rfind("int_max_str_digits=", 0) == 0) {
      std::string v = x.substr(19);
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end || (n != 0 && n < 640))
        throw UsageError{"-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited."};
      cfg_.int_max_str_digits = static_cast<int>(n);
    }
  }
  if (const char* v = env("PYTHONDEVMODE"); v && *v) cfg_.dev_mode = true;
  // sys.warnoptions as CPython builds it: -X dev's "default" first, -b's filter last.
  if (cfg_.dev_mode) cfg_.warnoptions.insert(cfg_.warnoptions.begin(), "default");
  if (cfg_.bytes_warning) cfg_.warnoptions.push_back(cfg_.bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning");
}

int Parser::parse(Config& out) {
  int rc = parse_options();
  if (rc >= 0) return rc;
  if (help_) {
    std::printf(kUsageLine, cfg_.executable.c_str());
    std::fputs(kHelpText, stdout);
    return 0;
  }
  if (version_count_ > 0) {
    if (version_count_ > 1) std::printf("Python %s\n", version_long().c_str());
    else std::printf("%s\n", version_short().c_str());
    return 0;
  }
  read_environment();
  // JIT options: COIL_JIT first, then --jit, so the command line wins.
  jit::Options& jo = jit::options();
  if (const char* v = env("COIL_JIT")) {
    std::string err = jit::apply_options(jo, v);
    if (!err.empty()) throw UsageError{"COIL_JIT: " + err};
  }
  if (have_jit_arg_) {
    if (jit_arg_ == "help") { std::fputs(jit::options_help().c_str(), stdout); return 0; }
    std::string err = jit::apply_options(jo, jit_arg_);
    if (!err.empty()) throw UsageError{"--jit: " + err};
  }
  if (cfg_.dump != Config::Dump::None) {
    if (cfg_.run != Config::Run::File) throw UsageError{"--dump needs a FILE"};
    cfg_.run = Config::Run::Dump;
  }
  out = std::move(cfg_);
  return -1;
}

}  // namespace

int run_command_line(int argc, char** argv) {
  Config cfg;
  try {
    int rc = Parser(argc, argv).parse(cfg);
    if (rc >= 0) return rc;
  } catch (const UsageError& e) {
    if (!e.message.empty()) std::fprintf(stderr, "%s\n", e.message.c_str());
    std::fprintf(stderr, kUsageLine, argc > 0 ? argv[0] : "coil");
    std::fputs("Try `python -h' for more information.\n", stderr);
    return 2;
  }
  return run(cfg);
}

}  // namespace coil::rt
