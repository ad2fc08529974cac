# The host ast module on _ast: parse, dump with positions, unparse, literal_eval, visitors, compile.
import ast
src = '''
def f(a, /, b: int = 3, *args, c, d=4, **kw) -> "r":
    """doc"""
    global g
    x = [i for i in range(10) if i % 2]
    y = {k: v for k, v in kw.items()}
    async def inner():
        await z
        async with a as b: pass
    match x:
        case [1, *rest] | {"a": 1, **rest}: pass
        case Point(x=0, y=_) if y: pass
    try: pass
    except* ValueError as e: raise
    return f"{x!r:>{w}} {y=}"
class C(B, metaclass=M):
    @dec
    def m(self): yield from (1, 2, 3)
lambda *, x=1: x
del a[1:2, ::3], b.c
'''
t = ast.parse(src)
print(ast.dump(t, include_attributes=True))
print(ast.dump(t, indent=2)[:2000])
print(ast.unparse(t))
print(ast.literal_eval("[1, 2.5, -3j, 'a', b'b', (None, True), {1: {2}}]"))
class V(ast.NodeVisitor):
    def visit_Name(self, node): print("name", node.id)
V().visit(t)
class T(ast.NodeTransformer):
    def visit_Constant(self, node): return ast.Constant(value=42) if node.value == 1 else node
t2 = ast.fix_missing_locations(T().visit(ast.parse("print(1 + 2)")))
exec(compile(t2, "<t2>", "exec"))
print(eval(compile(ast.Expression(ast.BinOp(ast.Constant(6, lineno=1, col_offset=0), ast.Mult(), ast.Constant(7, lineno=1, col_offset=0), lineno=1, col_offset=0), lineno=1, col_offset=0), "<e>", "eval")))
print(ast.dump(ast.parse("x: int = 5", mode="single")))
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type")))
print(ast.get_docstring(t.body[0]))
print([type(n).__name__ for n in ast.walk(ast.parse("a + b * c"))])
