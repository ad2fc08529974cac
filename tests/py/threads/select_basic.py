# select: select() on a writable stdout, timeouts, argument errors; poll and epoll objects.
import select
import time

class FileLike:
    def __init__(self, fd):
        self.fd = fd
    def fileno(self):
        return self.fd

out = FileLike(1)
r, w, x = select.select([], [out, 1], [], 0)
print(r, [o is out or o for o in w], x)
start = time.monotonic()
print(select.select([], [], [], 0.05), time.monotonic() - start >= 0.04)
for args in [([], [], [], -1), (["x"], [], []), ([-1], [], []), ([], [], [], "a"), ([100000], [], [])]:
    try:
        select.select(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(select.error is OSError, select.PIPE_BUF, select.POLLIN, select.POLLOUT, select.EPOLLIN, select.EPOLLET)

p = select.poll()
p.register(1, select.POLLOUT)
p.register(FileLike(2))
print(sorted(p.poll(0)))
p.modify(2, select.POLLIN)
print(p.poll(10))
p.unregister(1)
for call in [lambda: p.unregister(5), lambda: p.modify(5, 1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

e = select.epoll()
print(e.closed, e.fileno() > 2)
e.register(1, select.EPOLLOUT)
print(e.poll(0.1))
e.modify(1, select.EPOLLIN)
print(e.poll(0))
e.unregister(1)
try:
    e.unregister(1)
except OSError as err:
    print(type(err).__name__, err)
e.close()
print(e.closed)
for call in [e.poll, e.fileno]:
    try:
        call()
    except ValueError as err:
        print(err)
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
