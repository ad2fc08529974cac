# Import cycles: partially initialised modules and CPython's messages for them.
import os
import sys

HERE = os.path.dirname(os.path.realpath(__file__))


def clean(e):
    return str(e).replace(HERE, '<dir>')


import cyc.first
second = sys.modules['cyc.second']
print(type(second.ERROR).__name__, clean(second.ERROR))
print(second.ERROR.name, second.ERROR.path.replace(HERE, '<dir>'))
print(type(second.ATTR_ERROR).__name__, clean(second.ATTR_ERROR))
print(cyc.first.FIRST, second.LATE, cyc.first.second is second)

import cyc.ping
print(cyc.ping.call(), cyc.pong.call())
try:
    cyc.ping.nothing
except AttributeError as e:
    print(e)
