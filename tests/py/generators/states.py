# Generator and coroutine state attributes (gi_suspended, gi_running, gi_frame, cr_suspended)
# through a life cycle, as inspect.getgeneratorstate reads them.
def state(g):
    if g.gi_running:
        return "RUNNING"
    if g.gi_suspended:
        return "SUSPENDED"
    if g.gi_frame is None:
        return "CLOSED"
    return "CREATED"

def gen():
    print("inside:", state(me))
    yield 1
    yield 2

me = gen()
print(state(me))
next(me)
print(state(me), me.gi_frame.f_lineno)
me.close()
print(state(me))
finished = gen.__code__ and (lambda: (yield))()
list(finished)
print(finished.gi_suspended, finished.gi_frame)

class T:
    def __await__(self):
        yield "t"
async def coro():
    await T()
c = coro()
print(c.cr_suspended, c.cr_running, c.cr_frame is not None)
c.send(None)
print(c.cr_suspended, type(c.cr_await).__name__)
c.close()
print(c.cr_suspended, c.cr_frame)
