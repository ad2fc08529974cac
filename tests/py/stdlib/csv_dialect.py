# _csv.Dialect validation, the dialect registry and field_size_limit, with CPython's messages.
import _csv, csv, io
D = _csv.Dialect
def t(**kw):
    try:
        d = D(**kw); print('ok', repr(d.delimiter), repr(d.quotechar), repr(d.escapechar), repr(d.lineterminator), d.quoting, d.doublequote, d.skipinitialspace, d.strict)
    except Exception as e:
        print(type(e).__name__, e)
t(); t(delimiter=1); t(delimiter='ab'); t(delimiter=''); t(delimiter=None); t(quotechar=None); t(quotechar=None, quoting=0)
t(quotechar=1); t(escapechar=''); t(escapechar='\\'); t(lineterminator=None); t(lineterminator=1); t(quoting=7); t(quoting='1'); t(quoting=1.0)
t(doublequote=0); t(strict=[1]); t(bogus=1); t(delimiter='\n'); t(quotechar=' ', delimiter=' ')
t(quoting=csv.QUOTE_NONE); t(quoting=csv.QUOTE_NONE, quotechar=None)
try: D('nope')
except Exception as e: print(type(e).__name__, e)
try: D(1,2)
except Exception as e: print(type(e).__name__, e)
print(type(D()), D.__module__, D.__name__, _csv.reader, _csv.writer)
class X: delimiter=';'; quoting=csv.QUOTE_ALL
print(D(X).delimiter, D(X, delimiter='|').delimiter, D(csv.excel_tab).delimiter)
d=D(); print(D(d) is d, D(d, strict=True) is d)
try: d.delimiter=';'
except Exception as e: print(type(e).__name__, e)
print(sorted(x for x in dir(_csv) if not x.startswith('__')), _csv.__version__)
r = _csv.reader(['a,b'], delimiter=';'); print(type(r).__name__, r.line_num, r.dialect.delimiter, list(r), r.line_num)
for args in [(1,), (), (['a'], 'nope')]:
    try: _csv.reader(*args)
    except Exception as e: print(type(e).__name__, e)
for args in [(1,), (), (io.StringIO(),'nope')]:
    try: _csv.writer(*args)
    except Exception as e: print(type(e).__name__, e)
print(_csv.field_size_limit(), _csv.field_size_limit(10), _csv.field_size_limit())
try: _csv.field_size_limit('x')
except Exception as e: print(type(e).__name__, e)
try: _csv.field_size_limit(1,2)
except Exception as e: print(type(e).__name__, e)
_csv.field_size_limit(131072)
try: list(_csv.reader(['a'*200000]))
except Exception as e: print(type(e).__name__, e)
try: _csv.get_dialect('zz')
except Exception as e: print(type(e).__name__, e)
try: _csv.unregister_dialect('zz')
except Exception as e: print(type(e).__name__, e)
try: _csv.register_dialect(1)
except Exception as e: print(type(e).__name__, e)
_csv.register_dialect('semi', delimiter=';'); print(_csv.get_dialect('semi').delimiter, sorted(_csv.list_dialects()))
try: _csv.register_dialect('bad', delimiter=1)
except Exception as e: print(type(e).__name__, e)
try: csv.register_dialect('bad', delimiter=1)
except Exception as e: print(type(e).__name__, e)
