from . import a
from .sub import deep
NAME = __name__
ORDER = ['rel']
