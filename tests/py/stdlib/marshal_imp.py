# marshal on plain data (CPython's format, version 4) and the parts of _imp that behave as
# CPython's (built-in modules, the import lock, source_hash, frozen lookups).
import _imp
import errno
import marshal

vals = [None, True, False, ..., StopIteration, 0, -1, 2**31, -2**70, 1.5, -0.0, 1+2j, 'abc',
        'é\u20ac', b'xy', bytearray(b'q'), (1, (2,)), [1, [2, 3]], {'a': 1, 2: [3]}, {1, 2},
        frozenset({3}), 'x' * 300, tuple(range(300)), [[]] * 3]
for v in vals:
    d = marshal.dumps(v)
    r = marshal.loads(d)
    print(type(r).__name__, r == v or r is v, repr(r)[:40])
print(marshal.loads(b'\xdb\x02\x00\x00\x00\xe9\x01\x00\x00\x00r\x01\x00\x00\x00'))
print(marshal.loads(b'i\x05\x00\x00\x00trailing'), marshal.version)
for bad in [b'', b'i\x01', b'?', b'[\x05\x00\x00\x00', b'r\x00\x00\x00\x00', b'0']:
    try:
        marshal.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [object(), [1, object()], print]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print(e)
print(_imp.is_builtin('math'), _imp.is_builtin('sys'), _imp.is_builtin('os'), _imp.is_frozen('x'))
print(_imp.find_frozen('not_frozen_xyz'))
try:
    _imp.get_frozen_object('zz')
except ImportError as e:
    print(e, e.name)
try:
    _imp.is_frozen_package('zz')
except ImportError as e:
    print(e, e.name)
print(_imp.lock_held())
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
try:
    _imp.release_lock()
except RuntimeError as e:
    print(e)
print(_imp.source_hash(3495, b'abc'), _imp.source_hash(key=-1, source=b''))
print(_imp.check_hash_based_pycs, errno.errorcode[errno.EWOULDBLOCK], errno.EWOULDBLOCK == errno.EAGAIN)
print(len(errno.errorcode) > 100, errno.ENOENT, errno.EDEADLK == errno.EDEADLOCK)
