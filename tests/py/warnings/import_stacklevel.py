# A module warning at import time with stacklevel=2 names the importer: the import
# machinery's frames are skipped when counting levels. Also sys.displayhook.
import sys, warnings, builtins
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    sys.modules.pop('sre_compile', None)
    import sre_compile
print([str(x.message) for x in w], [x.filename == __file__ for x in w])
sys.displayhook(None)
sys.displayhook([1, 'a'])
print(builtins._, sys.__displayhook__ is sys.displayhook)
import re
p = re.compile(r'(?P<first>a)(?P<other>b)')
try:
    p.groupindex['other'] = 0
except TypeError as e:
    print('TypeError', e)
print(dict(p.groupindex))
