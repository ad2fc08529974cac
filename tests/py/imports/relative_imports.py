# Relative imports inside a package: from . / .. / ..., __package__, __import__ levels.
import rel
import rel.sub.deep
from rel.sub import *

print(rel.NAME, rel.a.A_VALUE, rel.a.PKG, rel.sub.SUB, rel.sub.deep.DEEP)
print(rel.sub.deep.again is rel.b, SUB, deep.DEEP)
print(__import__('rel.sub.deep').__name__)
print(__import__('rel.sub.deep', fromlist=['DEEP']).__name__)
print(__import__('deep', rel.sub.__dict__, None, ['DEEP'], 1).__name__)
print(__import__('b', {'__package__': 'rel.sub'}, None, None, 2).__name__)
print(__import__('', {'__package__': 'rel.sub'}, None, ['deep'], 1).__name__)
print(__import__('sub.deep', {'__package__': 'rel'}, None, None, 1).__name__)
print(__import__('sub.deep', {'__name__': 'rel.a'}, None, None, 1).__name__)
print(__import__('sub', {'__name__': 'rel', '__path__': []}, None, None, 1).__name__)
try:
    import rel.sub.beyond
except ImportError as e:
    print(type(e).__name__, e)
try:
    from rel.sub.badall import *
except TypeError as e:
    print(type(e).__name__, e)
import rel.sub.badall as ba
print(ba.ok, 'rel.sub.beyond' in __import__('sys').modules)
