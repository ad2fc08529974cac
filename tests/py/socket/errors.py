# _socket's argument checking and error messages (compared with CPython's).
import _socket as s
import socket

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

sock = s.socket()
unix = s.socket(s.AF_UNIX)
for f in [lambda: s.htons(-1), lambda: s.htons(70000), lambda: s.htons('x'), lambda: s.htons(1.0),
          lambda: s.htonl(-1), lambda: s.htonl(2**32), lambda: s.htonl('x'), lambda: s.ntohl(2**40),
          lambda: s.ntohs(-3), lambda: (s.htons(1), s.ntohs(256), s.htonl(1), s.ntohl(2**24)),
          lambda: s.inet_aton('x'), lambda: s.inet_aton(b'1.2.3.4'), lambda: s.inet_aton('127.1'),
          lambda: s.inet_ntoa(b'123'), lambda: s.inet_ntoa(b'\x7f\x00\x00\x01'), lambda: s.inet_ntoa('abcd'),
          lambda: s.inet_pton(99, '1.2.3.4'), lambda: s.inet_pton(s.AF_INET, 'zz'),
          lambda: s.inet_pton(s.AF_INET6, '::1'), lambda: s.inet_ntop(s.AF_INET6, b'\x00' * 15 + b'\x01'),
          lambda: s.inet_ntop(2, b'12'), lambda: s.inet_ntop(99, b'1234'),
          lambda: s.getservbyname('nosuch'), lambda: s.getservbyport(99999), lambda: s.getservbyport(1, 'zz'),
          lambda: s.getprotobyname('zz'), lambda: s.getprotobyname('tcp'),
          lambda: s.getaddrinfo(1, 2), lambda: s.getaddrinfo('localhost', 1.5),
          lambda: s.getaddrinfo('127.0.0.1', 80, s.AF_INET, s.SOCK_STREAM),
          lambda: s.getaddrinfo(None, 0, s.AF_INET, s.SOCK_DGRAM, 0, s.AI_PASSIVE),
          lambda: s.getaddrinfo('::1', '443', s.AF_INET6, s.SOCK_STREAM),
          lambda: s.getnameinfo('x', 0), lambda: s.getnameinfo(('127.0.0.1',), 0),
          lambda: s.getnameinfo(('127.0.0.1', 80, 1), 0),
          lambda: s.getnameinfo(('127.0.0.1', 80), s.NI_NUMERICHOST | s.NI_NUMERICSERV),
          lambda: s.setdefaulttimeout('x'), lambda: s.setdefaulttimeout(-1),
          lambda: s.gethostbyname(1), lambda: s.gethostbyname('127.0.0.1'), lambda: s.gethostbyname(''),
          lambda: s.gethostbyname_ex(1), lambda: s.gethostbyaddr(1),
          lambda: sock.connect('x'), lambda: sock.connect(('a',)), lambda: sock.bind(('a', 'b')),
          lambda: sock.bind(('', 70000)), lambda: sock.bind((1, 2)), lambda: unix.bind(1),
          lambda: unix.bind('x' * 200), lambda: sock.recv(-1), lambda: sock.settimeout('x'),
          lambda: sock.setblocking(1.0), lambda: sock.sendto(b'x'), lambda: sock.getsockopt(1, 2, 5000),
          lambda: s.socket(fileno=-5), lambda: s.socket(fileno=1.5), lambda: sock.recv_into(b'x'),
          lambda: sock.recv_into(bytearray(2), 5), lambda: sock.recv_into(bytearray(2), -1),
          lambda: sock.setsockopt(1, 2, 'x'), lambda: sock.setsockopt(1, 2, 'x', 3),
          lambda: s.CMSG_LEN(-1), lambda: sock.listen('x'), lambda: sock.getpeername(),
          lambda: sock.send('str'), lambda: s.socket(12345), lambda: socket.socket().getstate(),
          lambda: s.error is OSError and s.timeout is TimeoutError, lambda: s.herror.__mro__,
          lambda: s.gaierror.__mro__, lambda: (s.gaierror.__module__, s.herror.__name__),
          lambda: s.SocketType is s.socket, lambda: s.socket.__module__, lambda: s.has_ipv6,
          lambda: (s.AF_INET, s.AF_INET6, s.AF_UNIX, s.SOCK_STREAM, s.SOCK_DGRAM, s.SOL_SOCKET, s.SO_REUSEADDR,
                   s.IPPROTO_TCP, s.TCP_NODELAY, s.MSG_PEEK, s.SHUT_RDWR, s.AI_PASSIVE, s.EAI_NONAME,
                   s.INADDR_NONE, s.SOMAXCONN, s.SCM_RIGHTS)]:
    show(f)
sock.close()
print(repr(sock))
unix.close()
try:
    socket.socket().accept.__self__.settimeout(1) if False else sock.settimeout(1)
except OSError as e:
    print(type(e).__name__, e)
print(sorted(n for n in dir(socket.AddressFamily) if n in ("AF_INET", "AF_UNIX")))
print(socket.AddressFamily(2), socket.SocketKind.SOCK_DGRAM)
show(lambda: socket.getaddrinfo('localhost', '\uD800'))
x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
x.send(b"")
show(lambda: y.recvfrom_into(bytearray()))
x.send(b"")
show(lambda: y.recv_into(bytearray()))
x.close()
y.close()
