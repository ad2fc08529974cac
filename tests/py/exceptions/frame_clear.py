# frame.clear() on the frames of a finished traceback, traceback.clear_frames, sys.gettrace/getprofile.
import sys
import traceback

def f():
    x = [1, 2]
    raise ValueError(x)

try:
    f()
except ValueError as e:
    fr = e.__traceback__.tb_next.tb_frame
    print(fr.clear())
    print(fr.f_locals)
    try:
        fr.clear(1)
    except TypeError as t:
        print("TypeError:", t)

try:
    f()
except ValueError as e:
    traceback.clear_frames(e.__traceback__)
    print("cleared", e)
print(sys.gettrace(), sys.getprofile())
