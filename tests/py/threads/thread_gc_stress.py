# Several threads allocate (lists, dicts, strings, closures, exceptions) while the others wait
# for the GIL, so collections scan every thread's stack and data stack.
import _thread
import gc

lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
n = 4
state = {"left": n, "out": {}}

def make(i, j):
    def inner():
        return [j, str(j) * 2, {"i": i, "j": j}, (i, j)]
    return inner

def worker(i):
    keep = []
    errors = 0
    for j in range(4000):
        keep.append(make(i, j)())
        try:
            raise ValueError(j)
        except ValueError as e:
            errors += e.args[0] == j
        if len(keep) > 100:
            keep = keep[50:]
        if j % 1000 == 0:
            gc.collect()
    checksum = sum(x[0] for x in keep) + sum(len(x[1]) for x in keep)
    with lock:
        state["out"][i] = (len(keep), checksum, errors)
        state["left"] -= 1
        if state["left"] == 0:
            done.release()

for i in range(n):
    _thread.start_new_thread(worker, (i,))
junk = []
for j in range(3000):
    junk.append({"k": [j] * 3})
    if len(junk) > 200:
        junk = junk[100:]
done.acquire()
print(sorted(state["out"].items()), len(junk))
