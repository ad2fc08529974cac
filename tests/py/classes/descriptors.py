# Descriptor protocol: data vs non-data descriptors, precedence over instance dicts,
# __get__ on the class, __delete__, functions as descriptors.
class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)

class Data:
    def __init__(self):
        self.store = {}
    def __get__(self, obj, objtype=None):
        if obj is None:
            return "class access"
        return self.store[id(obj)] if id(obj) in self.store else "default"
    def __set__(self, obj, value):
        self.store[id(obj)] = value
    def __delete__(self, obj):
        print("delete called")
        del self.store[id(obj)]

class C:
    nd = NonData()
    d = Data()

c = C()
print(c.nd, C.nd, C.d)
c.__dict__["nd"] = "instance wins over non-data"
print(c.nd)
c.__dict__["d"] = "instance loses to data"
print(c.d)
c.d = 5
print(c.d, c.__dict__["d"])
del c.d
print(c.d)

# functions are non-data descriptors
def f(self, x):
    return (self, x)
class D:
    m = f
    def __repr__(self):
        return "D()"
print(D().m(1), D.m(2, 3))
bound = f.__get__(D(), D)
print(bound(4), f.__get__(None, D) is f)

# Only __set__ still makes a data descriptor
class SetOnly:
    def __set__(self, obj, value):
        print("set", value)
class E:
    s = SetOnly()
e = E()
e.s = 1
print(type(e.s).__name__)

# __getattr__ only when normal lookup fails; __getattribute__ always
class G:
    x = 1
    def __getattr__(self, name):
        return "missing:" + name
g = G()
print(g.x, g.y)

class H:
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback:" + name
h = H()
print(h.real, h.secret, h.other)

class I:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return "from getattr " + name
print(I().anything)

# __setattr__ and __delattr__
class J:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
j = J()
j.a = 1
del j.a
try:
    del j.a
except AttributeError as e:
    print("AttributeError", e)

class K:
    pass
k = K()
try:
    k.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    del k.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError", e)
print(getattr(k, "nope", "dflt"), hasattr(k, "nope"))
setattr(k, "dyn", 3)
print(k.dyn, vars(k))
delattr(k, "dyn")
print(vars(k))
