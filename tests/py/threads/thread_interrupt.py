# _thread.interrupt_main (SIGINT and another signal), errors in raw threads.
import _thread, time
def f():
    time.sleep(0.02)
    _thread.interrupt_main()
_thread.start_new_thread(f, ())
try:
    while True:
        pass
except KeyboardInterrupt as e:
    print("interrupted", repr(e))
import _signal
got = []
_signal.signal(_signal.SIGUSR1, lambda s, fr: got.append(s))
_thread.start_new_thread(lambda: _thread.interrupt_main(_signal.SIGUSR1), ())
for i in range(10):
    time.sleep(0.01)
print(got)
def g(): raise ValueError("in raw thread")
_thread.start_new_thread(g, ())
time.sleep(0.05)
print("end")
