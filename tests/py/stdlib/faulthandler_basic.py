# gcstress: 50
# faulthandler: tracebacks written to a file descriptor (one thread or all, the current one
# marked), the fatal-signal handler of enable() (in a child process), dump_traceback_later.
import faulthandler
import re
import subprocess
import sys
import tempfile
import threading
import time

def show(text):
    text = text.replace(__file__, "THIS_FILE")
    print(re.sub(r"0x[0-9a-f]{16}", "0xTHREAD", text).replace(sys.executable, "PYTHON"))

def inner(f):
    faulthandler.dump_traceback(f, all_threads=False)

with tempfile.TemporaryFile("w+") as f:
    inner(f)
    ev = threading.Event()
    t = threading.Thread(target=ev.wait)
    t.start()
    faulthandler.dump_traceback(f.fileno())
    ev.set()
    t.join()
    f.seek(0)
    text = f.read()
show(re.sub(r'File ".*threading.py", line \d+', 'File "threading.py", line N', text))

print(faulthandler.is_enabled())
faulthandler.enable(sys.stdout)
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.is_enabled())

child = """
import faulthandler, os, signal
faulthandler.enable()
def crash():
    os.kill(os.getpid(), signal.SIGSEGV)
crash()
"""
r = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True)
print(r.returncode)
show(r.stderr)

with tempfile.TemporaryFile("w+") as f:
    faulthandler.dump_traceback_later(0.05, file=f)
    time.sleep(0.5)
    faulthandler.cancel_dump_traceback_later()
    f.seek(0)
    show(f.read())
for bad in (0, -1):
    try:
        faulthandler.dump_traceback_later(bad)
    except ValueError as e:
        print(e)
