# _thread._local (threading.local): per-thread attributes, subclasses with __init__.
import _thread

done = _thread.allocate_lock()

def run_in_thread(fn):
    done.acquire()
    out = []
    def body():
        try:
            out.append(fn())
        except Exception as e:
            out.append((type(e).__name__, str(e)))
        done.release()
    _thread.start_new_thread(body, ())
    done.acquire()
    done.release()
    return out[0]

loc = _thread._local()
loc.x = 1
print(run_in_thread(lambda: hasattr(loc, "x")))
def set_in_thread():
    loc.x = 2
    loc.y = 3
    return (loc.x, loc.y, sorted(loc.__dict__))
print(run_in_thread(set_in_thread))
print(loc.x, hasattr(loc, "y"), loc.__dict__)
del loc.x
print(hasattr(loc, "x"))
try:
    del loc.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    loc.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    _thread._local(1)
except TypeError as e:
    print("TypeError:", e)

class Counter(_thread._local):
    created = 0
    def __init__(self, start):
        Counter.created += 1
        self.value = start
    def bump(self):
        self.value += 1
        return self.value

c = Counter(10)
print(c.bump(), c.bump())
print(run_in_thread(lambda: (c.value, c.bump())))
print(c.value, Counter.created)
print(isinstance(c, _thread._local), type(c).__name__)

class Slots(_thread._local):
    kind = "class attr"
s = Slots()
print(s.kind, run_in_thread(lambda: s.kind))
