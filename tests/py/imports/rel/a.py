from .b import B_VALUE
from . import b
A_VALUE = 'a' + B_VALUE
PKG = __package__
