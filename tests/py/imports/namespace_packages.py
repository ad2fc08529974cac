# Namespace packages (PEP 420): directories without __init__.py, split across sys.path.
import os
import sys

HERE = os.path.dirname(os.path.realpath(__file__))
sys.path.insert(0, os.path.join(HERE, 'nspace'))
sys.path.insert(1, os.path.join(HERE, 'nspace2'))

import nsa.one
import nsa.two
import nsa.inner.deep
from nsa.inner import deeper
print(nsa.one.ONE, nsa.two.TWO, nsa.inner.deep.DEEP, deeper.DEEPER)
print(sorted(os.path.relpath(p, HERE) for p in nsa.__path__))
print(getattr(nsa, '__file__', 'no __file__'), nsa.__package__, nsa.__name__)
try:
    import nsa.three
except ModuleNotFoundError as e:
    print(e, e.name)
