def f(a: int) -> in:
    pass
