# exec(), eval(), compile(): namespaces, defaults to the caller's, __builtins__, errors.
x = 10
print(eval("x + 1"), eval("  x * 2"), eval("y", {"y": 5}), eval("a + b", {"a": 1}, {"b": 2}))
g = {}
exec("z = x_val * 2\ndef f():\n    return z + 1", {"x_val": 4}, g)
print(sorted(g), g["z"])
ns = {"n": 3}
exec("m = n * n", ns)
print(ns["m"], "__builtins__" in ns, type(ns["__builtins__"]).__name__)
exec("created_here = 42")
print(created_here)

def func():
    local = 5
    return eval("local * 2")
print(func())

code = compile("1 + 2", "<expr>", "eval")
print(type(code).__name__, code.co_filename, code.co_name, eval(code))
code = compile("result = 7\nprint('from exec', result)", "myfile", "exec")
env = {}
print(exec(code, env), env["result"])
single = compile("5 * 5", "<single>", "single")
exec(single)
print(eval(b"3 * 3"), eval("1 +\\\n 1"))

def check(f):
    try:
        print(f())
    except (TypeError, ValueError, SyntaxError, NameError) as e:
        print(type(e).__name__, e)

check(lambda: eval(1))
check(lambda: eval("1+", {}))
check(lambda: exec("x=1", []))
check(lambda: exec("x=1", {}, 1))
check(lambda: eval("x", {}, 1))
check(lambda: eval("1", []))
check(lambda: compile("1", "f", "foo"))
check(lambda: compile(1, "f", "exec"))
check(lambda: compile("1", "f"))
check(lambda: compile("def f(:", "myfile", "exec"))
check(lambda: exec("undefined_name", {}))
check(lambda: eval("x = 1"))
check(lambda: exec())
check(lambda: eval())
check(lambda: exec("1", globals=None))

def outer():
    v = 1
    def inner():
        return v
    return inner
check(lambda: exec(outer().__code__))
check(lambda: eval(outer().__code__))

class Mapping:
    def __getitem__(self, key):
        if key == "magic":
            return 99
        raise KeyError(key)
print(eval("magic + 1", {}, Mapping()))
exec("class K:\n    attr = 1\nprint(K.attr, K.__module__)", {"__name__": "mod"})

# exec(code, closure=cells) runs a function's code with its free variables
def make():
    secret = "from the cell"
    def show():
        print("closure:", secret)
    return show
show = make()
exec(show.__code__, {}, None, closure=show.__closure__)
check(lambda: exec("1", closure=(1,)))
check(lambda: exec(compile("1", "f", "exec"), closure=(1,)))
check(lambda: exec(show.__code__, closure=(1,)))
check(lambda: exec(show.__code__, closure=1))
