# Built-in functions and method descriptors pickle by name or through getattr, as CPython.
import pickle, copy
for obj in (len, getattr, [].append, list.append, dict.fromkeys, {}.get, str.join):
    try:
        r = obj.__reduce__()
        print(r if isinstance(r, str) else (r[0].__name__, type(r[1][0]).__name__, r[1][1]))
    except Exception as e:
        print(type(e).__name__, e)
print(pickle.loads(pickle.dumps(len)) is len, pickle.loads(pickle.dumps(list.append)) is list.append)
print(copy.copy(len) is len)
