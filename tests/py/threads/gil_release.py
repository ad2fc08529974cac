# Blocking calls release the GIL: four threads sleeping (or waiting in select/poll) at once take
# about as long as one, and the main thread keeps running meanwhile.
import _thread
import select
import time

def run_parallel(fn, n):
    lock = _thread.allocate_lock()
    done = _thread.allocate_lock()
    done.acquire()
    left = [n]
    def body():
        fn()
        with lock:
            left[0] -= 1
            if left[0] == 0:
                done.release()
    start = time.monotonic()
    for _ in range(n):
        _thread.start_new_thread(body, ())
    # The main thread computes while the others block.
    total = sum(range(200000))
    done.acquire()
    return total, time.monotonic() - start

total, elapsed = run_parallel(lambda: time.sleep(0.3), 4)
print("sleep", total, elapsed < 1.0)
total, elapsed = run_parallel(lambda: select.select([], [], [], 0.3), 4)
print("select", total, elapsed < 1.0)
def poll_wait():
    p = select.poll()
    p.poll(300)
total, elapsed = run_parallel(poll_wait, 4)
print("poll", total, elapsed < 1.0)
def lock_wait():
    l = _thread.allocate_lock()
    l.acquire()
    l.acquire(timeout=0.3)
total, elapsed = run_parallel(lock_wait, 4)
print("lock", total, elapsed < 1.0)
