# Six threads contend for a lock with a tiny switch interval: GIL hand-offs while allocating.
import _thread, time, sys
sys.setswitchinterval(0.0001)
lock = _thread.allocate_lock()
done = _thread.allocate_lock(); done.acquire()
n = 6
left = [n]
shared = []
def worker(i):
    local = []
    for j in range(3000):
        local.append((i, j, [j] * 2, str(j)))
        if j % 7 == 0:
            with lock:
                shared.append(local[-1])
        if len(local) > 64:
            del local[:32]
        if j % 500 == 0:
            time.sleep(0)
    with lock:
        left[0] -= 1
        if left[0] == 0: done.release()
for i in range(n):
    _thread.start_new_thread(worker, (i,))
done.acquire()
print(len(shared), sum(x[1] for x in shared), sys.getswitchinterval())
for v in [0.001, 1e-7, 2, 0.0012345]:
    sys.setswitchinterval(v)
    print(sys.getswitchinterval())
for v in [0, -1, "x"]:
    try:
        sys.setswitchinterval(v)
    except Exception as e:
        print(type(e).__name__, e)
