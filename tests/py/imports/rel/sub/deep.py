from ..a import A_VALUE
from .. import b as again
DEEP = A_VALUE + '/deep'
