# stdin: /usr/lib/python3.11/fnmatch.py
# A real module through _ast: its tree (every field and position) summarised, and compiling the
# tree gives the same code as compiling the source.
import sys, _ast

def dump(node, out):
    if isinstance(node, _ast.AST):
        out.append(type(node).__name__ + "(")
        for name in node._fields + node._attributes:
            if hasattr(node, name):
                out.append(name + "=")
                dump(getattr(node, name), out)
                out.append(",")
        out.append(")")
    elif isinstance(node, list):
        out.append("[")
        for x in node:
            dump(x, out)
            out.append(",")
        out.append("]")
    else:
        out.append(repr(node))

src = sys.stdin.read()
tree = compile(src, "fnmatch.py", "exec", _ast.PyCF_ONLY_AST)
out = []
dump(tree, out)
text = "".join(out)
print(len(text), sum(ord(c) * (i % 97 + 1) for i, c in enumerate(text)) % 1000000007)
print(text[:300])
print(text[-300:])

def codes(c, acc):
    acc.append((c.co_name, c.co_code, c.co_names, c.co_varnames, c.co_firstlineno))
    for k in c.co_consts:
        if hasattr(k, "co_code"):
            codes(k, acc)
    return acc

a = codes(compile(src, "fnmatch.py", "exec"), [])
b = codes(compile(tree, "fnmatch.py", "exec"), [])
print(len(a), a == b)
