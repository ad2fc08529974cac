#!/usr/bin/python3.11
"""tests/cli/run.py — the `coil` command line checked against CPython 3.11.

Each case runs the same arguments under build/coil and /usr/bin/python3.11 and compares
stdout, stderr and the exit code (the program name in usage lines is normalised). Cases
marked coil-only check Coil's own options against a fixed expectation.
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COIL = os.path.join(os.environ.get("COIL_BUILD_DIR", os.path.join(ROOT, "build")), "coil")
CPYTHON = "/usr/bin/python3.11"

TMP = tempfile.mkdtemp(prefix="coil-cli-")
SCRIPT = os.path.join(TMP, "prog.py")
with open(SCRIPT, "w") as f:
    f.write("import sys\nprint(sys.argv[1:], len(sys.argv))\n")


def write(rel, text):
    path = os.path.join(TMP, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


# A package runnable with -m (its __main__), a plain submodule, a namespace directory
# without __main__, a PYTHONPATH directory, and a symlink to the coil binary.
SHOW = "import sys\nprint(__name__, __package__, sys.argv[1:], sys.argv[0].endswith('.py'))\n"
write("clipkg/__init__.py", "print('init', __name__)\n")
write("clipkg/__main__.py", SHOW)
write("clipkg/sub.py", SHOW)
write("clipkg/boom.py", "raise ValueError('boom')\n")
write("nsdir/mod.py", "")
write("pp/ppmod.py", "X = 'from PYTHONPATH'\n")
LINK_DIR = os.path.join(TMP, "bin")
os.makedirs(LINK_DIR, exist_ok=True)
LINK = os.path.join(LINK_DIR, "coil")
os.symlink(COIL, LINK)

# (arguments, stdin) — compared with CPython.
SAME = [
    (["-c", "print(6*7)"], ""),
    (["-c", "import sys; print(sys.argv)", "a", "b"], ""),
    (["-c", "import sys; print(sys.argv)", "-c", "x"], ""),
    (["-uc", "print(1)"], ""),
    (["-cprint(2)"], ""),
    (["-u", "-c", "print('u')"], ""),
    (["-E", "-s", "-S", "-B", "-c", "print('flags')"], ""),
    (["-I", "-c", "print('isolated')"], ""),
    (["-O", "-c", "assert False; print('stripped')"], ""),
    (["-W", "ignore", "-X", "dev", "-c", "print('wx')"], ""),
    (["-Wignore", "-c", "print('attached')"], ""),
    (["-c", "raise SystemExit(3)"], ""),
    (["-c", "raise SystemExit(300)"], ""),
    (["-c", "raise SystemExit(-1)"], ""),
    (["-c", "raise SystemExit(None)"], ""),
    (["-c", "raise SystemExit('bye')"], ""),
    (["-c", "import sys; sys.exit(4)"], ""),
    (["-c", "1/0"], ""),
    (["-"], "print('from stdin')\n"),
    (["-", "x", "y"], "import sys\nprint(sys.argv)\n"),
    ([], "print('implicit stdin')\n"),
    ([SCRIPT, "p", "q"], ""),
    (["--", SCRIPT, "r"], ""),
    ([os.path.join(TMP, "missing.py")], ""),
    (["-Z"], ""),
    (["--frobnicate"], ""),
    (["-c"], ""),
    (["-m"], ""),
    (["-W"], ""),
    (["-X"], ""),
    (["-m", "no_such_module_xyz"], ""),
    (["-m", "clipkg", "a", "b"], ""),
    (["-m", "clipkg.sub", "c"], ""),
    (["-m", "clipkg.missing"], ""),
    (["-m", "nsdir"], ""),
    (["-c", "import sys; print(repr(sys.path[0]))"], ""),
    (["-P", "-c", "import sys; print('' in sys.path)"], ""),
    (["-I", "-c", "import sys; print('' in sys.path, sys.flags.isolated, sys.flags.no_user_site)"], ""),
    (["-s", "-c", "import sys; print(sys.flags.no_user_site)"], ""),
    (["-c", "import os, errno; print(os.path.basename(os.getcwd()) != '', errno.ENOENT)"], ""),
    (["-h"], ""),
    (["--help-env"], ""),
    # warnings: -W / -X dev / -b build sys.warnoptions; warnings is imported to apply them
    (["-X", "dev", "-b", "-W", "once", "-Werror", "-c", "import sys; print(sys.warnoptions, 'warnings' in sys.modules)"], ""),
    (["-c", "import sys; print(sys.warnoptions, 'warnings' in sys.modules)"], ""),
    (["-W", "bogus", "-W", "error::NoSuchWarning", "-c", "print('still runs')"], ""),
    (["-W", "error", "-c", "x = 1\nif x is 1: pass"], ""),
    (["-c", "x = 1\nif x is 1: pass\nimport _warnings\n_warnings.warn('shown')"], ""),
    (["-W", "error::UserWarning", "-c", "import _warnings\n_warnings.warn('raised')"], ""),
    (["-W", "ignore::SyntaxWarning", "-c", "print(1 is 1)"], ""),
    # an uncaught KeyboardInterrupt: traceback, then death by SIGINT
    (["-c", "print('before')\nraise KeyboardInterrupt"], ""),
]

# (arguments, expected exit code, regex the output (stdout+stderr) must match) — Coil only.
COIL_ONLY = [
    (["--version"], 0, r"^Python 3\.11\.\d+ \(Coil [0-9.]+\)\n$"),
    (["-V"], 0, r"^Python 3\.11\.\d+ \(Coil "),
    (["-VV"], 0, r"^Python 3\.11\.\d+ \(Coil [0-9.]+, "),
    (["--jit", "nonsense=1", "-c", "pass"], 2, r"unknown tunable 'nonsense'.*\nusage: "),
    (["--jit", "threshold=x", "-c", "pass"], 2, r"expected a whole number"),
    (["--jit", "threshold=0", "-c", "pass"], 2, r"must be between 1 and"),
    (["--jit", "backend=gcc", "-c", "pass"], 2, r"asmjit\|llvm"),
    (["--jit"], 2, r"Argument expected for the --jit option"),
    (["--jit", "help"], 0, r"threshold\s+default 1039"),
    (["--jit", "off", "-c", "print(1)"], 0, r"^1\n$"),
    (["--jit", "threshold=1,function_threshold=1", "-c", "print(2)"], 0, r"^2\n$"),
    (["--dump", "nonsense", SCRIPT], 2, r"--dump takes tokens, ast or bytecode"),
    (["-c", "import sys; print(sys.implementation.name)"], 0, r"^coil\n$"),
    (["-c", "import sys; print(sys.version_info[:2])"], 0, r"^\(3, 11\)\n$"),
    (["-S", "-c", "import sys; print(sys.prefix, sys.exec_prefix)"], 0, r"^/usr /usr\n$"),
    (["--stdlib", "/nonexistent-lib", "-S", "-c", "import os"], 1, r"No module named 'os'"),
    (["--stdlib"], 2, r"Argument expected for the --stdlib option"),
    (["-c", "import _imp; print(_imp.extension_suffixes())"], 0, r"^\[\]\n$"),
]
# Started through a symlink (as a venv's bin/ does): the library is still found.
LINKED = [
    (["-c", "import sys, os; print(sys.executable == %r, os.sep)" % LINK], 0, r"^True /\n$"),
]
# Compared with CPython on stdout, the exit code and the last line of stderr (the frames
# runpy adds depend on whether importlib is the import system yet).
SAME_LAST_LINE = [
    (["-m", "clipkg.boom"], ""),
]
# (environment, arguments) — compared with CPython.
SAME_ENV = [
    ({"PYTHONPATH": os.path.join(TMP, "pp")}, ["-c", "import ppmod; print(ppmod.X)"]),
    ({"PYTHONPATH": os.path.join(TMP, "pp")}, ["-E", "-c", "import ppmod"]),
    ({"PYTHONPATH": os.path.join(TMP, "pp")}, ["-I", "-c", "import ppmod"]),
]
ENV_ONLY = [
    ({"COIL_JIT": "nonsense=2"}, ["-c", "pass"], 2, r"COIL_JIT: unknown tunable 'nonsense'"),
    ({"COIL_JIT": "nonsense=2"}, ["-E", "-c", "print(5)"], 0, r"^5\n$"),
]


# Programs whose stdout reader goes away early (arguments, extra environment) — compared with
# CPython: a write to the closed pipe is a BrokenPipeError (SIGPIPE is ignored), and a failed
# flush of sys.stdout at exit is reported ("Exception ignored in: ...") with exit status 120.
PIPE_CLOSED = [
    (["-c", "for i in range(10**6): print(i)"], {}),
    (["-c", "for i in range(10**6): print(i)"], {"PYTHONUNBUFFERED": "1"}),
    (["-c", "import sys\nprint('pending')\nsys.stdin.read()"], {}),
    (["-c", "import sys\nprint('pending')\nsys.stdin.read()\nsys.exit(3)"], {}),
]


# (environment, arguments, stdin) — compared with CPython: the standard streams' encodings.
ENV_SAME = [
    ({"PYTHONIOENCODING": "latin-1"}, ["-c", "import sys; print('h\\xe9', sys.stdout.encoding, sys.stdin.errors)"], "x"),
    ({"PYTHONIOENCODING": "utf-16"}, ["-c", "import sys; print('h\\xe9', sys.stdout.encoding)"], ""),
    ({"PYTHONIOENCODING": "ascii:replace"}, ["-c", "import sys; print('h\\xe9', sys.stdout.errors)"], ""),
    ({"PYTHONIOENCODING": ":backslashreplace"}, ["-c", "import sys; print(sys.stdout.encoding, sys.stdout.errors)"], ""),
    ({"PYTHONIOENCODING": "cp1252"}, ["-c", "import sys; print(input(), sys.stdin.encoding)"], "caf\xe9\n"),
    ({"PYTHONUTF8": "1"}, ["-c", "import sys; print(sys.flags.utf8_mode, sys.stdout.errors)"], ""),
    ({}, ["-X", "utf8", "-c", "import sys, io; print(sys.flags.utf8_mode, io.text_encoding(None))"], ""),
    ({}, ["-c", "import sys; print(sys.stdin.newlines, list(sys.stdin))"], "a\r\nb\rc\n"),
]


def run_pipe_closed(exe, args, env):
    """Reads one line of the program's stdout, closes the pipe, then lets it finish."""
    e = dict(os.environ)
    e.pop("COIL_JIT", None)
    e.pop("PYTHONUNBUFFERED", None)
    e.update(env)
    p = subprocess.Popen([exe] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=e, cwd=TMP)
    first = p.stdout.readline() if "stdin.read" not in args[-1] else b""
    p.stdout.close()
    p.stdin.close()
    err = p.stderr.read()
    p.wait(timeout=60)
    return first.decode(), err.decode("utf-8", "replace").replace(exe, "PROG"), p.returncode


