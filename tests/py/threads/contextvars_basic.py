# contextvars: ContextVar get/set/reset, Token, Context.run/copy/mapping, per-thread contexts.
import contextvars as cv
v = cv.ContextVar('v'); w = cv.ContextVar('w', default=5)
print(repr(v)[:25], repr(w)[:30], v.name)
try: v.get()
except LookupError as e: print('LookupError', e.args[0] is v)
t = v.set(1); print(repr(t)[:30], t.var is v, t.old_value, cv.Token.MISSING)
ctx = cv.copy_context(); print(len(ctx), ctx[v], v in ctx, list(ctx.keys()) == [v], ctx.get(w), ctx.get(w, 3))
try: ctx[w]
except KeyError as e: print('KeyError', e.args[0] is w)
v.reset(t)
try: v.reset(t)
except RuntimeError as e: print('RuntimeError', str(e)[:20])
try: cv.Context(1)
except TypeError as e: print(e)
try: cv.ContextVar(1)
except TypeError as e: print(e)
try:
  class X(cv.ContextVar): pass
except TypeError as e: print(e)
def f(a, b=2): v.set(a); return v.get(), b
c2 = cv.Context(); print(c2.run(f, 7, b=3), c2[v], v.get('none'))
try: c2.run(lambda: c2.run(print))
except RuntimeError as e: print(str(e)[:40])
t2 = v.set(9)
try: c2.run(v.reset, t2)
except ValueError as e: print(str(e)[-30:])
t3 = w.set(1)
try: v.reset(t3)
except ValueError as e: print(str(e)[-35:])
print(cv.ContextVar[int], cv.Token[int], c2 == c2.copy(), c2.copy() is c2, hash(v) == hash(v))
print(sorted(x for x in dir(cv) if not x.startswith('_')))
print(list(c2.items()) == [(v, 7)], list(c2.values()), list(iter(c2)) == [v])
print(w.get(), w.get(0), v.get())
try: cv.Token()
except RuntimeError as e: print(e)
# each copy is independent
c3 = cv.copy_context()
c3.run(v.set, 100)
print(v.get(), c3[v])
import _thread
res = []
lk = _thread.allocate_lock(); lk.acquire()
def th():
    res.append(v.get("unset in new thread")); v.set(5); res.append(v.get()); lk.release()
_thread.start_new_thread(th, ())
lk.acquire()
print(res, v.get())
