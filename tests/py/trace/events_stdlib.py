# sys.settrace events inside CPython's own pure-Python library code (posixpath, copy, contextlib, genericpath): Coil's line table must give CPython 3.11's events.
import sys
MODS = ["posixpath", "genericpath", "copy", "contextlib"]
import posixpath, copy, contextlib
out = []
def tracer(frame, event, arg):
    fn = frame.f_code.co_filename
    if not any(fn.endswith('/' + m + '.py') for m in MODS):
        return None
    a = arg[0].__name__ if event == 'exception' else ''
    out.append(f"{event} {fn.rsplit('/',1)[1]} {frame.f_code.co_name} {frame.f_lineno} {a}")
    return tracer
@contextlib.contextmanager
def cm(x):
    try:
        yield x
    finally:
        pass
def work():
    posixpath.normpath("/a/./b/../c//d")
    posixpath.join("/a", "b/", "../c")
    posixpath.splitext("x/y.tar.gz"), posixpath.basename("/q/r"), posixpath.relpath("/a/b/c", "/a/d")
    posixpath.commonpath(["/a/b/c", "/a/b/d"]), posixpath.expanduser("~nosuchuser/x")
    copy.deepcopy({'a': [1, {'b': (2, 3)}]})
    copy.copy([1, 2])

    with cm(3) as v:
        pass
    try:
        with cm(4):
            raise KeyError
    except KeyError:
        pass
sys.settrace(tracer)
work()
sys.settrace(None)
print(len(out))
print('\n'.join(out))