def run(exe, args, stdin="", env=None):
    e = dict(os.environ)
    e.pop("COIL_JIT", None)
    e.update(env or {})
    p = subprocess.run([exe] + args, input=stdin.encode(), capture_output=True, timeout=60, env=e, cwd=TMP)
    norm = lambda b: b.decode("utf-8", "replace").replace(exe, "PROG")
    return norm(p.stdout), norm(p.stderr), p.returncode


def main():
    passed = failed = 0

    def report(ok, what, detail):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {what}\n{detail}")

    for args, stdin in SAME:
        want = run(CPYTHON, args, stdin)
        got = run(COIL, args, stdin)
        if args in (["-h"], ["--help-env"]):  # Coil adds its own lines; CPython's must all be there
            ok = got[2] == want[2] and all(line in got[0] for line in want[0].splitlines())
        else:
            ok = got == want
        report(ok, f"coil {args} (stdin {stdin!r})", f"  expected {want!r}\n  got      {got!r}")
    for args, code, pattern in COIL_ONLY:
        out, err, rc = run(COIL, args)
        ok = rc == code and re.search(pattern, out + err) is not None
        report(ok, f"coil {args}", f"  expected exit {code} and /{pattern}/, got exit {rc}: {out + err!r}")
    for args, stdin in SAME_LAST_LINE:
        want = run(CPYTHON, args, stdin)
        got = run(COIL, args, stdin)
        last = lambda r: (r[0], r[1].strip().splitlines()[-1:], r[2])
        report(last(got) == last(want), f"coil {args}", f"  expected {want!r}\n  got      {got!r}")
    for env, args in SAME_ENV:
        want = run(CPYTHON, args, env=env)
        got = run(COIL, args, env=env)
        report(got == want, f"{env} coil {args}", f"  expected {want!r}\n  got      {got!r}")
    for args, code, pattern in LINKED:
        out, err, rc = run(LINK, args)
        ok = rc == code and re.search(pattern, out + err) is not None
        report(ok, f"{LINK} {args}", f"  expected exit {code} and /{pattern}/, got exit {rc}: {out + err!r}")
    for env, args, code, pattern in ENV_ONLY:
        out, err, rc = run(COIL, args, env=env)
        ok = rc == code and re.search(pattern, out + err) is not None
        report(ok, f"{env} coil {args}", f"  expected exit {code} and /{pattern}/, got exit {rc}: {out + err!r}")
    for env, args, stdin in ENV_SAME:
        e = {"PYTHONUNBUFFERED": ""} if "PYTHONUNBUFFERED" not in env else {}
        want = run(CPYTHON, args, stdin, env={**e, **env})
        got = run(COIL, args, stdin, env={**e, **env})
        report(got == want, f"{env} coil {args} (stdin {stdin!r})", f"  expected {want!r}\n  got      {got!r}")
    for args, env in PIPE_CLOSED:
        want = run_pipe_closed(CPYTHON, args, env)
        got = run_pipe_closed(COIL, args, env)
        report(got == want, f"{env} coil {args} (stdout closed)", f"  expected {want!r}\n  got      {got!r}")
    print(f"cli: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
