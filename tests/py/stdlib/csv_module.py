# csv on top of _csv: subclassed dialects, non-ASCII parameters, files, DictReader/DictWriter.
import _csv, csv, io, os, tempfile
for f in [lambda: _csv.Dialect('excel', dialect='excel'), lambda: _csv.reader([], 'excel', dialect='unix'),
          lambda: _csv.field_size_limit(True), lambda: _csv.field_size_limit(new_limit=5), lambda: _csv.field_size_limit(limit=5), lambda: _csv.field_size_limit(2**70)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
_csv.field_size_limit(131072)
class Sub(_csv.Dialect): pass
s = Sub(delimiter=';'); print(type(s).__name__, s.delimiter, isinstance(s, _csv.Dialect))
print(list(_csv.reader(['a;b'], s)), list(_csv.reader(['a|b'], dialect='excel', delimiter='|')))
print(list(_csv.reader(['a→b→"c→d"'], delimiter='→')), list(_csv.reader(['«a»|b'], delimiter='|', quotechar='«')))
out = io.StringIO(); w = _csv.writer(out, delimiter='→', quotechar='«'); w.writerow(['a→b', 'c«d', 'é']); print(repr(out.getvalue()))
class N:
    def __index__(self): return 3
    def __str__(self): return 'N3'
out = io.StringIO(); w = _csv.writer(out, quoting=csv.QUOTE_NONNUMERIC); w.writerow([N(), 1+2j, 'x', 10**30, float('nan')]); print(repr(out.getvalue()))
print(list(csv.reader(io.StringIO('a,b\r\n"multi\r\nline",c\r\n', newline=''))))
tmp = tempfile.TemporaryDirectory()
path = os.path.join(tmp.name, 't.csv')
with open(path, 'w', newline='') as f:
    csv.writer(f).writerows([['id', 'name'], [1, 'Ann, B'], [2, 'Q"uote']])
with open(path, newline='') as f:
    print(f.read().encode(), )
with open(path, newline='') as f:
    print([dict(r) for r in csv.DictReader(f)])
r = csv.reader(['a,b', 'c,"d'])
print(next(r), r.line_num)
try: next(r)
except StopIteration: print('stop', r.line_num)
print(csv.get_dialect('excel').lineterminator.encode(), csv.excel().delimiter)
try: csv.Dialect()
except Exception as e: print(type(e).__name__, e)
class Bad(csv.Dialect): delimiter = 12; quotechar='"'; lineterminator='\n'; quoting=0
try: Bad()
except Exception as e: print(type(e).__name__, e)
tmp.cleanup()
