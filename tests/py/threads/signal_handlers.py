# _signal: Python handlers, default SIGINT handler, itimers, masks, errors.
import _signal as signal, time
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGTERM))
got = []
def h(sig, frame):
    got.append((sig, frame is not None))
old = signal.signal(signal.SIGUSR1, h)
print(old)
signal.raise_signal(signal.SIGUSR1)
print(got)
signal.signal(signal.SIGALRM, lambda s, f: got.append("alarm"))
signal.setitimer(signal.ITIMER_REAL, 0.01)
time.sleep(0.1)
print(got)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KI", repr(e))
print(signal.strsignal(signal.SIGTERM), len(signal.valid_signals()))
print(signal.SIGINT == 2)
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR2]), signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR2]))
def boom(s, f): raise RuntimeError("from handler")
signal.signal(signal.SIGUSR2, boom)
try:
    signal.raise_signal(signal.SIGUSR2)
except RuntimeError as e: print("caught", e)
for a in [(100, signal.SIG_DFL), (9, signal.SIG_IGN), (2, 5)]:
  try: signal.signal(*a)
  except Exception as e: print(type(e).__name__, e)
try: signal.setitimer(0, -1)
except signal.ItimerError as e: print(type(e).__name__, e)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is h, signal.getsignal(signal.SIGUSR1))
