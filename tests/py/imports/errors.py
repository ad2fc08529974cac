# ImportError / ModuleNotFoundError messages and attributes, and __import__'s argument errors.
import os
import sys

HERE = os.path.dirname(os.path.realpath(__file__))


def show(f):
    try:
        f()
    except Exception as e:
        attrs = ''
        if isinstance(e, ImportError):
            path = e.path.replace(HERE, '<dir>') if isinstance(e.path, str) else e.path
            attrs = f' name={e.name!r} path={path!r}'
        print(type(e).__name__, str(e).replace(HERE, '<dir>') + attrs)


def imp(stmt):
    return lambda: exec(stmt, {'__name__': 'tester'})


show(imp('import no_such_module_xyz'))
show(imp('import rel.nope'))
show(imp('import rel.b.c'))
show(imp('from rel import nope'))
show(imp('from rel.b import nope'))
show(imp('from . import x'))
show(lambda: __import__(''))
show(lambda: __import__('x', level=-1))
show(lambda: __import__('x', {}, None, None, 1))
show(lambda: __import__('x', {'__name__': 'top'}, None, None, 1))
show(lambda: __import__('x', {'__package__': 'a'}, None, None, 2))
show(lambda: __import__('x', {'__package__': 5}, None, None, 1))
show(lambda: __import__('x', [], None, None, 1))
show(lambda: __import__(5))
sys.modules['blocked_mod'] = None
show(imp('import blocked_mod'))
e = ImportError('msg', name='n', path='p')
print(e.msg, e.name, e.path, e.args)
e = ModuleNotFoundError()
print(e.msg, e.name, e.path, repr(str(e)))
show(lambda: ImportError(bogus=1))
print(issubclass(ModuleNotFoundError, ImportError))
