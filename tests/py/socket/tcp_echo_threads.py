# A TCP echo server on 127.0.0.1 in a thread (blocking accept/recv release the GIL), a client
# sending more than a socket buffer holds, and a socketserver.ThreadingTCPServer.
import socket
import socketserver
import threading

server = socket.create_server(("127.0.0.1", 0))
port = server.getsockname()[1]
print(server.family, server.type, server.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)

notes = []

def echo():
    conn, addr = server.accept()
    with conn:
        notes.append(("server: peer is 127.0.0.1:", addr[0] == "127.0.0.1", conn.getsockname()[1] == port))
        total = 0
        while True:
            data = conn.recv(65536)
            if not data:
                break
            total += len(data)
            conn.sendall(data)
        notes.append(("server echoed", total))

t = threading.Thread(target=echo)
t.start()
cli = socket.create_connection(("127.0.0.1", port))
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
payload = bytes(range(256)) * 4096  # 1 MiB: the server must run while the client sends
received = []

def reader():
    n = 0
    while n < len(payload):
        chunk = cli.recv(65536)
        if not chunk:
            break
        received.append(chunk)
        n += len(chunk)

rt = threading.Thread(target=reader)
rt.start()
cli.sendall(payload)
rt.join()
print(b"".join(received) == payload)
cli.shutdown(socket.SHUT_WR)
t.join()
for note in notes:
    print(*note)
cli.close()
server.close()

# connect_ex to a port nobody listens on
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
free = probe.getsockname()[1]
probe.close()
s = socket.socket()
print(s.connect_ex(("127.0.0.1", free)) == 111)
try:
    s.connect(("127.0.0.1", free))
except ConnectionRefusedError as e:
    print("refused", e.errno)
s.close()

class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.readline().upper())

with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Upper) as srv:
    st = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05})
    st.start()
    for word in (b"alpha\n", b"beta\n"):
        with socket.create_connection(srv.server_address) as c:
            c.sendall(word)
            print(c.makefile("rb").readline())
    srv.shutdown()
    st.join()

# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"datagram", u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
u1.close()
u2.close()
