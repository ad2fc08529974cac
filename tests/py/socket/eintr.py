# PEP 475: a signal arriving during a blocking socket call runs its handler, and the call goes
# on (or the handler's exception propagates); with a timeout the deadline still holds.
import signal
import socket
import threading
import time

hits = []
signal.signal(signal.SIGALRM, lambda *a: hits.append("alarm"))
a, b = socket.socketpair()

def later():
    time.sleep(0.3)
    b.send(b"after the signal")

t = threading.Thread(target=later)
t.start()
signal.setitimer(signal.ITIMER_REAL, 0.1)
print(a.recv(100), hits)
t.join()

def boom(*args):
    raise RuntimeError("from the handler")

signal.signal(signal.SIGALRM, boom)
signal.setitimer(signal.ITIMER_REAL, 0.1)
try:
    a.recv(100)
except RuntimeError as e:
    print("interrupted:", e)

hits.clear()
signal.signal(signal.SIGALRM, lambda *a: hits.append("alarm"))
a.settimeout(0.4)
signal.setitimer(signal.ITIMER_REAL, 0.1)
start = time.monotonic()
try:
    a.recv(100)
except TimeoutError as e:
    print(e, hits, 0.3 < time.monotonic() - start < 2)
a.close()
b.close()
