# faulthandler: tracebacks written straight to a descriptor, on demand, after a timeout, on a user
# signal and on a fatal signal (in a forked child). Thread ids are masked. Kept to light imports
# (no subprocess, tempfile or re) so that it stays quick under GC stress.
import _thread
import faulthandler
import os
import signal
import sys
import time


def masked(text):
    out = []
    for line in text.split("\n"):
        i = line.find("0x")
        if i >= 0 and line[i + 2:i + 18].isalnum() and len(line[i + 2:i + 18]) == 16:
            line = line[:i] + "0xTHREAD" + line[i + 18:]
        out.append(line.replace(__file__, "THIS_FILE"))
    return "\n".join(out)


def captured(fn):
    r, w = os.pipe()
    try:
        fn(w)
    finally:
        os.close(w)
    data = b""
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        data += chunk
    os.close(r)
    return masked(data.decode())


def inner(fd, all_threads):
    faulthandler.dump_traceback(fd, all_threads=all_threads)


def outer(fd, all_threads=True):
    inner(fd, all_threads)


print(captured(lambda fd: outer(fd, False)), end="")
print(captured(lambda fd: outer(fd)), end="")

# Another thread, parked in a known place while the main thread dumps.
started, release = _thread.allocate_lock(), _thread.allocate_lock()
started.acquire()
release.acquire()


def worker():
    started.release()
    release.acquire()


_thread.start_new_thread(worker, ())
started.acquire()
print(captured(lambda fd: faulthandler.dump_traceback(fd)), end="")
release.release()

print(faulthandler.is_enabled())
faulthandler.enable(sys.stderr)
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())


def later(fd):
    faulthandler.dump_traceback_later(0.05, file=fd)
    time.sleep(0.5)
    faulthandler.dump_traceback_later(3600, repeat=True, file=fd)
    faulthandler.cancel_dump_traceback_later()


print(captured(later), end="")


def on_signal(fd):
    faulthandler.register(signal.SIGUSR1, fd, all_threads=False)
    os.kill(os.getpid(), signal.SIGUSR1)
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))


print(captured(on_signal), end="")

for call in (lambda: faulthandler.dump_traceback(-1), lambda: faulthandler.dump_traceback_later(0),
             lambda: faulthandler.dump_traceback_later(-2.5), lambda: faulthandler.register(signal.SIGSEGV),
             lambda: faulthandler.register(0), lambda: faulthandler.unregister(10 ** 6),
             lambda: faulthandler.dump_traceback_later("1"), lambda: faulthandler.enable(file=object())):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
saved = sys.stderr
sys.stderr = None
try:
    faulthandler.dump_traceback()
except RuntimeError as e:
    print("RuntimeError", e)
finally:
    sys.stderr = saved


# Fatal signals in a forked child: the message, the traceback, then death by the signal.
def crash(how, all_threads):
    def child_body():
        faulthandler.enable(all_threads=all_threads)
        how()

    sys.stdout.flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 2)
        child_body()
        os._exit(0)
    os.close(w)
    data = b""
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        data += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    print(os.WTERMSIG(status) if os.WIFSIGNALED(status) else "exit", masked(data.decode()), end="")


crash(faulthandler._sigsegv, True)
crash(faulthandler._sigabrt, False)
crash(faulthandler._read_null, True)
