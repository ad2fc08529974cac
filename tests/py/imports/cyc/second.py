import cyc.first
try:
    from cyc.first import FIRST
except ImportError as e:
    ERROR = e
try:
    cyc.first.FIRST
except AttributeError as e:
    ATTR_ERROR = e
LATE = 'second'
