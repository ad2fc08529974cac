# f-string compile errors and warnings (test_fstring).
import warnings
warnings.simplefilter('always')
with warnings.catch_warnings(record=True) as w:
    print(eval(r"f'\{6*7}'"))
    print([str(x.message) for x in w])
for src in ("f'{*a}'", "f'{**a}'", "x = (**a)", "x = (**a, 1)"):
    try:
        compile(src, '?', 'exec')
    except SyntaxError as e:
        print(e.msg)
