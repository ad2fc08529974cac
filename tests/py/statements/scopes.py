x = "global"
def read():
    return x
def write():
    global x
    x = "changed"
print(read())
write()
print(x)

def outer():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 1
            return v
        return inner
    f = mid()
    f(); f()
    return v
print(outer())

def make_adders():
    return [lambda y, i=i: i + y for i in [1, 2, 3]]
print([f(10) for f in make_adders()])

class C:
    attr = 5
    doubled = attr * 2
    items = [attr for _ in "ab"] if False else None
print(C.attr, C.doubled)

def unbound():
    print(local_var)
    local_var = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
