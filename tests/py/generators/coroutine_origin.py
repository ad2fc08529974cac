# sys.set_coroutine_origin_tracking_depth / get_coroutine_origin_tracking_depth and cr_origin.
import sys
print(sys.get_coroutine_origin_tracking_depth())
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError:", e)
for bad in [("a",), ()]:
    try:
        sys.set_coroutine_origin_tracking_depth(*bad)
    except TypeError as e:
        print("TypeError:", e)
sys.set_coroutine_origin_tracking_depth(depth=2)
print(sys.get_coroutine_origin_tracking_depth())
async def c():
    pass
def mk():
    return c()
def deeper():
    return mk()
made = [mk(), deeper()]
for co in made:
    print([(f.rsplit("/", 1)[-1], line, name) for f, line, name in co.cr_origin])
    co.close()
sys.set_coroutine_origin_tracking_depth(0)
co = mk()
print(co.cr_origin)
co.close()
