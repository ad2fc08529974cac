# _thread: starting threads, locks (blocking, timeouts, errors), RLock, sentinels, _count.
import _thread
import time

lock = _thread.allocate_lock()
print(type(lock) is _thread.LockType, repr(lock).startswith("<unlocked _thread.lock object at"))
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
print(repr(lock).startswith("<locked _thread.lock"))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for kwargs in [dict(blocking=False, timeout=1), dict(timeout=-2), dict(timeout=1e20), dict(foo=1)]:
    try:
        lock.acquire(**kwargs)
    except Exception as e:
        print(type(e).__name__, e)
try:
    _thread.LockType()
except TypeError as e:
    print(e)
with lock:
    print("in with", lock.locked())
print(lock.locked())

# Threads hand results back under a lock; the main thread waits on a "done" lock.
results = []
done = _thread.allocate_lock()
done.acquire()
remaining = [5]

def worker(i, scale=1):
    total = 0
    for j in range(20000):
        total += j * scale
    with lock:
        results.append((i, total))
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()

idents = set()
for i in range(5):
    idents.add(_thread.start_new_thread(worker, (i,), {"scale": i + 1}))
print(len(idents), all(isinstance(t, int) for t in idents))
print(done.acquire(timeout=30))
print(sorted(results))
while _thread._count():
    time.sleep(0.001)
print("count", _thread._count())

# RLock: reentrant, owned by a thread.
r = _thread.RLock()
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at"))
print(r.acquire(), r.acquire(), r._is_owned())
print(repr(r).startswith("<locked _thread.RLock object owner="))
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
r.acquire()
state = r._release_save()
print(state[0], r._is_owned())
r._acquire_restore(state)
print(r._is_owned())
r.release()

# Another thread cannot take an RLock the main thread holds.
r.acquire()
seen = []
finished = _thread.allocate_lock()
finished.acquire()
def try_rlock():
    seen.append(r.acquire(timeout=0.01))
    seen.append(r._is_owned())
    finished.release()
_thread.start_new_thread(try_rlock, ())
finished.acquire()
print(seen)
r.release()

class MyRLock(_thread.RLock):
    pass
print(repr(MyRLock()).startswith("<unlocked MyRLock object"))

# A thread blocked on a lock is released by another thread.
gate = _thread.allocate_lock()
gate.acquire()
order = []
fin = _thread.allocate_lock()
fin.acquire()
def waiter():
    gate.acquire()
    order.append("waiter got gate")
    fin.release()
_thread.start_new_thread(waiter, ())
time.sleep(0.02)
order.append("main releases")
gate.release()
fin.acquire()
print(order)

# Sentinels are released when their thread ends.
sent = []
def with_sentinel():
    s = _thread._set_sentinel()
    s.acquire()
    sent.append(s)
_thread.start_new_thread(with_sentinel, ())
while not sent:
    time.sleep(0.001)
print(sent[0].acquire(timeout=10))

# Argument errors.
for args in [(1, ()), (print, []), (print, (), 1)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)
for size in (100, -1):
    try:
        _thread.stack_size(size)
    except ValueError as e:
        print("ValueError:", e)
print(_thread.stack_size(), _thread.TIMEOUT_MAX, _thread.error is RuntimeError)
print(_thread.get_ident() == _thread.get_ident(), _thread.get_native_id() > 0)
try:
    _thread.interrupt_main(100)
except ValueError as e:
    print("ValueError:", e)
try:
    _thread.exit()
except SystemExit as e:
    print("SystemExit", e.args)
