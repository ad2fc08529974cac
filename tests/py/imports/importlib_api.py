# importlib's API on Coil: import_module, find_spec, reload, machinery, module specs.
import importlib
import importlib.machinery
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.realpath(__file__))


def r(path):
    return path.replace(HERE, '<dir>') if isinstance(path, str) else path


m = importlib.import_module('rel.sub.deep')
print(m.__name__, m.DEEP, m is sys.modules['rel.sub.deep'])
print(importlib.import_module('.b', 'rel').__name__, importlib.import_module('..a', 'rel.sub').__name__)
spec = importlib.util.find_spec('rel.a')
print(spec.name, spec.parent, r(spec.origin), spec.has_location, spec.submodule_search_locations)
print(type(spec.loader).__name__, isinstance(spec.loader, importlib.machinery.SourceFileLoader))
print(r(spec.cached).replace(sys.implementation.cache_tag, '<tag>'))
pkg = importlib.util.find_spec('rel')
print([r(p) for p in pkg.submodule_search_locations], r(pkg.origin))
print(importlib.util.find_spec('no_such_mod_abc'), importlib.util.find_spec('math').origin)
import rel.a
print(rel.a.__spec__.name, rel.a.__loader__ is rel.a.__spec__.loader, rel.a.__package__, r(rel.a.__file__))
rel.a.EXTRA = 1
again = importlib.reload(rel.a)
print(again is rel.a, again.EXTRA, again.A_VALUE)
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
try:
    importlib.import_module('.x')
except TypeError as e:
    print(e)
try:
    importlib.import_module('no_such_mod_abc')
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    importlib.reload(5)
except TypeError as e:
    print(e)


class Finder:
    def find_spec(self, name, path, target=None):
        if name == 'virtual_mod':
            return importlib.util.spec_from_loader(name, Loader())


class Loader:
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.VALUE = 'made by a meta path finder'


sys.meta_path.insert(0, Finder())
import virtual_mod
print(virtual_mod.VALUE, virtual_mod.__spec__.name, type(virtual_mod.__loader__).__name__)
print(type(sys.meta_path[0]).__name__, [f.__name__ for f in sys.meta_path[-3:]])
ns = importlib.util.module_from_spec(importlib.util.spec_from_loader('made', loader=None))
print(ns.__name__, ns.__spec__.name)
print(importlib.util.resolve_name('..x', 'a.b.c'), importlib.util.resolve_name('y', None))
print(importlib.util.cache_from_source('/a/b.py').replace(sys.implementation.cache_tag, '<tag>'))
print(importlib.util.source_from_cache('/a/__pycache__/b.%s.pyc' % sys.implementation.cache_tag))
