// test_jit_options.cpp — the `--jit` tunable parser (jit/options.cpp).
#include <doctest/doctest.h>

#include "jit/options.h"

using coil::jit::Options;
using coil::jit::apply_options;

TEST_CASE("jit options: defaults come from tunables.def") {
  Options o;
  CHECK(o.enable == 1);
  CHECK(o.threshold == 1039);
  CHECK(o.backend == "asmjit");
}

TEST_CASE("jit options: name=value lists") {
  Options o;
  CHECK(apply_options(o, "threshold=1,trace_limit=100,backend=llvm") == "");
  CHECK(o.threshold == 1);
  CHECK(o.trace_limit == 100);
  CHECK(o.backend == "llvm");
  CHECK(apply_options(o, "off") == "");
  CHECK(o.enable == 0);
  CHECK(apply_options(o, "enable=on") == "");
  CHECK(o.enable == 1);
}

TEST_CASE("jit options: errors name the problem") {
  Options o;
  CHECK(apply_options(o, "nonsense=1").find("unknown tunable 'nonsense'") != std::string::npos);
  CHECK(apply_options(o, "threshold=abc").find("expected a whole number") != std::string::npos);
  CHECK(apply_options(o, "threshold=0").find("between 1 and") != std::string::npos);
  CHECK(apply_options(o, "threshold").find("expected name=value") != std::string::npos);
  CHECK(apply_options(o, "backend=gcc").find("asmjit|llvm") != std::string::npos);
  CHECK(apply_options(o, "").find("empty") != std::string::npos);
  CHECK(o.threshold == 1039);  // failed parses leave earlier values alone
}
