# os.path (posixpath, genericpath) on plain strings and bytes; no file system needed.
import os
import os.path as p

print(p is os.path, p.__name__, os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, os.linesep == '\n')
for a in ['/a/b/c.txt', 'a/b/', '', '/', 'c.tar.gz', '.bashrc', 'a/.b.c', '//x//y']:
    print(repr(a), p.split(a), p.splitext(a), p.basename(a), p.dirname(a), p.isabs(a))
print(p.join('a', 'b', 'c'), p.join('/a', '/b', 'c'), p.join('a', ''), p.join(b'a', b'b'))
print(p.normpath('a//b/./c/../d'), p.normpath('/../x'), p.normpath(''), p.normpath('//a'), p.normpath('///a'))
print(p.commonprefix(['/usr/lib', '/usr/local']), p.commonpath(['/usr/lib', '/usr/local']))
print(p.relpath('/a/b/c', '/a/d'), p.relpath('a', 'a'))
print(p.splitdrive('/x/y'), p.normcase('AbC'), p.expanduser('~nonexistent_user_xyz/a'))
print(p.isabs(b'/x'))
os.environ['COIL_TEST_VAR'] = 'value'
print(os.environ.get('COIL_TEST_VAR'), os.getenv('COIL_TEST_VAR'))
print(os.environb[b'COIL_TEST_VAR'], 'COIL_TEST_VAR' in os.environ)
del os.environ['COIL_TEST_VAR']
print(os.getenv('COIL_TEST_VAR', 'gone'))
print(os.fsencode('a\udcff'), ascii(os.fsdecode(b'a\xff')), os.fspath('x'), os.fspath(b'y'))


class P:
    def __fspath__(self):
        return '/from/fspath'


print(os.fspath(P()), p.basename(P()), p.join(P(), 'z'))
for bad in [1, None, [], P]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print(e)
print(p.exists('/'), p.isdir('/'), p.isfile('/'), p.lexists('/no/such/path'), p.getsize('/') >= 0)
print(p.abspath('/a/../b'), p.realpath('/') == '/', p.ismount('/'))
