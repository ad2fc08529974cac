# _multiprocessing.SemLock: counts, ownership, timeouts, errors; multiprocessing's Lock/RLock/Semaphore on top.
# gcstress: 50
import _multiprocessing, multiprocessing.synchronize as ms, threading, os
S = _multiprocessing.SemLock
print(sorted(_multiprocessing.flags.items()), S.SEM_VALUE_MAX > 0)
name = '/coil-test-%d' % os.getpid()
s = S(1, 2, 2, name, True)
print(s.kind, s.maxvalue, s.name, s._count(), s._get_value(), s._is_zero())
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.05), s._count(), s._is_zero())
s.release(); s.release()
try: s.release()
except ValueError as e: print('ValueError', e)
r = S(0, 1, 1, name + 'r', True)
print(r.acquire(), r.acquire(), r._count(), r._is_mine())
res = []
t = threading.Thread(target=lambda: res.append((r._is_mine(), r.acquire(timeout=0.05))))
t.start(); t.join(); print(res)
r.release(); r.release()
try: r.release()
except AssertionError as e: print('AssertionError', e)
with r: print('inside', r._count())
print(r._count())
for bad in [('x', 1, 1, 'n', True), (5, 1, 1, 'n', True), (1, 1, 1, 5, True)]:
    try: S(*bad)
    except Exception as e: print(type(e).__name__, e)
keep = S(1, 0, 1, name + 'k', False)
again = S._rebuild(keep.handle, keep.kind, keep.maxvalue, keep.name)
again.release(); print(keep._get_value(), keep.acquire(False))
_multiprocessing.sem_unlink(name + 'k')
try: _multiprocessing.sem_unlink(name + 'k')
except FileNotFoundError as e: print('FileNotFoundError', e.errno)
l = ms.Lock(ctx=None) if False else None
import multiprocessing as mp
lock, rlock, sem = mp.Lock(), mp.RLock(), mp.BoundedSemaphore(2)
with lock: print('lock held', lock)
with rlock:
    with rlock: print('rlock twice')
sem.acquire(); sem.acquire(); print(sem.acquire(timeout=0.01)); sem.release(); sem.release()
try: sem.release()
except ValueError as e: print(e)
ev = mp.Event(); ev.set(); print(ev.is_set(), ev.wait(0.01))
