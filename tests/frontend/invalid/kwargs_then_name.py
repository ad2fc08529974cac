def f(**kw x):
    pass
