# Socket timeouts as CPython has them: settimeout/gettimeout/getblocking, TimeoutError
# ("timed out") from recv/accept/connect-less waits, BlockingIOError in non-blocking mode,
# and the module's default timeout.
import socket
import time

a, b = socket.socketpair()
print(a.gettimeout(), a.getblocking(), a.timeout)
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking(), a.timeout)
start = time.monotonic()
try:
    a.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, e.args, e.errno)
print(time.monotonic() - start >= 0.04)
a.settimeout(0)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
a.setblocking(True)
print(a.gettimeout(), a.getblocking())
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
a.settimeout(None)
a.settimeout(2)
print(a.gettimeout())
a.settimeout(1.5)
print(a.gettimeout())
b.send(b"ready")
print(a.recv(10))

for bad in (-1, "x", float("nan")):
    try:
        a.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(socket.getdefaulttimeout())
socket.setdefaulttimeout(0.25)
print(socket.getdefaulttimeout())
c = socket.socket()
print(c.gettimeout(), c.getblocking())
c.close()
socket.setdefaulttimeout(None)
d = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(d.gettimeout(), d.type)
d.close()

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.02)
try:
    srv.accept()
except TimeoutError as e:
    print("accept:", e)
srv.close()

# sendall with a timeout on a full buffer
a.settimeout(0.05)
try:
    while True:
        a.sendall(b"x" * 65536)
except TimeoutError as e:
    print("sendall:", e)
a.close()
b.close()
try:
    a.recv(1)
except OSError as e:
    print(type(e).__name__, e.errno)
