# faulthandler: tracebacks written straight to a descriptor, on demand, after a timeout, on a user
# signal and on a fatal signal (in a child process). Thread ids are masked.
import faulthandler
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time


def masked(text):
    return re.sub(r"0x[0-9a-f]{16}", "0xTHREAD", text)


def captured(fn):
    with tempfile.TemporaryFile("w+") as f:
        fn(f)
        f.seek(0)
        return masked(f.read())


def inner(f, all_threads):
    faulthandler.dump_traceback(f, all_threads=all_threads)


def outer(f, all_threads=True):
    inner(f, all_threads)


print(captured(lambda f: outer(f, False)), end="")
print(captured(lambda f: outer(f)), end="")
print(captured(lambda f: faulthandler.dump_traceback(f.fileno(), False)), end="")

# Another thread, parked in a known place while the main thread dumps.
ready, done = threading.Event(), threading.Event()


def worker():
    ready.set()
    done.wait()


t = threading.Thread(target=worker)
t.start()
ready.wait()
text = captured(lambda f: faulthandler.dump_traceback(f))
done.set()
t.join()
# The worker's frames in threading.py vary with its lines; keep the shape.
print(re.sub(r'File "[^"]*threading.py", line \d+', 'File "threading.py", line N', text), end="")

print(faulthandler.is_enabled())
faulthandler.enable(sys.stderr)
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.disable(), faulthandler.is_enabled())

with tempfile.TemporaryFile("w+") as f:
    faulthandler.dump_traceback_later(0.05, file=f)
    time.sleep(0.5)
    faulthandler.dump_traceback_later(3600, repeat=True, file=f)
    faulthandler.cancel_dump_traceback_later()
    f.seek(0)
    print(masked(f.read()), end="")

with tempfile.TemporaryFile("w+") as f:
    faulthandler.register(signal.SIGUSR1, f, all_threads=False)
    os.kill(os.getpid(), signal.SIGUSR1)
    print(faulthandler.unregister(signal.SIGUSR1), faulthandler.unregister(signal.SIGUSR1))
    f.seek(0)
    print(f.read(), end="")

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

# Fatal signals in a child: the message, then the traceback, then death by the signal.
child = """
import faulthandler, sys
faulthandler.enable(all_threads=%s)
def crash():
    faulthandler.%s()
crash()
"""
for all_threads, fn in (("True", "_sigsegv"), ("False", "_sigabrt"), ("True", "_read_null")):
    r = subprocess.run([sys.executable, "-c", child % (all_threads, fn)], capture_output=True, text=True)
    print(r.returncode, masked(r.stderr), end="")
r = subprocess.run([sys.executable, "-X", "faulthandler", "-c", "import faulthandler; print(faulthandler.is_enabled())"],
                   capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run([sys.executable, "-c", "import faulthandler, time\n"
                    "faulthandler.dump_traceback_later(0.05, exit=True)\ntime.sleep(5)\nprint('not reached')"],
                   capture_output=True, text=True)
print(r.returncode, r.stdout, masked(r.stderr), end="")
