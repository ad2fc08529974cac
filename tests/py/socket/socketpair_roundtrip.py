# socketpair: data both ways, recv_into / recvfrom / makefile, shutdown, dup, detach,
# fromfd, sendmsg/recvmsg with SCM_RIGHTS, and the socket object's attributes.
import array
import os
import socket

a, b = socket.socketpair()
print(a.family, b.type, a.proto, repr(a.family), repr(a.type))
print(a.gettimeout(), a.getblocking(), a.fileno() >= 0)
a.sendall(b"hello")
print(b.recv(10))
b.send(bytearray(b"back"))
print(a.recv(2), a.recv(2))
buf = bytearray(8)
a.send(b"xyz")
print(b.recv_into(buf), buf)
arr = array.array("b", [0] * 4)
a.send(b"\x01\x02")
print(b.recv_into(arr, 2), arr.tolist())
a.send(b"mv")
view = bytearray(4)
print(b.recv_into(memoryview(view)), view)
a.send(b"from")
print(b.recvfrom(10))
mem = bytearray(3)
a.send(b"abc")
print(b.recvfrom_into(mem))
print(a.getsockname(), b.getpeername())

# makefile, as http.client and socketserver use it
w = a.makefile("wb")
r = b.makefile("rb")
w.write(b"line one\nline two\n")
w.flush()
print(r.readline(), r.readline())
w.close()
r.close()

# shutdown: the peer reads EOF
a.shutdown(socket.SHUT_WR)
print(b.recv(10))

# dup, detach, fromfd
c = b.dup()
print(c.family == b.family, c.fileno() != b.fileno())
c.close()
fd = b.detach()
print(b.fileno(), b._closed)
d = socket.socket(fileno=fd)
print(d.family, d.type)
e = socket.fromfd(d.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
print(e.getsockname())
e.close()
d.close()
a.close()
print(a.fileno())

# passing a file descriptor with SCM_RIGHTS
s1, s2 = socket.socketpair()
rfd, wfd = os.pipe()
socket.send_fds(s1, [b"fd!"], [wfd])
msg, fds, flags, addr = socket.recv_fds(s2, 10, 1)
print(msg, len(fds), flags, addr)
os.write(fds[0], b"through")
print(os.read(rfd, 10))
for f in (rfd, wfd, fds[0]):
    os.close(f)
anc = socket.CMSG_LEN(4), socket.CMSG_SPACE(4)
print(anc)

# datagrams
u1, u2 = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
u1.send(b"one")
u1.send(b"two")
print(u2.recv(10), u2.recv(10))
for s in (s1, s2, u1, u2):
    s.close()

# context manager and repr of a closed socket
with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
    print(s.type)
print(repr(s).startswith("<socket.socket [closed] fd=-1"))
