# The gc module: thresholds, collect() arguments and callbacks, is_finalized, garbage,
# __del__ of unreachable cycles on collect().
import gc
print(gc.isenabled(), gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
gc.set_threshold(5, 6, 7)
print(gc.get_threshold())
for bad in [(), (1, 2, 3, 4), ("a",)]:
    try:
        gc.set_threshold(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
print(gc.callbacks, gc.garbage, gc.DEBUG_STATS, gc.DEBUG_LEAK)
events = []
def cb(phase, info):
    events.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
print(events)

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)
def make_cycle():
    a = Node("a")
    b = Node("b")
    a.other = b
    b.other = a
    print(gc.is_finalized(a))
make_cycle()
for i in range(3):
    gc.collect()
print("after collect")
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), isinstance(gc.collect(), int))
